"""Running the pipeline on N processes of one machine, with ordered, complete output.

Each worker is a spawned process that builds its pipeline (loads the model) once. Documents
travel in chunks; at most a few chunks per worker are in flight, so the input is read
lazily and results come back in input order as soon as their turn comes.

Chunks are large enough for spaCy to batch well (parsing 4 documents per ``nlp.pipe`` call
costs ~10 % more CPU than 16), and the tail of the input is cut into shrinking chunks
(guided self-scheduling) so that no worker idles while another finishes a big last chunk.

Memory per worker is reported (peak RSS, read with psutil after every chunk) and bounded two
ways: ``max_tasks_per_worker`` replaces a worker after that many chunks, and
``max_worker_rss_mb`` makes a worker whose RSS has grown past the limit drop and rebuild its
pipeline (spaCy's string store and vectors caches grow with new vocabulary).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Protocol

import psutil

from ..ingest.document import RawDocument
from ..schema import DocumentRecord, Rejection
from ..settings import Settings

log = logging.getLogger(__name__)

Item = RawDocument | Rejection
Result = DocumentRecord | Rejection

CHUNK_SIZE = 16  # documents per task; the tail of the input goes in smaller ones
IN_FLIGHT_PER_WORKER = 3
READY_TIMEOUT_S = 300.0


class Processor(Protocol):
    """What a worker runs: anything with the pipeline's ``process`` method."""

    def process(self, items: Iterable[Item]) -> Iterator[Result]: ...


Factory = Callable[[Settings], Processor]


WARM_UP_TEXT = (
    "The foreign minister met the ambassador in the capital on Monday and said that both "
    "governments would resume talks next week."
)


def build_pipeline(settings: Settings) -> Processor:
    """The default worker factory: the full pipeline for ``settings``, warmed up on one
    short document so that data the stages load on first use is loaded before any work."""
    from .pipeline import Pipeline

    pipeline = Pipeline(settings)
    for _ in pipeline.process([RawDocument(id="warm-up", text=WARM_UP_TEXT, origin="warm-up")]):
        pass
    return pipeline


def rss_mb() -> float:
    """Resident memory of this process, in MiB."""
    return psutil.Process().memory_info().rss / 2**20


@dataclass
class _WorkerState:
    settings: Settings
    factory: Factory
    processor: Processor
    max_rss_mb: float | None


# Per-process state of a pool worker, set by the initializer in the worker (never used in
# the parent): multiprocessing gives a task no other way to reach what the worker loaded.
_WORKER: dict[str, _WorkerState] = {}


def _init_worker(
    settings: Settings, factory: Factory, max_rss_mb: float | None, ready: Any
) -> None:
    _WORKER["state"] = _WorkerState(settings, factory, factory(settings), max_rss_mb)
    ready.release()


