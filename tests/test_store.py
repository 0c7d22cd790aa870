"""The store: schema and migrations, exact round trips, idempotency, full-text search,
concurrent writers and a killed-then-resumed batch, on SQLite and PostgreSQL."""

# ruff: noqa: F811  (pytest fixtures imported from test_store_support are used as parameters)
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from eventwire.schema import (
    Actor,
    ActorRef,
    DocumentRecord,
    Event,
    Mention,
    Place,
    PlaceRef,
    Plover,
    Quote,
    TimeExpr,
    Tone,
    Trigger,
)
from eventwire.store import (
    DocumentFilter,
    EventFilter,
    StoreWriter,
    get_document,
    open_store,
    search_documents,
    search_events,
    table_counts,
)
from eventwire.store.keys import content_hash, date_interval, url_key
from eventwire.store.tables import metadata
from test_store_support import db_url, event, pg_server_url, pg_url, record, snapshot, store  # noqa: F401

REPO = Path(__file__).resolve().parents[1]


def test_migrated_schema_matches_the_metadata(store) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        names = set(inspect(conn).get_table_names())
    # the full-text objects belong to the migrations only
    diff = [d for d in diff if "documents_fts" not in str(d) and "search" not in str(d)]
    assert diff == []
    assert {"documents", "actors", "mentions", "events", "quotes", "places", "times"} <= names


def test_reopening_does_not_migrate_again(db_url: str) -> None:
    from alembic.script import ScriptDirectory

    from eventwire.store.engine import _alembic_config

    open_store(db_url).close()
    with open_store(db_url) as st_, st_.read() as conn:
        head = ScriptDirectory.from_config(_alembic_config(conn)).get_current_head()
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head


# -- keys ------------------------------------------------------------------------------------------
def test_url_key_ignores_tracking_and_cosmetics() -> None:
    a = url_key("https://www.Example.com/news/story/?utm_source=x&id=3#top")
    assert a == url_key("http://example.com/news/story?id=3")
    assert a != url_key("https://example.com/news/story?id=4")
    assert url_key("file:///tmp/x.txt") is None and url_key(None) is None


def test_content_hash_normalizes_whitespace_only() -> None:
    assert content_hash("A  b\n\nc ") == content_hash("A b c")
    assert content_hash("A b c") != content_hash("a b c")


def test_date_interval() -> None:
    assert (
        date_interval("2020-02")[0] == "month" and str(date_interval("2020-02")[2]) == "2020-02-29"
    )
    assert str(date_interval("2020-W01")[1]) == "2019-12-30"
    assert date_interval("PRESENT_REF") == (None, None, None)
    assert date_interval("2020-13-01") == (None, None, None)


