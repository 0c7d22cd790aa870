"""Which articles a benchmark runs on: the shared corpus when present, else the bundled set."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from importlib import resources
from itertools import islice
from pathlib import Path

from ..ingest import RawDocument, read_inputs
from ..settings import Settings

log = logging.getLogger(__name__)

CORPUS_RELPATH = Path("shared") / "corpus" / "allsides_10k.jsonl.gz"
BUNDLED_NAME = "synthetic.jsonl.gz"


def bundled_set() -> Path:
    """Path of the bundled synthetic benchmark set (see :mod:`eventwire.bench.synthetic`)."""
    return Path(str(resources.files("eventwire") / "data" / "bench" / BUNDLED_NAME))


def default_input(cwd: Path | None = None) -> Path:
    """``../shared/corpus/allsides_10k.jsonl.gz`` (from ``cwd``, then from the package's
    checkout), or the bundled synthetic set when the corpus is absent."""
    starts = [Path(cwd or Path.cwd()).resolve(), *Path(__file__).resolve().parents]
    for start in starts:
        cand = start.parent / CORPUS_RELPATH
        if cand.is_file():
            return cand
    log.info("shared corpus not found; using the bundled synthetic set")
    return bundled_set()


def load_articles(path: Path, limit: int | None, settings: Settings) -> list[RawDocument]:
    """Up to ``limit`` readable documents from ``path`` (rejected inputs are skipped)."""
    docs = (item for item in read_inputs([str(path)], settings) if isinstance(item, RawDocument))
    return list(islice(docs, limit) if limit is not None else docs)


def repeat_to(docs: list[RawDocument], count: int) -> Iterator[RawDocument]:
    """``count`` documents cycling over ``docs`` (ids made unique per pass)."""
    for n in range(count):
        doc = docs[n % len(docs)]
        if n < len(docs):
            yield doc
        else:
            yield RawDocument(
                id=f"{doc.id}~{n // len(docs)}",
                text=doc.text,
                origin=doc.origin,
                title=doc.title,
                published=doc.published,
                source=doc.source,
            )
