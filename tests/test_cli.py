"""The extract and schema commands: output, errors file, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.cli import build_parser, main

REPO = Path(__file__).resolve().parents[1]


def test_schema_prints_the_record_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "DocumentRecord"
    for field in ("schema_version", "actors", "events", "quotes", "times", "places", "tone"):
        assert field in schema["properties"]


def test_extract_example_jsonl_with_spans_into_the_text(tmp_path, capfd):
    out = tmp_path / "out.jsonl"
    rc = main(
        ["extract", str(REPO / "examples/example_article.jsonl"), "-o", str(out), "--no-progress"]
    )
    assert rc == 0
    (line,) = out.read_text().splitlines()
    record = json.loads(line)
    assert record["id"] == "example-1"
    assert record["published"] == "2024-03-08"
    names = {a["name"] for a in record["actors"]}
    assert {"William Ruto", "Abiy Ahmed", "Raila Odinga"} <= names
    for actor in record["actors"]:
        for m in actor["mentions"]:
            assert record["text"][m["span"][0] : m["span"][1]] == m["text"]


def test_extract_table_shows_actors(capfd):
    rc = main(
        [
            "extract",
            str(REPO / "examples/example_article.txt"),
            "--published",
            "2024-03-08",
            "--format",
            "table",
            "--no-progress",
        ]
    )
    out = capfd.readouterr().out
    assert rc == 0
    assert "Actors" in out and "William Ruto" in out
    assert "@WilliamsRuto" in out


def test_bad_documents_are_reported_and_the_batch_goes_on(tmp_path, capfd):
    good = tmp_path / "good.txt"
    good.write_text("Police arrested two protesters in Lagos on Monday.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "j1", "text": "Rebels attacked a convoy."}\n{broken\n')
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    rc = main(
        [
            "extract",
            str(good),
            str(empty),
            str(batch),
            str(tmp_path / "missing.txt"),
            "-o",
            str(out),
            "--errors",
            str(errors),
            "--no-progress",
        ]
    )
    assert rc == 1
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert ids == ["good", "j1"]
    errs = [json.loads(x) for x in errors.read_text().splitlines()]
    assert [e["code"] for e in errs] == ["E101", "E105", "E112"]
    stderr = capfd.readouterr().err
    assert f"error: {empty}: [E101]" in stderr
    assert "2 extracted, 3 failed" in stderr


def test_non_english_document_is_skipped_with_its_language(tmp_path, capfd):
    de = tmp_path / "de.txt"
    de.write_text(
        "Die Bundesregierung hat am Montag neue Sanktionen gegen das Land beschlossen. "
        "Der Außenminister sagte, man werde die Lage weiter genau beobachten und mit den "
        "Partnern in Brüssel über weitere Schritte beraten."
    )
    errors = tmp_path / "e.jsonl"
    rc = main(
        [
            "extract",
            str(de),
            "--errors",
            str(errors),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--no-progress",
        ]
    )
    assert rc == 0
    (err,) = [json.loads(x) for x in errors.read_text().splitlines()]
    assert err["code"] == "E110" and err["language"] == "de"
    assert "skipped" in capfd.readouterr().err


def test_every_subcommand_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description or p.format_help(), name
    assert {"extract", "schema", "eval"} <= set(sub.choices)
