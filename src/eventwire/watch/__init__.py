"""Live feeds: poll RSS, Atom and JSON feeds and ingest each new article once.

    watcher = Watcher(["https://example.org/feed.xml"], store=store, pipeline=Pipeline(settings),
                      client=make_client(settings.user_agent, settings.fetch_timeout_s),
                      settings=settings, options=WatchOptions(every_s=900))
    watcher.run()            # until watcher.stop(); or run(once=True) / run(max_polls=N)

The command line is ``eventwire watch``; see ``docs/watch.md``.
"""

from .schedule import WatchOptions, backoff_delay, parse_interval
from .state import WatchState
from .watcher import Extractor, Watcher, WatchSummary

__all__ = [
    "Extractor",
    "WatchOptions",
    "WatchState",
    "WatchSummary",
    "Watcher",
    "backoff_delay",
    "parse_interval",
]
