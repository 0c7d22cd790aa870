"""Clustering actor mentions into document actors, and attributes from context.

One actor, many mentions: a full name and its surname, an organization and its aliases and
abbreviations (known or defined in the text as "Long Name (ABBR)"), the aliases of a country
("US", "U.S.", "United States"), title-only references to a person the document named with
that title ("the COAS" -> Qamar Javed Bajwa), embedded tweets' handles, and pronouns.
An actor of a state sector whose phrases name no country takes the country of its sentence,
else of the previous sentences' subjects, else the document's main country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..nlp.context import DocContext
from ..schema import Actor, Mention
from .actors import PEOPLE_RULE, Coding, Term, ethnic
from .coref import (
    FIRST_PERSON,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    antecedent,
    defined_abbreviations,
    initials,
    pleonastic,
)
from .knowledge import ADJECTIVE, CAPITAL, COUNTRY, ORG, PEOPLE, ActorKnowledge

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: sectors of titled people whose office belongs to one country's domestic politics
DOMESTIC_ROLE_SECTORS = frozenset({"OPP"})
ACTED_UPON_PREPS = frozenset({"against", "on", "with", "to", "toward", "towards", "over"})
LOCATIVE = frozenset({"in", "at", "on", "near", "from", "to", "into", "across"})


@dataclass
class MentionCand:
    """A mention before clustering: doc token range, head, kind, type and coding."""

    start: int
    end: int
    head: int
    kind: str
    type: str
    coding: Coding
    sentence: int = 0
    indefinite: bool = False
    core_start: int | None = None  # where the name starts after a short title ("General X")

    @property
    def core(self) -> int:
        return self.start if self.core_start is None else self.core_start


@dataclass
class Cluster:
    """The mentions of one actor and what they say about it."""

    type: str
    mentions: list[MentionCand] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    handle: tuple[str, tuple[int, int]] | None = None
    country: tuple[str, str, float] | None = None  # value, rule, confidence
    anchor: int | None = None  # doc token of a handle, for an actor known only by its handle
    author: str | None = None  # the tweet author line's name, for such an actor

    def add(self, m: MentionCand) -> None:
        self.mentions.append(m)
        if m.coding.role and (m.coding.role_kind == "person" or self.type != "PERSON"):
            self.roles.add(m.coding.role)
        self.roles.update(m.coding.roles)

    def first_span(self) -> tuple[int, int]:
        """Token range of the first mention (of the handle for a handle-only actor)."""
        spans = [(m.start, m.end) for m in self.mentions]
        if self.anchor is not None:
            spans.append((self.anchor, self.anchor + 1))
        return min(spans, default=(0, 0))

    def best(self, attr: str) -> tuple[str | None, str | None, float]:
        """The value of a coding attribute given by the most confident mention."""
        best: tuple[str | None, str | None, float] = (None, None, 0.0)
        for m in sorted(self.mentions, key=lambda m: m.start):
            value = getattr(m.coding, attr)
            if value is not None and m.coding.confidence > best[2]:
                rule = getattr(m.coding, f"{attr}_rule", None)
                best = (value, rule, m.coding.confidence)
        return best

    def to_actor(self, ctx: DocContext, actor_id: str) -> Actor:
        """The record's actor, with mentions in original offsets."""
        doc = ctx.doc
        mentions = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            s, e = ctx.char_span(doc[m.start : m.end])
            mentions.append(
                Mention(text=ctx.text[s:e], span=(s, e), sentence=m.sentence, kind=m.kind)
            )
        if self.handle is not None:
            text, (s, e) = self.handle
            mentions.append(
                Mention(text=text, span=(s, e), sentence=ctx.sentence_of_original(s), kind="handle")
            )
            mentions.sort(key=lambda m: m.span)
        country, c_rule, c_conf = self.country or self.best("country")
        sector, s_rule, s_conf = self.best("sector")
        title = next(
            (
                m.coding.title
                for m in sorted(self.mentions, key=lambda m: m.start)
                if m.coding.title
            ),
            None,
        )
        entry = next((m.coding.entry for m in self.mentions if m.coding.entry), None)
        code = entry.code if entry is not None and entry.code else None
        code = code or ((country or "") + (sector or "")) or None
        rules = [f"country={c_rule}" if country else "", f"sector={s_rule}" if sector else ""]
        confs = [c for c, v in ((c_conf, country), (s_conf, sector)) if v]
        return Actor(
            id=actor_id,
            name=self.name(ctx),
            type=self.type,  # type: ignore[arg-type]
            country=country,
            sector=sector,
            code=code,
            title=title,
            handle=self.handle[0] if self.handle else None,
            mentions=mentions,
            confidence=round(min(confs) if confs else 0.5, 2),
            rule="; ".join(r for r in rules if r) or None,
        )

    def name(self, ctx: DocContext) -> str:
        """Canonical name: a known entry's name, else the longest proper name, else the
        first phrase."""
        doc = ctx.doc
        entry = next((m.coding.entry for m in self.mentions if m.coding.entry), None)
        named = [m for m in self.mentions if m.kind == "name"]
        if entry is not None and entry.kind in (ORG, COUNTRY):
            return entry.name
        if named:
            m = max(named, key=lambda m: (m.end - m.core, -m.start))
        elif self.mentions:
            m = min(self.mentions, key=lambda m: m.start)
        else:
            return self.author or (self.handle[0] if self.handle else "")
        return ctx.original(doc[m.core : m.end])


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _key(ctx: DocContext, m: MentionCand) -> tuple:
    """The clustering key of a mention (equal keys are one actor)."""
    entry = m.coding.entry
    if entry is not None and entry.kind == ORG:
        return ("org", entry.name)
    text = _norm(ctx.doc[m.start : m.end].text)
    if (
        m.type in ("GPE", "NORP", "GROUP")
        and m.coding.country
        and (m.coding.sector is None or m.coding.sector_rule == PEOPLE_RULE)
    ):
        kinds = {t.best.kind for t in _terms_in(ctx, m)}
        if kinds & {COUNTRY}:
            return ("country", m.coding.country)
        if kinds & {PEOPLE, ADJECTIVE}:
            return ("people", m.coding.country)
    if m.kind in ("title", "phrase", "abbreviation") and m.coding.role:
        return ("role", m.coding.role, m.coding.country)
    return (m.type, text)