# -- round trip ------------------------------------------------------------------------------------
_short = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
_opt = st.none() | _short
_span = st.tuples(st.integers(0, 50), st.integers(50, 99))
_conf = st.floats(0, 1, allow_nan=False)
_iso3 = st.none() | st.sampled_from(["USA", "FRA", "IRQ"])
_date = st.none() | st.sampled_from(["2020-01-03", "2020-W02", "2020-01", "2020", "XXXX-WXX-1"])
_place_ref = st.builds(
    PlaceRef,
    name=_short,
    geonameid=st.none() | st.integers(1, 10**7),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    country=_iso3,
    span=st.none() | _span,
)
_actor_ref = st.builds(
    ActorRef,
    actor_id=_opt,
    name=_short,
    country=_iso3,
    sector=_opt,
    code=_opt,
    span=st.none() | _span,
)
_event = st.builds(
    Event,
    id=_short,
    cameo=st.none() | st.sampled_from(["01", "042", "1823", "190"]),
    goldstein=st.none() | st.floats(-10, 10),
    quad_class=st.none() | st.integers(1, 4),
    plover=st.none()
    | st.builds(
        Plover,
        type=st.sampled_from(["ASSAULT", "CONSULT", "PROTEST"]),
        mode=_opt,
        context=st.lists(_short, max_size=2),
    ),
    source=st.lists(_actor_ref, max_size=2),
    target=st.lists(_actor_ref, max_size=2),
    trigger=st.builds(Trigger, text=_short, span=_span, lemma=_opt),
    sentence=st.integers(0, 30),
    negated=st.booleans(),
    future=st.booleans(),
    historical=st.booleans(),
    date=_date,
    date_source=st.none() | st.sampled_from(["text", "published"]),
    location=st.none() | _place_ref,
    confidence=_conf,
)
_actor = st.builds(
    Actor,
    id=_short,
    name=_short,
    type=st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "GROUP"]),
    country=_iso3,
    sector=_opt,
    code=_opt,
    title=_opt,
    handle=_opt,
    mentions=st.lists(
        st.builds(Mention, text=_short, span=_span, sentence=st.integers(0, 9)), max_size=2
    ),
    confidence=_conf,
)
_quote = st.builds(
    Quote,
    id=_short,
    text=_short,
    span=_span,
    speaker=_opt,
    cue=_opt,
    kind=st.sampled_from(["direct", "indirect", "mixed"]),
    medium=_opt,
    date=_opt,
    sentence=st.none() | st.integers(0, 9),
    confidence=_conf,
)
_time = st.builds(
    TimeExpr,
    id=_short,
    text=_short,
    span=_span,
    type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    value=_short,
)
_place = st.builds(
    Place,
    id=_short,
    text=_short,
    span=_span,
    geonameid=st.none() | st.integers(1, 10**7),
    name=_opt,
    country=_iso3,
    admin1=_opt,
    feature=_opt,
)
_record = st.builds(
    DocumentRecord,
    id=_short,
    url=st.none() | st.just("https://news.example/a"),
    source=_opt,
    title=_opt,
    author=_opt,
    published=st.none() | st.dates(),
    language=st.none() | st.just("en"),
    text=st.text(min_size=1, max_size=200),
    actors=st.lists(_actor, max_size=3),
    events=st.lists(_event, max_size=3),
    quotes=st.lists(_quote, max_size=2),
    times=st.lists(_time, max_size=2),
    places=st.lists(_place, max_size=2),
    tone=st.none()
    | st.builds(
        Tone,
        tone=st.floats(-10, 10),
        positive=st.floats(0, 10),
        negative=st.floats(0, 10),
        polarity=st.floats(0, 20),
        words=st.integers(0, 999),
    ),
    origin=_opt,
    model=_opt,
)


@pytest.fixture(scope="module")
def rt_store(tmp_path_factory):  # type: ignore[no-untyped-def]
    with open_store(tmp_path_factory.mktemp("rt") / "rt.db") as st_:
        yield st_


@settings(max_examples=80, deadline=None)
@given(rec=_record)
def test_everything_stored_reads_back_exactly(rt_store, rec: DocumentRecord) -> None:  # type: ignore[no-untyped-def]
    salt = uuid.uuid4().hex
    # a unique text (and URL) per example, so that no example is a duplicate of an earlier one
    rec = rec.model_copy(
        update={"text": f"{rec.text} {salt}", "url": rec.url and f"{rec.url}/{salt}"}
    )
    result = StoreWriter(rt_store).add(rec)
    assert result.status == "stored"
    with rt_store.read() as conn:
        assert get_document(conn, result.document_id) == rec


def test_round_trip_on_each_database(store) -> None:  # type: ignore[no-untyped-def]
    rec = record(
        "r",
        "Troops clashed with rebels near Mosul.",
        [
            event(
                "E1",
                "ASSAULT",
                ("troops", "IRQ", "MIL"),
                ("rebels", "IRQ", "REB"),
                date="2020-01-03",
            )
        ],
    )
    rec = rec.model_copy(
        update={"tone": Tone(tone=-1.5, positive=1.0, negative=2.5, polarity=3.5, words=7)}
    )
    res = StoreWriter(store).add(rec)
    with store.read() as conn:
        assert get_document(conn, res.document_id) == rec
        assert get_document(conn, 10**6) is None


