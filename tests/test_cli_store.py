"""The database commands: ingest, events, actors, quotes, export."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.schema import PlaceRef, Quote
from eventwire.store import StoreWriter, open_store, table_counts
from test_store_support import event, record, snapshot

REPO = Path(__file__).resolve().parents[1]
KABUL = PlaceRef(name="Kabul", geonameid=1138958, lat=34.53, lon=69.17, country="AFG")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as st:
        w = StoreWriter(st)
        rec = record(
            "a",
            "Taliban fighters attacked a checkpoint in Kabul. The governor said he was shocked.",
            [
                event(
                    "E1",
                    "ASSAULT",
                    ("Taliban", "AFG", "REB"),
                    ("police", "AFG", "COP"),
                    cameo="190",
                    date="2021-05-02",
                    place=KABUL,
                )
            ],
            source="Wire",
        )
        rec.quotes.append(
            Quote(
                id="Q1",
                text="he was shocked",
                span=(60, 74),
                speaker="Ahmad Karimi",
                kind="indirect",
            )
        )
        w.add(rec)
        w.add(
            record(
                "b",
                "Ministers met in Oslo to discuss trade.",
                [
                    event(
                        "E1",
                        "CONSULT",
                        ("Jonas Store", "NOR", "GOV"),
                        ("Ministers", "SWE", "GOV"),
                        cameo="043",
                        date="2020-11-20",
                    )
                ],
            )
        )
    return path


def _json(capsys, *argv: str):  # type: ignore[no-untyped-def]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], ["ASSAULT", "CONSULT"]),
        (["--type", "assault"], ["ASSAULT"]),
        (["--cameo", "04"], ["CONSULT"]),
        (["--country", "nor"], ["CONSULT"]),
        (["--actor", "taliban"], ["ASSAULT"]),
        (["--actor", "AFGREB"], []),  # no code was given, only country and sector
        (["--since", "2021-01-01"], ["ASSAULT"]),
        (["--until", "2021-01-01"], ["CONSULT"]),
        (["--place", "kab"], ["ASSAULT"]),
        (["--text", "trade"], ["CONSULT"]),
        (["--min-mentions", "2"], []),
    ],
)
def test_events_filters(capsys, db: str, flags: list[str], expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = _json(capsys, "events", "--db", db, "--format", "json", *flags)
    assert [e["plover_type"] for e in found] == expected


def test_events_formats(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    found = _json(
        capsys, "events", "--db", db, "--format", "json", "--mentions", "--type", "ASSAULT"
    )
    assert found[0]["mentions"][0]["excerpt"] == "Taliban fighters attacked a checkpoint in Kabul."
    assert main(["events", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["source_name"] for r in rows} == {"Taliban", "Jonas Store"}
    assert main(["events", "--db", db]) == 0
    assert "Taliban (AFG/REB)" in capsys.readouterr().out


def test_actors_and_quotes(capsys, db: str) -> None:  # type: ignore[no-untyped-def]
    actors = _json(capsys, "actors", "--db", db, "--format", "json", "--country", "AFG")
    assert {a["name"] for a in actors} == {"Taliban", "police"}
    quotes = _json(capsys, "quotes", "--db", db, "--format", "json", "--speaker", "karimi")
    assert quotes[0]["text"] == "he was shocked" and quotes[0]["document"]["doc_id"] == "a"
    assert _json(capsys, "quotes", "--db", db, "--format", "json", "--speaker", "nobody") == []


def test_export_command(capsys, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", db, "--format", "gdelt", "-o", str(out)]) == 0
    assert [len(line.split("\t")) for line in out.read_text().splitlines()] == [61, 61]
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "parquet is binary" in capsys.readouterr().err


def test_query_on_missing_database_is_a_clean_error(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert main(["events", "--db", str(tmp_path / "nope.db")]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "nope.db").exists()
    assert main(["events", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    assert "cannot open database" in capsys.readouterr().err


def test_ingest_with_an_injected_pipeline(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.cli import ingest as ingest_cmd
    from eventwire.ingest import RawDocument

    raws = [
        RawDocument(
            id=f"r{i}", text=f"Police arrested {i} people at the harbour protest.", origin=f"r{i}"
        )
        for i in range(4)
    ]

    def fake_run_documents(args, settings, keep=None):  # type: ignore[no-untyped-def]
        for raw in raws:
            if keep is None or keep(raw):
                yield record(
                    raw.id,
                    raw.text,
                    [event("E1", "ARREST", ("police", "USA", "COP"), None, date="2021-01-01")],
                )

    monkeypatch.setattr(ingest_cmd, "run_documents", fake_run_documents)
    db = str(tmp_path / "i.db")
    args = ["ingest", "--db", db, "--no-progress", "x.jsonl"]
    assert main(args) == 0
    assert (
        "4 documents stored, 0 already present; 4 event mentions -> 1 new events, 3 merged"
        in capsys.readouterr().err
    )
    assert main(args) == 0
    assert "0 documents stored, 4 already present" in capsys.readouterr().err


def test_rerun_skips_stored_documents_before_extraction(
    capsys, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The real input path (read_inputs -> keep -> pipeline) with a counting pipeline: a second
    run, and a copy of an article under another id or a tracking-tagged URL, extract nothing."""
    import eventwire.nlp as nlp_pkg
    from eventwire.ingest import RawDocument

    extracted: list[str] = []

    class CountingPipeline:
        def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
            pass

        def process(self, items):  # type: ignore[no-untyped-def]
            for raw in items:
                if isinstance(raw, RawDocument):
                    extracted.append(raw.id)
                    yield record(raw.id, raw.text, [], url=raw.url)
                else:
                    yield raw

    monkeypatch.setattr(nlp_pkg, "Pipeline", CountingPipeline)
    rows = [
        {"id": f"n{i}", "url": f"https://news.example/story/{i}", "text": f"Story number {i}."}
        for i in range(3)
    ]
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = str(tmp_path / "skip.db")
    argv = ["ingest", "--db", db, "--no-progress", "--workers", "1"]
    assert main([*argv, str(first)]) == 0
    assert extracted == ["n0", "n1", "n2"]
    capsys.readouterr()

    extracted.clear()
    again = tmp_path / "again.jsonl"
    copies = [
        {**rows[0], "id": "copy-of-n0", "url": None},  # same text, no URL
        {**rows[1], "id": "n1-tagged", "url": rows[1]["url"] + "?utm_source=feed", "text": "x"},
        {"id": "n9", "url": "https://news.example/story/9", "text": "A new story."},
    ]
    again.write_text("".join(json.dumps(r) + "\n" for r in copies))
    assert main([*argv, str(first), str(again)]) == 0
    assert extracted == ["n9"]
    assert "1 documents stored, 5 already present" in capsys.readouterr().err


