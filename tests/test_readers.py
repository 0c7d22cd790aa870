"""Ingestion of every input kind, and bad input turned into rejections."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import io
import json
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from eventwire.ingest import RawDocument, read_inputs
from eventwire.schema import Rejection
from eventwire.settings import Settings

DATA = Path(__file__).parent / "data"


def _read(inputs, **kw):
    settings = kw.pop("settings", Settings())
    return list(read_inputs([str(i) for i in inputs], settings, **kw))


def test_text_file_keeps_text_exactly_and_takes_published(tmp_path):
    p = tmp_path / "story.txt"
    text = "  Ministers met in Accra on Monday.\r\n\r\nThey agreed to meet again.  "
    p.write_bytes(text.encode())
    (doc,) = _read([p], published=dt.date(2024, 3, 8))
    assert isinstance(doc, RawDocument)
    assert doc.text == text
    assert doc.id == "story"
    assert doc.published == dt.date(2024, 3, 8)


def test_html_page_main_text_metadata_and_tweet():
    (doc,) = _read([DATA / "article_with_tweet.html"])
    assert isinstance(doc, RawDocument)
    assert "telephoned Ethiopian Prime Minister Abiy Ahmed" in doc.text
    assert "Tonight I spoke with Prime Minister Abiy" in doc.text
    assert "(@WilliamsRuto) March 7, 2024" in doc.text
    assert "Celebrity wedding photos" not in doc.text
    assert "Follow Example Daily" not in doc.text
    assert doc.title == "Ministers meet in Nairobi over border clashes"
    assert doc.author == "Jane Example"
    assert doc.published == dt.date(2024, 3, 8)
    assert doc.source == "Example Daily"


def test_gzipped_html(tmp_path):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress((DATA / "article_with_tweet.html").read_bytes()))
    (doc,) = _read([p])
    assert isinstance(doc, RawDocument) and doc.id == "page"


@pytest.mark.parametrize(
    ("name", "count", "first_url", "first_date"),
    [
        ("feed.xml", 2, "https://news.example.org/talks", dt.date(2024, 3, 8)),
        ("feed.atom", 1, "https://atom.example.org/condemn", dt.date(2024, 3, 8)),
        ("feed.json", 1, "https://json.example.org/1", dt.date(2024, 3, 6)),
    ],
)
def test_feeds_give_one_article_per_item(name, count, first_url, first_date):
    docs = _read([DATA / name])
    assert len(docs) == count
    assert all(isinstance(d, RawDocument) for d in docs)
    assert docs[0].url == first_url
    assert docs[0].published == first_date
    assert docs[0].text.strip()


def test_atom_item_html_content_becomes_paragraphs():
    (doc,) = _read([DATA / "feed.atom"])
    assert (
        doc.text
        == "Foreign ministers condemned the attack on the police post.\n\nThey called for calm."
    )


def test_jsonl_batch_with_good_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Rebels attacked a convoy.",
                "published": "2024-01-02",
                "url": "u1",
            }
        ),
        "{not json",
        json.dumps(
            {
                "id": "a2",
                "html": "<html><body><article><p>"
                + "Troops withdrew from the border town after talks. " * 5
                + "</p></article></body></html>",
            }
        ),
        json.dumps({"id": "a3", "body": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "   "}),
        "",
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _read([p])
    assert [type(x).__name__ for x in out] == [
        "RawDocument",
        "Rejection",
        "RawDocument",
        "Rejection",
        "Rejection",
        "Rejection",
    ]
    assert out[0].id == "a1" and out[0].published == dt.date(2024, 1, 2) and out[0].url == "u1"
    assert out[1].document.endswith("batch.jsonl:2") and out[1].code == "E105"
    assert out[2].id == "a2" and "Troops withdrew" in out[2].text
    assert out[3].code == "E111"
    assert out[5].code == "E101"


def test_gzipped_jsonl(tmp_path):
    p = tmp_path / "b.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"id": "x", "text": "Police arrested two men."}\n'))
    (doc,) = _read([p])
    assert doc.id == "x"


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second story about talks.")
    (tmp_path / "sub" / "a.txt").write_text("First story about talks.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    docs = _read([tmp_path])
    assert [d.id for d in docs] == ["b", "sub/a"]


def test_stdin_is_sniffed():
    stdin = io.BytesIO(b"Protesters gathered outside parliament.")
    (doc,) = _read(["-"], stdin=stdin)
    assert doc.text == "Protesters gathered outside parliament." and doc.origin == "<stdin>"


def test_missing_path_and_binary_and_oversized(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"%PDF-1.7 binary")
    big = tmp_path / "big.txt"
    big.write_text("word " * 500)
    out = _read([tmp_path / "nope.txt", binary, big], settings=Settings(max_bytes=1000))
    assert [r.code for r in out] == ["E112", "E102", "E104"]
    assert all(isinstance(r, Rejection) and r.document for r in out)


def test_malformed_feed_is_reported(tmp_path):
    p = tmp_path / "broken.xml"
    p.write_text("<rss><channel><item><title>x</title>")
    out = _read([p])
    assert all(isinstance(r, (Rejection, RawDocument)) for r in out)
    p.write_text("<rss version='2.0'><<<<")
    (rej,) = _read([p])
    assert isinstance(rej, Rejection) and rej.code == "E106"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self):
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Handler.routes = {
        "/page.html": (
            200,
            "text/html; charset=utf-8",
            (DATA / "article_with_tweet.html").read_bytes(),
        ),
        "/feed.xml": (200, "application/rss+xml", (DATA / "feed.xml").read_bytes()),
        "/big.txt": (200, "text/plain", b"x" * 5000),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_from_a_local_server(server):
    settings = Settings(allow_private_urls=True, fetch_max_bytes=4000)
    out = _read(
        [f"{server}/page.html", f"{server}/feed.xml", f"{server}/missing", f"{server}/big.txt"],
        settings=settings,
    )
    assert isinstance(out[0], RawDocument) and out[0].url.endswith("/page.html")
    assert out[0].title == "Ministers meet in Nairobi over border clashes"
    assert [type(x).__name__ for x in out[1:3]] == ["RawDocument", "RawDocument"]
    assert out[3].code == "E109" and "404" in out[3].reason
    assert out[4].code == "E104"


def test_private_addresses_are_refused_by_default(server):
    (rej,) = _read([f"{server}/page.html"])
    assert isinstance(rej, Rejection) and rej.code == "E109" and "private" in rej.reason
