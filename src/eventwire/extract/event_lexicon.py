"""The event trigger lexicon: verbs, multiword verbs, event nouns and adjectives -> CAMEO/PLOVER.

The lexicon is data (``data/events/triggers.yaml``, format in ``data/events/README.md``). This
module loads and validates it and indexes every pattern by its head lemma, so that matching a
token costs one dictionary look-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import yaml

from ..errors import ResourceError
from ..resolve.cameo import Codebook

LEXICON_FILE = "events/triggers.yaml"

Pos = Literal["verb", "noun", "adj"]
FRAMES = frozenset(
    {"report", "intent", "request", "demand", "reject", "threat", "accuse", "deny", "cause"}
)
REQUIREMENTS = frozenset({"object", "subject", "xcomp", "ccomp", "actor_mod"})
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry (shared by all its patterns)."""

    id: str
    cameo: str | None
    plover: dict[str, Any] | None = None
    frame: str | None = None
    weak: bool = False
    standalone: bool = True
    role: str | None = None
    poss_is_target: bool = False
    requires: tuple[str, ...] = ()
    preps: frozenset[str] = frozenset()
    with_any: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    source_sector: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    priority: int = 0
    confidence: float = 0.7


@dataclass(frozen=True)
class Pattern:
    """A phrase of an entry: the head lemma plus the other words that must be dependents."""

    entry: Entry
    pos: Pos
    head: str
    others: tuple[frozenset[str], ...]
    text: str

    @property
    def specificity(self) -> int:
        e = self.entry
        n_constraints = len(e.requires) + bool(e.preps) + bool(e.with_any) + bool(e.source_sector)
        return 10 * len(self.others) + n_constraints + e.priority


@dataclass(frozen=True)
class Lexicon:
    """Patterns by (part of speech, head lemma), most specific first, plus the recode tables."""

    index: dict[tuple[Pos, str], tuple[Pattern, ...]]
    recode: dict[str, dict[str, str]]
    entries: tuple[Entry, ...] = field(default_factory=tuple)
    light_verbs: frozenset[str] = frozenset()
    casualty_words: frozenset[str] = frozenset()
    control_verbs: frozenset[str] = frozenset()
    obligation: dict[str, str] = field(default_factory=dict)

    def candidates(self, pos: Pos, lemma: str) -> tuple[Pattern, ...]:
        return self.index.get((pos, lemma), ())

    def recode_code(self, family: str, code: str) -> str | None:
        """The code a frame of ``family`` gives to an embedded event coded ``code``."""
        table = self.recode.get(family, {})
        for n in (4, 3, 2):
            if len(code) >= n and code[:n] in table:
                return table[code[:n]]
        return None


def _words(phrase: str, pos: Pos) -> tuple[str, list[frozenset[str]]] | None:
    """Split a phrase into (head alternatives joined by '|', other words)."""
    words = phrase.lower().split()
    if not words:
        return None
    marked = [i for i, w in enumerate(words) if w.startswith("^")]
    if marked:
        h = marked[0]
    elif pos == "noun":
        # "release of prisoner": the head comes before "of"
        h = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    else:
        h = 0
    head = ""
    others: list[frozenset[str]] = []
    for i, word in enumerate(words):
        word = word.lstrip("^")
        # spaCy splits hyphenated words: "cease-fire" is matched as "fire" with "cease" nearby.
        pieces = [word] if "|" in word else [p for p in word.split("-") if p]
        if i == h:
            head = pieces[-1]
            pieces = pieces[:-1]
        others.extend(frozenset(p.split("|")) for p in pieces)
    return (head, others) if head else None


def _lemmas(eid: str, words: list[Any]) -> frozenset[str]:
    # YAML reads a bare on/off/yes/no as a boolean: insist on strings.
    if any(not isinstance(w, str) for w in words):
        raise ResourceError(f"trigger lexicon: {eid}: non-string word in {words} (quote it)")
    return frozenset(w.lower() for w in words)


