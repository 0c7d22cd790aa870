"""The watcher's memory, kept in the event database (tables ``watch_feeds``, ``watch_items``).

A feed row holds the HTTP validators of the last good poll, the count of consecutive failed
polls and the time of the next poll. An item row is written, as ``pending``, in the same
transaction that saves the feed's new validators, so an item is never lost: a watcher killed
before processing it finds it pending at restart, even though the feed then answers 304. An
item is recognized again by its key (guid, else link, else content) within its feed, or by its
normalized link in any feed, so a reappearing item is not ingested twice.

Times cross this module's edge as POSIX seconds (the watcher's injectable clock) and are
stored as UTC timestamps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update

from ..store.engine import Store
from ..store.keys import url_key
from ..store.tables import watch_feeds, watch_items

#: Item statuses. Only ``pending`` items are worked on; the others are final.
PENDING, STORED, DUPLICATE, REJECTED, FAILED = (
    "pending",
    "stored",
    "duplicate",
    "rejected",
    "failed",
)


def to_datetime(t: float | None) -> dt.datetime | None:
    """POSIX seconds to an aware UTC datetime."""
    return None if t is None else dt.datetime.fromtimestamp(t, dt.UTC)


def to_seconds(value: dt.datetime | None) -> float | None:
    """A stored timestamp (SQLite returns it naive, in UTC) to POSIX seconds."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.timestamp()


def location_key(location: str) -> str:
    """The identity of a feed: sha256 of its URL or path as given."""
    return hashlib.sha256(location.strip().encode("utf-8")).hexdigest()


@dataclass
class FeedState:
    """One watched feed as stored."""

    id: int
    location: str
    etag: str | None
    last_modified: str | None
    failures: int
    next_poll: float | None
    last_status: str | None


@dataclass
class NewItem:
    """A feed item as first seen: its key, normalized link and the item itself (JSON-able)."""

    key: str
    link_key: str | None
    link: str | None
    data: dict[str, Any]


@dataclass
class PendingItem:
    """A stored item still to be processed."""

    id: int
    feed_id: int
    feed: str
    link: str | None
    data: dict[str, Any]
    attempts: int
    first_seen: float


def _feed(row: Any) -> FeedState:
    return FeedState(
        id=row.id,
        location=row.location,
        etag=row.etag,
        last_modified=row.last_modified,
        failures=row.failures,
        next_poll=to_seconds(row.next_poll),
        last_status=row.last_status,
    )


