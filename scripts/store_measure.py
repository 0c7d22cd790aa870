"""Measure the event store on the AllSides corpus (third-party; skipped when ../shared is absent).

One batch, ingested twice with the real pipeline (`eventwire ingest`):

* idempotency: the row counts after the second run equal those after the first;
* storage cost: storage time as a share of extraction time (wall and CPU, from the
  ingest summary line);
* deduplication: the batch holds groups of articles published the same day on the same
  AllSides topic by at least three outlets (the same story told by left, centre and right
  outlets), filled up with other articles; we report mentions vs events and write every
  cross-article merge (or a sample of them) with its sentences, for checking by hand.

    python scripts/store_measure.py --articles 2000 --groups 40 --out /tmp/store-measure
    python scripts/store_measure.py --batch batch.jsonl --db run.db --workers 2   # given batch
    python scripts/store_measure.py --from-db run.db --out /tmp/x   # current dedup rule, no extraction

Each run reports the row counts of every table after it, its wall time and its CPU time
(the ingest process and its worker processes, from ``getrusage(RUSAGE_CHILDREN)``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from eventwire.store import open_store, table_counts

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "allsides_10k.jsonl.gz"
SUMMARY = re.compile(
    r"(\d+) documents stored, (\d+) already present; (\d+) event mentions -> (\d+) new events, "
    r"(\d+) merged; storage ([\d.]+) s of ([\d.]+) s \(([\d.]+)%; CPU ([\d.]+) s of ([\d.]+) s\)"
)


def pick_batch(path: Path, articles: int, groups: int, per_group: int) -> tuple[list[dict], int]:
    """Same-day same-topic groups of >= 3 outlets first, then other articles up to ``articles``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    by_story: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("published") and r.get("topic"):
            by_story[(r["published"], r["topic"])].append(r)
    chosen: list[dict] = []
    n_groups = 0
    for key in sorted(by_story):
        members, outlets = [], set()
        for r in by_story[key]:
            if r["source"] not in outlets:
                outlets.add(r["source"])
                members.append(r)
        if len(members) >= 3:
            chosen.extend(members[:per_group])
            n_groups += 1
        if n_groups >= groups:
            break
    taken = {r["id"] for r in chosen}
    for r in rows:
        if len(chosen) >= articles:
            break
        if r["id"] not in taken:
            chosen.append(r)
    return chosen[:articles], n_groups


def ingest(batch: Path, db: Path, workers: int) -> dict[str, float]:
    cmd = [
        sys.executable,
        "-m",
        "eventwire",
        "ingest",
        str(batch),
        "--db",
        str(db),
        "--no-progress",
    ]
    cmd += ["--workers", str(workers)]
    wall0, ru0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall, ru = time.perf_counter() - wall0, resource.getrusage(resource.RUSAGE_CHILDREN)
    m = SUMMARY.search(done.stderr)
    if m is None:
        raise RuntimeError(
            f"no summary from ingest (exit {done.returncode}):\n{done.stderr[-2000:]}"
        )
    keys = (
        "stored",
        "present",
        "mentions",
        "new_events",
        "merged",
        "store_s",
        "total_s",
        "share",
        "store_cpu",
        "total_cpu",
    )
    out = dict(zip(keys, map(float, m.groups()), strict=True))
    out["exit"] = done.returncode
    out["wall_s"] = round(wall, 1)
    out["cpu_s_all_processes"] = round(ru.ru_utime - ru0.ru_utime + ru.ru_stime - ru0.ru_stime, 1)
    with open_store(db) as st, st.read() as conn:
        out["counts_after"] = table_counts(conn)
    return out


def _batch_ids(path: Path | None) -> set[str]:
    if path is None:
        return set()
    with path.open(encoding="utf-8") as fh:
        return {json.loads(line)["id"] for line in fh if line.strip()}


def merge_report(
    db: Path, sample: int, seed: int, exclude: set[str] | None = None
) -> tuple[dict[str, int], str]:
    """Dedup figures of ``db`` and a random sample of its cross-article merges, with their
    sentences, for checking by hand. Events all of whose articles' ids are in ``exclude``
    (articles already looked at while designing the rule) stay out of the sample."""
    from eventwire.store import EventFilter, get_event, search_events
    from eventwire.store.tables import events

    exclude = exclude or set()
    with open_store(db) as st, st.read() as conn:
        counts = table_counts(conn)
        merged = [
            e
            for e in search_events(conn, EventFilter(min_mentions=2, limit=10_000))
            if e.num_articles >= 2
        ]
        stats = {
            **counts,
            "events_with_2plus_articles": len(merged),
            "events_with_2plus_sources": sum(e.num_sources >= 2 for e in merged),
            "mentions_in_cross_article_events": sum(e.num_mentions for e in merged),
        }
        random.Random(seed).shuffle(merged)
        terms = dict(conn.execute(select(events.c.id, events.c.story_terms)).all())
        lines: list[str] = []
        written = 0
        for ev in merged:
            if written >= sample:
                break
            full = get_event(conn, ev.id)
            assert full is not None and full.mentions is not None
            if exclude and all(m.document.doc_id in exclude for m in full.mentions):
                continue
            written += 1
            lines.append(
                f"## event {ev.id}: {ev.plover_type} {ev.cameo or ''} {ev.source.name} -> {ev.target.name} "
                f"date {ev.date} ({ev.date_precision}) at {ev.location.name if ev.location else '-'}; "
                f"{ev.num_mentions} mentions, {ev.num_articles} articles, {ev.num_sources} outlets"
            )
            lines.append(f"anchor story terms: {' '.join(terms.get(ev.id) or [])}")
            for m in full.mentions:
                lines.append(
                    f"- [{m.document.source} {m.document.published} {m.document.doc_id}] "
                    f"{m.excerpt}"
                )
            lines.append("verdict: ")
            lines.append("")
    return stats, "\n".join(lines)


