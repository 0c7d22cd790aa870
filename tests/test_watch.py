# ruff: noqa: F811  (pytest fixtures imported from test_store_support are used as parameters)
"""``eventwire watch`` against a local HTTP server: feeds and pages that change between polls,
a feed that errors then recovers, a page that times out, an item that reappears, ETag and
Last-Modified (304) handling, and a restart on the same database. The clock is fake (no real
sleeping); only the page time-out costs real (sub-second) time."""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import pytest
from sqlalchemy import func, select, update

from eventwire.ingest.document import RawDocument
from eventwire.ingest.fetch import make_client
from eventwire.schema import DocumentRecord, Rejection
from eventwire.settings import Settings
from eventwire.store import Store, StoreWriter, open_store
from eventwire.store.tables import documents, watch_feeds, watch_items
from eventwire.watch import Watcher, WatchOptions
from test_store_support import db_url, pg_server_url, pg_url  # noqa: F401

T0 = 1_780_000_000.0  # the fake clock's start (POSIX seconds)


# -- a small web site served on 127.0.0.1 ----------------------------------------------------------
@dataclass
class Route:
    body: bytes
    ctype: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    fail_first: int = 0  # answer 500 to this many requests first
    delay_s: float = 0.0  # wait this long before answering (a page that times out)


@dataclass
class Site:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            if route.delay_s:
                threading.Event().wait(route.delay_s)
            if route.fail_first > 0:
                route.fail_first -= 1
                self._send(500, b"server error", "text/plain")
                return
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if (route.etag and inm == route.etag) or (
                route.last_modified and not route.etag and ims == route.last_modified
            ):
                self._send(304, b"", None, route)
                return
            self._send(200, route.body, route.ctype, route)

        def _send(self, status: int, body: bytes, ctype: str | None, route: Route | None = None):  # type: ignore[no-untyped-def]
            try:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                if route is not None and route.etag:
                    self.send_header("ETag", route.etag)
                if route is not None and route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (time-out test)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def site() -> Iterator[Site]:
    web = Site(base="")

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
            pass  # a client that timed out and hung up is part of the test

    server = Server(("127.0.0.1", 0), _handler(web))
    web.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()


# -- content ---------------------------------------------------------------------------------------
def page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>{body}</article>"
        f"<footer>All rights reserved</footer></body></html>"
    ).encode()


def rss(*items: dict[str, str]) -> bytes:
    parts = []
    for it in items:
        tags = "".join(
            f"<{k}>{escape(v)}</{k}>"
            for k, v in (
                ("guid", it.get("guid", "")),
                ("link", it.get("link", "")),
                ("title", it.get("title", "")),
                ("description", it.get("text", "")),
                ("pubDate", it.get("date", "")),
            )
            if v
        )
        parts.append(f"<item>{tags}</item>")
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Courier</title>'
        f"<link>http://example.org/</link>{''.join(parts)}</channel></rss>"
    ).encode()


def story(n: int, site: Site, **extra: str) -> dict[str, str]:
    """Item ``n`` of the test feed, linking to ``/news/<n>``."""
    return {
        "guid": f"urn:courier:{n}",
        "link": site.url(f"/news/{n}"),
        "title": f"Harbour story {n}",
        "text": f"Short feed summary of harbour story number {n}.",
        "date": "Tue, 02 Jun 2026 08:00:00 GMT",
        **extra,
    }


def serve_story(site: Site, n: int, **route: object) -> None:
    site.routes[f"/news/{n}"] = Route(
        page(
            f"Harbour story {n}",
            f"Officials from the two coastal towns met for round {n} of the talks about the "
            "shared harbour, according to a statement released after the meeting.",
            f"The mayor of Northport said round {n} had been constructive and that another "
            "meeting would follow next month.",
        ),
        **route,  # type: ignore[arg-type]
    )


# -- the watcher, with a fake clock and pipeline -------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.t = T0
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[int], None] | None = None

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds
        if self.on_sleep is not None:
            self.on_sleep(len(self.sleeps))


