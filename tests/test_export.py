"""Exports: GDELT 2.0 (61 columns), PLOVER JSON Lines, CSV and Parquet."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from eventwire.schema import PlaceRef
from eventwire.store import GDELT_COLUMNS, StoreWriter, export, open_store
from test_store_support import event, record

MOSUL = PlaceRef(name="Mosul", geonameid=99072, lat=36.335, lon=43.119, country="IRQ")


@pytest.fixture()
def filled(tmp_path):  # type: ignore[no-untyped-def]
    st = open_store(tmp_path / "x.db")
    w = StoreWriter(st)
    army, rebels = ("Iraqi army", "IRQ", "MIL"), ("rebels", "IRQ", "REB")
    ev = event("E1", "ASSAULT", army, rebels, cameo="190", date="2021-03-03", place=MOSUL)
    ev.plover.context.append("military")
    w.add(
        record(
            "a",
            "The Iraqi army shelled rebels near Mosul.",
            [ev],
            url="https://a.example/1",
            source="A",
        )
    )
    w.add(
        record(
            "b",
            "Rebels near Mosul were shelled by the army.",
            [ev],
            url="https://b.example/2",
            source="B",
        )
    )
    w.add(
        record(
            "c",
            "Leaders met.",
            [event("E1", "CONSULT", ("Leaders", None, None), None, date="2021-03")],
            source="C",
        )
    )
    yield st
    st.close()


def test_gdelt_has_61_columns_in_order(filled) -> None:  # type: ignore[no-untyped-def]
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    out = io.StringIO()
    with filled.read() as conn:
        assert export(conn, "gdelt", out) == 2
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    assert all(len(r) == 61 for r in rows)
    row = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert row["Day"] == "20210303" and row["MonthYear"] == "202103" and row["Year"] == "2021"
    assert row["Actor1Code"] == "IRQMIL" and row["Actor1Name"] == "IRAQI ARMY"
    assert row["Actor1CountryCode"] == "IRQ" and row["Actor2Type1Code"] == "REB"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("190", "190", "19")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert row["ActionGeo_FullName"] == "Mosul" and row["ActionGeo_CountryCode"] == "IZ"  # FIPS
    assert row["ActionGeo_FeatureID"] == "99072" and row["ActionGeo_Type"] == "4"
    assert row["SOURCEURL"] == "https://a.example/1" and len(row["DATEADDED"]) == 14
    month = dict(zip(GDELT_COLUMNS, rows[1], strict=True))
    assert month["Day"] == "20210301" and month["EventCode"] == ""


def test_plover_json_lines(filled) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with filled.read() as conn:
        export(conn, "plover", out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["event"] == "ASSAULT" and first["actor"] == "Iraqi army"
    assert first["recipient_country"] == "IRQ" and first["context"] == ["military"]
    assert first["sources"] == ["https://a.example/1", "https://b.example/2"]
    assert first["location"]["name"] == "Mosul"
    assert second["event"] == "CONSULT" and second["date_precision"] == "month"


def test_csv_and_parquet_agree(filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with filled.read() as conn:
        export(conn, "csv", out)
        export(conn, "parquet", tmp_path / "e.parquet")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert (
        [r["plover_type"] for r in rows]
        == [r["plover_type"] for r in table]
        == ["ASSAULT", "CONSULT"]
    )
    assert table[0]["num_mentions"] == 2 and table[0]["lat"] == pytest.approx(36.335)


def test_empty_database_exports_headers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "e.db") as st, st.read() as conn:
        out = io.StringIO()
        assert export(conn, "csv", out) == 0
        assert out.getvalue().startswith("id,date,")
        export(conn, "parquet", tmp_path / "e.parquet")
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
        with pytest.raises(ValueError, match="unknown export format"):
            export(conn, "xml", out)
