"""The gazetteer: a compact SQLite index of GeoNames places, built once and cached on disk.

Schema (see :mod:`eventwire.geo.build`): ``place(id, name, lat, lon, fcode, cc, iso3, admin1,
admin2, population)``, ``name(key, id, kind)`` with every normalized name of every place, and
``meta`` with two text values loaded whole at start-up: ``lexicon``, the names looked for in
text even where NER found nothing (countries, first-level divisions, capitals, continents,
regions, large towns) and ``demonyms`` (demonym -> country).

The file lives in ``$EVENTWIRE_CACHE_DIR`` (default ``~/.cache/eventwire``), named after the
index version, and is built on first use (about half a minute) or ahead of time with
``python -m eventwire.geo.gazetteer``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from .names import normalize

log = logging.getLogger(__name__)

INDEX_VERSION = "8"
CACHE_ENV = "EVENTWIRE_CACHE_DIR"


@dataclass(frozen=True)
class Candidate:
    """One gazetteer place a name may refer to."""

    id: int
    name: str
    lat: float
    lon: float
    fcode: str
    cc: str
    iso3: str
    admin1: str
    admin2: str
    population: int
    kind: int = 0

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id (curated regions have none)."""
        return self.id if self.id > 0 else None

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.fcode.startswith("ADM")

    @property
    def is_town(self) -> bool:
        return self.fcode.startswith("PPL")


def cache_dir() -> Path:
    """Where cached indexes live: ``$EVENTWIRE_CACHE_DIR`` or ``~/.cache/eventwire``."""
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path.home() / ".cache" / "eventwire"


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}.sqlite"


def ensure_index(path: Path | None = None) -> Path:
    """The index file, building it from the installed packages if it is missing."""
    from .build import build_records, write_index

    path = path or default_index_path()
    if path.exists():
        return path
    start = time.perf_counter()
    log.info("building the gazetteer index at %s (once)", path)
    records, iso3 = build_records()
    n = write_index(records, iso3, path, {"version": INDEX_VERSION})
    log.info("gazetteer: %d places indexed in %.1f s", n, time.perf_counter() - start)
    return path


_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fcode, p.cc, p.iso3, p.admin1, p.admin2, p.population"


class Gazetteer:
    """Read-only access to an index file; lookups are cached per instance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        meta = dict(self._con.execute("SELECT key, value FROM meta"))
        #: names looked for in text even without NER -> strongest name kind
        self.lexicon: dict[str, int] = {}
        for line in meta.get("lexicon", "").split("\n"):
            key, _, kind = line.partition("\t")
            if key:
                self.lexicon[key] = int(kind)
        #: demonym ("iraqi") -> ISO alpha-3 of the country
        self.demonyms: dict[str, str] = {}
        for line in meta.get("demonyms", "").split("\n"):
            key, _, iso3 = line.partition("\t")
            if key and iso3:
                self.demonyms[key] = iso3
        self._countries: dict[str, Candidate] = {}
        rows = self._con.execute(f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.fcode = 'PCLI'")
        for row in rows:
            cand = Candidate(*row)
            self._countries[cand.iso3] = cand
            self._countries[cand.cc] = cand
        self._admin1: dict[tuple[str, str], Candidate] = {}

    @classmethod
    def open_default(cls) -> Gazetteer:
        """Open (building if needed) the index in the cache directory."""
        return cls(ensure_index())

    def close(self) -> None:
        self._con.close()

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """All places with ``name`` (normalized) among their names, strongest name kind first."""
        key = normalize(name)
        hit = self._cache.get(key)
        if hit is None:
            rows = self._con.execute(
                f"SELECT {_COLUMNS}, min(n.kind) FROM name n JOIN place p ON p.id = n.id "
                "WHERE n.key = ? AND n.kind < 4 GROUP BY p.id",
                (key,),
            ).fetchall()
            hit = tuple(
                sorted((Candidate(*r) for r in rows), key=lambda c: (c.kind, -c.population))
            )
            self._cache[key] = hit
        return hit

    def country(self, code: str) -> Candidate | None:
        """A country by ISO alpha-2 or alpha-3 code."""
        return self._countries.get(code.upper())

    def admin1(self, cc: str, code: str) -> Candidate | None:
        """The first-level division ``code`` of country ``cc`` (ISO alpha-2)."""
        key = (cc, code)
        if key not in self._admin1:
            row = self._con.execute(
                f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.fcode = 'ADM1' AND p.cc = ? "
                "AND p.admin1 = ?",
                key,
            ).fetchone()
            self._admin1[key] = Candidate(*row) if row else None  # type: ignore[assignment]
        return self._admin1[key]

    def lexicon_first_words(self) -> set[str]:
        """First words of the lexicon names (a cheap pre-check when matching text)."""
        return {key.split(" ", 1)[0] for key in self.lexicon}


def main() -> None:
    """Build the index ahead of time (``python -m eventwire.geo.gazetteer``)."""
    logging.basicConfig(level=logging.INFO)
    path = ensure_index()
    log.info("gazetteer index ready: %s", path)


if __name__ == "__main__":
    main()