def test_docs_mention_every_store_command() -> None:
    doc = (REPO / "docs" / "store.md").read_text(encoding="utf-8")
    for command in (
        "eventwire ingest",
        "eventwire events",
        "eventwire actors",
        "eventwire quotes",
        "eventwire export",
    ):
        assert command in doc


# -- the real pipeline, killed half-way --------------------------------------------------------------
STORY = (
    "{city} police arrested {n} protesters on Tuesday after clashes near the parliament, "
    "officials said. The interior minister of {country} condemned the violence. "
    '"We will not tolerate attacks on officers," the minister told reporters.'
)


def _stored(db: str) -> int:
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _ingest(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.slow
def test_real_ingest_killed_and_rerun(tmp_path: Path) -> None:
    places = [("Paris", "France"), ("Madrid", "Spain"), ("Rome", "Italy"), ("Lisbon", "Portugal")]
    src = tmp_path / "batch.jsonl"
    with src.open("w") as fh:
        for i in range(40):
            city, country = places[i % 4]
            body = STORY.format(city=city, n=i + 3, country=country)
            fh.write(
                json.dumps(
                    {
                        "id": f"s{i}",
                        "text": body,
                        "published": "2021-06-0" + str(i % 3 + 1),
                        "source": f"outlet{i % 5}",
                    }
                )
                + "\n"
            )
    exe = [
        sys.executable,
        "-m",
        "eventwire",
        "ingest",
        str(src),
        "--no-progress",
        "--batch-size",
        "1",
    ]
    ref, killed = str(tmp_path / "ref.db"), str(tmp_path / "killed.db")
    _ingest([*exe, "--db", ref])
    proc = subprocess.Popen(
        [*exe, "--db", killed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if _stored(killed) >= 3:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    with open_store(killed) as st, st.read() as conn:
        assert 0 < table_counts(conn)["documents"] < 40
    _ingest([*exe, "--db", killed])
    with open_store(ref) as a, open_store(killed) as b:
        assert snapshot(a) == snapshot(b)