def _terms_in(ctx: DocContext, m: MentionCand) -> list[Term]:
    terms: dict[int, Term] = ctx.scratch.get("actors.terms", {})
    return [terms[i] for i in range(m.start, m.end) if i in terms]


def build_clusters(
    ctx: DocContext, cands: list[MentionCand], kb: ActorKnowledge, terms: dict[int, Term]
) -> list[Cluster]:
    """Cluster mention candidates (document order) into actors, then add handles and pronouns
    and fill missing countries from context."""
    doc = ctx.doc
    clusters: list[Cluster] = []
    by_key: dict[tuple, Cluster] = {}
    persons: list[Cluster] = []
    # Longest person names first, so that a surname attaches to its full name.
    order = sorted(cands, key=lambda m: (m.type != "PERSON", -(m.end - m.core), m.start))
    names = [m for m in order if m.type == "PERSON" and m.kind == "name"]
    for m in names:
        cluster = _person_cluster(ctx, m, persons)
        if cluster is None:
            cluster = Cluster("PERSON")
            clusters.append(cluster)
            persons.append(cluster)
        cluster.add(m)
        by_key.setdefault(_key(ctx, m), cluster)
    defined = defined_abbreviations(doc)
    done = {id(m) for m in names}
    surnames = _surnames(ctx, persons)
    for m in sorted((c for c in cands if id(c) not in done), key=lambda c: c.start):
        cluster = None
        if m.coding.role_kind == "person" and m.kind != "name" and not m.indefinite:
            cluster = _titled_person(m, persons)
            if cluster is not None:
                cluster.add(m)
                continue
        person, owner = _mistyped_person(ctx, m, surnames, kb)
        if owner is not None:
            m.kind, m.type = "surname", "PERSON"
            owner.add(m)
            continue
        if person:
            m.type = "PERSON"  # "Trump" tagged an organization
        key = _key(ctx, m)
        cluster = by_key.get(key)
        if cluster is None and key[0] == "role" and key[2] is None:
            cluster = next((by_key[k] for k in reversed(by_key) if k[:2] == key[:2]), None)
        if cluster is None and m.end - m.start == 1 and doc[m.start].text.isupper():
            cluster = _acronym_owner(ctx, doc[m.start].text, clusters, defined, m.start)
        if cluster is None or m.indefinite:
            cluster = Cluster(m.type)
            clusters.append(cluster)
        by_key[key] = cluster
        cluster.add(m)
    _missed_surnames(ctx, cands, persons)
    _attach_handles(ctx, clusters, persons)
    _attach_pronouns(ctx, clusters)
    _known_people(ctx, clusters, kb)
    _context_countries(ctx, clusters, terms)
    return [c for c in clusters if c.mentions or c.handle]


