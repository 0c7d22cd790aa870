"""``eventwire serve``: the REST API and web UI over an event database (uvicorn)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys

from ._store import add_db_option, open_from_args

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the REST API and the web UI over a database",
        description="Serve the REST API (OpenAPI at /openapi.json, docs at /docs) and the web "
        "UI (at /) over an event database. Write endpoints need the API key from "
        "EVENTWIRE_API_KEY or the config's [eventwire.serve] api_key_file. Binds 127.0.0.1 "
        "unless --host says otherwise.",
    )
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--config", help="TOML settings file")
    p.add_argument("--model", help="spaCy pipeline for submitted articles")
    p.add_argument(
        "--preload", action="store_true", help="load the extraction model at start, not on demand"
    )
    p.set_defaults(func=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve import create_app, serve_config
    from ..settings import load_settings

    settings = load_settings(args.config, model=args.model)
    config = serve_config(settings)
    store = open_from_args(args, create=True)
    app = create_app(settings, store=store, config=config, close_store=True)
    if args.preload:
        with app.state.eventwire.pipelines.use():
            pass
    if not _is_loopback(args.host):
        print(f"eventwire: serving on {args.host}, reachable from other machines", file=sys.stderr)
    if config.api_key is None:
        print("eventwire: no API key set (EVENTWIRE_API_KEY): submissions are disabled",
              file=sys.stderr)  # fmt: skip
    print(f"eventwire: http://{args.host}:{args.port}/ [{store.url}]", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
