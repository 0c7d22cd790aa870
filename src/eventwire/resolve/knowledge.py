"""Actor knowledge: countries, organizations and role words, loaded from data files.

The files live in ``eventwire/data/actors`` (see its README): ``countries.tsv`` (generated
from ISO 3166 via pycountry), ``countries_extra.tsv`` (hand-written aliases, demonyms,
capitals), ``organizations.yaml`` and ``roles.tsv``. :func:`load_knowledge` reads and
validates them once; :meth:`ActorKnowledge.matchers` compiles spaCy phrase matchers for a
vocabulary, so that a document is scanned in one C-level pass.
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

log = logging.getLogger(__name__)

DATA = "eventwire.data.actors"
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "REB",
        "UAF",
        "OPP",
        "PTY",
        "SPY",
        "BUS",
        "CVL",
        "MED",
        "JRN",
        "EDU",
        "REL",
        "LAB",
        "REF",
        "IGO",
        "NGO",
        "ELI",
        "AGR",
        "HLH",
    ]
)
# Kinds of entries; the coder ranks them when several apply to one phrase.
COUNTRY, ADJECTIVE, PEOPLE, CAPITAL, ORG, ROLE = (
    "country",
    "adjective",
    "people",
    "capital",
    "org",
    "role",
)


@dataclass(frozen=True)
class Entry:
    """One known actor term: a country name, nationality adjective, organization or role."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    type: str = "ORG"
    role: str | None = None
    role_kind: str | None = None

    @property
    def rule(self) -> str:
        """Which piece of knowledge this is, for provenance (e.g. ``org:NATO``)."""
        return f"{self.kind}:{self.name}"