def _person_cluster(ctx: DocContext, m: MentionCand, persons: list[Cluster]) -> Cluster | None:
    words = _norm(ctx.doc[m.core : m.end].text).split()
    for cluster in persons:
        for other in cluster.mentions:
            if other.kind != "name":
                continue
            full = _norm(ctx.doc[other.core : other.end].text).split()
            if words == full:
                return cluster
            if len(words) < len(full) and words == full[-len(words) :]:
                m.kind = "surname"
                return cluster
    return None


def _surnames(ctx: DocContext, persons: list[Cluster]) -> dict[str, Cluster]:
    """Last words of the full names of the document's people -> their clusters."""
    surnames: dict[str, Cluster] = {}
    for cluster in persons:
        for m in cluster.mentions:
            if m.kind == "name" and m.end - m.core >= 2:
                surnames.setdefault(ctx.doc[m.end - 1].text, cluster)
    return surnames


def _bare_name(m: MentionCand) -> bool:
    """A one-word place or organization name the actor knowledge says nothing about."""
    if m.type not in ("GPE", "ORG") or m.end - m.start != 1 or m.kind != "name":
        return False
    return m.coding.country is None and m.coding.entry is None and not m.coding.sector


def _mistyped_person(
    ctx: DocContext, m: MentionCand, surnames: dict[str, Cluster], kb: ActorKnowledge
) -> tuple[bool, Cluster | None]:
    """Whether a bare one-word place or organization mention is a person's name, and whose:
    the surname of a person the document names in full ("according to Carney" after "Jay
    Carney"), or a known leader's surname standing alone ("Trump said", tagged an
    organization; no cluster yet). "Jordan" the country stays a country."""
    if not _bare_name(m):
        return False, None
    owner = surnames.get(ctx.doc[m.start].text)
    if owner is not None:
        return True, owner
    return kb.known_person(ctx.doc[m.start].text) is not None, None


def _missed_surnames(ctx: DocContext, cands: list[MentionCand], persons: list[Cluster]) -> None:
    """Surnames the recognizer missed: a proper noun equal to the last word of a person's
    full name ("Pompeo tweeted" after "Mike Pompeo")."""
    surnames = _surnames(ctx, persons)
    if not surnames:
        return
    taken = {i for m in cands for i in range(m.start, m.end)}
    for tok in ctx.doc:
        cluster = surnames.get(tok.text)
        if cluster is not None and tok.i not in taken and tok.pos_ == "PROPN":
            coding = Coding(rules=["surname"], confidence=0.0)
            sentence = ctx.sentence_of(tok.idx)
            cluster.add(MentionCand(tok.i, tok.i + 1, tok.i, "surname", "PERSON", coding, sentence))


