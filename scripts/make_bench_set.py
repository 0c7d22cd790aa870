"""Regenerate the bundled synthetic benchmark set (src/eventwire/data/bench/synthetic.jsonl.gz)."""

from pathlib import Path

from eventwire.bench.synthetic import write_articles

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "bench"
    write_articles(out / "synthetic.jsonl.gz")
