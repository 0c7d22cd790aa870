"""The deduplication rule, unit by unit and through the store."""

# ruff: noqa: F811  (pytest fixtures imported from test_store_support are used as parameters)
from __future__ import annotations

import pytest

from eventwire.errors import ConfigError
from eventwire.schema import PlaceRef
from eventwire.settings import Settings
from eventwire.store import DedupParams, EventFilter, StoreWriter, get_event, search_events
from eventwire.store.dedup import Signature, actor_keys, compatible
from eventwire.store.writer import event_columns
from test_store_support import db_url, event, pg_server_url, pg_url, record, store  # noqa: F401

PARIS = PlaceRef(name="Paris", geonameid=2988507, lat=48.85, lon=2.35, country="FRA")
VERSAILLES = PlaceRef(name="Versailles", geonameid=2970153, lat=48.80, lon=2.13, country="FRA")
LYON = PlaceRef(name="Lyon", geonameid=2996944, lat=45.75, lon=4.85, country="FRA")
FRANCE = PlaceRef(name="France", geonameid=3017382, lat=46.0, lon=2.0, country="FRA")
BERLIN = PlaceRef(name="Berlin", geonameid=2950159, lat=52.52, lon=13.40, country="DEU")

POLICE = ("police", "FRA", "COP")
PROTESTERS = ("protesters", "FRA", "OPP")


def sig(ev, published: str = "2021-03-04") -> Signature:  # type: ignore[no-untyped-def]
    import datetime as dt

    cols = event_columns(ev, dt.date.fromisoformat(published))
    return Signature.from_row(
        {**cols, "source_keys": actor_keys(ev.source), "target_keys": actor_keys(ev.target)}
    )


P = DedupParams()


def test_same_event_in_two_outlets_is_compatible() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS)
    b = event(
        "E7",
        "ARREST",
        ("French police", "FRA", "COP"),
        ("demonstrators", "FRA", "OPP"),
        date="2021-03-04",
        place=PARIS,
    )
    assert compatible(sig(a), sig(b), P)


def test_different_type_same_day_is_not() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03")
    b = event("E2", "ASSAULT", POLICE, PROTESTERS, date="2021-03-03")
    assert not compatible(sig(a), sig(b), P)


def test_different_actors_same_day_is_not() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03")
    b = event(
        "E2", "ARREST", ("police", "DEU", "COP"), ("protesters", "DEU", "OPP"), date="2021-03-03"
    )
    assert not compatible(sig(a), sig(b), P)


def test_same_named_actor_matches_without_coding() -> None:
    a = event(
        "E1",
        "CONSULT",
        ("Angela Merkel", None, None),
        ("Emmanuel Macron", None, None),
        date="2021-03-03",
    )
    b = event(
        "E2",
        "CONSULT",
        ("Angela Merkel", "DEU", "GOV"),
        ("Emmanuel Macron", "FRA", "GOV"),
        date="2021-03-03",
    )
    assert compatible(sig(a), sig(b), P)


def test_missing_target_does_not_match_by_default() -> None:
    a = event("E1", "PROTEST", PROTESTERS, None, date="2021-03-03")
    b = event("E2", "PROTEST", PROTESTERS, POLICE, date="2021-03-03")
    assert not compatible(sig(a), sig(b), P)
    assert compatible(sig(a), sig(b), DedupParams(missing_actor_matches=True))


def test_historical_mention_without_text_date_never_matches_new_event() -> None:
    new = event(
        "E1", "ASSAULT", ("army", "IRQ", "MIL"), ("militants", "IRQ", "REB"), date="2021-03-04"
    )
    old = event(
        "E2", "ASSAULT", ("army", "IRQ", "MIL"), ("militants", "IRQ", "REB"), historical=True
    )
    assert sig(old).start is None
    assert not compatible(sig(old), sig(new), P)
    other_old = event(
        "E3", "ASSAULT", ("army", "IRQ", "MIL"), ("militants", "IRQ", "REB"), historical=True
    )
    assert compatible(sig(old), sig(other_old), P)