# -- idempotency -----------------------------------------------------------------------------------
def test_same_url_or_same_text_is_stored_once(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    a = record(
        "a", "The minister resigned on Monday.", url="https://news.example/x?utm_source=feed"
    )
    assert w.add(a).status == "stored"
    assert w.add(a).status == "duplicate"
    same_url = record("a2", "Updated: the minister resigned.", url="https://www.news.example/x/")
    assert w.add(same_url).status == "duplicate"
    same_text = record("a3", "The minister  resigned\non Monday.", url="https://other.example/y")
    assert w.add(same_text).status == "duplicate"
    assert w.contains(None, "The minister resigned on Monday.")
    assert not w.contains(None, "Something else entirely.")
    with store.read() as conn:
        assert table_counts(conn)["documents"] == 1


# -- full-text -------------------------------------------------------------------------------------
def test_full_text_search(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    w.add(
        record(
            "a",
            "Farmers protested new fuel taxes in the capital.",
            [event("E1", "PROTEST", ("farmers", "FRA", "AGR"), None, date="2021-03-01")],
        )
    )
    w.add(
        record(
            "b",
            "The central bank raised interest rates.",
            [event("E1", "CONSULT", ("bank", "FRA", "BUS"), None, date="2021-03-01")],
        )
    )
    with store.read() as conn:
        hits = search_documents(conn, DocumentFilter(text="protesting farmer"))  # stemmed
        assert [h.document.doc_id for h in hits] == ["a"]
        assert (
            search_documents(conn, DocumentFilter(text='"interest rates"'))[0].document.doc_id
            == "b"
        )
        assert search_documents(conn, DocumentFilter(text='"rates interest"')) == []
        assert search_documents(conn, DocumentFilter(text="AND OR (")) == []
        evs = search_events(conn, EventFilter(text="fuel taxes"))
        assert [e.plover_type for e in evs] == ["PROTEST"]


# -- processes -------------------------------------------------------------------------------------
WRITER_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store_support import event, record
    from eventwire.store import open_store, StoreWriter

    db, first, last, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    store = open_store(db)
    writer = StoreWriter(store)
    for i in range(first, last):
        time.sleep(delay)  # stands in for extraction
        actor = ("police", "FRA", "COP") if i % 2 else ("army", "IRQ", "MIL")
        rec = record(f"d{{i}}", f"Story number {{i}} about an arrest.",
                     [event("E1", "ARREST", actor, ("protesters", None, None), date=f"2021-03-{{i % 5 + 1:02d}}")],
                     source=f"outlet{{i % 3}}")
        writer.add(rec)
    """
).format(tests=str(REPO / "tests"))


def _writer(tmp_path: Path, db: str, first: int, last: int, delay: float) -> subprocess.Popen:
    script = tmp_path / "writer.py"
    script.write_text(WRITER_SCRIPT)
    return subprocess.Popen(
        [sys.executable, str(script), db, str(first), str(last), str(delay)], stderr=subprocess.PIPE
    )


def _finish(p: subprocess.Popen) -> None:
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode()


def test_two_processes_ingesting_at_once_both_succeed(db_url: str, tmp_path: Path) -> None:
    open_store(db_url).close()
    procs = [_writer(tmp_path, db_url, 0, 30, 0.0), _writer(tmp_path, db_url, 15, 45, 0.0)]
    for p in procs:
        _finish(p)
    with open_store(db_url) as st_, st_.read() as conn:
        counts = table_counts(conn)
    assert counts["documents"] == 45 and counts["mentions"] == 45


def test_killed_batch_resumes_to_the_same_database(db_url: str, tmp_path: Path) -> None:
    n = 24
    reference = str(tmp_path / "reference.db")
    p = _writer(tmp_path, reference, 0, n, 0.0)
    _finish(p)
    st_ = open_store(db_url)
    p = _writer(tmp_path, db_url, 0, n, 0.15)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with st_.read() as conn:
            if table_counts(conn)["documents"] >= n // 3:
                break
        time.sleep(0.05)
    os.kill(p.pid, signal.SIGKILL)
    p.communicate()
    with st_.read() as conn:
        assert 0 < table_counts(conn)["documents"] < n
    p = _writer(tmp_path, db_url, 0, n, 0.0)
    _finish(p)
    with open_store(reference) as ref:
        assert snapshot(st_) == snapshot(ref)
    st_.close()
