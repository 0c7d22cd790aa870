"""Extraction on Dask workers: ordered streaming, partitioned output, same records as locally."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest import RawDocument
from eventwire.schema import DocumentRecord, Rejection
from eventwire.settings import Settings
from parallel_fakes import echo_factory, ident, raw_items

distributed = pytest.importorskip("distributed")

from eventwire.nlp.dask_runner import (  # noqa: E402
    DaskStats,
    open_client,
    process_dask,
    run_dask,
    start_workers,
    write_partitions,
)

SETTINGS = Settings()


@pytest.fixture(scope="module")
def echo_client():
    with open_client("local", 2, memory_limit_mb=3000) as client:
        start_workers(client, SETTINGS, echo_factory)
        yield client


def test_dask_stream_is_ordered_and_complete(echo_client) -> None:
    stats = DaskStats()
    out = list(process_dask(raw_items(50), echo_client, chunk_size=3, stats=stats))
    assert [ident(r) for r in out] == [f"doc{i}" for i in range(50)]
    records = [r for r in out if isinstance(r, DocumentRecord)]
    assert records[1].text == "TEXT NUMBER 1"
    # (Which worker ran which chunk is the scheduler's choice: not asserted.)
    assert {r.model.split(":")[1] for r in records} == {"1"}  # each built its pipeline once
    assert stats.peak_worker_rss_mb > 10


def _memory_limit(dask_worker) -> int:
    return dask_worker.memory_manager.memory_limit


def test_local_cluster_workers_have_the_memory_limit(echo_client) -> None:
    limits = echo_client.run(_memory_limit)
    assert list(limits.values()) == [3000 * 2**20] * 2


def test_dask_partitions(echo_client, tmp_path: Path) -> None:
    items = [*raw_items(20), RawDocument(id="bad", text="CRASH", origin="bad")]
    got = list(write_partitions(items, echo_client, tmp_path / "out", chunk_size=6))
    counts = [g for g in got if isinstance(g, int)]
    rejections = [g for g in got if isinstance(g, Rejection)]
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{i:06d}.jsonl" for i in range(4)]
    lines = [json.loads(x) for p in parts for x in p.read_text(encoding="utf-8").splitlines()]
    assert [x["origin"] for x in lines] == [f"doc{i}" for i in range(20) if i % 7 != 3]
    assert sum(counts) == len(lines)
    assert [r.document for r in rejections] == ["doc3", "doc10", "doc17", "bad"]
    assert not list((tmp_path / "out").glob(".*tmp*"))


def test_dask_parquet_partitions(echo_client, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    got = list(write_partitions(raw_items(10), echo_client, tmp_path, chunk_size=4, fmt="parquet"))
    assert sum(g for g in got if isinstance(g, int)) == 9
    parts = sorted(tmp_path.glob("part-*.parquet"))
    assert len(parts) == 3
    rows = [row for p in parts for row in pq.read_table(p).to_pylist()]
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(10) if i != 3]
    assert json.loads(rows[0]["record"])["text"] == "TEXT NUMBER 0"


def test_dask_partitions_reject_unknown_format(echo_client, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet"):
        list(write_partitions(raw_items(2), echo_client, tmp_path, fmt="csv"))


def _own_documents() -> list[RawDocument]:
    from eventwire.bench import bundled_set, load_articles

    texts = [
        "Police arrested two opposition leaders in the capital on Friday, the interior "
        "ministry said. Their party called the arrests an attack on democracy.",
        "The defense minister of Norland telephoned his counterpart on Tuesday and urged "
        "restraint after soldiers exchanged fire across the border.",
        "Protesters marched to the embassy on Sunday. \u201cWe want answers,\u201d one "
        "organizer told reporters.",
    ]
    own = [RawDocument(id=f"own{i}", text=t, origin=f"own{i}") for i, t in enumerate(texts)]
    return own + load_articles(bundled_set(), 1, SETTINGS)


def test_dask_local_cluster_gives_the_same_records_as_a_local_run(pipeline) -> None:
    docs = _own_documents()
    local = [r.model_dump_json() for r in pipeline.process(docs)]
    remote = [r.model_dump_json() for r in run_dask(docs, SETTINGS, "local", 1)]
    assert remote == local
    assert len(local) == len(docs)


@pytest.mark.slow
@pytest.mark.shared
def test_dask_equals_local_on_1000_corpus_articles(shared_dir: Path, pipeline) -> None:
    from eventwire.bench import load_articles

    docs = load_articles(shared_dir / "corpus" / "allsides_10k.jsonl.gz", 1000, SETTINGS)
    local = [r.model_dump_json() for r in pipeline.process(docs)]
    remote = [r.model_dump_json() for r in run_dask(docs, SETTINGS, "local", 2)]
    assert len(remote) == len(local) == 1000
    assert remote == local
