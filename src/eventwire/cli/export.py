"""``eventwire export``: all deduplicated events as GDELT, PLOVER JSON, CSV or Parquet."""

from __future__ import annotations

import argparse
import sys

from ._store import add_db_option, open_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export events: gdelt (61-column TSV), plover (JSON Lines), csv, parquet",
        description="Export every deduplicated event. gdelt: the GDELT 2.0 event table's 61 "
        "tab-separated columns (mapping in docs/store.md); plover: one PLOVER-style JSON "
        "object per line; csv and parquet: one flat row per event.",
    )
    add_db_option(p)
    p.add_argument("--format", required=True, choices=("gdelt", "plover", "csv", "parquet"))
    p.add_argument("-o", "--output", help="output file (default: stdout; required for parquet)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import ConfigError
    from ..store import export

    if args.format == "parquet" and (not args.output or args.output == "-"):
        raise ConfigError("parquet is binary: give an output file with -o FILE")
    with open_from_args(args) as store, store.read() as conn:
        if args.format == "parquet":
            n = export(conn, "parquet", args.output)
        elif args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                n = export(conn, args.format, fh)
        else:
            n = export(conn, args.format, sys.stdout)
    print(f"eventwire: {n} events exported", file=sys.stderr)
    return 0