class FakePipeline:
    """Turns a raw document into a record without NLP (the real one is tested below)."""

    def __init__(self) -> None:
        self.seen: list[RawDocument] = []
        self.after: Callable[[RawDocument], None] | None = None

    def process_one(self, raw: RawDocument) -> DocumentRecord | Rejection:
        self.seen.append(raw)
        if self.after is not None:
            self.after(raw)
        if "REJECT" in raw.text:
            return Rejection(document=raw.origin, reason="test rejection", code="E201")
        return DocumentRecord(
            id=raw.id,
            url=raw.url,
            title=raw.title,
            published=raw.published,
            text=raw.text,
            origin=raw.origin,
            source=raw.source,
        )


SETTINGS = Settings(allow_private_urls=True, fetch_timeout_s=0.25)
OPTIONS = WatchOptions(every_s=600, retry_base_s=30, retry_max_s=240, page_attempts=2)


@dataclass
class Rig:
    db: str | Path
    clock: FakeClock
    pipeline: FakePipeline
    stores: list[Store] = field(default_factory=list)
    clients: list[httpx.Client] = field(default_factory=list)

    def watcher(self, feeds: list[str], options: WatchOptions = OPTIONS, **kw: object) -> Watcher:
        store = open_store(self.db)
        self.stores.append(store)
        client = make_client(SETTINGS.user_agent, SETTINGS.fetch_timeout_s)
        self.clients.append(client)
        kw.setdefault("pipeline", self.pipeline)
        return Watcher(
            feeds,
            store=store,
            client=client,
            settings=SETTINGS,
            options=options,
            clock=self.clock,
            sleep=self.clock.sleep,
            **kw,  # type: ignore[arg-type]
        )

    def store(self) -> Store:
        if not self.stores:
            self.stores.append(open_store(self.db))
        return self.stores[0]

    def docs(self) -> list[dict]:
        with self.store().read() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.id)).mappings().all()
        return [dict(r) for r in rows]

    def items(self) -> dict[str, str]:
        """link (or guid) -> status of every watched item."""
        with self.store().read() as conn:
            rows = conn.execute(
                select(watch_items.c.link, watch_items.c.data, watch_items.c.status)
            ).all()
        return {r.link or r.data["id"]: r.status for r in rows}


def _rig(db: str | Path) -> Iterator[Rig]:
    r = Rig(db=db, clock=FakeClock(), pipeline=FakePipeline())
    yield r
    for client in r.clients:
        client.close()
    for st in r.stores:
        st.close()


@pytest.fixture()
def rig(tmp_path: Path) -> Iterator[Rig]:
    yield from _rig(tmp_path / "watch.db")


@pytest.fixture()
def any_rig(db_url: str) -> Iterator[Rig]:
    """A rig on SQLite and on PostgreSQL (skipped when no server is reachable)."""
    yield from _rig(db_url)


# -- tests -----------------------------------------------------------------------------------------
def test_new_items_are_fetched_extracted_and_stored(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site), story(2, site)), "application/rss+xml")
    serve_story(site, 1)
    serve_story(site, 2)
    summary = rig.watcher([site.url("/feed.xml")]).run(once=True)
    assert (summary.polls, summary.new_items, summary.stored, summary.fallbacks) == (1, 2, 2, 0)
    docs = rig.docs()
    # oldest item first (feeds list the newest first); the text is the page's, not the summary
    assert [d["title"] for d in docs] == ["Harbour story 2", "Harbour story 1"]
    assert "mayor of Northport said round 1" in docs[1]["text"]
    assert "Short feed summary" not in docs[1]["text"]
    assert docs[1]["published"] == dt.date(2026, 6, 2)
    assert set(rig.items().values()) == {"stored"}


