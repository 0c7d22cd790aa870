"""Toponym detection: which spans of a parsed document name places.

Four sources, merged without overlaps (earlier wins):

1. NER entities labelled GPE, LOC or FAC, trimmed of a leading article and a possessive;
2. places inside names: the gazetteer name that opens an ORG or FAC entity
   ("Aleppo University" -> Aleppo) or a possessive before one ("Baghdad's airport");
3. gazetteer lexicon matches NER missed: capitalized token runs that are country, division,
   region or large-town names, unless they are part of a person's name, a common word, or
   sentence-initial and unsure;
4. smaller towns NER missed or mislabelled ("clashes near Moyale" tagged a PRODUCT): a proper
   noun that is the object of a locative preposition ("near", "outside", "in"), spelled as
   the main name of a gazetteer town or division in a country the document's other places
   or demonyms already name (a "Pack" in Austria is no place in a Nebraska story).

Names found once are then found everywhere in the document, and one-word names that are the
surname of a person named in full ("according to Carney" after "Jay Carney") are dropped unless
they are a country, division, capital or large town.

Demonyms ("Iraqi") are not toponyms: they are returned separately as country evidence (the
places stage reports them as places of ``form="demonym"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer
from .names import normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
HOST_LABELS = {"ORG", "FAC"}
#: entity labels a lexicon match may not cut into
BLOCKING_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "LANGUAGE"}
MAX_WORDS = 5
#: last words of names that are places themselves ("Rapides Parish", "Clay County")
DIVISION_WORDS = {"county", "parish", "township", "borough", "city", "province", "district"}
#: prepositions whose proper-noun object is a place ("near Moyale", "outside Garissa")
LOCATIVE_PREPS = {"in", "near", "outside", "around", "at", "into", "to", "from", "towards"}
#: entity labels the small model gives to unknown place names it should have called GPE
MISLABELS = {"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
#: a state or province abbreviation after "Town, " ("Alexandria, La.", "Reno, NV")
_PARENT_ABBR = re.compile(r",[ \t]*((?:[A-Z][a-z]{0,3}\.(?:[ ]?[A-Z][a-z]?\.)?)|[A-Z]{2}\b)")


@dataclass(frozen=True)
class Toponym:
    """A place name found in the working text (``start``/``end`` are working-copy offsets)."""

    start: int
    end: int
    text: str
    source: str  # "ner", "embedded" or "lexicon"
    label: str = "GPE"


@dataclass(frozen=True)
class Demonym:
    start: int
    end: int
    text: str
    country: str  # ISO alpha-3


def _trim(span: Span) -> Span | None:
    """``span`` without a leading article/punctuation and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        if doc[end - 1].text in {".", ")"} and doc[end - 1].idx == doc[end - 2].idx + len(
            doc[end - 2].text
        ):
            break  # abbreviation period ("Va.")
        end -= 1
    return doc[start:end] if end > start else None


def _capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _longest_lexicon_match(
    doc: Doc, i: int, limit: int, first_words: set[str], lexicon: dict[str, int]
) -> int:
    """End token index of the longest lexicon name starting at token ``i`` (or ``i``)."""
    first = normalize(doc[i].text)
    if first not in first_words:
        return i
    best = i
    for j in range(i + 1, min(limit, i + MAX_WORDS) + 1):
        if normalize(doc[i:j].text) in lexicon:
            best = j
    return best