class WatchState:
    """Reads and writes the watcher tables of a :class:`~eventwire.store.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- feeds -----------------------------------------------------------------------------------
    def feed(self, location: str) -> FeedState:
        """The stored state of the feed at ``location``, created (never polled) if new."""
        key = location_key(location)
        query = select(watch_feeds).where(watch_feeds.c.location_key == key)
        with self.store.read() as conn:
            row = conn.execute(query).first()
        if row is None:
            with self.store.write() as conn:
                row = conn.execute(query).first()
                if row is None:
                    conn.execute(
                        insert(watch_feeds).values(location=location, location_key=key, failures=0)
                    )
                    row = conn.execute(query).one()
        return _feed(row)

    def save_poll(
        self,
        feed: FeedState,
        *,
        now: float,
        status: str,
        next_poll: float,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None = None,
        items: Sequence[NewItem] = (),
    ) -> tuple[int, int]:
        """Record one poll of ``feed`` and add the items not seen before, in one transaction.

        ``status`` is ``ok``, ``not_modified`` or ``error``; an error keeps the old validators
        and counts one more consecutive failure. Returns ``(new, seen_before)`` item counts.
        """
        values: dict[str, Any] = {
            "last_poll": to_datetime(now),
            "last_status": status,
            "next_poll": to_datetime(next_poll),
            "last_error": error,
        }
        if status == "error":
            values["failures"] = watch_feeds.c.failures + 1
        else:
            values["failures"] = 0
        if status == "ok":
            values.update(etag=etag, last_modified=last_modified)
        with self.store.write() as conn:
            new = self._add_items(conn, feed.id, items, now) if items else []
            conn.execute(update(watch_feeds).where(watch_feeds.c.id == feed.id).values(**values))
        return len(new), len(items) - len(new)

    @staticmethod
    def _add_items(
        conn: Connection, feed_id: int, items: Sequence[NewItem], now: float
    ) -> list[NewItem]:
        c = watch_items.c
        keys = [it.key for it in items]
        links = [it.link_key for it in items if it.link_key]
        seen_keys = set(
            conn.execute(select(c.item_key).where(c.feed_id == feed_id, c.item_key.in_(keys)))
            .scalars()
            .all()
        )
        seen_links = (
            set(conn.execute(select(c.link_key).where(c.link_key.in_(links))).scalars().all())
            if links
            else set()
        )
        new: list[NewItem] = []
        for it in items:
            if it.key in seen_keys or (it.link_key is not None and it.link_key in seen_links):
                continue
            seen_keys.add(it.key)  # the same item twice in one feed document
            if it.link_key:
                seen_links.add(it.link_key)
            new.append(it)
        if new:
            stamp = to_datetime(now)
            conn.execute(
                insert(watch_items),
                [
                    {
                        "feed_id": feed_id,
                        "item_key": it.key,
                        "link_key": it.link_key,
                        "link": it.link,
                        "data": it.data,
                        "status": PENDING,
                        "attempts": 0,
                        "first_seen": stamp,
                        "updated": stamp,
                    }
                    for it in new
                ],
            )
        return new

    # -- items -----------------------------------------------------------------------------------
    def due_items(self, feed_ids: Sequence[int], now: float) -> list[PendingItem]:
        """Pending items of these feeds whose retry time has come, oldest first."""
        c = watch_items.c
        query = (
            select(watch_items, watch_feeds.c.location)
            .join(watch_feeds, watch_feeds.c.id == c.feed_id)
            .where(
                c.status == PENDING,
                c.feed_id.in_(list(feed_ids)),
                or_(c.next_try.is_(None), c.next_try <= to_datetime(now)),
            )
            .order_by(c.id)
        )
        with self.store.read() as conn:
            rows = conn.execute(query).all()
        return [
            PendingItem(
                id=r.id,
                feed_id=r.feed_id,
                feed=r.location,
                link=r.link,
                data=dict(r.data),
                attempts=r.attempts,
                first_seen=to_seconds(r.first_seen) or 0.0,
            )
            for r in rows
        ]

    def finish_item(
        self,
        item: PendingItem,
        status: str,
        *,
        now: float,
        document_id: int | None = None,
        error: str | None = None,
    ) -> None:
        """Give an item its final ``status`` (stored, duplicate, rejected or failed)."""
        self._update_item(
            item.id,
            status=status,
            document_id=document_id,
            last_error=error,
            next_try=None,
            updated=to_datetime(now),
        )

    def retry_item(self, item: PendingItem, *, now: float, next_try: float, error: str) -> None:
        """Count one failed attempt on ``item`` and schedule the next at ``next_try``."""
        self._update_item(
            item.id,
            attempts=item.attempts + 1,
            next_try=to_datetime(next_try),
            last_error=error,
            updated=to_datetime(now),
        )

    def _update_item(self, item_id: int, **values: Any) -> None:
        with self.store.write() as conn:
            conn.execute(update(watch_items).where(watch_items.c.id == item_id).values(**values))

    # -- scheduling ------------------------------------------------------------------------------
    def next_wake(self, feed_ids: Sequence[int]) -> float | None:
        """The earliest next poll of these feeds or next retry of their pending items."""
        ids = list(feed_ids)
        with self.store.read() as conn:
            poll = conn.execute(
                select(func.min(watch_feeds.c.next_poll)).where(watch_feeds.c.id.in_(ids))
            ).scalar()
            retry = conn.execute(
                select(func.min(watch_items.c.next_try)).where(
                    watch_items.c.feed_id.in_(ids), watch_items.c.status == PENDING
                )
            ).scalar()
            unscheduled = conn.execute(
                select(func.count()).where(
                    watch_items.c.feed_id.in_(ids),
                    watch_items.c.status == PENDING,
                    watch_items.c.next_try.is_(None),
                )
            ).scalar()
        times = [t for t in (to_seconds(poll), to_seconds(retry)) if t is not None]
        if unscheduled:
            times.append(0.0)  # pending items never tried: due now
        return min(times) if times else None

    def item_counts(self, feed_ids: Sequence[int] | None = None) -> dict[str, int]:
        """Number of items per status (of these feeds, or of all)."""
        c = watch_items.c
        query = select(c.status, func.count()).group_by(c.status)
        if feed_ids is not None:
            query = query.where(c.feed_id.in_(list(feed_ids)))
        with self.store.read() as conn:
            return {status: n for status, n in conn.execute(query).all()}


def new_item(key: str, link: str | None, data: dict[str, Any]) -> NewItem:
    """A :class:`NewItem` with its link normalized for recognition across feeds."""
    return NewItem(key=key, link_key=url_key(link), link=link, data=data)
