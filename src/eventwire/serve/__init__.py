"""The eventwire web service: a REST API (FastAPI) and an offline web UI over the event store.

    from eventwire.serve import create_app
    app = create_app(settings, store=open_store("eventwire.db"))

Run it with ``eventwire serve``.
"""

from .app import create_app
from .config import API_KEY_ENV, ServeConfig, serve_config

__all__ = ["API_KEY_ENV", "ServeConfig", "create_app", "serve_config"]
