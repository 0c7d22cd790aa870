"""``eventwire quotes``: quotes stored in a database, by speaker or words."""

from __future__ import annotations

import argparse

from ._store import add_query_options, date_arg, emit, open_from_args

COLUMNS = ("speaker", "text", "kind", "medium", "published", "source", "title")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quotes",
        help="list stored quotes by speaker or words",
        description="List quotes, newest article first.",
    )
    add_query_options(p)
    p.add_argument("--speaker", help="speaker name (substring)")
    p.add_argument("--text", help="words the quote contains (substring)")
    p.add_argument("--since", type=date_arg, help="article published on or after YYYY-MM-DD")
    p.add_argument("--until", type=date_arg, help="article published on or before YYYY-MM-DD")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import QuoteFilter, search_quotes

    flt = QuoteFilter(
        speaker=args.speaker,
        text=args.text,
        since=args.since,
        until=args.until,
        limit=args.limit,
        offset=args.offset,
    )
    with open_from_args(args) as store, store.read() as conn:
        found = search_quotes(conn, flt)
    rows = []
    for q in found:
        row = q.model_dump(mode="json", exclude={"document"})
        row.update(
            published=q.document.published.isoformat() if q.document.published else None,
            source=q.document.source,
            title=q.document.title,
            url=q.document.url,
        )
        if args.format == "table" and len(row["text"]) > 90:
            row["text"] = row["text"][:89] + "…"
        rows.append(row)
    emit(rows, found, args.format, COLUMNS, "Quotes")
    return 0
