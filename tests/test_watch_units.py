"""Watcher building blocks: intervals, back-off, options, item identity, failure classes."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from eventwire.errors import ConfigError, InputError
from eventwire.settings import Settings
from eventwire.watch import WatchOptions, backoff_delay, parse_interval
from eventwire.watch.items import is_transient, item_key, read_items


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("90s", 90), ("1h30m", 5400), ("2d", 172800), ("300", 300), ("1.5h", 5400)],
)
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "0s", "-5m", "5m later"])
def test_parse_interval_refuses_nonsense(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_interval(text)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n, 10, 100) for n in range(6)] == [0, 10, 20, 40, 80, 100]
    assert backoff_delay(5000, 10, 100) == 100  # no overflow after a very long outage


def test_options_from_settings_table_then_overrides() -> None:
    settings = Settings(extras={"watch": {"every": "5m", "retry_max": "2h", "page_attempts": 4}})
    opts = WatchOptions.from_settings(settings, every="1m")
    assert (opts.every_s, opts.retry_max_s, opts.page_attempts) == (60, 7200, 4)
    assert WatchOptions.from_settings(None).every_s == 900


def test_options_refuse_unknown_or_invalid_values() -> None:
    with pytest.raises(ConfigError, match="unknown watch setting"):
        WatchOptions.from_settings(Settings(extras={"watch": {"evry": "5m"}}))
    with pytest.raises(ConfigError):
        WatchOptions(page_attempts=0)


def _item(**kw: object) -> dict:
    return {"n": 0, "id": "g1", "url": None, "title": "T", "text": "body", **kw}


def test_item_key_prefers_guid_then_link_then_content() -> None:
    origin = "http://x/feed"
    assert item_key(_item(id="g1"), origin) == item_key(_item(id="g1", text="changed"), origin)
    assert item_key(_item(id="g1"), origin) != item_key(_item(id="g2"), origin)
    # no guid and no link: parse_feed's id depends on the item's position, so use the content
    made = hashlib.sha1(f"{origin}#0:T".encode()).hexdigest()[:16]
    moved = hashlib.sha1(f"{origin}#1:T".encode()).hexdigest()[:16]
    assert item_key(_item(id=made), origin) == item_key(_item(id=moved, n=1), origin)
    assert item_key(_item(id=made), origin) != item_key(_item(id=made, text="other"), origin)


def test_items_without_guid_keep_their_key_when_the_feed_grows() -> None:
    def feed(*titles: str) -> bytes:
        items = "".join(
            f"<item><title>{t}</title><description>{t} text</description></item>" for t in titles
        )
        return f'<rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()

    before = {it.key for it in read_items(feed("B", "A"), "f.xml")}
    after = {it.key for it in read_items(feed("C", "B", "A"), "f.xml")}
    assert before < after and len(after) == 3


def test_read_items_is_oldest_first_and_json_safe() -> None:
    data = (
        b'<rss version="2.0"><channel><title>F</title>'
        b"<item><guid>2</guid><title>new</title><pubDate>Tue, 02 Jun 2026 08:00:00 GMT</pubDate></item>"
        b"<item><guid>1</guid><title>old</title></item></channel></rss>"
    )
    items = read_items(data, "f.xml")
    assert [it.data["title"] for it in items] == ["old", "new"]
    assert items[1].data["published"] == "2026-06-02"
    with pytest.raises(InputError):
        read_items(b"just some words", "f.xml")


def test_transient_failures() -> None:
    timeout = InputError("E109", "ReadTimeout: timed out")
    timeout.__cause__ = httpx.ReadTimeout("timed out")
    assert is_transient(timeout)
    assert is_transient(InputError("E109", "HTTP 503"))
    assert is_transient(InputError("E109", "HTTP 429"))
    assert not is_transient(InputError("E109", "HTTP 404"))
    assert not is_transient(InputError("E109", "refusing private or loopback address x"))
    assert not is_transient(InputError("E104", "more than 10 bytes"))