def test_historical_mention_with_old_date_does_not_match() -> None:
    new = event("E1", "ASSAULT", ("army", "IRQ", "MIL"), None, date="2021-03-04")
    old = event("E2", "ASSAULT", ("army", "IRQ", "MIL"), None, date="2014-06", historical=True)
    assert not compatible(sig(old), sig(new), P)


@pytest.mark.parametrize(
    ("d1", "d2", "expected"),
    [
        ("2021-03-04", "2021-03-05", True),  # day window 1
        ("2021-03-04", "2021-03-07", False),
        ("2021-03", "2021-03-20", True),  # month contains the day
        ("2021-03", "2021-04-01", True),  # day window of the finer date
        ("2021-03", "2021-04-10", False),
        ("2021-W09", "2021-03-04", True),  # ISO week 9 is March 1-7
        ("2021", "2021-11-30", False),  # a bare year is too vague to merge
        ("2020", "2021-02-01", False),
    ],
)
def test_date_windows(d1: str, d2: str, expected: bool) -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date=d1)
    b = event("E2", "ARREST", POLICE, PROTESTERS, date=d2)
    assert compatible(sig(a), sig(b), P) is expected


def test_publication_dates_get_the_wider_window() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS)
    b = event("E2", "ARREST", POLICE, PROTESTERS)
    assert sig(a, "2021-03-04").precision == "published"
    assert compatible(sig(a, "2021-03-04"), sig(b, "2021-03-06"), P)
    assert not compatible(sig(a, "2021-03-04"), sig(b, "2021-03-08"), P)


@pytest.mark.parametrize(
    ("p1", "p2", "expected"),
    [
        (PARIS, PARIS, True),
        (PARIS, VERSAILLES, True),  # ~17 km
        (PARIS, LYON, False),  # ~390 km
        (PARIS, FRANCE, True),  # the country the city lies in
        (PARIS, BERLIN, False),
        (PARIS, None, True),  # unknown location
    ],
)
def test_locations(p1: PlaceRef, p2: PlaceRef | None, expected: bool) -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-04", place=p1)
    b = event("E2", "ARREST", POLICE, PROTESTERS, date="2021-03-04", place=p2)
    assert compatible(sig(a), sig(b), P) is expected


def test_negated_report_does_not_merge_with_the_deed() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-04")
    b = event("E2", "ARREST", POLICE, PROTESTERS, date="2021-03-04", negated=True)
    assert not compatible(sig(a), sig(b), P)


def test_params_from_settings() -> None:
    s = Settings(extras={"dedup": {"windows": {"day": 3}, "location_km": 20}})
    p = DedupParams.from_settings(s)
    assert p.windows["day"] == 3 and p.windows["published"] == 2 and p.location_km == 20
    with pytest.raises(ConfigError):
        DedupParams.from_settings(Settings(extras={"dedup": {"windoes": {}}}))
    with pytest.raises(ConfigError):
        DedupParams.from_settings(Settings(extras={"dedup": {"windows": {"decade": 3}}}))


