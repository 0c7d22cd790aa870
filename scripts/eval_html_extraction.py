"""Score eventwire's HTML article extraction against a ground truth of article bodies.

Usage: python scripts/eval_html_extraction.py [DIR]   (default ../shared/corpus/html/scrapinghub_aeb)

DIR holds ``ground-truth.json`` ({page_hash: {"articleBody", "url"}}) and ``html/<hash>.html.gz``.
For each page, character-level precision/recall/F1 of the extracted text against the true body
are computed from the matching blocks of ``difflib.SequenceMatcher`` on whitespace-normalized
strings; the script prints the mean over pages and how many pages failed (F1 = 0).
Exit code 2 when DIR is absent.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.html import extract_article


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def char_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Character-level precision, recall and F1 of ``pred`` against ``gold``."""
    pred, gold = _norm(pred), _norm(gold)
    if not pred or not gold:
        return 0.0, 0.0, 0.0
    sm = difflib.SequenceMatcher(None, pred, gold, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    p, r = matched / len(pred), matched / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    root = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[2] / "shared/corpus/html/scrapinghub_aeb"
    )
    truth_path = root / "ground-truth.json"
    if not truth_path.exists():
        print(f"no ground truth at {truth_path}", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    scores, failed = [], 0
    for key, item in sorted(truth.items()):
        page = root / "html" / f"{key}.html.gz"
        try:
            with gzip.open(page, "rb") as fh:
                html = decode_bytes(fh.read())
            text = extract_article(html, url=item.get("url")).text
        except (InputError, OSError) as exc:
            print(f"{key}: {exc}", file=sys.stderr)
            text = ""
        p, r, f = char_prf(text, item.get("articleBody") or "")
        failed += f == 0.0
        scores.append((p, r, f))
    n = len(scores)
    print(
        json.dumps(
            {
                "pages": n,
                "failed": failed,
                "mean_char_precision": round(statistics.fmean(s[0] for s in scores), 4),
                "mean_char_recall": round(statistics.fmean(s[1] for s in scores), 4),
                "mean_char_f1": round(statistics.fmean(s[2] for s in scores), 4),
                "median_char_f1": round(statistics.median(s[2] for s in scores), 4),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
