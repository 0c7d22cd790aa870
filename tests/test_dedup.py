"""The deduplication rule, unit by unit and through the store."""

# ruff: noqa: F811  (pytest fixtures imported from test_store_support are used as parameters)
from __future__ import annotations

import pytest

from eventwire.errors import ConfigError
from eventwire.schema import PlaceRef
from eventwire.settings import Settings
from eventwire.store import DedupParams, EventFilter, StoreWriter, get_event, search_events
from eventwire.store.dedup import Signature, actor_keys, compatible
from eventwire.store.story import StoryTerms, same_story, sentence_around
from eventwire.store.writer import event_columns
from test_store_support import db_url, event, pg_server_url, pg_url, record, store  # noqa: F401

PARIS = PlaceRef(name="Paris", geonameid=2988507, lat=48.85, lon=2.35, country="FRA")
VERSAILLES = PlaceRef(name="Versailles", geonameid=2970153, lat=48.80, lon=2.13, country="FRA")
LYON = PlaceRef(name="Lyon", geonameid=2996944, lat=45.75, lon=4.85, country="FRA")
FRANCE = PlaceRef(name="France", geonameid=3017382, lat=46.0, lon=2.0, country="FRA")
BERLIN = PlaceRef(name="Berlin", geonameid=2950159, lat=52.52, lon=13.40, country="DEU")

POLICE = ("police", "FRA", "COP")
PROTESTERS = ("protesters", "FRA", "OPP")


def sig(  # type: ignore[no-untyped-def]
    ev, published: str = "2021-03-04", sentence: str | None = None, doc: int | None = None
) -> Signature:
    """The signature of ``ev``; with ``sentence``, also its story terms (rule 6)."""
    import datetime as dt

    cols = event_columns(ev, dt.date.fromisoformat(published))
    terms = None
    if sentence is not None:
        terms = STORY.terms(sentence, [r.name for r in (*ev.source, *ev.target)])
    return Signature.from_row(
        {
            **cols,
            "source_keys": actor_keys(ev.source),
            "target_keys": actor_keys(ev.target),
            "story_terms": terms,
            "document_id": doc,
        }
    )


