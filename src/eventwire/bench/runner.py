"""One benchmark run: spaCy alone, the full pipeline in one process, on N workers, on Dask.

All runs parse the same articles in the same process run, so their ratios compare like with
like. A few articles are run first, untimed, so that lexicons and gazetteers that stages
load on first use are not charged to the measured articles.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..nlp import Pipeline
from ..nlp.parallel import ParallelPipeline
from ..schema import DocumentRecord, Rejection
from ..settings import Settings
from .corpus import load_articles, repeat_to
from .measure import (
    StageClock,
    Timing,
    peak_rss_mb,
    time_language,
    time_run,
    time_spacy,
    timed_pipeline,
    working_copies,
)
from .report import BenchReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BenchConfig:
    """What to measure. ``workers`` < 2 skips the multi-process run; ``dask`` is ``None``
    (skip), ``"local"`` (a LocalCluster of ``workers`` processes) or a scheduler address."""

    input: Path
    limit: int = 100
    workers: int = 2
    dask: str | None = None
    repeat: int = 1
    warmup: int = 3


def _dumps(results: list[DocumentRecord | Rejection]) -> list[str]:
    return [r.model_dump_json() for r in results]


def _load(config: BenchConfig, settings: Settings) -> list:
    docs = load_articles(config.input, config.limit, settings)
    if not docs:
        raise ConfigError(f"no readable articles in {config.input}")
    if len(docs) < config.limit:
        log.info("%s holds %d articles: cycling to %d", config.input, len(docs), config.limit)
        docs = list(repeat_to(docs, config.limit))
    return docs


def run_bench(config: BenchConfig, settings: Settings) -> BenchReport:
    """Measure everything ``config`` asks for and return the report."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    docs = _load(config, settings)
    pipeline = Pipeline(settings)
    clock = StageClock()
    timed = timed_pipeline(pipeline, clock)
    texts, prepare_cpu = working_copies(pipeline, docs)
    language_cpu = time_language(docs)
    for _ in timed.process(docs[: config.warmup]):
        pass
    best_spacy: Timing | None = None
    best_pipe: Timing | None = None
    stage_cpu: dict[str, float] = {}
    reference: list[str] = []
    for _ in range(max(1, config.repeat)):
        best_spacy = time_spacy(pipeline.nlp, texts, settings.batch_size).best(best_spacy)
        clock.reset()
        run, results = time_run(timed.process, docs)
        if best_pipe is None or run.cpu_s < best_pipe.cpu_s:
            stage_cpu = dict(clock.seconds)
        best_pipe = run.best(best_pipe)
        reference = _dumps(results)
    assert best_spacy is not None and best_pipe is not None
    report = BenchReport(
        input=str(config.input),
        articles=len(docs),
        spacy_wall_s=best_spacy.wall_s,
        spacy_cpu_s=best_spacy.cpu_s,
        pipeline_wall_s=best_pipe.wall_s,
        pipeline_cpu_s=best_pipe.cpu_s,
        stage_cpu_s=stage_cpu,
        prepare_cpu_s=prepare_cpu,
        language_cpu_s=language_cpu,
        peak_rss_mb=peak_rss_mb(),
        load_avg_1m=load,
        cpu_count=os.cpu_count(),
    )
    if config.workers >= 2:
        _measure_workers(config, settings, docs, reference, report)
    if config.dask:
        _measure_dask(config, settings, docs, reference, report)
    return report


def _measure_workers(
    config: BenchConfig, settings: Settings, docs: list, reference: list[str], report: BenchReport
) -> None:
    with ParallelPipeline(settings, config.workers) as pool:
        best: Timing | None = None
        for _ in range(max(1, config.repeat)):
            run, results = time_run(pool.process, docs)
            best = run.best(best)
        report.workers = config.workers
        report.workers_wall_s = best.wall_s if best else None
        report.worker_peak_rss_mb = pool.peak_worker_rss_mb
        report.workers_identical = _dumps(results) == reference


def _measure_dask(
    config: BenchConfig, settings: Settings, docs: list, reference: list[str], report: BenchReport
) -> None:
    from ..nlp.dask_runner import DaskStats, open_client, process_dask, start_workers

    n = max(1, config.workers)
    with open_client(config.dask or "local", n) as client:
        start_workers(client, settings)
        stats = DaskStats()
        best: Timing | None = None
        for _ in range(max(1, config.repeat)):
            run, results = time_run(lambda d: process_dask(d, client, stats=stats), docs)
            best = run.best(best)
        report.dask_workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        report.dask_wall_s = best.wall_s if best else None
        report.dask_worker_peak_rss_mb = stats.peak_worker_rss_mb
        report.dask_identical = _dumps(results) == reference