class ToponymFinder:
    """Finds toponyms and demonyms in spaCy docs using a gazetteer's lexicon."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        stopwords: Iterable[str] = (),
        generic: Iterable[str] = (),
        institutions: Iterable[str] = (),
    ) -> None:
        self.gazetteer = gazetteer
        self.lexicon = gazetteer.lexicon
        self.first_words = gazetteer.lexicon_first_words()
        self.stopwords = {normalize(w) for w in stopwords}
        self.generic = {normalize(w) for w in generic}
        self.institutions = {normalize(w) for w in institutions}

    def _generic(self, text: str) -> bool:
        """True for a name made only of generic words ("North", "Central", "Jan.")."""
        words = normalize(text).split()
        return not words or all(w in self.generic or len(w) < 2 for w in words)

    # -- helpers ---------------------------------------------------------------------------
    def demonym(self, text: str) -> str | None:
        """The country (ISO alpha-3) a demonym names ("Iraqi", "Americans"), else None."""
        key = normalize(text)
        found = self.gazetteer.demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self.gazetteer.demonyms.get(key[:-1])
        return found

    def _known(self, text: str) -> bool:
        return bool(self.gazetteer.lookup(text))

    def _embedded(self, ent: Span) -> Span | None:
        """The gazetteer place that opens an organization or facility name."""
        doc = ent.doc
        for end in range(min(ent.end - 1, ent.start + MAX_WORDS), ent.start, -1):
            part = _trim(doc[ent.start : end])
            if part is None or not all(_capitalized(t) for t in part if t.is_alpha):
                continue
            key = normalize(part.text)
            if key in self.stopwords or self._generic(part.text):
                continue
            if key in self.lexicon:
                return part
            # a smaller place names its own institutions: "Laurel County Sheriff's Office",
            # "Alexandria Police", "Gainesville City Commission"
            after = doc[end].lower_ if end < len(doc) else ""
            if (after in self.institutions or key.rsplit(" ", 1)[-1] in DIVISION_WORDS) and (
                self._known(part.text)
            ):
                return part
        return None

    def _strong(self, text: str) -> bool:
        """A lexicon main name (country, division, region, large town) not also a common word."""
        key = normalize(text)
        return self.lexicon.get(key) == 0 and key not in self.stopwords and " " in key

    def _of_place(self, ent: Span) -> Span | None:
        """The place closing an institution's name after "of" ("Kidney Foundation of Canada")."""
        doc = ent.doc
        for k in range(ent.start + 1, ent.end - 1):
            if doc[k].lower_ == "of":
                part = _trim(doc[k + 1 : ent.end])
                key = normalize(part.text) if part is not None else ""
                if key in self.lexicon and key not in self.stopwords and not self._generic(key):
                    return part
        return None

    # -- main ------------------------------------------------------------------------------
    def find(self, doc: Doc) -> tuple[list[Toponym], list[Demonym]]:
        """Toponyms (sorted by position, non-overlapping) and demonyms in ``doc``."""
        taken = [False] * len(doc)
        found: list[Toponym] = []
        demonyms: list[Demonym] = []

        def claim(span: Span, source: str, label: str) -> None:
            if any(taken[span.start : span.end]) or self._generic(span.text):
                return
            for k in range(span.start, span.end):
                taken[k] = True
            found.append(Toponym(span.start_char, span.end_char, span.text, source, label))

        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                span = _trim(ent)
                if span is None:
                    continue
                if self.demonym(span.text) and not any(
                    c.kind == 0 for c in self.gazetteer.lookup(span.text)
                ):
                    continue  # "Sri Lankan" is no place, whatever alternate names say
                if ent.label_ == "FAC" and not self._known(span.text):
                    inner = self._embedded(ent)
                    if inner is not None:
                        claim(inner, "embedded", "GPE")
                    continue
                claim(span, "ner", ent.label_)
            elif ent.label_ in HOST_LABELS:
                inner = self._embedded(ent) or self._of_place(ent)
                if inner is not None:
                    claim(inner, "embedded", "GPE")
            elif ent.label_ == "PERSON" and self._strong(ent.text):
                claim(ent, "lexicon", "GPE")  # "Tamil Nadu" tagged as a person
            if ent.label_ in {"NORP", "GPE", "LOC"}:
                country = self.demonym(ent.text)
                if country is not None:
                    demonyms.append(Demonym(ent.start_char, ent.end_char, ent.text, country))

        blocked = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ in BLOCKING_LABELS:
                for k in range(ent.start, ent.end):
                    blocked[k] = True
        i = 0
        while i < len(doc):
            tok = doc[i]
            if taken[i] or blocked[i] or not _capitalized(tok):
                i += 1
                continue
            country = self.demonym(tok.text)
            if country is not None:
                demonyms.append(Demonym(tok.idx, tok.idx + len(tok.text), tok.text, country))
                i += 1
                continue
            j = _longest_lexicon_match(doc, i, len(doc), self.first_words, self.lexicon)
            if j == i:
                i += 1
                continue
            span = doc[i:j]
            key = normalize(span.text)
            if (
                key not in self.stopwords
                and self.lexicon[key] < 4
                and not any(taken[i:j])
                and not any(blocked[i:j])
                and all(_capitalized(t) or not t.is_alpha or t.is_stop for t in span)
                and not (len(span) == 1 and tok.pos_ != "PROPN")
                and not (j < len(doc) and doc[j].ent_type_ == "PERSON")
            ):
                claim(span, "lexicon", "GPE")
            i = j
        for span in self._prepositional(doc, taken, lambda: self._countries(found, demonyms)):
            claim(span, "prep", "GPE")
        self._propagate(doc, found, taken, claim)
        found = self._without_surnames(doc, found)
        found.sort(key=lambda t: t.start)
        return self._abbreviated_parents(doc.text, found), demonyms

    def _countries(self, found: list[Toponym], demonyms: list[Demonym]) -> set[str]:
        """Every country the toponyms and demonyms found so far may lie in."""
        out = {d.country for d in demonyms}
        for t in found:
            out.update(c.iso3 for c in self.gazetteer.lookup(t.text) if c.iso3)
        return out

    def _prepositional(
        self, doc: Doc, taken: list[bool], countries_of_document: Callable[[], set[str]]
    ) -> list[Span]:
        """Proper nouns after a locative preposition that are the main name of a town or
        division in the gazetteer, in a country of the document, when NER left them
        unlabelled or gave them a label no place name should have. The document's countries
        are looked up once, and only when there is a candidate."""
        out: list[Span] = []
        countries: set[str] | None = None
        for tok in doc:
            if (
                tok.dep_ != "pobj"
                or tok.head.lower_ not in LOCATIVE_PREPS
                or tok.tag_ != "NNP"
                or taken[tok.i]
                or tok.ent_type_ not in MISLABELS
                or tok.i == tok.sent.start
            ):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].tag_ == "NNP":
                start -= 1
            span = doc[start : tok.i + 1]
            if any(taken[start : tok.i + 1]) or any(t.ent_type_ not in MISLABELS for t in span):
                continue
            if not all(_capitalized(t) and t.is_alpha for t in span):
                continue
            if any(t.dep_ == "poss" for t in tok.children):  # "at Eva's Village"
                continue
            key = normalize(span.text)
            if key in self.stopwords or self._generic(span.text) or self.demonym(span.text):
                continue
            if countries is None:
                countries = countries_of_document()
            if any(
                c.kind == 0 and c.name == span.text and c.iso3 in countries
                for c in self.gazetteer.lookup(key)
                if c.is_town or c.is_admin
            ):
                out.append(span)
        return out

    def _without_surnames(self, doc: Doc, found: list[Toponym]) -> list[Toponym]:
        """Drop one-word toponyms that are the surname of a person the document names in
        full ("according to Carney" after "Jay Carney"), unless they are a country, division,
        capital or large town ("Jordan", "Washington" stay places) or an abbreviation."""
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2}
        if not surnames:
            return found
        return [t for t in found if not self._surname(t.text, surnames)]

    def _surname(self, text: str, surnames: set[str]) -> bool:
        return (
            text in surnames
            and " " not in text
            and not text.isupper()  # "US" closing "Ambassador to the US" is no surname
            and normalize(text) not in self.lexicon
        )

    def _propagate(self, doc: Doc, found: list[Toponym], taken: list[bool], claim) -> None:
        """A name found as a toponym is one wherever else it appears capitalized in the
        document, also inside organization names ("Alexandria Police") and headlines."""
        keys = {normalize(t.text) for t in found}
        if not keys:
            return
        firsts = {k.split(" ", 1)[0] for k in keys}
        for i, tok in enumerate(doc):
            if taken[i] or not _capitalized(tok) or tok.ent_type_ == "PERSON":
                continue
            if normalize(tok.text) not in firsts:
                continue
            for j in range(min(len(doc), i + MAX_WORDS), i, -1):
                if normalize(doc[i:j].text) in keys and not any(taken[i:j]):
                    if j < len(doc) and doc[j].text[:1].isupper() and doc[j].ent_type_ == "PERSON":
                        break
                    claim(doc[i:j], "document", "GPE")
                    break

    def _abbreviated_parents(self, work: str, found: list[Toponym]) -> list[Toponym]:
        """Add division abbreviations that follow a toponym and a comma ("Alexandria, La.")."""
        out: list[Toponym] = []
        starts = {t.start for t in found}
        for t in found:
            out.append(t)
            m = _PARENT_ABBR.match(work, t.end)
            if m is None or m.start(1) in starts:
                continue
            abbr = m.group(1)
            if any(c.fcode == "ADM1" and c.kind == 2 for c in self.gazetteer.lookup(abbr)):
                out.append(Toponym(m.start(1), m.end(1), abbr, "parent", "GPE"))
        return out
