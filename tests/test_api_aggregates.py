"""Aggregates of the store (eventwire.store.aggregates) on hand-made records."""

from __future__ import annotations

import pytest

from api_support import ARTICLES, make_record
from eventwire.store import EventFilter, StoreWriter, open_store
from eventwire.store.aggregates import (
    PlaceFilter,
    event_locations,
    events_by_country,
    network,
    search_places,
    timeline,
)


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("agg") / "agg.db")
    writer = StoreWriter(store)
    for spec in ARTICLES:
        writer.add(make_record(spec))
    # a second article reporting the Gao attack: merges into the same event
    second = make_record(ARTICLES[1]).model_copy(
        update={
            "id": "gao-2",
            "url": "https://other.example.org/gao",
            "text": ARTICLES[1]["text"] + " More to follow.",
        }
    )
    writer.add(second)
    with store.read() as c:
        yield c
    store.close()


def test_timeline_respects_filters(conn):
    all_days = timeline(conn, EventFilter())
    assert sum(b.events for b in all_days) == 3
    (only,) = timeline(conn, EventFilter(type="PROTEST"))
    assert (str(only.date), only.quad_class, only.type) == ("2024-03-12", 3, "PROTEST")
    assert timeline(conn, EventFilter(since="2025-01-01")) == []


def test_network_counts_and_goldstein(conn):
    net = network(conn, EventFilter())
    assert len(net.edges) == 3
    assert {n.events for n in net.nodes} == {1}
    assert network(conn, EventFilter(), limit=1).edges[0].events == 1
    assert network(conn, EventFilter(country="FRA")).edges[0].mean_goldstein == -6.5


def test_events_by_country_roles(conn):
    loc = {c.country: c for c in events_by_country(conn, EventFilter())}
    assert loc["MLI"].quad_counts == {1: 0, 2: 0, 3: 0, 4: 1}
    assert loc["KEN"].mean_goldstein == 1.0
    targets = {c.country for c in events_by_country(conn, EventFilter(), role="target")}
    assert targets == {"ETH", "MLI", "FRA"}


def test_event_locations_and_places(conn):
    locs = event_locations(conn, EventFilter())
    assert {x.name for x in locs} == {"Nairobi", "Gao", "Paris"}
    (gao,) = search_places(conn, PlaceFilter(name="GAO"))
    assert gao.documents == 2 and gao.mentions == 2 and gao.country == "MLI"
    assert search_places(conn, PlaceFilter(country="FRA"))[0].name == "Paris"
    assert search_places(conn, PlaceFilter(name="atlantis")) == []
