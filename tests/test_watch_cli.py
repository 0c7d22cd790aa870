"""The ``eventwire watch`` command: options, a run on a local feed file, signals, docs."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from sqlalchemy import select

import eventwire.nlp
from eventwire.cli import build_parser, main
from eventwire.cli.watch import stop_on_signals
from eventwire.store import open_store
from eventwire.store.tables import documents

REPO = Path(__file__).resolve().parents[1]

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Log</title>
<item><guid>h-1</guid><title>Ferry strike</title>
<description>Ferry crews in Northport walked out on Monday over pay.</description></item>
<item><guid>h-2</guid><title>Pier reopens</title>
<description>The old pier in Southport reopened after repairs.</description></item>
</channel></rss>"""


def test_watch_options_parse() -> None:
    args = build_parser().parse_args(
        ["watch", "a.xml", "http://x/feed", "--every", "5m", "--max-polls", "3", "--db", "w.db"]
    )
    assert args.feeds == ["a.xml", "http://x/feed"]
    assert (args.every, args.max_polls, args.db, args.once) == ("5m", 3, "w.db", False)


def test_watch_once_on_a_feed_file_then_again(tmp_path, monkeypatch, capfd, pipeline) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(eventwire.nlp, "Pipeline", lambda settings: pipeline)
    feed = tmp_path / "harbour.xml"
    feed.write_text(FEED)
    db = str(tmp_path / "w.db")
    assert main(["watch", str(feed), "--db", db, "--once", "--no-pages"]) == 0
    err = capfd.readouterr().err
    assert "2 new items" in err and "2 stored" in err
    assert main(["watch", str(feed), "--db", db, "--max-polls", "1"]) == 0
    err = capfd.readouterr().err
    assert "1 unchanged" in err and "0 new items" in err
    with open_store(db) as st, st.read() as conn:
        titles = set(conn.execute(select(documents.c.title)).scalars())
    assert titles == {"Ferry strike", "Pier reopens"}


def test_watch_refuses_a_bad_interval(tmp_path, capfd) -> None:  # type: ignore[no-untyped-def]
    assert main(["watch", "f.xml", "--db", str(tmp_path / "w.db"), "--every", "soon"]) == 2
    assert "not an interval" in capfd.readouterr().err


def test_first_signal_asks_to_stop_and_the_second_acts_as_usual() -> None:
    calls: list[int] = []
    before = signal.getsignal(signal.SIGTERM)
    with stop_on_signals(lambda: calls.append(1)):
        os.kill(os.getpid(), signal.SIGTERM)
        assert calls == [1]
        assert signal.getsignal(signal.SIGTERM) == before  # a second SIGTERM is not caught
    assert signal.getsignal(signal.SIGTERM) == before


def test_docs_describe_the_command() -> None:
    doc = (REPO / "docs" / "watch.md").read_text(encoding="utf-8")
    for flag in ("--every", "--once", "--max-polls", "--no-pages", "--db", "[eventwire.watch]"):
        assert flag in doc
    for table in ("watch_feeds", "watch_items"):
        assert table in doc


@pytest.mark.parametrize("status", ["pending", "stored", "duplicate", "rejected", "failed"])
def test_docs_list_item_statuses(status: str) -> None:
    assert f"`{status}`" in (REPO / "docs" / "watch.md").read_text(encoding="utf-8")
