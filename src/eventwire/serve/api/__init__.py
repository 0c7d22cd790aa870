"""One router per resource; :func:`eventwire.serve.create_app` assembles them."""

from . import actors, documents, events, feeds, places, quotes, stats

ROUTERS = (
    events.router,
    documents.router,
    feeds.router,
    actors.router,
    quotes.router,
    places.router,
    stats.router,
)

__all__ = ["ROUTERS"]
