"""Build ``src/eventwire/data/events/cameo.tsv`` from the CAMEO codebook and the PLOVER mapping.

Usage: python scripts/build_cameo_codebook.py [EVAL_EVENTS_DIR]
(default ``../shared/eval/events``; reads ``cameo_codebook.csv`` and ``cameo2plover.tsv``).

Only facts are kept: each code, its short name, its Goldstein value, its GDELT quad class and
its PLOVER type, mode and context. The codebook's descriptions, usage notes and example
sentences are deliberately not copied. A code without its own PLOVER row inherits the row of
its three-digit parent, then of its root (the lookup the scorer uses). Roots 01 and 02 have no
PLOVER type. The PLOVER part is CC BY-SA 4.0 (see ``data/events/README.md``).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "data" / "events" / "cameo.tsv"
COLUMNS = (
    "code",
    "name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "plover_context",
)


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _plover_rows(path: Path) -> dict[str, tuple[str, str, str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["cameo"].strip()
            if code and code not in rows:
                rows[code] = (
                    row["plover"].strip(),
                    row["mode"].strip(),
                    row["context"].strip().replace(";", ","),
                )
    return rows


def build(events_dir: Path) -> list[dict[str, str]]:
    """The codebook rows, one per CAMEO code, in code order."""
    plover = _plover_rows(events_dir / "cameo2plover.tsv")
    out: list[dict[str, str]] = []
    with (events_dir / "cameo_codebook.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            mapped = next(
                (plover[k] for k in (code, code[:3], code[:2]) if k in plover), ("", "", "")
            )
            out.append(
                {
                    "code": code,
                    "name": " ".join(row["name"].split()),
                    "goldstein": str(float(row["goldstein"])),
                    "quad_class": str(quad_class(code)),
                    "plover_type": mapped[0],
                    "plover_mode": mapped[1],
                    "plover_context": mapped[2],
                }
            )
    out.sort(key=lambda r: (r["code"][:2], r["code"]))
    return out


def main(argv: list[str]) -> int:
    events_dir = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "eval" / "events"
    if not (events_dir / "cameo_codebook.csv").exists():
        sys.stderr.write(f"no cameo_codebook.csv in {events_dir}\n")
        return 2
    rows = build(events_dir)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# CAMEO codes with Goldstein values and PLOVER mapping; see README.md "
            "(PLOVER mapping: CC BY-SA 4.0, openeventdata/PLOVER)\n"
        )
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    sys.stdout.write(f"wrote {len(rows)} codes to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
