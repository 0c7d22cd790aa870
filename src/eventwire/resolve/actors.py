"""Coding actor phrases: country, sector, CAMEO-style code and title from the parse.

A phrase is coded from the known terms (:mod:`eventwire.resolve.knowledge`) found among its
head and modifiers: nationality adjectives and country names ("Iranian commander" -> IRN),
capitals used as metonyms ("Washington" -> USA/GOV), known organizations ("the Pentagon" ->
USA/MIL) and role words ("Secretary of State" -> GOV, "commander" -> MIL). Terms after
"pro-"/"anti-" are affiliations, not nationality, and are skipped ("a pro-Iran mob").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .knowledge import ADJECTIVE, CAPITAL, COUNTRY, ORG, PEOPLE, ROLE, ActorKnowledge, Entry

AFFILIATION_PREFIXES = ("pro", "anti", "non")
# Dependency labels that attach a modifier inside a noun phrase.
NP_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "det", "nummod", "quantmod"})


@dataclass
class Term:
    """A known actor term found in a document (token range and its entries)."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def best(self) -> Entry:
        return self.entries[0]


@dataclass
class Coding:
    """What a phrase says about an actor: the attributes and the rules that set them."""

    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None
    type: str | None = None
    role: str | None = None
    role_kind: str | None = None
    roles: list[str] = field(default_factory=list)
    entry: Entry | None = None
    country_rule: str | None = None
    sector_rule: str | None = None
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.0

    @property
    def empty(self) -> bool:
        return self.country is None and self.sector is None

    def cameo(self) -> str | None:
        """CAMEO-style code: the organization's own code, else country + sector."""
        if self.entry is not None and self.entry.code:
            return self.entry.code
        code = (self.country or "") + (self.sector or "")
        return code or None


def find_terms(doc: Doc, kb: ActorKnowledge, matchers: tuple) -> dict[int, Term]:
    """Known terms in ``doc`` (longest, non-overlapping), indexed by each covered token."""
    lower, exact = matchers
    spans = []
    for matcher in (exact, lower):
        for match_id, start, end in matcher(doc):
            spans.append(Span(doc, start, end, label=match_id))
    by_token: dict[int, Term] = {}
    for span in filter_spans(spans):
        key = doc.vocab.strings[span.label]
        entries = kb.by_exact.get(key) or kb.by_lower.get(key) or []
        if not entries or _affiliation(doc, span.start) or not _nominal(span, entries):
            continue
        term = Term(span.start, span.end, entries)
        for i in range(span.start, span.end):
            by_token[i] = term
    return by_token


def _nominal(span: Span, entries: list[Entry]) -> bool:
    """Role words must be nouns ("the general" yes, "general elections" no)."""
    if span[-1].pos_ in ("NOUN", "PROPN", "X"):
        return True
    # Country names and adjectives may be tagged ADJ ("Iranian"); role words may not.
    return entries[0].kind != ROLE and span[-1].text[:1].isupper()


def _affiliation(doc: Doc, i: int) -> bool:
    """Is token ``i`` the object of a "pro-"/"anti-" prefix ("pro-Iran", "anti-American")?"""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in AFFILIATION_PREFIXES:
        return True
    return doc[i].lower_.split("-", 1)[0] in AFFILIATION_PREFIXES and "-" in doc[i].text


#: the sector rule of a people named by its plural demonym ("Libyans" -> civilians)
PEOPLE_RULE = "people-civilians"


