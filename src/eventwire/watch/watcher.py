"""The feed watcher: poll feeds on a schedule, ingest each new item once, survive failures.

One *round* polls the feeds that are due (all of them in a run's first round), records their
new items as pending, then processes the pending items that are due: fetch the article page
(falling back to the item's own content), extract with the injected pipeline, store with the
injected writer. Between rounds the watcher sleeps until the next poll or retry is due.

Nothing that goes wrong with one feed or one item stops the watcher: a failed poll is retried
with bounded exponential back-off; a page that fails transiently is retried the same way
before the item's feed content is used instead; an item that fails unexpectedly is retried a
bounded number of times and then marked ``failed``. All state is in the database
(:mod:`eventwire.watch.state`), so a restart resumes where the last one stopped.

The clock and the sleep function are injected, so tests run the schedule without waiting.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Protocol

import httpx

from ..errors import InputError
from ..ingest.document import RawDocument
from ..ingest.readers import Reader
from ..schema import DocumentRecord, Rejection
from ..settings import Settings
from ..store.engine import Store
from ..store.writer import StoreWriter
from .items import fetch_feed, is_transient, is_url, item_document, page_document, read_items
from .schedule import WatchOptions
from .state import DUPLICATE, FAILED, REJECTED, STORED, FeedState, PendingItem, WatchState

log = logging.getLogger(__name__)

#: Shortest sleep between rounds, so that a clock that does not advance cannot spin the loop.
MIN_SLEEP_S = 1.0


class Extractor(Protocol):
    """What the watcher needs of a pipeline (:class:`eventwire.nlp.Pipeline` has it)."""

    def process_one(self, raw: RawDocument) -> DocumentRecord | Rejection: ...


@dataclass
class WatchSummary:
    """Counts over one :meth:`Watcher.run`."""

    rounds: int = 0
    polls: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    new_items: int = 0
    seen_again: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    fallbacks: int = 0
    retries: int = 0
    failed: int = 0
    pending: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def line(self) -> str:
        """A one-line report for the command line."""
        return (
            f"eventwire watch: {self.rounds} rounds, {self.polls} polls "
            f"({self.not_modified} unchanged, {self.feed_errors} failed); "
            f"{self.new_items} new items ({self.seen_again} seen before): {self.stored} stored, "
            f"{self.duplicates} already stored, {self.rejected} rejected, {self.failed} failed; "
            f"{self.fallbacks} from feed content; {self.retries} retries, {self.pending} items pending"
        )


class Watcher:
    """Polls ``feeds`` (URLs or local files) and ingests their new items into ``store``.

    Services are injected: the ``store``, the ``pipeline`` (loaded once by the caller), the
    HTTP ``client`` (its timeout applies to feeds and pages), and for tests the ``clock``
    (POSIX seconds) and ``sleep``. ``on_rejection`` receives items that cannot be extracted.
    """

    def __init__(
        self,
        feeds: Sequence[str],
        *,
        store: Store,
        pipeline: Extractor,
        client: httpx.Client,
        settings: Settings,
        options: WatchOptions | None = None,
        writer: StoreWriter | None = None,
        on_rejection: Callable[[Rejection], None] | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.store = store
        self.pipeline = pipeline
        self.client = client
        self.settings = settings
        self.options = options or WatchOptions()
        self.writer = writer or StoreWriter(store)
        self.state = WatchState(store)
        self.reader = Reader(settings)
        self.on_rejection = on_rejection
        self.clock = clock
        self._stop = threading.Event()
        self._sleep = sleep or self._stop.wait
        self.summary = WatchSummary()

    # -- control ---------------------------------------------------------------------------------
    def stop(self) -> None:
        """Ask the watcher to stop after the current item (safe from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stop.is_set()

    def run(self, *, once: bool = False, max_polls: int | None = None) -> WatchSummary:
        """Watch until stopped; ``once`` (one round) or ``max_polls`` (rounds that polled at
        least one feed) end the run. The first round polls every feed, whatever the schedule."""
        ids = [self.state.feed(location).id for location in self.feeds]
        force = True
        while not self.stopping:
            polled = self.poll_due(force=force)
            force = False
            self.process_due(ids)
            if polled:
                self.summary.rounds += 1
            if once or (max_polls is not None and self.summary.rounds >= max_polls):
                break
            if self.stopping:
                break
            wake = self.state.next_wake(ids)
            delay = self.options.every_s if wake is None else wake - self.clock()
            floor = 0.0 if polled else MIN_SLEEP_S  # a round that polled nothing must not spin
            self._sleep(max(delay, floor))
        self.summary.pending = self.state.item_counts(ids).get("pending", 0)
        return self.summary

    # -- feeds -----------------------------------------------------------------------------------
    def poll_due(self, *, force: bool = False) -> int:
        """Poll the feeds whose time has come (all with ``force``); the number polled."""
        polled = 0
        for location in self.feeds:
            if self.stopping:
                break
            feed = self.state.feed(location)
            now = self.clock()
            if not force and feed.next_poll is not None and feed.next_poll > now:
                continue
            self.poll(feed)
            polled += 1
        return polled

    def poll(self, feed: FeedState) -> None:
        """Fetch one feed and record its new items as pending (never raises for the feed)."""
        now = self.clock()
        self.summary.polls += 1
        try:
            got = fetch_feed(feed, client=self.client, settings=self.settings)
            items = read_items(got.content, feed.location) if got.content is not None else []
        except InputError as err:
            failures = feed.failures + 1
            delay = self.options.feed_retry(failures)
            self.summary.feed_errors += 1
            log.warning(
                "feed %s failed (%d in a row), retry in %.0f s: %s",
                feed.location,
                failures,
                delay,
                err,
            )
            self.state.save_poll(
                feed, now=now, status="error", next_poll=now + delay, error=str(err)
            )
            return
        next_poll = now + self.options.every_s
        if got.content is None:
            self.summary.not_modified += 1
            log.info("feed %s not modified", feed.location)
            self.state.save_poll(feed, now=now, status="not_modified", next_poll=next_poll)
            return
        new, seen = self.state.save_poll(
            feed,
            now=now,
            status="ok",
            next_poll=next_poll,
            etag=got.etag,
            last_modified=got.last_modified,
            items=items,
        )
        self.summary.new_items += new
        self.summary.seen_again += seen
        log.info("feed %s: %d items, %d new", feed.location, len(items), new)

    # -- items -----------------------------------------------------------------------------------
    def process_due(self, feed_ids: Sequence[int]) -> int:
        """Process the pending items that are due, oldest first; the number worked on."""
        done = 0
        for item in self.state.due_items(feed_ids, self.clock()):
            if self.stopping:
                break
            try:
                self.process(item)
            except Exception as exc:  # the watcher must outlive any one item (database busy …)
                log.exception("item %s of %s failed", item.data.get("id"), item.feed)
                self._item_failed(item, f"{type(exc).__name__}: {exc}")
            done += 1
        return done

    def _item_failed(self, item: PendingItem, error: str) -> None:
        now = self.clock()
        if item.attempts + 1 >= self.options.item_attempts:
            self.summary.failed += 1
            self.state.finish_item(item, FAILED, now=now, error=error)
        else:
            self.summary.retries += 1
            delay = self.options.item_retry(item.attempts + 1)
            self.state.retry_item(item, now=now, next_try=now + delay, error=error)

    def process(self, item: PendingItem) -> None:
        """Fetch, extract and store one item, or schedule its retry."""
        data = item.data
        origin = item.link or f"{item.feed}#{data.get('id')}"
        raw: RawDocument | Rejection | None = None
        page_failed = False
        if item.link and is_url(item.link) and self.options.fetch_pages:
            try:
                raw = page_document(
                    item.link,
                    data,
                    origin,
                    reader=self.reader,
                    client=self.client,
                    settings=self.settings,
                )
            except InputError as err:
                if is_transient(err) and item.attempts + 1 < self.options.page_attempts:
                    now = self.clock()
                    delay = self.options.item_retry(item.attempts + 1)
                    log.warning("page %s failed, retry in %.0f s: %s", item.link, delay, err)
                    self.summary.retries += 1
                    self.state.retry_item(item, now=now, next_try=now + delay, error=str(err))
                    return
                log.warning("page %s failed, using the feed's content: %s", item.link, err)
            page_failed = not isinstance(raw, RawDocument)
            if isinstance(raw, Rejection):
                log.info("page %s unusable, using the feed's content: %s", item.link, raw.reason)
        if not isinstance(raw, RawDocument):
            raw = item_document(data, origin, reader=self.reader)
            self.summary.fallbacks += page_failed
        if isinstance(raw, Rejection):
            self._reject(item, raw)
            return
        if raw.published is None:
            # A live item is news of the day it appeared: date its events against that day.
            raw.published = _utc_date(item.first_seen)
        self._ingest(item, raw)

    def _ingest(self, item: PendingItem, raw: RawDocument) -> None:
        with self.store.read() as conn:
            existing = self.writer.find_document(conn, raw.url, raw.text)
        if existing is not None:
            self.summary.duplicates += 1
            self.state.finish_item(item, DUPLICATE, now=self.clock(), document_id=existing)
            return
        result = self.pipeline.process_one(raw)
        if isinstance(result, Rejection):
            self._reject(item, result)
            return
        written = self.writer.add(result)
        if written.status == "duplicate":
            self.summary.duplicates += 1
            status = DUPLICATE
        else:
            self.summary.stored += 1
            status = STORED
        self.state.finish_item(item, status, now=self.clock(), document_id=written.document_id)
        log.info("stored %s (%d events)", raw.origin, len(result.events))

    def _reject(self, item: PendingItem, rejection: Rejection) -> None:
        self.summary.rejected += 1
        if self.on_rejection is not None:
            self.on_rejection(rejection)
        self.state.finish_item(item, REJECTED, now=self.clock(), error=rejection.reason)


def _utc_date(seconds: float) -> dt.date:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
