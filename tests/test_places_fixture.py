"""A tiny hand-made gazetteer shared by the places tests (imported by them; no tests here).

Ids are made up for the fixture except where a test checks nothing about them.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.geo.build import ABBR, ALT, DEMONYM, NAME, SHORT, PlaceRecord, write_index
from eventwire.geo.gazetteer import Gazetteer

ISO3 = {"IQ": "IRQ", "US": "USA", "GE": "GEO", "EG": "EGY", "SY": "SYR", "FR": "FRA"}


def _rec(id_, name, lat, lon, fcode, cc, pop, admin1="", admin2="", names=()):
    rec = PlaceRecord(id_, name, lat, lon, fcode, cc, pop, admin1, admin2)
    rec.add_name(name, NAME)
    for alias, kind in names:
        rec.add_name(alias, kind)
    return rec


def records() -> list[PlaceRecord]:
    return [
        _rec(1, "Iraq", 33.0, 44.0, "PCLI", "IQ", 38_000_000, names=[("Iraqi", DEMONYM)]),
        _rec(
            2,
            "United States",
            39.8,
            -98.6,
            "PCLI",
            "US",
            327_000_000,
            names=[("U.S.", ABBR), ("USA", ABBR), ("America", ALT), ("American", DEMONYM)],
        ),
        _rec(3, "Georgia", 42.0, 43.5, "PCLI", "GE", 3_700_000, names=[("Georgian", DEMONYM)]),
        _rec(4, "Egypt", 27.0, 30.0, "PCLI", "EG", 100_000_000, names=[("Egyptian", DEMONYM)]),
        _rec(5, "Syria", 35.0, 38.0, "PCLI", "SY", 18_000_000, names=[("Syrian", DEMONYM)]),
        _rec(6, "France", 46.0, 2.0, "PCLI", "FR", 67_000_000, names=[("French", DEMONYM)]),
        _rec(10, "Louisiana", 31.0, -92.0, "ADM1", "US", 4_600_000, "LA", names=[("La.", ABBR)]),
        _rec(11, "Georgia", 32.7, -83.4, "ADM1", "US", 10_000_000, "GA", names=[("Ga.", ABBR)]),
        _rec(12, "Virginia", 37.5, -78.9, "ADM1", "US", 8_500_000, "VA", names=[("Va.", ABBR)]),
        _rec(13, "Texas", 31.3, -99.3, "ADM1", "US", 29_000_000, "TX", names=[("Tex.", ABBR)]),
        _rec(
            14,
            "Rapides Parish",
            31.2,
            -92.5,
            "ADM2",
            "US",
            130_000,
            "LA",
            "079",
            names=[("Rapides", SHORT)],
        ),
        _rec(20, "Baghdad", 33.34, 44.40, "PPLC", "IQ", 7_200_000, "07"),
        _rec(21, "Alexandria", 31.2, 29.9, "PPL", "EG", 5_200_000, "06"),
        _rec(22, "Alexandria", 31.31, -92.45, "PPL", "US", 48_000, "LA", "079"),
        _rec(23, "Alexandria", 38.80, -77.05, "PPL", "US", 159_000, "VA"),
        _rec(24, "Athens", 37.98, 23.73, "PPLC", "GR", 660_000, "ESYE31"),
        _rec(25, "Athens", 33.96, -83.38, "PPL", "US", 127_000, "GA"),
        _rec(26, "Paris", 48.85, 2.35, "PPLC", "FR", 2_100_000, "11"),
        _rec(27, "Paris", 33.66, -95.56, "PPL", "US", 25_000, "TX"),
        _rec(28, "Aleppo", 36.2, 37.16, "PPL", "SY", 1_600_000, "09"),
        _rec(29, "Iraq", 40.0, -80.0, "PPL", "US", 300, "PA"),
        _rec(30, "Pineville", 31.32, -92.43, "PPL", "US", 14_000, "LA", "079"),
        _rec(31, "Athens", 32.2, -95.85, "PPL", "US", 12_000, "TX", "213"),
        _rec(15, "Henderson County", 32.2, -95.85, "ADM2", "US", 80_000, "TX", "213"),
        _rec(16, "Henderson County", 37.8, -87.6, "ADM2", "US", 46_000, "KY", "101"),
        _rec(32, "Qarqur", 35.8, 36.3, "PPL", "SY", 40_000, "12"),
        _rec(33, "Pack", 47.0, 2.5, "PPL", "FR", 900, "24"),
        _rec(40, "Middle East", 29.0, 41.0, "RGN", "", 0),
    ]


def build_fixture_index(directory: Path) -> Path:
    """Write the fixture gazetteer into ``directory``; returns the file."""
    path = directory / "fixture-gazetteer.sqlite"
    if not path.exists():
        iso3 = dict(ISO3, GR="GRC")
        write_index(records(), iso3, path, {"version": "fixture"})
    return path


def fixture_gazetteer(directory: Path) -> Gazetteer:
    return Gazetteer(build_fixture_index(directory))
