"""``eventwire eval TASK GOLD.jsonl``: run the system on a gold file and print the scorer's figures.

The gold fields of each line are ignored: only ``id, text, published, title`` reach the
pipeline. Predictions are written as JSONL (``--pred``) and scored with the evaluation
script (``--scorer``, default ``../shared/eval/score.py`` next to the repository).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from ..errors import ConfigError
from ..schema import DocumentRecord

TASKS = ("events", "quotes", "times", "places")


def _default_scorer() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "shared" / "eval" / "score.py"
        if cand.exists():
            return cand
        cand = parent.parent / "shared" / "eval" / "score.py"
        if cand.exists():
            return cand
    return Path("../shared/eval/score.py")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="run on a gold file and score it with the evaluation script")
    p.add_argument("task", choices=TASKS)
    p.add_argument("gold", help="gold JSONL file")
    p.add_argument("--pred", help="where to write predictions (default: <gold>.pred.jsonl in /tmp)")
    p.add_argument("--scorer", help="path of score.py (default: ../shared/eval/score.py)")
    p.add_argument("--limit", type=int, help="only the first N documents")
    p.add_argument("--json", action="store_true", help="print the scorer's JSON")
    p.add_argument("--model", help="installed spaCy pipeline")
    p.set_defaults(func=run)


def predict(gold: Path, out: Path, model: str | None = None, limit: int | None = None) -> int:
    """Run the pipeline over ``gold`` and write prediction records to ``out``; returns count."""
    from ..ingest import RawDocument
    from ..nlp import Pipeline
    from ..settings import load_settings

    settings = load_settings(None, model=model, min_chars_for_language=10**9)
    pipeline = Pipeline(settings)
    raws = []
    with gold.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            obj = json.loads(line)
            published = dt.date.fromisoformat(obj["published"]) if obj.get("published") else None
            raws.append(
                RawDocument(
                    id=str(obj["id"]),
                    text=obj["text"],
                    origin=f"{gold}:{n + 1}",
                    published=published,
                    title=obj.get("title"),
                )
            )
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.process(raws):
            if isinstance(result, DocumentRecord):
                fh.write(result.model_dump_json() + "\n")
                count += 1
            else:
                print(f"error: {result.document}: {result.reason}", file=sys.stderr)
    return count


def run(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.exists():
        raise ConfigError(f"gold file not found: {gold}")
    scorer = Path(args.scorer) if args.scorer else _default_scorer()
    if not scorer.exists():
        raise ConfigError(f"scorer not found: {scorer} (give --scorer)")
    out = (
        Path(args.pred)
        if args.pred
        else Path("/tmp") / f"eventwire-{args.task}-{gold.stem}.pred.jsonl"
    )
    predict(gold, out, model=args.model, limit=args.limit)
    cmd = [sys.executable, str(scorer), args.task, "--gold", str(gold), "--pred", str(out)]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)