@dataclass
class ActorKnowledge:
    """All actor terms, indexed by lower-cased text (and exact text for abbreviations)."""

    by_lower: dict[str, list[Entry]] = field(default_factory=dict)
    by_exact: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    # known office holders: lower-cased full name -> (country, sector); unambiguous surnames
    leaders: dict[str, tuple[str, str]] = field(default_factory=dict)
    leader_surnames: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: leader surnames that name the leader with no title ("Putin said")
    alone_surnames: frozenset[str] = frozenset()

    def add(self, text: str, entry: Entry, exact: bool = False) -> None:
        text = " ".join(text.split())
        if not text:
            return
        index = self.by_exact if exact else self.by_lower
        key = text if exact else text.lower()
        bucket = index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, text: str) -> list[Entry]:
        """Entries for ``text``: exact-case ones (abbreviations) first, then case-insensitive."""
        text = " ".join(text.split())
        return self.by_exact.get(text, []) + self.by_lower.get(text.lower(), [])

    def known_person(self, name: str, titled: bool = False) -> tuple[str, str] | None:
        """(country, sector) of a known office holder named ``name``; a single word is taken
        as a surname when ``titled`` ("President Bush") or listed as standing alone ("Putin"),
        and no two countries share it."""
        key = " ".join(name.lower().split())
        if key in self.leaders:
            return self.leaders[key]
        if " " not in key and (titled or key in self.alone_surnames):
            return self.leader_surnames.get(key)
        return None

    def country_name(self, iso3: str) -> str:
        """The common English name of a country code (the code itself when unknown)."""
        return self.countries.get(iso3, iso3)

    def matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        """Phrase matchers (lower-case, exact) over every known term, keyed by the term."""
        import spacy

        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        lower = PhraseMatcher(vocab, attr="LOWER")
        exact = PhraseMatcher(vocab, attr="ORTH")
        for matcher, index in ((lower, self.by_lower), (exact, self.by_exact)):
            keys = sorted(index)
            for key, doc in zip(keys, tokenizer.pipe(keys), strict=True):
                matcher.add(key, [doc])
        return lower, exact


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def plural(phrase: str) -> str:
    """English plural of the last word of ``phrase`` ("soldier" -> "soldiers")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


def _check_sector(sector: str | None, where: str) -> str | None:
    if sector and sector not in SECTORS:
        raise ValueError(f"[E310] unknown sector {sector!r} in {where}; known: {sorted(SECTORS)}")
    return sector or None


def _load_countries(kb: ActorKnowledge) -> None:
    rows = list(_rows("countries.tsv"))
    # A demonym shared by several countries ("American", "Congolese") is ambiguous: it is
    # only used when countries_extra.tsv assigns it.
    shared = Counter(a for row in rows for a in set(filter(None, row["adjectives"].split("|"))))
    for row in rows:
        iso, name = row["iso3"], row["name"]
        kb.countries[iso] = name
        kb.add(name, Entry(name, COUNTRY, iso, type="GPE"))
        for alias in filter(None, row["aliases"].split("|")):
            kb.add(alias, Entry(name, COUNTRY, iso, type="GPE"))
        for adj in filter(None, row["adjectives"].split("|")):
            if shared[adj] > 1:
                continue
            kb.add(adj, Entry(name, ADJECTIVE, iso, type="NORP"))
            if adj.endswith(("n", "i")):
                kb.add(adj + "s", Entry(name, PEOPLE, iso, type="NORP"))
        if row["capital"]:
            kb.add(row["capital"], Entry(row["capital"], CAPITAL, iso, "GOV", type="GPE"))
    for row in _rows("countries_extra.tsv"):
        iso, kind, text = row["iso3"], row["kind"], row["text"]
        name = kb.countries.get(iso)
        if name is None:
            raise ValueError(f"[E310] unknown country {iso!r} in countries_extra.tsv")
        if kind in ("alias", "short"):
            kb.add(text, Entry(name, COUNTRY, iso, type="GPE"), exact=kind == "short")
        elif kind in ("adjective", "people"):
            kb.add(
                text, Entry(name, ADJECTIVE if kind == "adjective" else PEOPLE, iso, type="NORP")
            )
        elif kind == "capital":
            kb.add(text, Entry(text, CAPITAL, iso, "GOV", type="GPE"))
        else:
            raise ValueError(f"[E310] unknown kind {kind!r} in countries_extra.tsv")


def _load_organizations(kb: ActorKnowledge) -> None:
    raw = resources.files(DATA).joinpath("organizations.yaml").read_text(encoding="utf-8")
    for item in yaml.safe_load(raw):
        name = item["name"]
        country = item.get("country")
        if country and country not in kb.countries:
            raise ValueError(f"[E310] unknown country {country!r} for {name!r}")
        sector = _check_sector(item.get("sector"), f"organizations.yaml ({name})")
        entry = Entry(
            name=name,
            kind=ORG,
            country=country,
            sector=sector,
            code=item.get("code"),
            type=item.get("type", "ORG"),
            role=item.get("role"),
            role_kind="org",
        )
        kb.add(name, entry)
        for alias in item.get("aliases") or []:
            kb.add(alias, entry)
        for abbr in item.get("abbr") or []:
            kb.add(abbr, entry, exact=True)


def _load_roles(kb: ActorKnowledge) -> None:
    for row in _rows("roles.tsv"):
        phrase, kind = row["phrase"], row["kind"]
        if kind not in ("person", "group", "org"):
            raise ValueError(f"[E310] unknown role kind {kind!r} for {phrase!r} in roles.tsv")
        sector = _check_sector(row["sector"], f"roles.tsv ({phrase})")
        entry = Entry(
            name=phrase,
            kind=ROLE,
            sector=sector,
            type={"person": "PERSON", "group": "GROUP", "org": "ORG"}[kind],
            role=row["role"],
            role_kind=kind,
        )
        if phrase.isupper():  # an abbreviation (COAS, FO): only in its exact spelling
            kb.add(phrase, entry, exact=True)
            kb.add(phrase + "s", entry, exact=True)
            continue
        kb.add(phrase, entry)
        if not phrase.endswith("s"):
            kb.add(plural(phrase), entry)


def _load_leaders(kb: ActorKnowledge) -> None:
    by_surname: dict[str, set[tuple[str, str]]] = {}
    for row in _rows("leaders.tsv"):
        iso, name = row["iso3"], row["name"]
        if iso not in kb.countries:
            raise ValueError(f"[E310] unknown country {iso!r} for {name!r} in leaders.tsv")
        value = (iso, _check_sector(row["sector"], f"leaders.tsv ({name})") or "GOV")
        kb.leaders[" ".join(name.lower().split())] = value
        surname = name.split()[-1].lower()
        by_surname.setdefault(surname, set()).add(value)
        for article in ("al-", "el-"):  # "Bashar al-Assad" is also "Assad"
            if surname.startswith(article):
                by_surname.setdefault(surname[len(article) :], set()).add(value)
    kb.leader_surnames = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
    text = resources.files(DATA).joinpath("surnames_alone.txt").read_text(encoding="utf-8")
    alone = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    unknown = alone - set(kb.leader_surnames)
    if unknown:
        raise ValueError(f"[E310] surnames_alone.txt: not a leaders.tsv surname: {sorted(unknown)}")
    kb.alone_surnames = frozenset(alone)


def load_non_actor_heads() -> frozenset[str]:
    """Lemmas that head names of things, not actors (``non_actor_heads.txt``)."""
    text = resources.files(DATA).joinpath("non_actor_heads.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def load_knowledge() -> ActorKnowledge:
    """Read and validate all actor data files (call once, through ``ctx.resources``)."""
    kb = ActorKnowledge()
    _load_countries(kb)
    _load_organizations(kb)
    _load_roles(kb)
    _load_leaders(kb)
    log.debug("actor knowledge: %d terms", len(kb.by_lower) + len(kb.by_exact))
    return kb
