"""The gazetteer index: name keys, building, lookups, cache location."""

from __future__ import annotations

import pytest

from eventwire.geo.build import NAME, PlaceRecord, _middle, _polygon_centroid
from eventwire.geo.gazetteer import CACHE_ENV, Gazetteer, cache_dir, default_index_path
from eventwire.geo.names import normalize, strip_suffix, variants
from test_places_fixture import build_fixture_index, fixture_gazetteer


@pytest.fixture(scope="module")
def gz(tmp_path_factory) -> Gazetteer:
    return fixture_gazetteer(tmp_path_factory.mktemp("gz"))


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("São Paulo", "sao paulo"),
        ("U.S.", "us"),
        ("the Netherlands", "netherlands"),
        ("Hawke’s  Bay", "hawkes bay"),
        ("Winston–Salem", "winston-salem"),
    ],
)
def test_normalize(raw, key):
    assert normalize(raw) == key


def test_variants_expand_saint_and_fort():
    assert variants("St. Louis") == {"st louis", "saint louis"}
    assert "ft worth" in variants("Fort Worth")
    assert variants("Boston") == {"boston"}


def test_strip_suffix_only_with_a_name_left():
    assert strip_suffix("rapides parish", ("parish",)) == "rapides"
    assert strip_suffix("parish", ("parish",)) is None


def test_add_name_keeps_the_strongest_kind_and_skips_non_latin():
    rec = PlaceRecord(1, "Kyiv", 50.45, 30.52, "PPLC", "UA")
    rec.add_name("Kiev", 1)
    rec.add_name("Kiev", NAME)
    rec.add_name("Київ", NAME)
    assert rec.names == {"kiev": NAME}


def test_polygon_centroid_of_a_square():
    area, lat, lon = _polygon_centroid([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    assert area == pytest.approx(4.0)
    assert (lat, lon) == (pytest.approx(1.0), pytest.approx(1.0))


def test_middle_is_the_middle_of_the_extent_without_far_islands():
    values = [10.0, 11.0, 11.5, 12.0, 30.0, 80.0]
    assert _middle(values) == pytest.approx(11.0)


def test_lookup_finds_all_homonyms_strongest_name_first(gz):
    names = {(c.name, c.cc) for c in gz.lookup("Alexandria")}
    assert names == {("Alexandria", "EG"), ("Alexandria", "US")}
    assert len(gz.lookup("alexandria")) == 3
    assert gz.lookup("Nowhere-on-Sea") == ()


def test_lookup_abbreviation_and_short_county_name(gz):
    assert [c.name for c in gz.lookup("U.S.")] == ["United States"]
    assert [c.name for c in gz.lookup("Rapides")] == ["Rapides Parish"]
    assert gz.lookup("Rapides")[0].kind == 3


def test_demonyms_are_country_evidence_not_places(gz):
    assert gz.demonyms["iraqi"] == "IRQ"
    assert gz.lookup("Iraqi") == ()


def test_country_and_admin1_access(gz):
    assert gz.country("IRQ").name == "Iraq"
    assert gz.country("iq").name == "Iraq"
    assert gz.admin1("US", "LA").name == "Louisiana"
    assert gz.admin1("US", "ZZ") is None
    assert "middle east" in gz.lexicon
    assert "pineville" not in gz.lexicon  # small towns are found through NER only


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_dir() == tmp_path
    assert default_index_path().parent == tmp_path
    monkeypatch.delenv(CACHE_ENV)
    assert cache_dir().name == "eventwire"


def test_fixture_index_is_reused(tmp_path):
    first = build_fixture_index(tmp_path)
    mtime = first.stat().st_mtime_ns
    assert build_fixture_index(tmp_path).stat().st_mtime_ns == mtime


@pytest.fixture(scope="module")
def real_gz() -> Gazetteer:
    return Gazetteer.open_default()


def test_real_index_countries_divisions_towns(real_gz):
    iraq = real_gz.lookup("Iraq")[0]
    assert (iraq.fcode, iraq.iso3, iraq.geonameid) == ("PCLI", "IRQ", 99237)
    baghdad = next(c for c in real_gz.lookup("Baghdad") if c.is_town)
    assert baghdad.geonameid == 98182
    assert abs(baghdad.lat - 33.34) < 0.1
    louisiana = [c for c in real_gz.lookup("La.") if c.fcode == "ADM1"]
    assert louisiana and louisiana[0].admin1 == "LA"
    assert real_gz.demonyms["american"] == "USA"
    assert "middle east" in real_gz.lexicon


def test_real_index_loads_fast(real_gz):
    import time

    start = time.perf_counter()
    Gazetteer(real_gz.path).close()
    assert time.perf_counter() - start < 2.0


def test_codes_among_alternate_names_are_not_names():
    from eventwire.geo.build import _is_code

    assert _is_code("XFS") and _is_code("LAX")
    assert not _is_code("Kiev") and not _is_code("Ely")
