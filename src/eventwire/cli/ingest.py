"""``eventwire ingest``: extract documents and store them in the event database."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass

from tqdm import tqdm

from ..schema import DocumentRecord, Rejection
from ._common import ErrorSink, add_input_options, run_documents, settings_from_args
from ._store import add_db_option, open_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract documents and store them in a database (SQLite or PostgreSQL)",
        description="Extract documents and write them, their actors, events, quotes, places "
        "and dates into a database, deduplicating events across articles. Documents already "
        "stored (same URL or same text) are skipped, so an interrupted run can simply be "
        "started again. Exit code 1 if any document failed.",
    )
    add_input_options(p)
    add_db_option(p)
    p.set_defaults(func=run)


@dataclass
class IngestSummary:
    """Counts and timings of one ingest run."""

    stored: int = 0
    duplicates: int = 0
    mentions: int = 0
    new_events: int = 0
    merged: int = 0
    store_seconds: float = 0.0
    total_seconds: float = 0.0
    store_cpu: float = 0.0
    total_cpu: float = 0.0

    def line(self) -> str:
        share = self.store_seconds / self.total_seconds if self.total_seconds else 0.0
        return (
            f"eventwire: {self.stored} documents stored, {self.duplicates} already present; "
            f"{self.mentions} event mentions -> {self.new_events} new events, "
            f"{self.merged} merged; storage {self.store_seconds:.1f} s of "
            f"{self.total_seconds:.1f} s ({share:.1%}; CPU {self.store_cpu:.1f} s of "
            f"{self.total_cpu:.1f} s)"
        )


def ingest_results(
    writer,  # type: ignore[no-untyped-def]
    results: Iterable[DocumentRecord | Rejection],
    sink: ErrorSink | None = None,
    summary: IngestSummary | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Write every record of ``results`` with ``writer`` (a StoreWriter); rejections go to
    ``sink``. The pipeline is injected through ``results``, so tests can feed records."""
    summary = summary or IngestSummary()
    start, start_cpu = time.perf_counter(), time.process_time()
    bar = tqdm(
        desc="documents", unit="doc", file=sys.stderr, disable=not progress or None, leave=False
    )
    try:
        for result in results:
            bar.update(1)
            if isinstance(result, Rejection):
                if sink is not None:
                    sink(result)
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            done = writer.add(result)
            summary.store_seconds += time.perf_counter() - t0
            summary.store_cpu += time.process_time() - c0
            if done.status == "duplicate":
                summary.duplicates += 1
                continue
            summary.stored += 1
            summary.mentions += done.mentions
            summary.new_events += done.new_events
            summary.merged += done.merged
    finally:
        bar.close()
        summary.total_seconds += time.perf_counter() - start
        summary.total_cpu += time.process_time() - start_cpu
    return summary


def run(args: argparse.Namespace) -> int:
    from ..store import DedupParams, StoreWriter

    settings = settings_from_args(args)
    params = DedupParams.from_settings(settings)
    store = open_from_args(args, create=True)
    writer = StoreWriter(store, params)
    summary = IngestSummary()

    def keep(raw) -> bool:  # type: ignore[no-untyped-def]
        t0, c0 = time.perf_counter(), time.process_time()
        present = writer.contains(raw.url, raw.text)
        summary.store_seconds += time.perf_counter() - t0
        summary.store_cpu += time.process_time() - c0
        summary.duplicates += present
        return not present

    sink = ErrorSink(args.errors)
    try:
        results = run_documents(args, settings, keep=keep)
        ingest_results(writer, results, sink, summary, progress=not args.no_progress)
    finally:
        sink.close()
        store.close()
    print(summary.line() + f" [{store.url}]", file=sys.stderr)
    if sink.failed or sink.skipped:
        print(f"eventwire: {sink.failed} failed, {sink.skipped} skipped", file=sys.stderr)
    return 1 if sink.failed else 0
