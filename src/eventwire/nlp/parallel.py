"""Running the pipeline on N processes of one machine, with ordered, complete output."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from ..ingest.document import RawDocument
from ..schema import DocumentRecord, Rejection
from ..settings import Settings

Item = RawDocument | Rejection
Result = DocumentRecord | Rejection

_WORKER_PIPELINE = None  # one per worker process, built by the initializer


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    from .pipeline import Pipeline

    _WORKER_PIPELINE = Pipeline(settings)


def _process_chunk(chunk: list[Item]) -> list[Result]:
    assert _WORKER_PIPELINE is not None
    return list(_WORKER_PIPELINE.process(chunk))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_parallel(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[Result]:
    """Results in input order, computed on ``workers`` processes (each loads the model once)."""
    ctx = mp.get_context("spawn")
    chunk_size = max(1, min(settings.batch_size, 16))
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_process_chunk, _chunks(items, chunk_size)):
            yield from results
