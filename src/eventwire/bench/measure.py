"""Timing primitives of the benchmark: spaCy alone, the full pipeline, and its stages.

Wall time (``time.perf_counter``) gives articles per second; process CPU time
(``time.process_time``) gives the cost ratios, which stay meaningful when other processes
share the cores (a busy machine stretches wall time, not the CPU time a process uses).
"""

from __future__ import annotations

import functools
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from ..ingest import RawDocument
from ..ingest.language import detect_language
from ..nlp import Pipeline
from ..nlp.pipeline import Stage
from ..schema import DocumentRecord, Rejection
from ..settings import Settings

Result = DocumentRecord | Rejection


@dataclass
class Timing:
    """One measured run: wall and CPU seconds over ``articles`` documents."""

    articles: int
    wall_s: float
    cpu_s: float

    @property
    def per_s(self) -> float:
        """Articles per wall-clock second."""
        return self.articles / self.wall_s if self.wall_s > 0 else 0.0

    def best(self, other: Timing | None) -> Timing:
        """The faster of two runs of the same work (for repeated measurements)."""
        if other is None:
            return self
        return Timing(self.articles, min(self.wall_s, other.wall_s), min(self.cpu_s, other.cpu_s))


class Clock:
    """Measures wall and CPU time of a block: ``with Clock() as c: ...; c.timing(n)``."""

    def __enter__(self) -> Clock:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall_s = time.perf_counter() - self._wall
        self.cpu_s = time.process_time() - self._cpu

    def timing(self, articles: int) -> Timing:
        return Timing(articles, self.wall_s, self.cpu_s)


@dataclass
class StageClock:
    """Accumulates the CPU time of each extraction stage, by stage name."""

    seconds: dict[str, float] = field(default_factory=dict)

    def wrap(self, stage: Stage) -> Stage:
        """``stage`` with its CPU time added to :attr:`seconds` under its module's name."""
        name = getattr(stage, "__module__", "?").rsplit(".", 1)[-1]
        self.seconds.setdefault(name, 0.0)

        @functools.wraps(stage)
        def timed(ctx):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                stage(ctx)
            finally:
                self.seconds[name] += time.process_time() - start

        return timed

    def reset(self) -> None:
        for name in self.seconds:
            self.seconds[name] = 0.0


def working_copies(pipeline: Pipeline, docs: Sequence[RawDocument]) -> tuple[list[str], float]:
    """The normalized texts the pipeline hands to spaCy (so spaCy alone parses the same),
    and the CPU seconds their preparation took (normalization, promo lines, tweet embeds)."""
    with Clock() as clock:
        texts = [pipeline._working_copy(doc)[0] for doc in docs]
    return texts, clock.cpu_s


def time_language(docs: Sequence[RawDocument]) -> float:
    """CPU seconds of the pipeline's language check over ``docs``."""
    detect_language("A first call loads the language model: not part of the measure.")
    with Clock() as clock:
        for doc in docs:
            detect_language(doc.text)
    return clock.cpu_s


def time_spacy(nlp: Language, texts: Sequence[str], batch_size: int) -> Timing:
    """``nlp.pipe`` over ``texts``, nothing else."""
    with Clock() as clock:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return clock.timing(len(texts))


class SpacyOnly:
    """A worker processor that only parses (``nlp.pipe``) the working copies it is given:
    run on N workers it measures how far the machine itself lets N processes scale."""

    def __init__(self, settings: Settings) -> None:
        from ..nlp.model import load_model

        self.nlp = load_model(settings.model)
        self.nlp.max_length = max(self.nlp.max_length, settings.max_chars + 1)
        self.batch_size = settings.batch_size
        for _ in self.nlp.pipe(["A warm-up sentence for the parser."]):
            pass

    def process(self, texts: Iterable[str]) -> Iterator[int]:
        """The token count of each text, parsed."""
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            yield len(doc)


def time_run(
    run: Callable[[list[RawDocument]], Iterable[Result]], docs: list[RawDocument]
) -> tuple[Timing, list[Result]]:
    """Time ``run(docs)`` to exhaustion; returns the timing and the results."""
    with Clock() as clock:
        results = list(run(docs))
    return clock.timing(len(docs)), results


def timed_pipeline(pipeline: Pipeline, clock: StageClock) -> Pipeline:
    """A pipeline sharing ``pipeline``'s model and resources whose stages report to ``clock``."""
    return Pipeline(
        pipeline.settings,
        nlp=pipeline.nlp,
        resources=pipeline.resources,
        stages=[clock.wrap(stage) for stage in pipeline.stages],
    )


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