def _entry(raw: dict[str, Any], defaults: dict[str, Any], codebook: Codebook) -> Entry:
    eid = raw.get("id")
    if not eid:
        raise ResourceError(f"trigger lexicon: entry without id: {raw}")
    cameo = raw.get("cameo")
    if cameo is not None and str(cameo) not in codebook:
        raise ResourceError(f"trigger lexicon: {eid}: unknown CAMEO code {cameo!r}")
    frame = raw.get("frame")
    if frame is not None and frame not in FRAMES:
        raise ResourceError(f"trigger lexicon: {eid}: unknown frame {frame!r}")
    plover = raw.get("plover")
    if plover is not None and plover.get("type") not in PLOVER_TYPES:
        raise ResourceError(f"trigger lexicon: {eid}: unknown PLOVER type in {plover}")
    requires, preps = [], set()
    for req in raw.get("requires", []):
        if req.startswith("prep:"):
            preps.update(req[5:].split("|"))
        elif req in REQUIREMENTS:
            requires.append(req)
        else:
            raise ResourceError(f"trigger lexicon: {eid}: unknown requirement {req!r}")
    confidence = float(raw.get("confidence", defaults.get("confidence", 0.7)))
    if not 0.0 <= confidence <= 1.0:
        raise ResourceError(f"trigger lexicon: {eid}: confidence outside [0, 1]")
    return Entry(
        id=str(eid),
        cameo=str(cameo) if cameo is not None else None,
        plover=dict(plover) if plover else None,
        frame=frame,
        weak=bool(raw.get("weak", False)),
        standalone=bool(raw.get("standalone", True)),
        role=raw.get("role"),
        poss_is_target=bool(raw.get("poss_is_target", False)),
        requires=tuple(requires),
        preps=frozenset(preps),
        with_any=_lemmas(eid, raw.get("with_any", [])),
        without=_lemmas(eid, raw.get("without", [])),
        source_sector=frozenset(raw.get("source_sector", [])),
        target_preps=_lemmas(eid, raw.get("target_preps", defaults.get("target_preps", []))),
        priority=int(raw.get("priority", 0)),
        confidence=confidence,
    )


def parse_lexicon(data: dict[str, Any], codebook: Codebook) -> Lexicon:
    """Build the indexed lexicon from the parsed YAML document; validates codes and keys."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ResourceError("trigger lexicon: expected a mapping with an 'entries' list")
    defaults = data.get("defaults", {}) or {}
    recode = {k: {str(a): str(b) for a, b in v.items()} for k, v in data.get("recode", {}).items()}
    for family, table in recode.items():
        bad = [c for c in table.values() if c not in codebook]
        if bad:
            raise ResourceError(f"trigger lexicon: recode {family}: unknown codes {bad}")
    index: dict[tuple[Pos, str], list[Pattern]] = {}
    entries: list[Entry] = []
    seen: set[str] = set()
    keys: tuple[tuple[str, Pos], ...] = (
        ("verbs", "verb"),
        ("nouns", "noun"),
        ("adjectives", "adj"),
    )
    for raw in data["entries"]:
        entry = _entry(raw, defaults, codebook)
        if entry.id in seen:
            raise ResourceError(f"trigger lexicon: duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
        for key, pos in keys:
            for phrase in raw.get(key, []) or []:
                split = _words(str(phrase), pos)
                if split is None:
                    continue
                heads, others = split
                for head in heads.split("|"):
                    pat = Pattern(entry, pos, head, tuple(others), str(phrase))
                    index.setdefault((pos, head), []).append(pat)
    frozen = {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()}
    return Lexicon(
        index=frozen,
        recode=recode,
        entries=tuple(entries),
        light_verbs=_lemmas("light_verbs", data.get("light_verbs", [])),
        casualty_words=_lemmas("casualty_words", data.get("casualty_words", [])),
        control_verbs=_lemmas("control_verbs", data.get("control_verbs", [])),
        obligation={str(k): str(v) for k, v in (data.get("obligation") or {}).items()},
    )


def load_lexicon(codebook: Codebook) -> Lexicon:
    """The trigger lexicon shipped with eventwire."""
    text = resources.files("eventwire.data").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text), codebook)
