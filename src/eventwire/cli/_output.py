"""Writing records: JSONL (one whole line per write) and a readable terminal table."""

from __future__ import annotations

import os
import sys
from typing import IO

from rich.console import Console
from rich.table import Table

from ..schema import DocumentRecord


class JsonlWriter:
    """Appends one JSON line per record with a single ``write`` call, so that an interrupted
    run never leaves a half-written line behind a complete one."""

    def __init__(self, path: str | None) -> None:
        if path and path != "-":
            self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            self._own = True
        else:
            sys.stdout.flush()
            self._fd = sys.stdout.fileno()
            self._own = False

    def write(self, record: DocumentRecord) -> None:
        data = (record.model_dump_json() + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]

    def close(self) -> None:
        if self._own:
            os.close(self._fd)


def _actor_label(refs) -> str:
    return (
        "; ".join(
            f"{r.name} ({'/'.join(x for x in (r.country, r.sector) if x) or '?'})" for r in refs
        )
        or "-"
    )


def print_table(record: DocumentRecord, out: IO[str] | None = None) -> None:
    """A readable summary of one record: actors, events, quotes, dates and places."""
    console = Console(file=out or sys.stdout, width=140, highlight=False)
    head = record.title or record.id
    console.rule(f"[bold]{head}[/bold]  published {record.published or 'unknown'}")
    t = Table(title="Actors", show_lines=False, title_justify="left")
    for col in ("id", "name", "type", "country", "sector", "code", "title", "mentions"):
        t.add_column(col)
    for a in record.actors:
        mentions = ", ".join(sorted({m.text for m in a.mentions}))
        t.add_row(
            a.id,
            a.name,
            a.type,
            a.country or "",
            a.sector or "",
            a.code or "",
            a.title or "",
            mentions,
        )
    console.print(t)
    if record.events:
        t = Table(title="Events", title_justify="left")
        for col in ("source", "trigger", "target", "CAMEO", "PLOVER", "date", "where", "flags"):
            t.add_column(col)
        for e in record.events:
            flags = ",".join(
                f for f in ("negated", "hypothetical", "future", "historical") if getattr(e, f)
            )
            plover = (
                f"{e.plover.type}/{e.plover.mode}"
                if e.plover and e.plover.mode
                else (e.plover.type if e.plover else "")
            )
            t.add_row(
                _actor_label(e.source),
                e.trigger.text,
                _actor_label(e.target),
                e.cameo or "",
                plover,
                e.date or "",
                e.location.name if e.location else "",
                flags,
            )
        console.print(t)
    if record.quotes:
        t = Table(title="Quotes", title_justify="left")
        for col in ("speaker", "cue", "kind", "medium", "text"):
            t.add_column(col)
        for q in record.quotes:
            text = q.text if len(q.text) < 110 else q.text[:107] + "..."
            t.add_row(q.speaker or "?", q.cue or "", q.kind, q.medium or "", text)
        console.print(t)
    if record.times:
        t = Table(title="Dates", title_justify="left")
        for col in ("text", "type", "value"):
            t.add_column(col)
        for x in record.times:
            t.add_row(x.text, x.type, x.value)
        console.print(t)
    if record.places:
        t = Table(title="Places", title_justify="left")
        for col in ("text", "form", "name", "country", "geonameid", "lat", "lon"):
            t.add_column(col)
        for p in record.places:
            t.add_row(
                p.text,
                p.form,
                p.name or "",
                p.country or "",
                str(p.geonameid or ""),
                f"{p.lat:.2f}" if p.lat is not None else "",
                f"{p.lon:.2f}" if p.lon is not None else "",
            )
        console.print(t)
    if record.tone:
        console.print(
            f"Tone {record.tone.tone:+.2f} (positive {record.tone.positive:.2f}%, "
            f"negative {record.tone.negative:.2f}%)"
        )
