"""Gold gate for the events stage (trafilatura's eval_gate idea).

``tests/data/events_gold.jsonl`` holds project-written sentences annotated with event type
(PLOVER type, or ``CAMEO-01``/``CAMEO-02``), CAMEO root and source/target country; documents with
no events are no-event sentences. The floors and the file's hash are pinned in
``tests/data/events_gold_baseline.json``: accuracy may not silently fall below them, and the data
may not change without updating the baseline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLD = DATA / "events_gold.jsonl"
BASELINE = DATA / "events_gold_baseline.json"


def _type(ev) -> str:
    return ev.plover.type if ev.plover else f"CAMEO-{ev.cameo[:2]}"


def score(gold: list[dict], records: dict) -> dict[str, float]:
    """Type-matched event P/R/F1, root accuracy, country accuracies and no-event specificity."""
    tp = n_pred = n_gold = 0
    root_ok = src_ok = src_n = tgt_ok = tgt_n = 0
    noevent = noevent_ok = 0
    for doc in gold:
        preds = list(records[doc["id"]].events)
        n_pred += len(preds)
        n_gold += len(doc["events"])
        if not doc["events"]:
            noevent += 1
            noevent_ok += not preds
        free = Counter()
        for p in preds:
            free[_type(p)] += 1
        for g in doc["events"]:
            match = next((p for p in preds if _type(p) == g["type"] and free[g["type"]]), None)
            if match is None:
                continue
            free[g["type"]] -= 1
            preds.remove(match)
            tp += 1
            root_ok += match.cameo[:2] == g["root"]
            if g["source_country"]:
                src_n += 1
                src_ok += g["source_country"] in {r.country for r in match.source}
            if g["target_country"]:
                tgt_n += 1
                tgt_ok += g["target_country"] in {r.country for r in match.target}
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "event_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "cameo_root_acc": root_ok / n_gold if n_gold else 0.0,
        "source_country_acc": src_ok / src_n if src_n else 0.0,
        "target_country_acc": tgt_ok / tgt_n if tgt_n else 0.0,
        "noevent_specificity": noevent_ok / noevent if noevent else 0.0,
    }


@pytest.fixture(scope="module")
def figures(nlp):
    from eventwire.extract import actors, events, quotes, times
    from eventwire.ingest import RawDocument
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    pipeline = Pipeline(Settings(), nlp=nlp, stages=(actors.run, times.run, quotes.run, events.run))
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    raws = [
        RawDocument(
            id=d["id"],
            text=d["text"],
            origin=d["id"],
            published=dt.date.fromisoformat(d["published"]),
        )
        for d in gold
    ]
    records = {r.id: r for r in pipeline.process(raws)}
    return score(gold, records)


def test_gold_file_is_the_pinned_one():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert hashlib.sha256(GOLD.read_bytes()).hexdigest() == baseline["sha256"]


@pytest.mark.parametrize(
    "metric",
    [
        "event_f1",
        "cameo_root_acc",
        "source_country_acc",
        "target_country_acc",
        "noevent_specificity",
    ],
)
def test_floor(figures, metric):
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    assert figures[metric] >= floors[metric], f"{metric} {figures[metric]:.3f} < {floors[metric]}"