def test_etag_and_last_modified_make_an_unchanged_feed_cost_a_304(site: Site, rig: Rig) -> None:
    site.routes["/etag.xml"] = Route(rss(story(1, site)), "application/rss+xml", etag='"v1"')
    stamp = email.utils.format_datetime(dt.datetime(2026, 6, 2, 8, tzinfo=dt.UTC), usegmt=True)
    site.routes["/lm.xml"] = Route(rss(story(2, site)), "application/rss+xml", last_modified=stamp)
    serve_story(site, 1)
    serve_story(site, 2)

    def change(n_sleeps: int) -> None:
        if n_sleeps == 2:  # before the third round: a new item and a new ETag
            site.routes["/etag.xml"] = Route(
                rss(story(3, site), story(1, site)), "application/rss+xml", etag='"v2"'
            )
            serve_story(site, 3)

    rig.clock.on_sleep = change
    summary = rig.watcher([site.url("/etag.xml"), site.url("/lm.xml")]).run(max_polls=3)
    assert rig.clock.sleeps == [600, 600]
    assert summary.polls == 6 and summary.not_modified == 3
    assert summary.stored == 3 and summary.seen_again == 1
    etag_hits = site.hits("/etag.xml")
    assert "If-None-Match" not in etag_hits[0]
    assert [h.get("If-None-Match") for h in etag_hits[1:]] == ['"v1"', '"v1"']
    assert [h.get("If-Modified-Since") for h in site.hits("/lm.xml")[1:]] == [stamp, stamp]
    with rig.store().read() as conn:
        etags = dict(conn.execute(select(watch_feeds.c.location, watch_feeds.c.etag)).all())
    assert etags[site.url("/etag.xml")] == '"v2"'


