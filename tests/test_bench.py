"""The benchmark: bundled synthetic set, stage timing, report keys, and the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.bench import BenchReport, bundled_set, default_input, load_articles, load_budgets
from eventwire.bench.measure import StageClock, Timing
from eventwire.bench.synthetic import (
    BUNDLED_COUNT,
    BUNDLED_SEED,
    generate_articles,
    write_articles,
)
from eventwire.settings import Settings

STABLE_KEYS = {
    "articles",
    "spacy_articles_per_s",
    "pipeline_articles_per_s",
    "ratio_pipeline_vs_spacy",
    "workers_2_articles_per_s",
    "speedup_2_workers",
    "dask_articles_per_s",
    "peak_rss_mb",
    "cpu_s_per_1000",
    "stage_fractions",
    "budget_fractions",
}


def test_bundled_set_is_what_the_generator_makes(tmp_path: Path) -> None:
    out = tmp_path / "set.jsonl.gz"
    write_articles(out, BUNDLED_COUNT, BUNDLED_SEED)
    assert gzip.decompress(out.read_bytes()) == gzip.decompress(bundled_set().read_bytes())


def test_generator_is_deterministic_and_varied() -> None:
    a = list(generate_articles(5, seed=1))
    assert a == list(generate_articles(5, seed=1))
    assert a != list(generate_articles(5, seed=2))
    assert len({x["text"] for x in a}) == 5
    assert all(len(str(x["text"])) > 1000 for x in a)


def test_bundled_set_reads_as_documents() -> None:
    docs = load_articles(bundled_set(), 10, Settings())
    assert [d.id for d in docs] == [f"synthetic-{n:04d}" for n in range(1, 11)]
    assert all(d.published is not None for d in docs)
    with gzip.open(bundled_set(), "rt", encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == BUNDLED_COUNT


def test_default_input_falls_back_to_bundled_set(tmp_path: Path) -> None:
    got = default_input(cwd=tmp_path)
    # Either the shared corpus next to the checkout, or the bundled set: never a missing file.
    assert got.is_file()
    assert got.name in ("allsides_10k.jsonl.gz", "synthetic.jsonl.gz")


def test_stage_clock_names_and_accumulates() -> None:
    calls = []

    def run(ctx: object) -> None:
        calls.append(ctx)

    run.__module__ = "eventwire.extract.quotes"
    clock = StageClock()
    wrapped = clock.wrap(run)
    wrapped(1)
    wrapped(2)
    assert calls == [1, 2]
    assert wrapped.__module__ == "eventwire.extract.quotes"
    assert set(clock.seconds) == {"quotes"}
    assert clock.seconds["quotes"] >= 0.0
    clock.reset()
    assert clock.seconds == {"quotes": 0.0}


def test_stage_clock_counts_time_of_failing_stage() -> None:
    def run(ctx: object) -> None:
        sum(range(200_000))
        raise ValueError("boom")

    run.__module__ = "eventwire.extract.places"
    clock = StageClock()
    with pytest.raises(ValueError):
        clock.wrap(run)(None)
    assert clock.seconds["places"] > 0.0


def test_timing_best_keeps_fastest() -> None:
    a, b = Timing(10, 2.0, 1.5), Timing(10, 3.0, 1.0)
    best = a.best(b)
    assert (best.wall_s, best.cpu_s) == (2.0, 1.0)
    assert a.per_s == 5.0


def _report(**kw: object) -> BenchReport:
    base = dict(
        input="x.jsonl",
        articles=100,
        spacy_wall_s=10.0,
        spacy_cpu_s=10.0,
        pipeline_wall_s=20.0,
        pipeline_cpu_s=13.0,
        stage_cpu_s={"actors": 2.0, "events": 1.0, "times": 0.5, "quotes": 2.0},
        peak_rss_mb=500.0,
    )
    base.update(kw)
    return BenchReport(**base)  # type: ignore[arg-type]


def test_report_keys_and_figures() -> None:
    data = _report(workers=2, workers_wall_s=11.0, dask_workers=2, dask_wall_s=12.5).to_json()
    assert set(data) >= STABLE_KEYS
    assert data["ratio_pipeline_vs_spacy"] == 1.3
    assert data["spacy_articles_per_s"] == 10.0
    assert data["pipeline_articles_per_s"] == 5.0
    assert data["workers_2_articles_per_s"] == pytest.approx(9.091, abs=1e-3)
    assert data["speedup_2_workers"] == pytest.approx(1.818, abs=1e-3)
    assert data["dask_articles_per_s"] == 8.0
    assert data["cpu_s_per_1000"] == 130.0
    assert data["budget_fractions"]["actors_events"] == pytest.approx(0.3)
    assert data["budget_fractions"]["quotes"] == pytest.approx(0.2)
    assert data["budgets_ok"] is False  # quotes 0.2 > 0.10
    json.dumps(data)


def test_report_gives_spacy_alone_speedup_as_the_machine_ceiling() -> None:
    data = _report(workers=2, workers_wall_s=11.0, spacy_workers_wall_s=6.25).to_json()
    assert data["spacy_speedup_2_workers"] == pytest.approx(1.6)
    assert _report(workers=2, workers_wall_s=11.0).to_json()["spacy_speedup_2_workers"] is None
    import io

    buf = io.StringIO()
    _report(workers=2, workers_wall_s=11.0, spacy_workers_wall_s=6.25).print_table(buf)
    assert "spaCy alone on 2 processes: 1.60x" in buf.getvalue()


def test_spacy_only_worker_parses_texts() -> None:
    from eventwire.bench.measure import SpacyOnly

    parser = SpacyOnly(Settings())
    assert list(parser.process(["One two three.", "Four five."])) == [4, 3]


def test_report_without_parallel_runs_keeps_keys() -> None:
    data = _report().to_json()
    assert set(data) >= STABLE_KEYS
    assert data["workers_2_articles_per_s"] is None
    assert data["dask_articles_per_s"] is None


def test_budgets_cover_the_issue_limits() -> None:
    limits = {b.name: b.limit for b in load_budgets()}
    assert limits == {"actors_events": 0.35, "times": 0.10, "places": 0.15, "quotes": 0.10}


def test_report_table_mentions_budgets() -> None:
    import io

    buf = io.StringIO()
    _report(workers=2, workers_wall_s=11.0).print_table(buf)
    text = buf.getvalue()
    assert "actors_events" in text and "OVER" in text and "speedup" in text


def test_run_bench_in_one_process(pipeline) -> None:
    from eventwire.bench import BenchConfig, run_bench

    config = BenchConfig(input=bundled_set(), limit=2, workers=1, warmup=1)
    data = run_bench(config, Settings(), pipeline=pipeline).to_json()
    assert data["articles"] == 2
    assert data["spacy_articles_per_s"] > 0 and data["pipeline_articles_per_s"] > 0
    assert data["ratio_pipeline_vs_spacy"] > 0.5
    assert set(data["stage_fractions"]) >= {"actors", "events", "quotes", "times", "places"}
    assert data["workers_2_articles_per_s"] is None


def test_cli_bench_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire.cli import main

    argv = ["bench", "--input", str(bundled_set()), "--limit", "1", "--workers", "1", "--json"]
    assert main(argv) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    data = json.loads(line)
    assert set(data) >= STABLE_KEYS and data["articles"] == 1


def test_cli_bench_rejects_missing_input(tmp_path: Path) -> None:
    from eventwire.cli import main

    assert main(["bench", "--input", str(tmp_path / "nope.jsonl"), "--limit", "2"]) == 2


@pytest.mark.slow
def test_bench_with_workers_and_dask_gives_identical_records() -> None:
    from eventwire.bench import BenchConfig, run_bench

    config = BenchConfig(input=bundled_set(), limit=20, workers=2, dask="local")
    data = run_bench(config, Settings()).to_json()
    assert data["workers_identical"] is True and data["dask_identical"] is True
    assert data["workers_2_articles_per_s"] > 0 and data["dask_articles_per_s"] > 0
    assert data["dask_workers"] == 2
    assert data["worker_peak_rss_mb"] > 50
