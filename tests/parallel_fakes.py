"""A model-free stand-in for the pipeline, for tests of process pools and Dask runs.

Lives in its own module so that spawned worker processes can import it by name.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator

from eventwire.ingest import RawDocument
from eventwire.schema import DocumentRecord, Rejection
from eventwire.settings import Settings


class EchoProcessor:
    """Turns each raw document into a record whose ``model`` names the worker's pid and
    how many times that worker built its processor."""

    def __init__(self, builds: int) -> None:
        self.builds = builds

    def process(self, items: Iterable[RawDocument | Rejection]) -> Iterator:
        for item in items:
            if isinstance(item, Rejection):
                yield item
            elif item.text == "CRASH":
                yield Rejection(document=item.origin, reason="boom", code="E201", stage="extract")
            else:
                yield DocumentRecord(
                    id=item.id,
                    text=item.text.upper(),
                    origin=item.origin,
                    model=f"{os.getpid()}:{self.builds}",
                )


# Builds in this process (spawned workers import this module afresh: one count each).
_BUILDS = itertools.count(1)


def echo_factory(settings: Settings) -> EchoProcessor:
    """A new processor, numbered by how many this process has built."""
    return EchoProcessor(next(_BUILDS))


def raw_items(n: int) -> list[RawDocument | Rejection]:
    """``n`` items: raw documents with a rejection every seventh place."""
    out: list[RawDocument | Rejection] = []
    for i in range(n):
        if i % 7 == 3:
            out.append(Rejection(document=f"doc{i}", reason="empty", code="E101"))
        else:
            out.append(RawDocument(id=f"d{i}", text=f"text number {i}", origin=f"doc{i}"))
    return out


def ident(result: DocumentRecord | Rejection) -> str:
    return result.document if isinstance(result, Rejection) else result.origin or ""
