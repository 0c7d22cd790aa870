"""Load test of the events query: ``eventwire serve`` on loopback over a database of ≥ 10,000
synthetic events; reports requests/s and latency percentiles, and fails on any error.

    python scripts/loadtest_api.py --events 10000 --requests 3000 --concurrency 8 --max-seconds 120

The database is built (once; reused if present) from generated DocumentRecords written with
the store's writer. The server runs as a separate process (``python -m eventwire serve``), the
client is httpx in a thread pool; traffic goes to 127.0.0.1 only. The run stops after
``--requests`` requests or ``--max-seconds``, whichever comes first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from eventwire.schema import ActorRef, DocumentRecord, Event, PlaceRef, Plover, Trigger
from eventwire.store import DedupParams, StoreWriter, open_store, table_counts

COUNTRIES = [("KEN", -1.28, 36.82, "Nairobi"), ("MLI", 12.65, -8.0, "Bamako"),
             ("FRA", 48.85, 2.35, "Paris"), ("JPN", 35.69, 139.69, "Tokyo"),
             ("IND", 28.61, 77.21, "New Delhi"), ("BRA", -15.79, -47.88, "Brasilia"),
             ("USA", 38.9, -77.04, "Washington"), ("EGY", 30.04, 31.24, "Cairo")]  # fmt: skip
TYPES = [("CONSULT", "040", 1.0, 1), ("AID", "070", 7.0, 2), ("ACCUSE", "111", -2.0, 3),
         ("PROTEST", "141", -6.5, 3), ("ASSAULT", "190", -10.0, 4), ("COOPERATE", "057", 8.0, 2)]  # fmt: skip
SECTORS = ["GOV", "MIL", "OPP", "BUS", "CVL"]
EVENTS_PER_DOC = 5


def synthetic_record(n: int, rng: random.Random) -> DocumentRecord:
    """An invented article with ``EVENTS_PER_DOC`` coded events (no text analysis needed)."""
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(500))
    sentences, events = [], []
    for k in range(EVENTS_PER_DOC):
        (sc, slat, slon, scap), (tc, *_rest) = rng.sample(COUNTRIES, 2)
        ptype, cameo, gs, quad = rng.choice(TYPES)
        src, tgt = f"{scap} official {rng.randrange(300)}", f"{tc} delegation {rng.randrange(300)}"
        sentence = f"{src} had a {ptype.lower()} event with {tgt} in {scap}. "
        offset = sum(len(s) for s in sentences)
        trig = offset + sentence.index(ptype.lower())
        sentences.append(sentence)
        events.append(
            Event(
                id=f"E{k + 1}", cameo=cameo, goldstein=gs, quad_class=quad,
                plover=Plover(type=ptype),
                source=[ActorRef(name=src, country=sc, sector=rng.choice(SECTORS))],
                target=[ActorRef(name=tgt, country=tc, sector=rng.choice(SECTORS))],
                trigger=Trigger(text=ptype.lower(), span=(trig, trig + len(ptype))),
                sentence=k, date=(day - dt.timedelta(days=k)).isoformat(), date_source="text",
                location=PlaceRef(name=scap, lat=slat, lon=slon, country=sc), confidence=0.7,
            )
        )  # fmt: skip
    return DocumentRecord(
        id=f"synthetic-{n}", url=f"https://synthetic.example.org/{n}", source=f"Wire {n % 7}",
        title=f"Synthetic report {n}", published=day, text="".join(sentences), events=events,
    )  # fmt: skip


def build_db(path: Path, n_events: int, seed: int = 11) -> dict[str, int]:
    store = open_store(path)
    with store.read() as conn:
        have = table_counts(conn)["events"]
    if have < n_events:
        rng = random.Random(seed)
        writer = StoreWriter(store, DedupParams(enabled=False))  # every mention its own event
        docs = (n_events - have + EVENTS_PER_DOC - 1) // EVENTS_PER_DOC
        start = have // EVENTS_PER_DOC
        t0 = time.perf_counter()
        for n in range(start, start + docs):
            writer.add(synthetic_record(n, rng))
        print(f"built {docs} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    with store.read() as conn:
        counts = table_counts(conn)
    store.close()
    return counts


def queries(rng: random.Random) -> list[tuple[str, dict]]:
    """The events queries of the mix: no filter, filters of each kind, deep pages, full text."""
    c = rng.choice(COUNTRIES)[0]
    t = rng.choice(TYPES)[0]
    return [
        ("all", {}),
        ("country", {"country": c}),
        ("type+country", {"type": t, "country": c}),
        ("dates", {"since": "2023-06-01", "until": "2023-06-30"}),
        ("actor", {"actor": f"official {rng.randrange(300)}"}),
        ("page 20", {"offset": 1000, "limit": 50}),
        ("cameo", {"cameo": "19"}),
        ("text", {"text": "protest"}),
    ]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up")


def pct(values: list[float], p: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[p - 1]
        if len(values) > 1
        else values[0]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="database file (default: a temporary one)")
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=3000, help="stop after this many requests")
    ap.add_argument("--max-seconds", type=float, default=120, help="stop after this long")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--json", help="write the summary here too")
    args = ap.parse_args(argv)

    db = Path(args.db or Path(tempfile.mkdtemp(prefix="eventwire-load-")) / "load.db")
    counts = build_db(db, args.events)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_API_KEY"}
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
        env=env, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(base + "/health")
        rng = random.Random(5)
        latencies: dict[str, list[float]] = {}
        errors: list[str] = []
        deadline = time.monotonic() + args.max_seconds
        with httpx.Client(
            base_url=base, timeout=30, limits=httpx.Limits(max_connections=args.concurrency)
        ) as client:

            def one(i: int) -> None:
                if time.monotonic() > deadline:
                    return
                name, params = queries(random.Random(i))[i % 8]
                t0 = time.perf_counter()
                try:
                    r = client.get("/events", params={"limit": 50, **params})
                    ok = r.status_code == 200 and "items" in r.json()
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                latencies.setdefault(name, []).append(time.perf_counter() - t0)
                if not ok:
                    errors.append(f"{name}: {r}")

            rng.random()
            t_start = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                list(pool.map(one, range(args.requests)))
            wall = time.perf_counter() - t_start
    finally:
        server.terminate()
        server.wait(timeout=20)
    every = [x for v in latencies.values() for x in v]
    summary = {
        "events_in_db": counts["events"],
        "documents_in_db": counts["documents"],
        "requests": len(every),
        "errors": len(errors),
        "concurrency": args.concurrency,
        "seconds": round(wall, 2),
        "requests_per_s": round(len(every) / wall, 1),
        "p50_ms": round(pct(every, 50) * 1000, 1),
        "p95_ms": round(pct(every, 95) * 1000, 1),
        "per_query_p95_ms": {k: round(pct(v, 95) * 1000, 1) for k, v in sorted(latencies.items())},
    }
    out = json.dumps(summary, indent=1)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n", encoding="utf-8")
    if errors:
        print("errors:", *errors[:10], sep="\n  ", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
