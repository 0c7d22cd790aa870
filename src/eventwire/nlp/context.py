"""The per-document context that stages read and fill."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from ..ingest.cleanup import OffsetMap, TweetEmbed
from ..ingest.document import RawDocument
from ..schema import Actor, DocumentRecord, Event, Place, Quote, TimeExpr, Tone
from ..settings import Settings

T = TypeVar("T")


class Resources:
    """Lexicons, gazetteers and other loaded data, built once per pipeline and shared by stages.

    Stages ask for a resource by key with a factory; tests inject ready-made ones.
    """

    def __init__(self, settings: Settings, preset: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self._cache: dict[str, Any] = dict(preset or {})

    def get(self, key: str, factory: Callable[[], T]) -> T:
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]


@dataclass
class DocContext:
    """One document under extraction.

    ``doc`` is the spaCy parse of the normalized working copy ``work``. Stages locate things in
    working-copy offsets and store spans in original offsets via :meth:`span` / :meth:`char_span`.
    """

    raw: RawDocument
    work: str
    omap: OffsetMap
    doc: Doc
    resources: Resources
    tweets: list[TweetEmbed] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tone: Tone | None = None
    scratch: dict[str, Any] = field(default_factory=dict)
    _ids: Counter = field(default_factory=Counter)
    _sent_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sent_starts = [s.start_char for s in self.doc.sents]

    # -- offsets -------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The text as given (what the record carries)."""
        return self.raw.text

    @property
    def published(self) -> dt.date | None:
        return self.raw.published

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a working-copy character span."""
        return self.omap.span(start, end)

    def char_span(self, item: Span | Token) -> tuple[int, int]:
        """Original ``[start, end)`` of a spaCy token or span."""
        if isinstance(item, Token):
            return self.omap.span(item.idx, item.idx + len(item.text))
        return self.omap.span(item.start_char, item.end_char)

    def original(self, item: Span | Token) -> str:
        """The original text under a token or span."""
        s, e = self.char_span(item)
        return self.raw.text[s:e]

    def sentence_of(self, work_char: int) -> int:
        """Index of the sentence holding working-copy offset ``work_char``."""
        return max(0, bisect.bisect_right(self._sent_starts, work_char) - 1)

    def work_offset(self, orig: int) -> int:
        """Working-copy offset of original offset ``orig`` (the map is monotonic)."""
        return bisect.bisect_left(self.omap.to_orig, orig)

    def sentence_of_original(self, orig: int) -> int:
        """Index of the sentence holding original offset ``orig``."""
        return self.sentence_of(self.work_offset(orig))

    def next_id(self, prefix: str) -> str:
        self._ids[prefix] += 1
        return f"{prefix}{self._ids[prefix]}"

    # -- result ----------------------------------------------------------------------------------
    def to_record(self, model: str | None = None) -> DocumentRecord:
        raw = self.raw
        return DocumentRecord(
            id=raw.id,
            url=raw.url,
            source=raw.source,
            title=raw.title,
            author=raw.author,
            published=raw.published,
            language=raw.language or "en",
            text=raw.text,
            actors=self.actors,
            events=sorted(self.events, key=lambda e: e.trigger.span),
            quotes=sorted(self.quotes, key=lambda q: q.span),
            times=sorted(self.times, key=lambda t: t.span),
            places=sorted(self.places, key=lambda p: p.span),
            tone=self.tone,
            origin=raw.origin,
            model=model,
        )
