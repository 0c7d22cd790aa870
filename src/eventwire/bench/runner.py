"""One benchmark run: spaCy alone, the full pipeline in one process, on N workers, on Dask.

All runs parse the same articles in the same process run, so their ratios compare like with
like. A few articles are run first, untimed, so that lexicons and gazetteers that stages
load on first use are not charged to the measured articles.
"""

from __future__ import annotations

import contextlib
import functools
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
    SpacyOnly,
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


@dataclass
class _Best:
    """The best of repeated runs of one kind, and the results of the last."""

    timing: Timing | None = None
    results: list[str] | None = None

    def add(self, timing: Timing, results: list[DocumentRecord | Rejection]) -> None:
        self.timing = timing.best(self.timing)
        self.results = _dumps(results)


def run_bench(
    config: BenchConfig, settings: Settings, pipeline: Pipeline | None = None
) -> BenchReport:
    """Measure everything ``config`` asks for and return the report.

    ``pipeline`` (default: a new one for ``settings``) is the one-process pipeline whose
    model spaCy alone runs too.

    With ``repeat`` > 1 the runs take turns (spaCy, pipeline, workers, Dask, then again),
    so that a change in the machine's load affects all of them alike; the best of each is
    kept.
    """
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    docs = _load(config, settings)
    pipeline = pipeline or Pipeline(settings)
    clock = StageClock()
    timed = timed_pipeline(pipeline, clock)
    texts, prepare_cpu = working_copies(pipeline, docs)
    language_cpu = time_language(docs)
    for _ in timed.process(docs[: config.warmup]):
        pass
    spacy, single, multi, dask = _Best(), _Best(), _Best(), _Best()
    spacy_multi: Timing | None = None
    stage_cpu: dict[str, float] = {}
    peak = 0.0
    with contextlib.ExitStack() as stack:
        pool = client = None
        dask_stats = None
        for round_no in range(max(1, config.repeat)):
            spacy.timing = time_spacy(pipeline.nlp, texts, settings.batch_size).best(spacy.timing)
            clock.reset()
            run, results = time_run(timed.process, docs)
            if single.timing is None or run.cpu_s < single.timing.cpu_s:
                stage_cpu = dict(clock.seconds)
            single.add(run, results)
            if round_no == 0:
                peak = peak_rss_mb()  # one pipeline process, before any pool or cluster
                if config.workers >= 2:
                    pool = stack.enter_context(ParallelPipeline(settings, config.workers))
                    # Untimed, like the one-process warm-up: each worker meets real articles.
                    for _ in pool.process(docs[: config.warmup * config.workers]):
                        pass
                    parsers = stack.enter_context(
                        ParallelPipeline(settings, config.workers, factory=SpacyOnly)
                    )
                if config.dask:
                    client, dask_stats = _start_dask(stack, config, settings, docs)
            if pool is not None:
                multi.add(*time_run(pool.process, docs))
                spacy_multi = time_run(parsers.process, texts)[0].best(spacy_multi)
            if client is not None:
                from ..nlp.dask_runner import process_dask

                run_dask = functools.partial(process_dask, client=client, stats=dask_stats)
                dask.add(*time_run(run_dask, docs))
        report = BenchReport(
            input=str(config.input),
            articles=len(docs),
            spacy_wall_s=spacy.timing.wall_s,
            spacy_cpu_s=spacy.timing.cpu_s,
            pipeline_wall_s=single.timing.wall_s,
            pipeline_cpu_s=single.timing.cpu_s,
            stage_cpu_s=stage_cpu,
            prepare_cpu_s=prepare_cpu,
            language_cpu_s=language_cpu,
            peak_rss_mb=peak,
            load_avg_1m=load,
            cpu_count=os.cpu_count(),
        )
        if pool is not None and multi.timing is not None:
            report.workers = config.workers
            report.workers_wall_s = multi.timing.wall_s
            report.worker_peak_rss_mb = pool.peak_worker_rss_mb
            report.workers_identical = multi.results == single.results
            if spacy_multi is not None:
                report.spacy_workers_wall_s = spacy_multi.wall_s
        if client is not None and dask.timing is not None and dask_stats is not None:
            report.dask_workers = len(client.nthreads())
            report.dask_wall_s = dask.timing.wall_s
            report.dask_worker_peak_rss_mb = dask_stats.peak_worker_rss_mb
            report.dask_identical = dask.results == single.results
    return report


def _start_dask(
    stack: contextlib.ExitStack, config: BenchConfig, settings: Settings, docs: list
) -> tuple:
    from ..nlp.dask_runner import DaskStats, open_client, process_dask, start_workers

    client = stack.enter_context(open_client(config.dask or "local", max(1, config.workers)))
    start_workers(client, settings)
    for _ in process_dask(docs[: config.warmup * max(1, config.workers)], client):
        pass  # untimed warm-up, as for the other runs
    return client, DaskStats()