def test_a_failing_feed_is_retried_with_backoff_until_it_recovers(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml", fail_first=3)
    serve_story(site, 1)
    summary = rig.watcher([site.url("/feed.xml")]).run(max_polls=4)
    # 30 s, 60 s, 120 s after the three failures (never fatal), then the interval
    assert rig.clock.sleeps == [30, 60, 120]
    assert summary.feed_errors == 3 and summary.stored == 1
    with rig.store().read() as conn:
        feed = conn.execute(select(watch_feeds)).mappings().one()
    assert feed["failures"] == 0 and feed["last_status"] == "ok" and feed["last_error"] is None


def test_backoff_is_bounded(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(b"", fail_first=100)
    summary = rig.watcher([site.url("/feed.xml")]).run(max_polls=6)
    assert rig.clock.sleeps == [30, 60, 120, 240, 240]
    assert summary.feed_errors == 6 and summary.stored == 0


def test_a_broken_feed_document_is_a_feed_failure(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(b"<html><body>not a feed</body></html>", "text/html")
    summary = rig.watcher([site.url("/feed.xml"), str(rig.db.parent / "missing.xml")]).run(
        once=True
    )
    assert summary.feed_errors == 2 and summary.new_items == 0


def test_a_page_that_times_out_is_retried_then_the_feed_text_is_used(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site), story(2, site)), "application/rss+xml")
    serve_story(site, 1, delay_s=1.0)  # longer than the client's 0.25 s time-out
    serve_story(site, 2)
    watcher = rig.watcher([site.url("/feed.xml")])
    summary = watcher.run(max_polls=2)
    # round 1 stores item 2 and schedules item 1 for +30 s; its second time-out falls back
    assert rig.clock.sleeps == [30, 570]
    assert len(site.hits("/news/1")) == 2
    assert summary.stored == 2 and summary.fallbacks == 1 and summary.retries == 1
    texts = {d["url"]: d["text"] for d in rig.docs()}
    assert texts[site.url("/news/1")] == "Short feed summary of harbour story number 1."
    assert "mayor of Northport" in texts[site.url("/news/2")]


def test_a_page_that_recovers_on_retry_gives_the_page_text(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml")
    serve_story(site, 1, fail_first=1)
    summary = rig.watcher([site.url("/feed.xml")]).run(max_polls=2)
    assert summary.stored == 1 and summary.fallbacks == 0 and summary.retries == 1
    assert "mayor of Northport" in rig.docs()[0]["text"]


def test_a_missing_page_or_no_link_uses_the_item_content_at_once(site: Site, rig: Rig) -> None:
    no_link = {"guid": "urn:courier:x", "title": "Ferry strike", "text": "Ferry crews walked out."}
    site.routes["/feed.xml"] = Route(rss(story(1, site), no_link), "application/rss+xml")
    summary = rig.watcher([site.url("/feed.xml")]).run(once=True)  # /news/1 answers 404
    assert summary.stored == 2 and summary.retries == 0 and summary.fallbacks == 1
    assert sorted(d["text"] for d in rig.docs()) == [
        "Ferry crews walked out.",
        "Short feed summary of harbour story number 1.",
    ]


def test_an_item_that_reappears_is_not_ingested_twice(site: Site, rig: Rig) -> None:
    feed = site.url("/feed.xml")
    for n in (1, 2, 3):
        serve_story(site, n)
    versions = [
        rss(story(2, site), story(1, site)),
        rss(story(3, site), story(2, site)),  # item 1 drops out of the feed
        # item 1 is back; item 2 is back under a new guid but the same link
        rss(story(1, site), story(3, site), story(2, site, guid="urn:courier:2-updated")),
    ]
    site.routes["/feed.xml"] = Route(versions[0], "application/rss+xml")

    def change(n_sleeps: int) -> None:
        site.routes["/feed.xml"] = Route(versions[n_sleeps], "application/rss+xml")

    rig.clock.on_sleep = change
    summary = rig.watcher([feed]).run(max_polls=3)
    assert summary.new_items == 3 and summary.seen_again == 4 and summary.stored == 3
    assert len(rig.pipeline.seen) == 3 and len(rig.docs()) == 3
    assert [len(site.hits(f"/news/{n}")) for n in (1, 2, 3)] == [1, 1, 1]


def test_an_article_in_two_feeds_is_stored_once(site: Site, rig: Rig) -> None:
    serve_story(site, 1)
    site.routes["/a.xml"] = Route(rss(story(1, site)), "application/rss+xml")
    site.routes["/b.xml"] = Route(rss(story(1, site, guid="other-guid")), "application/rss+xml")
    summary = rig.watcher([site.url("/a.xml"), site.url("/b.xml")]).run(once=True)
    assert summary.new_items == 1 and summary.seen_again == 1 and len(rig.docs()) == 1


def test_a_restart_neither_loses_nor_repeats_items(site: Site, any_rig: Rig) -> None:
    rig = any_rig
    feed = site.url("/feed.xml")
    site.routes["/feed.xml"] = Route(
        rss(story(3, site), story(2, site), story(1, site)), "application/rss+xml", etag='"v1"'
    )
    for n in (1, 2, 3):
        serve_story(site, n)
    first = rig.watcher([feed])
    rig.pipeline.after = lambda raw: first.stop()  # SIGINT during the first item
    summary = first.run()
    assert summary.stored == 1 and summary.pending == 2  # stopped after the current item
    rig.pipeline.after = None

    rig.clock.t += 60
    second = rig.watcher([feed])
    summary = second.run(once=True)
    # the feed has not changed (304), yet the two pending items are done, and only they
    assert site.hits("/feed.xml")[-1].get("If-None-Match") == '"v1"'
    assert summary.not_modified == 1 and summary.stored == 2
    assert [raw.title for raw in rig.pipeline.seen] == [f"Harbour story {n}" for n in (1, 2, 3)]
    assert len(rig.docs()) == 3 and set(rig.items().values()) == {"stored"}


def test_a_crash_between_storing_and_marking_an_item_does_not_store_it_twice(
    site: Site, rig: Rig
) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml")
    serve_story(site, 1)
    rig.watcher([site.url("/feed.xml")]).run(once=True)
    with rig.store().write() as conn:  # as if killed before the status update
        conn.execute(update(watch_items).values(status="pending"))
    summary = rig.watcher([site.url("/feed.xml")]).run(once=True)
    assert summary.duplicates == 1 and summary.stored == 0 and len(rig.docs()) == 1
    assert len(rig.pipeline.seen) == 1  # recognized before extraction
    assert set(rig.items().values()) == {"duplicate"}


def test_rejected_items_are_reported_and_not_retried(site: Site, rig: Rig) -> None:
    bad = {"guid": "urn:bad", "title": "x", "text": "REJECT this item."}
    site.routes["/feed.xml"] = Route(rss(bad), "application/rss+xml")
    got: list[Rejection] = []
    watcher = rig.watcher([site.url("/feed.xml")], on_rejection=got.append)
    summary = watcher.run(max_polls=2)
    assert summary.rejected == 1 and len(got) == 1 and len(rig.pipeline.seen) == 1
    assert rig.items() == {"urn:bad": "rejected"}


def test_an_unexpected_item_error_is_retried_then_given_up(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml")
    serve_story(site, 1)

    class Broken(StoreWriter):
        def add(self, record):  # type: ignore[no-untyped-def]
            raise RuntimeError("disk on fire")

    opts = WatchOptions(every_s=600, retry_base_s=30, retry_max_s=240, item_attempts=3)
    watcher = rig.watcher([site.url("/feed.xml")], opts)
    watcher.writer = Broken(watcher.store)
    summary = watcher.run(max_polls=1)
    assert summary.failed == 0 and summary.pending == 1
    watcher = rig.watcher([site.url("/feed.xml")], opts)
    watcher.writer = Broken(watcher.store)
    summary = watcher.run(max_polls=2)
    assert rig.clock.sleeps == [30, 60, 510]  # retried after 30 s and 60 s, then the interval
    assert summary.failed == 1 and rig.items() == {site.url("/news/1"): "failed"}


def test_local_feed_files_use_mtime_as_validator(tmp_path: Path, rig: Rig) -> None:
    path = tmp_path / "feed.json"
    path.write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Local", "items": ['
        '{"id": "a", "content_text": "Ferry crews walked out in Northport."}]}'
    )
    watcher = rig.watcher([str(path)])
    first = watcher.run(once=True)
    second = rig.watcher([str(path)]).run(once=True)
    assert first.stored == 1 and second.not_modified == 1
    # the item's date is the day it was first seen
    assert rig.docs()[0]["published"] == dt.datetime.fromtimestamp(T0, dt.UTC).date()


def test_stop_during_sleep_ends_the_run(site: Site, rig: Rig) -> None:
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml")
    watcher = rig.watcher([site.url("/feed.xml")])
    rig.clock.on_sleep = lambda n: watcher.stop() if n == 3 else None
    summary = watcher.run()
    assert summary.rounds == 3 and rig.clock.sleeps == [600, 600, 600]


def test_a_real_pipeline_extracts_watched_articles(site: Site, rig: Rig, pipeline) -> None:  # type: ignore[no-untyped-def]
    site.routes["/feed.xml"] = Route(rss(story(7, site)), "application/rss+xml")
    site.routes["/news/7"] = Route(
        page(
            "Leaders meet in Oslo",
            "President Jane Doe met Prime Minister John Roe in Oslo on Tuesday to discuss "
            "fishing rights in the northern waters.",
            "Doe said the meeting had been useful and that both governments would keep talking.",
        )
    )
    summary = rig.watcher([site.url("/feed.xml")], pipeline=pipeline).run(once=True)
    assert summary.stored == 1
    with rig.store().read() as conn:
        from eventwire.store.tables import actors

        names = set(conn.execute(select(actors.c.name)).scalars())
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar()
    assert n_docs == 1 and {"Jane Doe", "John Roe"} <= names


def test_links_to_private_addresses_are_refused_unless_allowed(
    site: Site, rig: Rig, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(story(1, site)))
    serve_story(site, 1)
    watcher = rig.watcher([str(feed)])
    watcher.settings = SETTINGS.replace(allow_private_urls=False)
    summary = watcher.run(once=True)
    assert site.hits("/news/1") == []  # never fetched; the item's own text was used
    assert summary.stored == 1 and summary.fallbacks == 1 and summary.retries == 0


def test_the_command_watches_a_served_feed(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    import eventwire.nlp
    from eventwire.cli import main

    monkeypatch.setattr(eventwire.nlp, "Pipeline", lambda settings: FakePipeline())
    site.routes["/feed.xml"] = Route(rss(story(1, site)), "application/rss+xml", etag='"a"')
    serve_story(site, 1)
    config = tmp_path / "eventwire.toml"
    config.write_text("allow_private_urls = true\n\n[watch]\nevery = '10m'\n")
    db = str(tmp_path / "cli.db")
    args = ["watch", site.url("/feed.xml"), "--db", db, "--config", str(config), "--once"]
    assert main(args) == 0
    assert "1 stored" in capfd.readouterr().err
    assert main(args) == 0
    assert "1 unchanged" in capfd.readouterr().err
    assert len(site.hits("/news/1")) == 1
