"""Options and output shared by the database commands (ingest, events, actors, quotes, export)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from ..errors import ConfigError

DB_ENV = "EVENTWIRE_DB"


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        help=f"SQLite file or postgresql:// URL (default: ${DB_ENV} or eventwire.db)",
    )


def db_target(args: argparse.Namespace) -> str:
    return args.db or os.environ.get(DB_ENV) or "eventwire.db"


def open_from_args(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    """Open the store named by ``--db``; query commands refuse a missing SQLite file."""
    from ..store import database_url, open_store

    target = db_target(args)
    url = database_url(target)
    if not create and url.startswith("sqlite:///") and not os.path.exists(url[len("sqlite:///") :]):
        raise ConfigError(f"no database at {target}: run `eventwire ingest` first or give --db")
    return open_store(target)


def add_query_options(p: argparse.ArgumentParser) -> None:
    add_db_option(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def emit(
    rows: Sequence[dict[str, Any]],
    models: Sequence[BaseModel],
    fmt: str,
    columns: Sequence[str],
    title: str,
    out: IO[str] | None = None,
) -> None:
    """Print results: ``table`` (the given columns of ``rows``), ``json`` (full ``models``,
    one JSON array) or ``csv`` (all keys of ``rows``)."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([m.model_dump(mode="json") for m in models], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns)
        w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for c in columns:
            table.add_column(c)
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        Console(file=out, width=160, highlight=False).print(table)