def rebuild(src: Path, dst: Path) -> dict[str, float]:
    """Store the records of ``src`` again into a new ``dst`` (current dedup rule, no
    extraction); returns the number of documents and the seconds (wall, CPU) spent writing."""
    from eventwire.store import StoreWriter, get_document
    from eventwire.store.tables import documents

    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    with open_store(src) as a, open_store(dst) as b, a.read() as conn:
        ids = list(conn.execute(select(documents.c.id).order_by(documents.c.id)).scalars())
        records = [get_document(conn, i) for i in ids]
        writer = StoreWriter(b)
        start, cpu = time.perf_counter(), time.process_time()
        for rec in records:
            writer.add(rec)  # type: ignore[arg-type]
        return {
            "documents": len(ids),
            "write_seconds": round(time.perf_counter() - start, 2),
            "write_cpu_seconds": round(time.process_time() - cpu, 2),
        }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--groups", type=int, default=40, help="same-day same-topic groups to include")
    ap.add_argument("--per-group", type=int, default=4)
    ap.add_argument("--sample", type=int, default=30, help="merged events written for checking")
    ap.add_argument("--out", type=Path, default=Path("/tmp/eventwire-store-measure"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--workers",
        type=int,
        default=1,
        help="extraction processes (1: extraction and storage CPU are both in the measured process)",
    )
    ap.add_argument(
        "--from-db",
        type=Path,
        help="no extraction: re-store this database's records and report dedup",
    )
    ap.add_argument("--batch", type=Path, help="ingest this JSONL batch instead of picking one")
    ap.add_argument("--db", type=Path, help="database file (default: OUT/measure.db)")
    ap.add_argument(
        "--exclude-batch",
        type=Path,
        help="JSONL batch whose articles were used to design the rule: merges among only "
        "these articles stay out of the hand-check sample",
    )
    args = ap.parse_args()
    exclude = _batch_ids(args.exclude_batch)
    if args.from_db:
        args.out.mkdir(parents=True, exist_ok=True)
        rebuilt = args.out / "rebuilt.db"
        timing = rebuild(args.from_db, rebuilt)
        stats, report = merge_report(rebuilt, args.sample, args.seed, exclude)
        (args.out / "merges-rebuilt.md").write_text(report, encoding="utf-8")
        print(json.dumps({"rebuild": timing, "dedup": stats}, indent=1))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    if args.batch:
        batch_path, n_groups = args.batch, None
        batch = [line for line in batch_path.open(encoding="utf-8") if line.strip()]
    elif not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent", file=sys.stderr)
        return 0
    else:
        batch, n_groups = pick_batch(CORPUS, args.articles, args.groups, args.per_group)
        batch_path = args.out / "batch.jsonl"
        with batch_path.open("w", encoding="utf-8") as fh:
            for r in batch:
                fh.write(json.dumps(r) + "\n")
    db = args.db or args.out / "measure.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    first = ingest(batch_path, db, args.workers)
    counts1 = first["counts_after"]
    second = ingest(batch_path, db, args.workers)
    counts2 = second["counts_after"]
    stats, report = merge_report(db, args.sample, args.seed, exclude)
    (args.out / "merges.md").write_text(report, encoding="utf-8")
    extraction_s = first["total_s"] - first["store_s"]
    extraction_cpu = first["total_cpu"] - first["store_cpu"]
    result = {
        "articles": len(batch),
        "story_groups": n_groups,
        "first_run": first,
        "second_run": second,
        "counts_first": counts1,
        "counts_second": counts2,
        "same_counts": counts1 == counts2,
        "storage_share_of_extraction_wall": round(first["store_s"] / extraction_s, 4)
        if extraction_s
        else None,
        "storage_share_of_extraction_cpu": round(first["store_cpu"] / extraction_cpu, 4)
        if extraction_cpu
        else None,
        "dedup": stats,
        "merge_sample": str(args.out / "merges.md"),
    }
    print(json.dumps(result, indent=1))
    return 0 if result["same_counts"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