# -- through the store -----------------------------------------------------------------------------
def test_store_merges_two_outlets_and_counts(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    a = record(
        "a",
        "Police arrested protesters in Paris.",
        [event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS)],
        source="Le Monde",
        published="2021-03-03",
    )
    b = record(
        "b",
        "French police detained demonstrators.",
        [
            event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS),
            event("E2", "ARREST", POLICE, PROTESTERS, date="2021-03-03", sentence=5),
        ],
        source="AFP",
        published="2021-03-04",
    )
    c = record(
        "c",
        "AFP: police held protesters.",
        [event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03")],
        source="AFP",
        published="2021-03-05",
    )
    assert w.add(a).new_events == 1
    rb = w.add(b)
    assert (rb.new_events, rb.merged) == (0, 2)
    w.add(c)
    with store.read() as conn:
        [ev] = search_events(conn, EventFilter())
        assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (4, 3, 2)
        assert str(ev.first_seen) == "2021-03-03" and str(ev.last_seen) == "2021-03-05"
        full = get_event(conn, ev.id)
        assert full is not None and len(full.mentions) == 4
        assert {m.document.doc_id for m in full.mentions} == {"a", "b", "c"}


def test_store_keeps_two_events_of_the_same_day_apart(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    w.add(
        record(
            "a",
            "Police arrested protesters in Paris.",
            [event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS)],
        )
    )
    w.add(
        record(
            "b",
            "Police arrested protesters in Berlin.",
            [
                event(
                    "E1",
                    "ARREST",
                    ("police", "DEU", "COP"),
                    ("protesters", "DEU", "OPP"),
                    date="2021-03-03",
                    place=BERLIN,
                )
            ],
        )
    )
    w.add(
        record(
            "c",
            "Protesters attacked police in Paris.",
            [event("E1", "ASSAULT", PROTESTERS, POLICE, date="2021-03-03", place=PARIS)],
        )
    )
    with store.read() as conn:
        assert len(search_events(conn, EventFilter())) == 3


def test_store_historical_mention_stays_apart(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    army, rebels = ("army", "SYR", "MIL"), ("rebels", "SYR", "REB")
    w.add(
        record(
            "a",
            "The army shelled rebels on Wednesday.",
            [event("E1", "ASSAULT", army, rebels, date="2021-03-03")],
        )
    )
    w.add(
        record(
            "b",
            "The army, which shelled rebels years ago, ...",
            [event("E1", "ASSAULT", army, rebels, historical=True, date_source=None)],
            published="2021-03-03",
        )
    )
    with store.read() as conn:
        evs = search_events(conn, EventFilter())
    assert sorted(e.num_mentions for e in evs) == [1, 1]
    assert sorted(e.historical for e in evs) == [False, True]


def test_disabled_dedup_makes_one_event_per_mention(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store, DedupParams(enabled=False))
    for i in range(3):
        w.add(
            record(
                f"d{i}",
                f"Police arrested protesters ({i}).",
                [event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03")],
            )
        )
    with store.read() as conn:
        assert len(search_events(conn, EventFilter())) == 3


def test_statements_need_the_same_named_speaker() -> None:
    a = event("E1", None, ("prosecutors", "USA", "JUD"), None, cameo="010", date="2021-03-03")
    b = event("E2", None, ("a judge", "USA", "JUD"), None, cameo="012", date="2021-03-03")
    c = event("E3", None, ("Prosecutors", "USA", "JUD"), None, cameo="010", date="2021-03-04")
    assert sig(a).type_key == "C:01"
    assert not compatible(sig(a), sig(b), P)
    assert compatible(sig(a), sig(c), P)
    assert compatible(sig(a), sig(b), DedupParams(named_actor_types=()))


def test_unknown_source_is_no_evidence() -> None:
    a = event("E1", "SANCTION", None, ("Iran", "IRN", None), date="2021-03-03")
    b = event("E2", "SANCTION", None, ("Iran", "IRN", None), date="2021-03-03")
    assert not compatible(sig(a), sig(b), P)


def test_bare_years_merge_only_when_allowed() -> None:
    a = event("E1", "ARREST", POLICE, PROTESTERS, date="2021")
    b = event("E2", "ARREST", POLICE, PROTESTERS, date="2021-11-30")
    assert compatible(sig(a), sig(b), DedupParams(coarsest_precision="year"))
    with pytest.raises(ConfigError):
        DedupParams.from_settings(Settings(extras={"dedup": {"coarsest_precision": "decade"}}))


def test_two_different_named_actors_do_not_match_by_coding() -> None:
    a = event("E1", "ACCUSE", ("Republicans", "USA", "PTY"), None, date="2021-03-03")
    b = event("E2", "ACCUSE", ("Democrats", "USA", "PTY"), None, date="2021-03-03")
    c = event("E3", "ACCUSE", ("Senate Republicans", "USA", "PTY"), None, date="2021-03-03")
    assert not compatible(sig(a), sig(b), P)
    assert compatible(sig(a), sig(c), P)  # one name within the other
    d = event("E4", "ACCUSE", ("party officials", "USA", "PTY"), None, date="2021-03-03")
    assert compatible(sig(b), sig(d), P)  # a description matches by country and sector
