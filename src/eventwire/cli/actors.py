"""``eventwire actors``: the actors named in a database, grouped across articles."""

from __future__ import annotations

import argparse

from ._store import add_query_options, emit, open_from_args

COLUMNS = (
    "name",
    "type",
    "country",
    "sector",
    "code",
    "documents",
    "first_published",
    "last_published",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "actors",
        help="list stored actors, most documented first",
        description="List the actors of the database, grouped by name and coding.",
    )
    add_query_options(p)
    p.add_argument("--name", help="name substring")
    p.add_argument("--country", help="ISO3 country")
    p.add_argument("--code", help="actor code prefix, e.g. USAGOV")
    p.add_argument("--type", choices=("PERSON", "ORG", "GPE", "NORP", "GROUP"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import ActorFilter, search_actors

    flt = ActorFilter(
        name=args.name,
        country=args.country,
        code=args.code,
        type=args.type,
        limit=args.limit,
        offset=args.offset,
    )
    with open_from_args(args) as store, store.read() as conn:
        found = search_actors(conn, flt)
    emit([a.model_dump(mode="json") for a in found], found, args.format, COLUMNS, "Actors")
    return 0
