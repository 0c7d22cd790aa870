"""``eventwire events``: query the deduplicated events of a database."""

from __future__ import annotations

import argparse

from ._store import add_query_options, date_arg, emit, open_from_args

COLUMNS = (
    "id", "date", "plover_type", "cameo", "source", "target", "location",
    "num_mentions", "num_sources", "num_articles", "flags",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "events",
        help="list stored events (deduplicated across articles) matching filters",
        description="List deduplicated events, newest first. All filters must hold.",
    )
    add_query_options(p)
    p.add_argument("--actor", help="actor name (substring) or code prefix, source or target")
    p.add_argument("--country", help="ISO3 country of the source, target or location")
    p.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    p.add_argument("--cameo", help="CAMEO code or prefix, e.g. 19")
    p.add_argument("--since", type=date_arg, help="event date on or after YYYY-MM-DD")
    p.add_argument("--until", type=date_arg, help="event date on or before YYYY-MM-DD")
    p.add_argument("--place", help="location name (substring)")
    p.add_argument("--text", help="full-text search over the reporting articles")
    p.add_argument("--min-mentions", type=int, default=1, help="only events reported this often")
    p.add_argument("--mentions", action="store_true", help="include the mentions (json format)")
    p.set_defaults(func=run)


def _label(name: str | None, country: str | None, sector: str | None) -> str:
    coding = "/".join(x for x in (country, sector) if x)
    return f"{name or '?'} ({coding})" if coding else (name or "")


def run(args: argparse.Namespace) -> int:
    from ..store import EventFilter, search_events

    flt = EventFilter(
        actor=args.actor,
        country=args.country,
        type=args.type,
        cameo=args.cameo,
        since=args.since,
        until=args.until,
        place=args.place,
        text=args.text,
        min_mentions=args.min_mentions,
        limit=args.limit,
        offset=args.offset,
    )
    with open_from_args(args) as store, store.read() as conn:
        found = search_events(conn, flt, with_mentions=args.mentions)
    rows = []
    for ev in found:
        row = ev.flat()
        if args.format == "table":
            row["source"] = _label(ev.source.name, ev.source.country, ev.source.sector)
            row["target"] = _label(ev.target.name, ev.target.country, ev.target.sector)
            row["flags"] = ",".join(
                f for f in ("historical", "negated", "hypothetical", "future") if row[f]
            )
        rows.append(row)
    emit(rows, found, args.format, COLUMNS, "Events")
    return 0