def _titled_person(m: MentionCand, persons: list[Cluster]) -> Cluster | None:
    """The person the document named with the title of this title-only mention."""
    fitting = [
        c
        for c in persons
        if m.coding.role in c.roles
        and (m.coding.country is None or c.best("country")[0] in (None, m.coding.country))
    ]
    if not fitting:
        return None
    before = [c for c in fitting if c.first_span()[0] < m.start]
    return max(
        before or fitting,
        key=lambda c: max(x.start for x in c.mentions if x.start < m.start) if before else 0,
    )


def _acronym_owner(
    ctx: DocContext, abbr: str, clusters: list[Cluster], defined: dict[int, str], at: int
) -> Cluster | None:
    for cluster in clusters:
        if cluster.type not in ("ORG", "GROUP"):
            continue
        for m in cluster.mentions:
            if initials(ctx.doc[m.start : m.end].text) == abbr:
                return cluster
    return None


def _attach_handles(ctx: DocContext, clusters: list[Cluster], persons: list[Cluster]) -> None:
    """Link each embedded tweet's handle to the person its author line names."""
    for tweet in ctx.tweets:
        words = {_norm(w) for w in tweet.name.split()}
        owner = next(
            (
                c
                for c in persons
                if _norm(c.name(ctx)).split()[-1:] and _norm(c.name(ctx)).split()[-1] in words
            ),
            None,
        )
        if owner is None:
            owner = Cluster("PERSON", author=tweet.name.strip() or None)
            clusters.append(owner)
            persons.append(owner)
        owner.handle = (tweet.handle, tweet.handle_span)
        at = ctx.doc.char_span(
            ctx.work_offset(tweet.handle_span[0]),
            ctx.work_offset(tweet.handle_span[1]),
            alignment_mode="expand",
        )
        owner.anchor = at.start if at is not None else None
        body_start = ctx.work_offset(tweet.body_span[0])
        body_end = ctx.work_offset(tweet.body_span[1])
        for tok in ctx.doc.char_span(body_start, body_end, alignment_mode="expand") or []:
            if tok.lower_ in FIRST_PERSON and tok.tag_ in ("PRP", "PRP$"):
                owner.add(_pronoun_mention(ctx, tok, owner))


def _pronoun_mention(ctx: DocContext, tok, cluster: Cluster) -> MentionCand:
    coding = Coding(rules=["pronoun"], confidence=0.0)
    return MentionCand(
        tok.i, tok.i + 1, tok.i, "pronoun", cluster.type, coding, ctx.sentence_of(tok.idx)
    )


def _attach_pronouns(ctx: DocContext, clusters: list[Cluster]) -> None:
    doc = ctx.doc
    owner_of: dict[int, Cluster] = {}
    mentions = []
    for c in clusters:
        for m in c.mentions:
            owner_of[id(m)] = c
            mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    taken = {m.start for m in mentions}
    for tok in doc:
        low = tok.lower_
        if tok.i in taken or tok.tag_ not in ("PRP", "PRP$"):
            continue
        if low in PERSON_PRONOUNS:
            fits = lambda m: owner_of[id(m)].type == "PERSON"  # noqa: E731
        elif low in THING_PRONOUNS and not pleonastic(tok):
            fits = lambda m: owner_of[id(m)].type in ("ORG", "GPE")  # noqa: E731
        elif low in GROUP_PRONOUNS:
            fits = lambda m: owner_of[id(m)].type in ("GROUP", "ORG", "NORP")  # noqa: E731
        else:
            continue
        sentence = ctx.sentence_of(tok.idx)
        found = antecedent(doc, tok, sentence, mentions, fits)
        if found is not None:
            owner_of[id(found)].add(_pronoun_mention(ctx, tok, owner_of[id(found)]))


