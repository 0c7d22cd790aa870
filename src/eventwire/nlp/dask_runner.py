"""Running the pipeline on Dask distributed workers.

Each worker loads the model once: a :class:`PipelinePlugin` registered with the client
builds the pipeline in ``setup`` and every task reuses it. Documents travel in chunks; a
bounded window of chunks is in flight and results are streamed back in input order, so
the output of a Dask run equals the output of a local run. For very large runs,
:func:`write_partitions` has the workers write their records as partitioned JSONL or
Parquet files (one file per chunk) and returns only the counts and rejections.

The client is passed in (see :func:`open_client` for the CLI's default), never built by the
processing functions.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..ingest.document import RawDocument
from ..schema import DocumentRecord, Rejection
from ..settings import Settings
from .parallel import CHUNK_SIZE, Factory, balanced_chunks, build_pipeline, chunks, rss_mb

log = logging.getLogger(__name__)

Item = RawDocument | Rejection
Result = DocumentRecord | Rejection

PLUGIN_NAME = "eventwire-pipeline"
IN_FLIGHT_PER_WORKER = 3


class PipelinePlugin(WorkerPlugin):
    """Builds one pipeline per worker when the worker starts (or joins later)."""

    name = PLUGIN_NAME
    idempotent = False

    def __init__(self, settings: Settings, factory: Factory = build_pipeline) -> None:
        self.settings = settings
        self.factory = factory
        self.processor: Any = None

    def setup(self, worker: Any) -> None:
        self.processor = self.factory(self.settings)
        log.info("worker %s loaded its pipeline", worker.address)

    def teardown(self, worker: Any) -> None:
        self.processor = None


def _worker_processor() -> Any:
    plugin = get_worker().plugins[PLUGIN_NAME]
    return plugin.processor


def _process_chunk(chunk: list[Item]) -> tuple[list[Result], float]:
    results = list(_worker_processor().process(chunk))
    return results, rss_mb()


PARTITION_FORMATS = ("jsonl", "parquet")


def _write_parquet(records: list[DocumentRecord], path: Path) -> None:
    """One row per record: a few flat columns to filter on, and the whole record as JSON
    (a fixed schema, so every partition of a run has the same one)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": pa.array([r.id for r in records], pa.string()),
            "source": pa.array([r.source for r in records], pa.string()),
            "published": pa.array([r.published for r in records], pa.date32()),
            "events": pa.array([len(r.events) for r in records], pa.int32()),
            "record": pa.array([r.model_dump_json() for r in records], pa.string()),
        }
    )
    pq.write_table(table, path)


def _write_chunk(
    chunk: list[Item], index: int, directory: str, fmt: str
) -> tuple[int, list[Rejection]]:
    records, rejections = [], []
    for result in _worker_processor().process(chunk):
        (rejections if isinstance(result, Rejection) else records).append(result)
    out = Path(directory) / f"part-{index:06d}.{fmt}"
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    if fmt == "parquet":
        _write_parquet(records, tmp)
    else:
        tmp.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    tmp.replace(out)  # a retried task overwrites, never duplicates
    return len(records), rejections


@dataclass
class DaskStats:
    """What a Dask run reports besides its results."""

    worker_rss_mb: list[float] = field(default_factory=list)

    @property
    def peak_worker_rss_mb(self) -> float:
        return max(self.worker_rss_mb, default=0.0)


def start_workers(client: Client, settings: Settings, factory: Factory = build_pipeline) -> None:
    """Register the pipeline plugin: every current and future worker loads the model once.

    Returns when the current workers have loaded it.
    """
    client.register_plugin(PipelinePlugin(settings, factory), name=PLUGIN_NAME)


def _slots(client: Client) -> int:
    return max(1, sum(client.nthreads().values()))


def process_dask(
    items: Iterable[Item],
    client: Client,
    *,
    chunk_size: int = CHUNK_SIZE,
    stats: DaskStats | None = None,
) -> Iterator[Result]:
    """Results for ``items`` in input order, computed on the client's workers.

    :func:`start_workers` must have been called on ``client``. Lost workers' chunks are
    retried once by the scheduler.
    """
    window: deque = deque()
    slots = _slots(client)
    limit = slots * IN_FLIGHT_PER_WORKER
    for chunk in balanced_chunks(items, chunk_size, slots):
        window.append(client.submit(_process_chunk, chunk, pure=False, retries=1))
        if len(window) >= limit:
            yield from _collect(window.popleft(), stats)
    while window:
        yield from _collect(window.popleft(), stats)


def _collect(future: Any, stats: DaskStats | None) -> list[Result]:
    results, used = future.result()
    future.release()
    if stats is not None:
        stats.worker_rss_mb.append(used)
    return results


def write_partitions(
    items: Iterable[Item],
    client: Client,
    directory: Path,
    *,
    chunk_size: int = 256,
    fmt: str = "jsonl",
) -> Iterator[int | Rejection]:
    """Have the workers write records to ``directory/part-NNNNNN.jsonl`` (or ``.parquet``:
    columns id, source, published, events and the record as JSON), one file per chunk, in
    input order by file name; yields each part's record count and every rejection.

    ``directory`` must be reachable by every worker under the same path (a shared file
    system on a real cluster).
    """
    if fmt not in PARTITION_FORMATS:
        raise ValueError(f"partition format must be one of {PARTITION_FORMATS}, got {fmt!r}")
    directory.mkdir(parents=True, exist_ok=True)
    window: deque = deque()
    limit = _slots(client) * IN_FLIGHT_PER_WORKER
    for index, chunk in enumerate(chunks(items, chunk_size)):
        window.append(
            client.submit(_write_chunk, chunk, index, str(directory), fmt, pure=False, retries=1)
        )
        if len(window) >= limit:
            yield from _collect_part(window.popleft())
    while window:
        yield from _collect_part(window.popleft())


def _collect_part(future: Any) -> Iterator[int | Rejection]:
    count, rejections = future.result()
    future.release()
    yield count
    yield from rejections


def quiet_logging(level: int = logging.ERROR) -> None:
    """Silence the scheduler's and nannies' per-worker INFO lines (a CLI choice: call it
    after importing this module, since importing ``distributed`` sets its log levels)."""
    logging.getLogger("distributed").setLevel(level)


@contextlib.contextmanager
def open_client(
    address: str, workers: int, memory_limit_mb: float | None = None
) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a new LocalCluster of ``workers``
    single-threaded processes when ``address`` is ``"local"``.

    ``memory_limit_mb`` bounds each local worker: Dask's nanny restarts a worker that
    passes 95 % of it (its chunk is retried; the plugin loads the model again). A remote
    cluster's limits are set where its workers are started.

    A LocalCluster spawns processes: scripts that use it need the
    ``if __name__ == "__main__":`` guard.
    """
    if address != "local":
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=f"{memory_limit_mb:.0f}MiB" if memory_limit_mb else "auto",
            dashboard_address=":0",  # no fixed port: other clusters may run here
            silence_logs=logging.WARNING,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run_dask(
    items: Iterable[Item], settings: Settings, address: str, workers: int
) -> Iterator[Result]:
    """Convenience for the CLI: open a client, load the pipeline on every worker, stream.

    The ``max_worker_rss_mb`` setting (``--max-worker-mb``) becomes a LocalCluster's
    per-worker memory limit.
    """
    limit = settings.extras.get("max_worker_rss_mb")
    with open_client(address, workers, float(limit) if limit else None) as client:
        start_workers(client, settings)
        yield from process_dask(items, client)
