"""``eventwire bench``: how fast is the pipeline, and what does each stage cost against spaCy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ConfigError
from ..settings import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bench",
        help="measure throughput: spaCy alone vs. the full pipeline (1, N workers, Dask)",
        description="Run N articles through spaCy alone and through the full extraction, in "
        "one process, and print articles/s, the time ratio pipeline/spaCy (CPU seconds) and "
        "each stage's cost as a fraction of spaCy's; then the same articles on N worker "
        "processes and, with --dask, on a Dask cluster. Default input: "
        "../shared/corpus/allsides_10k.jsonl.gz, or the bundled synthetic set when absent.",
    )
    p.add_argument("--input", help="JSONL(.gz) of articles (id, text, published, ...)")
    p.add_argument("--limit", type=int, default=100, help="articles to run (default 100)")
    p.add_argument("--json", action="store_true", help="print one JSON line")
    p.add_argument(
        "--workers",
        type=int,
        default=2,
        help="worker processes for the parallel run (default 2; 1 skips it)",
    )
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="also run on Dask: 'local' (a LocalCluster of --workers processes) or an address",
    )
    p.add_argument("--repeat", type=int, default=1, help="repeat each run, keep the best")
    p.add_argument("--model", help="installed spaCy pipeline")
    p.add_argument("--config", help="TOML settings file")
    p.add_argument("--batch-size", type=int, help="documents per nlp.pipe batch")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..bench import BenchConfig, default_input, run_bench

    if args.limit < 1:
        raise ConfigError(f"--limit must be >= 1, got {args.limit}")
    path = Path(args.input) if args.input else default_input()
    if not path.is_file():
        raise ConfigError(f"benchmark input not found: {path}")
    if args.dask and not args.verbose:
        from ..nlp.dask_runner import quiet_logging

        quiet_logging()
    settings = load_settings(args.config, model=args.model, batch_size=args.batch_size)
    config = BenchConfig(
        input=path, limit=args.limit, workers=args.workers, dask=args.dask, repeat=args.repeat
    )
    report = run_bench(config, settings)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        report.print_table(sys.stdout)
    return 0
