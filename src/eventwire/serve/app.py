"""The app factory: assembles the routers, the error shape, limits, the docs and the web UI.

    app = create_app(settings, store=open_store("eventwire.db"))
    app = create_app(store=store, pipeline=test_pipeline, config=ServeConfig(api_key="k"))

Everything the browser loads is served from here: the UI (``static/``), Swagger UI from the
``swagger-ui-bundle-v2`` package, and the world outline from ``static/vendor/node_modules``
(installed by ``npm ci``, see ``static/vendor/README.md``).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection

from ..nlp import Pipeline
from ..settings import Settings
from ..store import Store, StoreWriter, table_counts
from ..store.dedup import DedupParams
from .api import ROUTERS
from .config import ServeConfig, serve_config
from .errors import install_error_handlers
from .fetching import make_safe_client
from .limits import BodySizeLimit
from .models import Health
from .security import require_read_key
from .state import AppState, PipelineProvider, read_conn

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "node_modules"

#: Nothing the pages load may come from elsewhere.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
)


def _swagger_dir() -> Path | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    return Path(str(swagger_ui_path))


def _install_docs(app: FastAPI) -> None:
    assets = _swagger_dir()
    if assets is None:
        log.warning("swagger-ui-bundle-v2 is not installed: /docs is disabled")
        return
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _install_ui(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/vendor", StaticFiles(directory=VENDOR_DIR, check_dir=False), name="vendor")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


def create_app(
    settings: Settings | None = None,
    *,
    store: Store,
    config: ServeConfig | None = None,
    pipeline: Pipeline | None = None,
    pipeline_factory: Callable[[Settings], Pipeline] | None = None,
    client_factory: Callable[[], httpx.Client] | None = None,
    close_store: bool = False,
) -> FastAPI:
    """The eventwire web service over ``store``.

    ``config`` defaults to :func:`serve_config` of ``settings`` (API key from the
    environment). The pipeline is loaded on the first submission unless one is injected;
    ``client_factory`` builds the HTTP client for URLs (default: refuses private hosts unless
    the config allows them). With ``close_store`` the store is closed at shutdown.
    """
    settings = settings or Settings()
    config = config or serve_config(settings)

    def default_client() -> httpx.Client:
        return make_safe_client(settings, allow_private=config.allow_private_urls)

    state = AppState(
        store=store,
        settings=settings,
        config=config,
        pipelines=PipelineProvider(settings, pipeline, pipeline_factory),
        writer=StoreWriter(store, DedupParams.from_settings(settings)),
        client_factory=client_factory or default_client,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if close_store:
            store.close()

    app = FastAPI(
        title="eventwire",
        version=version("eventwire"),
        description="Political event data from news: submit articles and feeds, query events, "
        "actors, quotes, places and aggregates. Errors share one shape: "
        '`{"error": {"status", "code", "message", "details"}}`.',
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.eventwire = state
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)

    @app.get("/health", response_model=Health, tags=["service"], summary="Service status")
    def health(
        request: Request,
        conn: Annotated[Connection, Depends(read_conn)],
        _auth: Annotated[None, Depends(require_read_key)],
    ) -> Health:
        """Whether the service runs, the database it serves and its table sizes."""
        st: AppState = request.app.state.eventwire
        return Health(
            version=app.version,
            database=st.store.url,
            pipeline_loaded=st.pipelines.loaded,
            counts=table_counts(conn),
        )

    _install_docs(app)
    _install_ui(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(BodySizeLimit, max_bytes=config.max_request_bytes)
    return app
