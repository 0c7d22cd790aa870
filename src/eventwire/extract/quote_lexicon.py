"""The reporting-cue lexicon and the medium words (``data/quotes/``), loaded and validated once."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from ..errors import ResourceError

CLASSES = frozenset(
    {
        "speech",
        "written",
        "belief",
        "request",
        "evaluation",
        "finding",
        "intention",
        "desire",
        "stance",
    }
)
#: classes whose cue counts only with an explicit subject ("Polls show …", not "showing …")
SUBJECT_CLASSES = frozenset({"belief", "evaluation", "finding", "intention", "desire", "stance"})
#: classes whose subject must be able to hold an attitude (a person, group, organization)
SPEAKER_CLASSES = frozenset({"intention", "desire", "stance"})
FRAMES = frozenset({"ccomp", "quote", "xcomp", "dobj", "oprd", "colon", "if", "as"})
NOMINAL_FRAMES = frozenset({"that", "to"})
RESOURCE_KEY = "quotes.lexicon"


@dataclass(frozen=True)
class Cue:
    """One reporting verb: its lemma, optional particle, class and content frames."""

    lemma: str
    particle: str | None
    cls: str
    frames: frozenset[str]
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NominalCue:
    """One reporting noun: its lemma, class, clause frames (``that``, ``to``) and prepositions."""

    lemma: str
    cls: str
    frames: frozenset[str]
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuoteLexicon:
    """Reporting cues by lemma, medium words and speaker head nouns by lower-case word."""

    cues: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)
    speaker_nouns: dict[str, str] = field(default_factory=dict)
    nominal: dict[str, NominalCue] = field(default_factory=dict)
    adjectives: dict[str, NominalCue] = field(default_factory=dict)

    def cue_for(self, lemma: str, particles: set[str]) -> Cue | None:
        """The entry for a verb lemma with the particles it carries (particle entries first)."""
        entries = self.cues.get(lemma)
        if not entries:
            return None
        for cue in entries:
            if cue.particle is not None and cue.particle in particles:
                return cue
        return next((c for c in entries if c.particle is None), None)


def read_rows(name: str) -> list[tuple[int, list[str]]]:
    """The (line number, tab-separated columns) rows of a ``data/quotes`` file, without blank
    and ``#`` comment lines."""
    text = resources.files("eventwire.data").joinpath("quotes").joinpath(name).read_text("utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            out.append((n, line.rstrip("\n").split("\t")))
    return out


def _parse_row(
    cols: list[str], where: str, allowed: frozenset[str], expected: str
) -> tuple[str, str, frozenset[str], frozenset[str]]:
    """The words, class, frames and prepositions (``prep:WORD``) of one
    ``words<TAB>class<TAB>frames`` row, frames checked against ``allowed`` (``expected``
    says which in the error); ResourceError if malformed."""
    if len(cols) != 3:
        raise ResourceError(f"{where}: expected 3 tab-separated columns, got {len(cols)}: {cols}")
    words, cls, frames_text = (c.strip() for c in cols)
    if cls not in CLASSES:
        raise ResourceError(f"{where}: unknown class {cls!r}; expected one of {sorted(CLASSES)}")
    frames, preps = set(), set()
    for frame in filter(None, (f.strip() for f in frames_text.split(","))):
        if frame.startswith("prep:"):
            preps.add(frame[5:])
        elif frame in allowed:
            frames.add(frame)
        else:
            raise ResourceError(f"{where}: unknown frame {frame!r}; expected {expected}")
    return words, cls, frozenset(frames), frozenset(preps)


def parse_cue_row(cols: list[str], where: str = "cues.tsv") -> Cue:
    """One ``lemma[ particle]<TAB>class<TAB>frames`` row as a :class:`Cue`; ResourceError if
    malformed."""
    words, cls, frames, preps = _parse_row(cols, where, FRAMES, str(sorted(FRAMES)))
    lemma, _, particle = words.partition(" ")
    return Cue(lemma, particle or None, cls, frames, preps)


def parse_nominal_row(cols: list[str], where: str = "nominal_cues.tsv") -> NominalCue:
    """One ``lemma<TAB>class<TAB>frames`` row of nominal or adjective cues; ResourceError if
    malformed."""
    lemma, cls, frames, preps = _parse_row(cols, where, NOMINAL_FRAMES, "that, to or prep:WORD")
    return NominalCue(lemma, cls, frames, preps)


def _nominal_table(name: str) -> dict[str, NominalCue]:
    """A nominal or adjective cue file as lemma -> cue (a later row wins)."""
    cues = (parse_nominal_row(cols, f"{name}:{n}") for n, cols in read_rows(name))
    return {cue.lemma: cue for cue in cues}


def load_lexicon() -> QuoteLexicon:
    """Read the cue, nominal cue, medium and speaker noun lists from the package data."""
    cues: dict[str, list[Cue]] = {}
    for n, cols in read_rows("cues.tsv"):
        cue = parse_cue_row(cols, f"cues.tsv:{n}")
        cues.setdefault(cue.lemma, []).append(cue)
    media = {}
    for n, cols in read_rows("media.tsv"):
        if len(cols) != 2:
            raise ResourceError(f"media.tsv:{n}: expected word<TAB>medium, got {cols}")
        media[cols[0].strip().lower()] = cols[1].strip()
    nouns = {}
    for n, cols in read_rows("speaker_nouns.tsv"):
        if len(cols) != 2 or cols[1].strip() not in ("PERSON", "ORG"):
            raise ResourceError(f"speaker_nouns.tsv:{n}: expected word<TAB>PERSON|ORG, got {cols}")
        nouns[cols[0].strip().lower()] = cols[1].strip()
    return QuoteLexicon(
        {k: tuple(v) for k, v in cues.items()},
        media,
        nouns,
        _nominal_table("nominal_cues.tsv"),
        _nominal_table("adjective_cues.tsv"),
    )
