"""Multi-process extraction: ordered, complete output; memory reported and bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.nlp.parallel import ParallelPipeline, balanced_chunks, chunks, process_parallel
from eventwire.schema import DocumentRecord
from eventwire.settings import Settings
from parallel_fakes import echo_factory, ident, raw_items

SETTINGS = Settings()


def test_chunks_cover_everything_in_order() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


@pytest.mark.parametrize("n", [0, 1, 5, 31, 32, 33, 47, 100, 257])
def test_balanced_chunks_cover_everything_in_order(n: int) -> None:
    out = list(balanced_chunks(range(n), 16, 2))
    assert [x for chunk in out for x in chunk] == list(range(n))
    assert all(1 <= len(chunk) <= 16 for chunk in out)


def test_balanced_chunks_shrink_at_the_tail() -> None:
    sizes = [len(chunk) for chunk in balanced_chunks(range(100), 16, 2)]
    assert sizes[:5] == [16] * 5  # full chunks while more than workers * size remain
    tail = sizes[5:]
    assert tail == sorted(tail, reverse=True) and tail[-1] == 1
    assert sum(tail) <= 32


def test_balanced_chunks_read_lazily() -> None:
    seen: list[int] = []

    def source():
        for i in range(1000):
            seen.append(i)
            yield i

    first = next(balanced_chunks(source(), 16, 2))
    assert first == list(range(16))
    assert len(seen) <= 3 * 16  # at most (workers + 1) * size read ahead


@pytest.fixture(scope="module")
def echo_pool():
    with ParallelPipeline(SETTINGS, 2, chunk_size=3, factory=echo_factory) as pool:
        yield pool


def test_pool_output_is_ordered_and_complete(echo_pool: ParallelPipeline) -> None:
    items = raw_items(60)
    out = list(echo_pool.process(items))
    assert [ident(r) for r in out] == [f"doc{i}" for i in range(60)]
    records = [r for r in out if isinstance(r, DocumentRecord)]
    assert records[0].text == "TEXT NUMBER 0"
    pids = {r.model.split(":")[0] for r in records}
    assert str(os.getpid()) not in pids  # the work was done in the workers
    rss = echo_pool.worker_rss_mb
    assert set(rss) == {int(p) for p in pids}  # every worker that worked reported memory
    assert all(v > 10 for v in rss.values())
    assert echo_pool.peak_worker_rss_mb == max(rss.values())


def test_pool_can_be_reused_for_several_runs(echo_pool: ParallelPipeline) -> None:
    first = [ident(r) for r in echo_pool.process(raw_items(20))]
    second = [ident(r) for r in echo_pool.process(raw_items(20))]
    assert first == second == [f"doc{i}" for i in range(20)]


def test_rss_limit_makes_workers_rebuild() -> None:
    with ParallelPipeline(
        SETTINGS, 1, chunk_size=2, max_worker_rss_mb=1.0, factory=echo_factory
    ) as pool:
        out = list(pool.process(raw_items(8)))
    builds = [int(r.model.split(":")[1]) for r in out if isinstance(r, DocumentRecord)]
    assert [ident(r) for r in out] == [f"doc{i}" for i in range(8)]
    assert builds == sorted(builds) and builds[-1] >= 3  # rebuilt after every chunk


def test_max_tasks_per_worker_replaces_workers() -> None:
    with ParallelPipeline(
        SETTINGS, 1, chunk_size=2, max_tasks_per_worker=2, factory=echo_factory
    ) as pool:
        out = list(pool.process(raw_items(6)))
    pids = {r.model.split(":")[0] for r in out if isinstance(r, DocumentRecord)}
    assert [ident(r) for r in out] == [f"doc{i}" for i in range(6)]
    assert len(pids) == 2  # 3 chunks, at most 2 per worker process


def test_small_inputs_stay_in_process() -> None:
    out = list(process_parallel(raw_items(5), SETTINGS, 2, min_docs=10, factory=echo_factory))
    pids = {r.model.split(":")[0] for r in out if isinstance(r, DocumentRecord)}
    assert pids == {str(os.getpid())}
    assert len(out) == 5


def test_process_parallel_uses_workers_for_large_inputs() -> None:
    settings = SETTINGS.replace(extras={"parallel_min_docs": 4})
    out = list(process_parallel(raw_items(12), settings, 2, factory=echo_factory))
    pids = {r.model.split(":")[0] for r in out if isinstance(r, DocumentRecord)}
    assert str(os.getpid()) not in pids
    assert [ident(r) for r in out] == [f"doc{i}" for i in range(12)]


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ParallelPipeline(SETTINGS, 0)


def _own_articles(path: Path) -> None:
    import json

    texts = [
        "The Foreign Minister of Norland met the ambassador of Sudria in Oslo on Monday. "
        "Both sides agreed to resume talks.",
        "Police detained twelve protesters outside parliament on Tuesday, officials said.",
        "The army shelled rebel positions near the border, killing three fighters.",
        "The president praised the teachers' union for ending the strike.",
        "Farmers blocked a highway to protest the new fuel tax, the ministry said.",
    ]
    with path.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts * 2):
            fh.write(
                json.dumps({"id": f"a{n}", "text": text, "published": "2021-03-0" + str(1 + n % 9)})
                + "\n"
            )


def test_extract_with_two_workers_equals_one_worker(tmp_path: Path, pipeline) -> None:
    """``eventwire extract --workers 2`` writes exactly what ``--workers 1`` writes."""
    src = tmp_path / "in.jsonl"
    _own_articles(src)
    config = tmp_path / "ew.toml"
    config.write_text("[eventwire]\nparallel_min_docs = 0\n", encoding="utf-8")
    out = tmp_path / "out2.jsonl"
    cmd = [
        sys.executable, "-m", "eventwire", "extract", str(src), "-o", str(out),
        "--workers", "2", "--config", str(config), "--no-progress",
    ]  # fmt: skip
    done = subprocess.run(cmd, timeout=600, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr  # 1: some document failed (reported)
    from eventwire.ingest import read_inputs

    results = pipeline.process(read_inputs([str(src)], SETTINGS))
    one = "".join(r.model_dump_json() + "\n" for r in results if isinstance(r, DocumentRecord))
    assert out.read_text(encoding="utf-8") == one
    assert one.count("\n") == 10 - done.stderr.count("error: ")