def _process_chunk(chunk: list[Item]) -> tuple[list[Result], int, float]:
    state = _WORKER["state"]
    results = list(state.processor.process(chunk))
    used = rss_mb()
    if state.max_rss_mb is not None and used > state.max_rss_mb:
        log.warning(
            "worker %d uses %.0f MiB > %.0f MiB: rebuilding its pipeline",
            os.getpid(),
            used,
            state.max_rss_mb,
        )
        state.processor = None  # type: ignore[assignment]  # drop it before building anew
        gc.collect()
        state.processor = state.factory(state.settings)
    return results, os.getpid(), used


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def balanced_chunks(items: Iterable[Item], size: int, workers: int) -> Iterator[list[Item]]:
    """Consecutive lists of ``size`` items, except at the end of the input: once no more
    than ``workers * size`` items remain, each chunk takes a ``2 * workers``-th of what is
    left (at least one), so the last tasks are small and finish together.

    The input is read lazily, ``(workers + 1) * size`` items ahead at most.
    """
    it = iter(items)
    ahead = workers * size
    buffer: deque = deque(islice(it, ahead + size))
    while len(buffer) > ahead:
        yield [buffer.popleft() for _ in range(min(size, len(buffer)))]
        buffer.extend(islice(it, size))
    while buffer:
        take = max(1, -(-len(buffer) // (2 * workers)))
        yield [buffer.popleft() for _ in range(min(take, len(buffer)))]


class ParallelPipeline:
    """A pool of ``workers`` processes, each with its own pipeline; use as a context manager.

    Entering starts the workers and waits until each has loaded its pipeline, so timings of
    :meth:`process` measure steady-state throughput.
    """

    def __init__(
        self,
        settings: Settings,
        workers: int,
        *,
        chunk_size: int = CHUNK_SIZE,
        max_tasks_per_worker: int | None = None,
        max_worker_rss_mb: float | None = None,
        factory: Factory = build_pipeline,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        self.settings = settings
        self.workers = workers
        self.chunk_size = max(1, chunk_size)
        self.max_tasks_per_worker = max_tasks_per_worker
        self.max_worker_rss_mb = max_worker_rss_mb
        self.factory = factory
        self.worker_rss_mb: dict[int, float] = {}
        self._pool: Any = None

    def __enter__(self) -> ParallelPipeline:
        ctx = mp.get_context("spawn")
        ready = ctx.Semaphore(0)
        self._pool = ctx.Pool(
            self.workers,
            initializer=_init_worker,
            initargs=(self.settings, self.factory, self.max_worker_rss_mb, ready),
            maxtasksperchild=self.max_tasks_per_worker,
        )
        for _ in range(self.workers):
            if not ready.acquire(timeout=READY_TIMEOUT_S):
                self.close()
                raise RuntimeError(f"a worker did not start within {READY_TIMEOUT_S:.0f} s")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    @property
    def peak_worker_rss_mb(self) -> float:
        """The largest RSS any worker reported, in MiB (0 before any chunk)."""
        return max(self.worker_rss_mb.values(), default=0.0)

    def process(self, items: Iterable[Item]) -> Iterator[Result]:
        """Results for ``items`` in input order."""
        if self._pool is None:
            raise RuntimeError("ParallelPipeline must be entered (with ...) before use")
        window = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in balanced_chunks(items, self.chunk_size, self.workers):
            window.append(self._pool.apply_async(_process_chunk, (chunk,)))
            if len(window) >= limit:
                yield from self._collect(window.popleft())
        while window:
            yield from self._collect(window.popleft())

    def _collect(self, pending: Any) -> list[Result]:
        results, pid, used = pending.get()
        self.worker_rss_mb[pid] = max(used, self.worker_rss_mb.get(pid, 0.0))
        return results


def process_parallel(
    items: Iterable[Item],
    settings: Settings,
    workers: int,
    *,
    min_docs: int | None = None,
    factory: Factory = build_pipeline,
) -> Iterator[Result]:
    """Results in input order, computed on ``workers`` processes (each loads the model once).

    Starting workers costs a model load each, so inputs of fewer than ``min_docs`` items
    (default: the ``parallel_min_docs`` setting, else twice the batch size) run in this
    process instead. Memory limits come from the ``max_tasks_per_worker`` and
    ``max_worker_rss_mb`` settings (``Settings.extras``).
    """
    extras = settings.extras
    if min_docs is None:
        min_docs = int(extras.get("parallel_min_docs", 2 * settings.batch_size))
    it = iter(items)
    head = list(islice(it, min_docs))
    if len(head) < min_docs or workers < 2:
        yield from factory(settings).process(chain(head, it))
        return
    rss_limit = extras.get("max_worker_rss_mb")
    tasks = extras.get("max_tasks_per_worker")
    with ParallelPipeline(
        settings,
        workers,
        max_tasks_per_worker=int(tasks) if tasks else None,
        max_worker_rss_mb=float(rss_limit) if rss_limit else None,
        factory=factory,
    ) as pool:
        yield from pool.process(chain(head, it))
        log.info(
            "workers' peak RSS: %s MiB",
            ", ".join(f"{v:.0f}" for v in pool.worker_rss_mb.values()),
        )