def code_tokens(tokens: list[Token], terms: dict[int, Term], head: Token | None = None) -> Coding:
    """Code a phrase from the known terms among ``tokens`` (its head and modifiers).

    Precedence: a known organization gives country and sector; nationality adjectives and
    country names give the country (the one nearest the head); for the sector, the head's
    own role wins unless a modifier names an institution or group ("police commander" ->
    COP, "army spokesman" -> MIL).
    """
    seen: list[Term] = []
    for tok in tokens:
        term = terms.get(tok.i)
        if term is not None and (not seen or seen[-1] is not term):
            seen.append(term)
    coding = Coding()
    if not seen:
        return coding
    head_i = head.i if head is not None else tokens[-1].i
    head_term = terms.get(head_i)

    def nearness(t: Term) -> int:
        return -min(abs(t.start - head_i), abs(t.end - 1 - head_i))

    orgs = [t for t in seen if t.best.kind == ORG]
    countries = [
        t
        for t in seen
        if t.best.kind in (COUNTRY, ADJECTIVE, PEOPLE, CAPITAL) and not ethnic(tokens[0].doc, t)
    ]
    roles = [t for t in seen if t.best.kind == ROLE]
    if orgs:
        org = max(orgs, key=nearness)
        coding.entry = org.best
        coding.country, coding.sector = org.best.country, org.best.sector
        coding.country_rule = coding.sector_rule = org.best.rule
        coding.rules.append(org.best.rule)
        coding.type = org.best.type
        coding.role, coding.role_kind = org.best.role, "org"
        coding.confidence = 0.9
    if countries and coding.country is None:
        term = max(countries, key=nearness)
        coding.country = term.best.country
        coding.country_rule = term.best.rule
        coding.rules.append(term.best.rule)
        coding.confidence = max(coding.confidence, 0.8)
        if term is head_term:
            coding.type = term.best.type
            if term.best.kind == CAPITAL:  # "Washington said": the government
                if coding.sector is None:
                    coding.sector, coding.sector_rule = "GOV", "capital-metonym"
                coding.rules.append("capital-metonym")
            elif term.best.kind == PEOPLE:
                coding.type = "GROUP"
    if head_term is not None and head_term.best.kind == PEOPLE and coding.sector is None:
        # "Libyans", "ethnic Albanians" as the head noun: a people, coded as civilians
        # (CAMEO's LBYCVL) unless a role word says otherwise
        coding.type = "GROUP"
        coding.sector, coding.sector_rule = "CVL", PEOPLE_RULE
        coding.rules.append(PEOPLE_RULE)
        coding.confidence = max(coding.confidence, 0.6)
    if roles:
        role = _sector_role(roles, head_term)
        if coding.sector is None or (
            orgs and role is head_term and role.best.role_kind != "person"
        ):
            coding.sector, coding.sector_rule = role.best.sector, role.best.rule
            coding.rules.append(role.best.rule)
        if coding.role is None or role is head_term:
            coding.role, coding.role_kind = role.best.role, role.best.role_kind
        if coding.type is None or role is head_term:
            coding.type = role.best.type
        coding.confidence = max(coding.confidence, 0.7)
        person_roles = [t for t in roles if t.best.role_kind == "person"]
        if head is not None and head.tag_ in ("NNS", "NNPS") and head_term in person_roles:
            # "reporters", "foreign ministers": several people, a group without one title
            coding.type = "GROUP"
            person_roles = []
        if person_roles:
            doc = tokens[0].doc
            coding.title = doc[person_roles[0].start : person_roles[-1].end].text
            coding.roles = [t.best.role for t in person_roles if t.best.role]
    coding.code = coding.cameo()
    return coding


def ethnic(doc: Doc, term: Term) -> bool:
    """ "ethnic Albanians", "ethnic Turks": an ethnicity, not a nationality (CAMEO codes such
    groups by the country they live in)."""
    if term.best.kind not in (ADJECTIVE, PEOPLE) or term.start == 0:
        return False
    return doc[term.start - 1].lower_ == "ethnic"


def _sector_role(roles: list[Term], head_term: Term | None) -> Term:
    """The role term that sets the sector (institutions and groups beat person roles)."""
    if head_term in roles and head_term.best.role_kind != "person":
        return head_term
    institutional = [t for t in roles if t.best.role_kind != "person"]
    if institutional:
        return institutional[-1]
    return head_term if head_term in roles else roles[-1]


def modifiers(head: Token, stop: set[int] | None = None) -> list[Token]:
    """The head and its noun-phrase modifiers (left side, plus "of"-phrases), in order.

    ``stop`` lists token indices not to descend into (e.g. another named entity).
    """
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if stop and child.i in stop:
                continue
            if child.dep_ in NP_MODIFIERS or (child.dep_ == "case" and child.i < head.i):
                out.append(child)
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" and child.i > tok.i:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("PROPN", "NOUN"):
                        out.extend((child, pobj))
                        stack.append(pobj)
    return sorted(out, key=lambda t: t.i)