STORY = StoryTerms()


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
        "Police arrested 40 protesters near the Paris opera.",
        [event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS)],
        source="Le Monde",
        published="2021-03-03",
    )
    b = record(
        "b",
        "French police detained 40 demonstrators outside the Paris opera.",
        [
            event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-03", place=PARIS),
            event("E2", "ARREST", POLICE, PROTESTERS, date="2021-03-03", sentence=5),
        ],
        source="AFP",
        published="2021-03-04",
    )
    c = record(
        "c",
        "AFP: police held 40 protesters at the opera.",
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


# -- rule 6: the same story ------------------------------------------------------------------------
MAYOR = ("Mayor Lena Ortiz", "USA", "GOV")
UNION = ("the transit union", "USA", "LAB")


def test_story_terms_leave_out_actors_dates_and_stop_words() -> None:
    terms = STORY.terms(
        "Mayor Lena Ortiz said on Tuesday that she rejected the transit union's demands "
        "for 4,500 new bus drivers.",
        ["Mayor Lena Ortiz", "the transit union"],
    )
    assert terms == ["4500", "bus", "demand", "driver", "reject"]


def test_same_story_counts_shared_terms_against_the_shorter_sentence() -> None:
    short, long = ["bus", "driver", "reject"], ["bus", "driver", "strike", "fare", "route", "hall"]
    assert same_story(short, long, 2, 0.5)  # 2 of the shorter's 3
    assert not same_story(short, long, 3, 0.5)  # too few shared terms
    assert not same_story(["bus", "x1", "x2", "x3"], long, 1, 0.5)  # 1 of 4
    assert same_story([], long, 0, 0.9)  # min_shared 0: the signal is off


def test_sentence_around_finds_the_sentence_of_a_span() -> None:
    text = "The council met at noon. The mayor rejected the plan! Then everyone left."
    start = text.index("rejected")
    assert sentence_around(text, start, start + 8) == "The mayor rejected the plan!"
    assert sentence_around(text, 0, 3) == "The council met at noon."


def test_same_event_in_two_outlets_shares_its_story() -> None:
    a = event("E1", "REJECT", MAYOR, UNION, date="2021-03-03")
    b = event("E7", "REJECT", ("Lena Ortiz", "USA", "GOV"), UNION, date="2021-03-03")
    one = sig(a, sentence="Mayor Lena Ortiz rejected the union's call for 4,500 new bus drivers.")
    two = sig(
        b,
        sentence="Ortiz turned down demands to hire 4,500 more drivers for the city's bus fleet.",
    )
    assert compatible(one, two, P)


def test_two_different_events_of_one_actor_on_one_day_stay_apart() -> None:
    a = event("E1", "REJECT", MAYOR, None, date="2021-03-03")
    b = event("E2", "REJECT", MAYOR, None, date="2021-03-03")
    budget = sig(
        a, sentence="Mayor Lena Ortiz rejected the police budget cuts proposed by the council."
    )
    stadium = sig(b, sentence="Ortiz also rejected a private offer to rebuild the harbour stadium.")
    assert not compatible(budget, stadium, P)
    assert compatible(budget, stadium, DedupParams(min_shared_terms=0))  # signal off: rules 1-5


def test_historical_mention_sharing_the_story_still_stays_apart() -> None:
    army, rebels = ("army", "SYR", "MIL"), ("rebels", "SYR", "REB")
    new = sig(
        event("E1", "ASSAULT", army, rebels, date="2021-03-04"),
        sentence="The army shelled rebel positions near the Aleppo citadel.",
    )
    old = sig(
        event("E2", "ASSAULT", army, rebels, historical=True),
        sentence="The army once shelled rebel positions near the Aleppo citadel.",
    )
    assert not compatible(old, new, P)


def test_mentions_in_the_anchor_article_need_no_shared_story() -> None:
    a = event("E1", "REJECT", MAYOR, UNION, date="2021-03-03")
    lead = sig(a, sentence="Mayor Lena Ortiz rejected the union's demands.", doc=1)
    later = sig(a, sentence="Ortiz's refusal angered bus riders.", doc=1)
    elsewhere = sig(a, sentence="Ortiz's refusal angered bus riders.", doc=2)
    assert compatible(later, lead, P)
    assert not compatible(elsewhere, lead, P)
    assert not compatible(later, lead, DedupParams(same_document_exempt=False))


def test_story_params_from_settings() -> None:
    s = Settings(extras={"dedup": {"min_shared_terms": 3, "min_term_overlap": 0.5}})
    p = DedupParams.from_settings(s)
    assert (p.min_shared_terms, p.min_term_overlap, p.same_document_exempt) == (3, 0.5, True)
    for bad in ({"min_shared_terms": -1}, {"min_term_overlap": 1.5}):
        with pytest.raises(ConfigError):
            DedupParams.from_settings(Settings(extras={"dedup": bad}))


def test_store_splits_one_actor_s_unrelated_events_of_one_day(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store)
    w.add(
        record(
            "a",
            "Mayor Lena Ortiz rejected the police budget cuts proposed by the council.",
            [event("E1", "REJECT", MAYOR, None, date="2021-03-03", trigger="Mayor")],
            source="City Paper",
        )
    )
    w.add(
        record(
            "b",
            "Mayor Lena Ortiz rejected a private offer to rebuild the harbour stadium.",
            [event("E1", "REJECT", MAYOR, None, date="2021-03-03", trigger="Mayor")],
            source="Harbour News",
        )
    )
    w.add(
        record(
            "c",
            "Mayor Lena Ortiz rejected budget cuts for the police that the council proposed.",
            [event("E1", "REJECT", MAYOR, None, date="2021-03-03", trigger="Mayor")],
            source="Metro Daily",
        )
    )
    with store.read() as conn:
        evs = search_events(conn, EventFilter())
    assert sorted((e.num_articles, e.num_sources) for e in evs) == [(1, 1), (2, 2)]


def test_candidate_query_bound_keeps_month_long_events(store) -> None:  # type: ignore[no-untyped-def]
    # the query's lower bound on the event's start must not lose a month-precision event that
    # began 30 days before the mention's day, nor merge an old one of the same type
    w = StoreWriter(store, DedupParams(min_shared_terms=0))
    old = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-01-05")
    month = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03")
    day = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-31")
    w.add(record("old", "Police arrested protesters in January.", [old], published="2021-01-05"))
    w.add(record("month", "Police arrested protesters in March.", [month], published="2021-04-01"))
    result = w.add(record("day", "Police arrested protesters.", [day], published="2021-03-31"))
    assert (result.new_events, result.merged) == (0, 1)
    assert DedupParams().max_interval_days == 31
    assert DedupParams(coarsest_precision="day").max_interval_days == 1


def test_mention_without_source_starts_its_own_event(store) -> None:  # type: ignore[no-untyped-def]
    w = StoreWriter(store, DedupParams(min_shared_terms=0))
    first = record("a", "Protesters were arrested.", [event("E1", "ARREST", None, PROTESTERS)])
    second = record("b", "Protesters were detained.", [event("E1", "ARREST", None, PROTESTERS)])
    assert w.add(first).new_events == 1
    assert w.add(second).new_events == 1


def test_params_built_directly_are_checked_too() -> None:
    with pytest.raises(ConfigError, match="coarsest_precision"):
        DedupParams(coarsest_precision="fortnight")
    with pytest.raises(ConfigError, match="min_term_overlap"):
        DedupParams(min_term_overlap=2.0)


def test_event_dated_by_its_publication_is_stored(store) -> None:  # type: ignore[no-untyped-def]
    # "published" is 9 characters: the column must hold it on PostgreSQL too
    w = StoreWriter(store)
    ev = event("E1", "ARREST", POLICE, PROTESTERS, date="2021-03-04", date_source="published")
    assert w.add(record("a", "Police arrested protesters.", [ev])).new_events == 1
    with store.read() as conn:
        [found] = search_events(conn, EventFilter())
    assert found.date == "2021-03-04"
