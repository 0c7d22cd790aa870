"""Property tests: hostile input at every input path never crashes and is never lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import RawDocument, read_inputs
from eventwire.schema import DocumentRecord, Rejection
from eventwire.settings import Settings

SUFFIXES = [
    ".txt",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".json",
    ".jsonl",
    ".html.gz",
    ".jsonl.gz",
]
_HTML = "<html><head><title>T</title></head><body><article><p>Troops attacked the town.</p></article></body></html>"
_RSS = "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item><title>A</title><description>Police arrested a man.</description></item></channel></rss>"

hostile_text = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(str.encode),
    st.integers(0, len(_HTML)).map(lambda n: _HTML[:n].encode()),
    st.integers(0, len(_RSS)).map(lambda n: _RSS[:n].encode()),
    st.integers(0, 60).map(
        lambda n: json.dumps({"id": "x", "text": "Rebels seized the airport."})[:n].encode()
    ),
)


def _read_one(suffix: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        return list(read_inputs([str(path)], Settings()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), hostile_text)
def test_any_bytes_at_any_path_give_documents_or_rejections(suffix, data):
    out = _read_one(suffix, data)
    assert out, "an input vanished without a record or a rejection"
    for item in out:
        assert isinstance(item, (RawDocument, Rejection))
        if isinstance(item, Rejection):
            assert item.document and item.reason.startswith("[E")
        else:
            assert item.text.strip()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80), st.builds(lambda t: json.dumps({"text": t}), st.text(max_size=80))
        ),
        max_size=12,
    )
)
def test_jsonl_every_nonblank_line_is_accounted_for(lines):
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    data = "\n".join(lines).encode()
    out = _read_one(".jsonl", data)
    nonblank = [ln for ln in data.splitlines() if ln.strip()]
    assert len(out) == max(1, len(nonblank))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=300))
def test_pipeline_gives_a_record_or_rejection_for_any_text(pipeline, text):
    raw = RawDocument(id="p", text=text, origin="p")
    (result,) = list(pipeline.process([raw]))
    assert isinstance(result, (DocumentRecord, Rejection))
    if isinstance(result, DocumentRecord):
        assert result.text == text
        for actor in result.actors:
            for m in actor.mentions:
                assert text[m.span[0] : m.span[1]] == m.text
