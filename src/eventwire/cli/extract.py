"""``eventwire extract``: documents in, JSONL records (or a readable table) out."""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from ..schema import Rejection
from ._common import ErrorSink, add_input_options, run_documents, settings_from_args
from ._output import JsonlWriter, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract actors, events, dates, places and quotes from documents",
        description="Extract structured event data from documents. Exit code 1 if any "
        "document failed (each failure is reported on stderr and, with --errors, as JSONL).",
    )
    add_input_options(p)
    p.add_argument("-o", "--output", help="write JSONL here (default: stdout)")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    sink = ErrorSink(args.errors)
    writer = JsonlWriter(args.output) if args.format == "jsonl" else None
    done = 0
    bar = tqdm(
        desc="documents",
        unit="doc",
        file=sys.stderr,
        disable=True if args.no_progress else None,
        leave=False,
    )
    try:
        for result in run_documents(args, settings):
            bar.update(1)
            if isinstance(result, Rejection):
                sink(result)
                continue
            done += 1
            if writer is not None:
                writer.write(result)
            else:
                print_table(result)
    finally:
        bar.close()
        if writer is not None:
            writer.close()
        sink.close()
    if sink.failed or sink.skipped:
        print(
            f"eventwire: {done} extracted, {sink.failed} failed, {sink.skipped} skipped",
            file=sys.stderr,
        )
    return 1 if sink.failed else 0
