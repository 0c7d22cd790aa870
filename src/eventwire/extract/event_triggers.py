"""Trigger matching: which lexicon pattern a token of the parse realizes, with its arguments.

A token is looked up by part of speech and lemma; each candidate pattern (most specific first)
must find its other words among the token's dependents, satisfy its constraints, and (when it
asks for one) find a source of the right sector. The first pattern that passes wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp.context import DocContext
from . import event_args, event_countries
from .event_args import Args
from .event_lexicon import Lexicon, Pattern, Pos

# Dependencies that leave the trigger's own phrase (a new clause or the subject).
_STOP_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "parataxis", "conj", "nsubj", "csubj", "punct", "cc", "mark"}
)
_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN"})


@dataclass
class Candidate:
    """A token that realizes a lexicon pattern, with its arguments."""

    tok: Token
    pattern: Pattern
    used: frozenset[int]
    args: Args
    rule: str = ""
    cameo: str | None = None
    future: bool = False
    consumed: set[int] = field(default_factory=set)

    @property
    def entry(self):
        return self.pattern.entry

    @property
    def pos(self) -> Pos:
        return self.pattern.pos


def local_tree(tok: Token, depth: int = 3) -> list[Token]:
    """The trigger's phrase: dependents within ``depth`` steps, not crossing into new clauses."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ not in _STOP_DEPS:
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    # pieces of a hyphenated word ("cease-fire", "de-escalate") before the head
    i = tok.i
    doc = tok.doc
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        out.append(doc[i - 2])
        i -= 2
    return out


def _lemma_index(toks: list[Token]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for t in toks:
        for key in {t.lemma_.lower(), t.lower_}:
            index.setdefault(key, []).append(t.i)
    return index


def _pos_of(tok: Token) -> list[Pos]:
    if tok.dep_ in ("aux", "auxpass"):
        return []
    out: list[Pos] = []
    if tok.pos_ in _VERB_POS:
        out.append("verb")
    if tok.pos_ in _NOUN_POS:
        out.append("noun")
    if tok.dep_ in ("acomp", "oprd", "attr") or (tok.pos_ == "ADJ" and tok.dep_ == "ROOT"):
        out.append("adj")
    return out


def _meets(ctx: DocContext, tok: Token, pat: Pattern, words: dict[str, list[int]]) -> bool:
    e = pat.entry
    if e.with_any and not any(w in words for w in e.with_any):
        return False
    if e.without and any(w in words for w in e.without):
        return False
    for req in e.requires:
        if req == "object":
            deps = {c.dep_ for c in tok.children}
            has = bool(deps & {"dobj", "dative", "nsubjpass", "obj"}) or (
                pat.pos == "noun" and any(c.dep_ == "prep" for c in tok.children)
            )
            if not has:
                return False
        elif req in ("subject", "xcomp", "ccomp"):
            want = {"subject": ("nsubj",), "xcomp": ("xcomp",), "ccomp": ("ccomp",)}[req]
            if not any(c.dep_ in want for c in tok.children):
                return False
        elif req == "actor_mod" and not event_args.actor_modifiers(ctx, tok):
            return False
    return not (e.preps and not any(c.dep_ == "prep" and c.lower_ in e.preps for c in tok.children))


def _used_tokens(pat: Pattern, words: dict[str, list[int]]) -> frozenset[int] | None:
    used: set[int] = set()
    for alternatives in pat.others:
        hit = next((i for w in alternatives for i in words.get(w, ()) if i not in used), None)
        if hit is None:
            return None
        used.add(hit)
    return frozenset(used)


def _args(ctx: DocContext, lex: Lexicon, tok: Token, pat: Pattern, used: frozenset[int]) -> Args:
    e = pat.entry
    if pat.pos == "verb":
        return event_args.verb_args(
            ctx, tok, e.target_preps, used, lex.control_verbs, experiencer=e.frame == "intent"
        )
    if pat.pos == "noun":
        args = event_args.noun_args(
            ctx,
            tok,
            e.target_preps,
            used,
            e.poss_is_target,
            lex.light_verbs,
            joint=(e.cameo or "")[:2] in event_countries.JOINT_ROOTS,
        )
        if not args.target_tokens:
            victims = event_args.casualty_victims(tok, lex.casualty_words)
            args.target_tokens = victims
            args.target = event_args.code_tokens(ctx, victims)
        return args
    return event_args.adjective_args(ctx, tok)


def _sector_ok(pat: Pattern, args: Args) -> bool:
    wanted = pat.entry.source_sector
    if not wanted:
        return True
    return any((ref.sector or "")[:3] in wanted for ref in args.source)


def match_token(ctx: DocContext, lex: Lexicon, tok: Token) -> Candidate | None:
    """The most specific pattern ``tok`` realizes, or None."""
    pats: list[Pattern] = []
    for pos in _pos_of(tok):
        seen = set()
        for key in (tok.lemma_.lower(), tok.lower_):
            if key in seen:
                continue
            seen.add(key)
            pats.extend(lex.candidates(pos, key))
    if not pats:
        return None
    pats.sort(key=lambda p: -p.specificity)
    words = _lemma_index(local_tree(tok))
    args_cache: dict[tuple, Args] = {}
    for pat in pats:
        used = _used_tokens(pat, words)
        if used is None or not _meets(ctx, tok, pat, words):
            continue
        key = (pat.pos, used, pat.entry.target_preps, pat.entry.poss_is_target)
        if key not in args_cache:
            args_cache[key] = _args(ctx, lex, tok, pat, used)
        args = args_cache[key]
        if not _sector_ok(pat, args):
            continue
        return Candidate(
            tok=tok, pattern=pat, used=used, args=args, rule=pat.entry.id, cameo=pat.entry.cameo
        )
    return None


def sentence_candidates(ctx: DocContext, lex: Lexicon, sent: Span) -> list[Candidate]:
    """All trigger candidates of a sentence; pattern words of one are not triggers themselves."""
    cands = []
    for tok in sent:
        if not tok.is_alpha:
            continue
        cand = match_token(ctx, lex, tok)
        if cand is not None:
            cands.append(cand)
    used = {i for c in cands for i in c.used}
    used |= {i for c in cands for i in c.args.instruments}
    return [c for c in cands if c.tok.i not in used]