def _known_people(ctx: DocContext, clusters: list[Cluster], kb: ActorKnowledge) -> None:
    """A person the text gives no country takes it from the known office holders."""
    doc = ctx.doc
    for cluster in clusters:
        if cluster.type != "PERSON" or not cluster.mentions or cluster.best("country")[0]:
            continue
        for m in cluster.mentions:
            if m.kind not in ("name", "surname"):
                continue
            titled = m.core_start is not None or m.coding.title is not None
            known = kb.known_person(doc[m.core : m.end].text, titled=titled)
            if known is not None:
                cluster.country = (known[0], "known-person", 0.8)
                break


def _owned_tokens(clusters: list[Cluster]) -> set[int]:
    """Tokens inside the mention of an actor that is not a country: the nationality words of
    other actors ("Sierra Leonean refugees"), which are not context for anyone else."""
    owned: set[int] = set()
    for c in clusters:
        if c.type in ("GPE", "NORP"):
            continue
        for m in c.mentions:
            owned.update(i for i in range(m.start, m.end) if i != m.head)
    return owned


def _acted_upon(tok) -> bool:
    """Is this country word what a clause acts upon (an object, a relative clause's word)?"""
    if tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ACTED_UPON_PREPS):
        return True
    return any(t.dep_ == "relcl" for t in tok.ancestors)


def _context_countries(ctx: DocContext, clusters: list[Cluster], terms: dict[int, Term]) -> None:
    """A state-sector actor with no country takes the country of its context."""
    doc = ctx.doc
    sents = list(doc.sents)
    weights: list[Counter] = [Counter() for _ in sents]
    # What a titled person may take: the sentence's countries, the nationalities of other
    # actors included ("X banned Ugandan opposition candidates"), but not the countries the
    # person acts upon ("threatened action against Russia", "a faction that controls Y").
    person_weights: list[Counter] = [Counter() for _ in sents]
    seen: set[int] = set()
    owned = _owned_tokens(clusters)
    for term in terms.values():
        if id(term) in seen or term.best.country is None:
            continue
        seen.add(id(term))
        if term.best.kind not in (COUNTRY, ADJECTIVE, PEOPLE, CAPITAL, ORG):
            continue
        if ethnic(doc, term):
            continue  # "ethnic Albanians" says who they are, not which state is around
        tok = doc[term.start : term.end].root
        inside_name = doc[term.start].ent_iob_ == "I" or (
            term.end < len(doc) and doc[term.end].ent_iob_ == "I"
        )
        if inside_name and doc[term.start].ent_type_ == "PERSON":
            continue  # "Jordan" in "Michael Jordan"
        weight = 1.0
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
            weight = 0.5
        elif tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass"):
            weight = 1.5
        sent_i = ctx.sentence_of(tok.idx)
        if not _acted_upon(tok):
            person_weights[sent_i][term.best.country] += weight
        if term.start not in owned:  # "Sierra Leonean refugees": the refugees' country only
            weights[sent_i][term.best.country] += weight
    total = sum(weights, Counter())
    for cluster in clusters:
        if cluster.country is not None or not cluster.mentions:
            continue
        if cluster.best("country")[0] is not None:
            continue
        first = min(m.sentence for m in cluster.mentions)
        if cluster.type == "PERSON":
            domestic = cluster.best("sector")[0] in DOMESTIC_ROLE_SECTORS
            if cluster.best("title")[0] is None and not domestic:
                continue
            options = [(person_weights[first], "context:sentence", 0.4)]
            if domestic:
                # "Opposition leader X": an office of the country the story is about
                options += [
                    (
                        person_weights[first - 1] if first >= 1 else Counter(),
                        "context:previous",
                        0.35,
                    ),
                    (total, "context:document", 0.3),
                ]
        elif cluster.best("sector")[0] in STATE_SECTORS:
            options = [
                (weights[first], "context:sentence", 0.5),
                (weights[first - 1] if first >= 1 else Counter(), "context:previous", 0.4),
                (weights[first - 2] if first >= 2 else Counter(), "context:previous", 0.4),
                (total, "context:document", 0.3),
            ]
        else:
            continue
        for counter, rule, conf in options:
            if counter:
                cluster.country = (counter.most_common(1)[0][0], rule, conf)
                break
