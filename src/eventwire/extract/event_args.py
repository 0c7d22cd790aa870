"""Event arguments from the dependency parse: who is the source and who the target of a trigger.

Verbs take their source from the subject (the agent of a passive, the controller of an
infinitive, the head noun of a relative clause) and their target from the object (the subject
of a passive, a dative or a prepositional object). Nouns take theirs from possessives, actor
modifiers ("a US strike") and prepositions ("the attack on X by Y", "the killing of X").
Participants are coded through the actors stage's :func:`~eventwire.extract.actors.code_phrase`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Token

from ..nlp.context import DocContext
from ..nlp.syntax import coordination_head
from ..schema import ActorRef
from . import actors, event_countries

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "acl", "csubj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# Nouns of an attack that can carry the agent of a passive: "killed in a US strike".
INSTRUMENT_PREPS = frozenset({"in", "during", "by", "after", "from"})
_OF = frozenset({"of"})
SUBORDINATING_PREPS = frozenset({"after", "before", "since", "until", "as", "when", "because"})


@dataclass
class Args:
    """The participants found for one trigger, with the tokens they came from."""

    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)
    instruments: list[int] = field(default_factory=list)


def _phrase_span(tok: Token):
    """The noun phrase of ``tok``: its left dependents plus an "of" phrase, within the sentence."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if (
            (child.dep_ in ("prep",) and child.lower_ == "of")
            or child.dep_ in ("compound", "appos", "flat")
            or child.text in ("'s", "’s")
        ):
            end = max(end, child.right_edge.i + 1)
    sent = tok.sent
    return doc[max(start, sent.start) : min(end, sent.end)]


def code_token(ctx: DocContext, tok: Token) -> list[ActorRef]:
    """The actors named by the phrase headed by ``tok`` (several for "Hungarian and Romanian")."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return []
    actor = actors.actor_at(ctx, tok.i)
    if actor is not None:
        return [actors.actor_ref(actor, ctx.char_span(tok))]
    mods: list[ActorRef] = []
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i:
            for t in (child, *child.conjuncts):
                ref = actors.code_phrase(ctx, tok.doc[t.i : t.i + 1])
                if ref is not None and ref.country and all(ref.country != m.country for m in mods):
                    mods.append(ref)
    if len(mods) >= 2:
        return mods
    ref = actors.code_phrase(ctx, _phrase_span(tok))
    # "his Peruvian counterpart": the nationality beats the possessive pronoun
    if (
        ref is not None
        and mods
        and ref.country not in {m.country for m in mods}
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    ):
        return mods
    if ref is not None:
        return [ref]
    if mods:
        return mods
    # "a camp for Congolese refugees", "the deputy chief of Israel's militia", the author of
    # a deed: "abuses by Croatian extremists", "a march organized by students"
    for child in tok.rights:
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl" and child.tag_ == "VBN" and tok.dep_ in OBJECT_DEPS:
            # only a deed the verb acts on, not a setting ("at a lunch hosted by X")
            preps = [a for a in child.children if a.dep_ == "agent"]
        for prep in preps:
            if prep.lower_ not in ("of", "for", "from", "by"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    ref = actors.code_phrase(ctx, _phrase_span(pobj))
                    if ref is not None:
                        return [ref]
    return []


LOCATIVE_PREPS = frozenset({"in", "at", "into", "on", "near", "outside", "across", "throughout"})


def place_targets(ctx: DocContext, tok: Token, depth: int = 2) -> list[ActorRef]:
    """Places where an event happened, as its target when it has no other ("rioted in Israel")."""
    out: list[ActorRef] = []
    frontier = [tok] + [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    for level in event_countries.locative_levels(frontier, LOCATIVE_PREPS, depth):
        for pobj in level:
            # "in the capital city of Algiers", "in the capital Kabul"
            names = [pobj] + [
                t
                for t in pobj.subtree
                if (t.dep_ in ("pobj", "appos", "compound") and t.head.head.i == pobj.i)
                or (t.dep_ == "appos" and t.head.i == pobj.i)
            ]
            for name in names:
                if name.ent_type_ in ("GPE", "LOC", "FAC"):
                    out.extend(r for r in code_token(ctx, name) if r.country)
                    break
        if out:
            return out
    return out


def _located(ctx: DocContext, tok: Token, ref: ActorRef) -> ActorRef:
    """ "Opposition groups in Zimbabwe", "the government of Sindh province": a participant
    without a country takes its own place's."""
    if ref.country:
        return ref
    if not event_countries.placeable(ctx, ref, own=True):
        return ref
    country = event_countries.own_place(ctx, tok)
    return ref.model_copy(update={"country": country}) if country else ref


def code_tokens(ctx: DocContext, toks: list[Token]) -> list[ActorRef]:
    """Code each token and its conjuncts; one reference per distinct actor."""
    out: list[ActorRef] = []
    seen: set[tuple] = set()
    for tok in toks:
        for t in (tok, *tok.conjuncts):
            for ref in (_located(ctx, t, r) for r in code_token(ctx, t)):
                key = (ref.actor_id, ref.name, ref.country)
                if key not in seen:
                    seen.add(key)
                    out.append(ref)
    return out


def actor_modifiers(ctx: DocContext, noun: Token) -> list[Token]:
    """Children of ``noun`` that name an actor: possessives, "US" in "a US strike"."""
    out = []
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and child.i < noun.i and code_token(ctx, child):
            out.append(child)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _children(tok: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def instrument_agent(ctx: DocContext, tok: Token) -> tuple[list[Token], list[int]]:
    """Actor modifiers of an attack noun in a prepositional phrase: "in a US strike" -> US.

    Returns the modifiers and the ids of the nouns they modify (which the event absorbs).
    """
    out: list[Token] = []
    nouns: list[int] = []
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in INSTRUMENT_PREPS:
            continue
        for pobj in child.children:
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                mods = actor_modifiers(ctx, pobj)
                if mods:
                    out.extend(mods)
                    nouns.append(pobj.i)
    return out, nouns


def casualty_victims(noun: Token, casualty_words: frozenset[str]) -> list[Token]:
    """The victim when an attack noun explains a death: "the death of X in a US attack" -> X."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in INSTRUMENT_PREPS:
        return []
    head = noun.head.head
    if head.lemma_.lower() not in casualty_words and head.lower_ not in casualty_words:
        return []
    victims = [p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return victims or _children(head, PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS)


def _misattached_subject(verb: Token) -> list[Token]:
    """Repair "after a mob laid siege": the parser hangs the subject on the preposition."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    for tok in reversed(verb.doc[verb.sent.start : verb.i]):
        if tok.dep_ == "pobj" and tok.head.lower_ in SUBORDINATING_PREPS:
            return [tok]
        if tok.pos_ in ("VERB", "AUX", "PUNCT") and tok.dep_ not in ("amod", "compound"):
            return []
    return []


def inherited_subject(
    verb: Token, control: frozenset[str] = frozenset(), depth: int = 0
) -> list[Token]:
    """The subject a verb without one takes from the clause it depends on.

    ``control`` holds the verbs whose object, not subject, performs the infinitive ("urged
    Iran to withdraw").
    """
    if depth > 4:
        return []
    head = coordination_head(verb)
    if head == verb:
        return []
    dep = verb.dep_
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if dep == "advcl" and verb.tag_ not in ("VB", "VBG", "VBN"):
        return _misattached_subject(verb)
    if dep in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if dep == "xcomp" and head.lemma_.lower() in control:
            objs = _children(head, OBJECT_DEPS)
            if objs:
                return objs
        subj = _children(head, SUBJECT_DEPS)
        if subj:
            return subj
        if is_passive(head) and dep == "xcomp":
            return _children(head, PASSIVE_SUBJECT_DEPS)
        return inherited_subject(head, control, depth + 1)
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return [t for t in head.children if t.dep_ in MODIFIER_DEPS and t.i < head.i]
    if dep == "pcomp" and head.dep_ == "prep":
        # "guilty of violating", "accused of killing" (the latter is folded by its frame)
        gov = head.head
        if gov.dep_ in ("acomp", "attr") or gov.pos_ == "ADJ":
            gov = gov.head
        subj = _children(gov, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return subj or (inherited_subject(gov, control, depth + 1) if gov != head else [])
    return []


def verb_args(
    ctx: DocContext,
    verb: Token,
    target_preps: frozenset[str],
    skip: frozenset[int],
    control: frozenset[str] = frozenset(),
    experiencer: bool = False,
) -> Args:
    """Source and target of a verbal trigger; ``skip`` holds token ids used by the pattern.

    ``experiencer``: a passive form names the source ("is committed to", "is prepared to").
    """
    args = Args()
    if is_passive(verb) and experiencer:
        # "Vietnam is committed to ...": the passive subject is the one who commits
        args.source_tokens = _children(verb, PASSIVE_SUBJECT_DEPS)
        args.target_tokens, args.target = object_targets(ctx, verb, target_preps, skip)
    elif is_passive(verb):
        args.target_tokens = _children(verb, PASSIVE_SUBJECT_DEPS)
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        if agents:
            args.source_tokens = agents
        else:
            args.source_tokens, args.instruments = instrument_agent(ctx, verb)
        args.target = code_tokens(ctx, args.target_tokens)
    else:
        args.source_tokens = _children(verb, SUBJECT_DEPS) or inherited_subject(verb, control)
        if not args.source_tokens:
            args.source_tokens = _misattached_subject(verb)
        args.target_tokens, args.target = object_targets(ctx, verb, target_preps, skip)
    args.source = code_tokens(ctx, args.source_tokens)
    return args


def object_targets(
    ctx: DocContext, verb: Token, target_preps: frozenset[str], skip: frozenset[int] = frozenset()
) -> tuple[list[Token], list[ActorRef]]:
    """The first coded group among: the direct object; prepositional objects of the direct
    object ("action against Russia"), of the verb ("sanctions on X") and of the pattern's own
    words ("lay siege to X", "call on X")."""
    objs = [t for t in _children(verb, OBJECT_DEPS) if t.i not in skip]
    if not objs:
        # "denounced as a crime Serbia's crackdown": the parser hangs the object on "as"
        objs = [a for p in _prep_objects(verb, frozenset({"as"})) for a in _children(p, {"appos"})]
    groups = [objs, [p for o in objs for p in _prep_objects(o, target_preps)]]
    groups.append([t for t in _prep_objects(verb, target_preps) if t.i not in skip])
    words = [verb.doc[i] for i in sorted(skip)]
    groups.append([o for w in words for o in _children(w, OBJECT_DEPS) if o.i not in skip])
    # a pattern noun's own complement before the verb's other phrases: "tighten the blockade
    # of Libya with Malta's help"
    groups.append([p for w in words if w.pos_ == "NOUN" for p in _prep_objects(w, _OF)])
    groups.append([p for w in words for p in _prep_objects(w, target_preps)])
    # a pattern word may itself be the target: "expel diplomat", "release prisoner"
    groups.append([t for t in _children(verb, OBJECT_DEPS) if t.i in skip])
    for group in groups:
        refs = code_tokens(ctx, group)
        if refs:
            return group, refs
    return objs, []


def noun_args(
    ctx: DocContext,
    noun: Token,
    target_preps: frozenset[str],
    skip: frozenset[int],
    poss_is_target: bool = False,
    light_verbs: frozenset[str] = frozenset(),
    joint: bool = False,
) -> Args:
    """Source and target of a nominal trigger ("Iran's attack on X", "the killing of X").

    ``joint``: the act is done together (a meeting, talks, a call), so the one who acts in
    the clause around it took part: "Trump told reporters during a meeting with Sisi"."""
    args = Args()
    by = [p for c in noun.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    targets = [t for t in _prep_objects(noun, target_preps | {"of"}) if t.i not in skip]
    mods = [t for t in actor_modifiers(ctx, noun) if t.i not in skip]
    poss = [t for t in mods if t.dep_ == "poss"]
    others = [t for t in mods if t.dep_ != "poss"]
    sources = by or others
    if poss:
        if poss_is_target and not targets:
            targets = poss
        elif not by:
            sources = poss + [t for t in others if t not in poss]
    if not sources and noun.dep_ in ("dobj", "pobj", "nsubjpass"):
        # a light or causative verb lends its subject: "launched an attack", "ordered the killing"
        gov = noun.head if noun.dep_ != "pobj" else noun.head.head
        if gov.lemma_.lower() in light_verbs:
            if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "attr"):
                gov = gov.head  # "is responsible for the killings"
            if gov.pos_ in ("VERB", "AUX"):
                sources = _children(gov, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) or inherited_subject(
                    gov
                )
    if not sources and joint:
        sources = setting_subject(noun)
    args.source_tokens, args.target_tokens = sources, targets
    args.source = code_tokens(ctx, sources)
    args.target = code_tokens(ctx, targets)
    if not args.target and (targets or skip):
        # "a suspension of air links with Serbia": one phrase further down, also below the
        # pattern's own words ("suspension of flights" is one pattern)
        words = targets + [noun.doc[i] for i in sorted(skip) if i != noun.i]
        deeper = [p for t in words for p in _prep_objects(t, target_preps) if p.i not in skip]
        args.target = code_tokens(ctx, deeper)
        if args.target:
            args.target_tokens = deeper
    return args


SETTING_PREPS = frozenset({"during", "in", "at", "after", "before", "following", "ahead"})


def setting_subject(noun: Token) -> list[Token]:
    """The subject of the clause a noun is the setting of: "X said during talks with Y",
    "after a meeting with Y, X announced" -> X."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    return _children(verb, SUBJECT_DEPS) or inherited_subject(verb)


def adjective_args(ctx: DocContext, adj: Token) -> Args:
    """A predicate adjective: its subject ("Iran's actions are destabilizing")."""
    args = Args()
    head = adj.head if adj.dep_ in ("acomp", "attr", "oprd") else adj
    subj = _children(head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) or inherited_subject(head)
    if adj.pos_ == "ADJ" and adj.dep_ == "amod":
        subj = [adj.head]
    args.source_tokens = subj
    args.source = code_tokens(ctx, subj)
    return args


def clause_target(
    ctx: DocContext, frame: Token, target_preps: frozenset[str], depth: int = 0
) -> list[ActorRef]:
    """The actor a frame's clause acts upon, when the frame itself has no object.

    "demanded that the DPRK forsake ..." -> DPRK; "threatened to cut off power to X" -> X.
    """
    for child in frame.children:
        # "an allegation that the NPFL had seized the port": a noun's content clause
        content = child.dep_ == "acl" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in child.children
        )
        if child.dep_ == "ccomp" or (content and frame.pos_ == "NOUN"):
            refs = code_tokens(ctx, _children(child, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))
            if refs:
                return refs
        if child.dep_ == "xcomp" or (
            child.dep_ == "advcl" and any(a.lower_ == "to" for a in child.children)
        ):
            refs = object_targets(ctx, child, target_preps)[1] or place_targets(ctx, child)
            if not refs and depth < 2:
                # "willing to send material to help defend Saudi Arabia"
                refs = clause_target(ctx, child, target_preps, depth + 1)
            if refs:
                return refs
    return []


CONDITION_MARKS = frozenset({"if", "unless"})


def condition_target(ctx: DocContext, frame: Token, depth: int = 2) -> list[ActorRef]:
    """The actor a threat's condition names: "threatened to halt the talks if Japan goes
    ahead" -> Japan, "will retaliate unless the rebels withdraw" -> the rebels."""
    frontier = [frame]
    for _ in range(depth + 1):
        nxt = []
        for t in frontier:
            for child in t.children:
                if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children
                ):
                    refs = code_tokens(ctx, _children(child, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))
                    if refs:
                        return refs
                elif child.dep_ in ("xcomp", "ccomp", "conj"):
                    nxt.append(child)
        frontier = nxt
    return []


STANCE_FILE = "events/stance_nouns.txt"
STANCE_PREPS = frozenset({"of", "at", "against", "to", "for", "over", "with", "by", "from"})
# "in defiance of", "as a reprisal for", "out of solidarity with", "despite pressure from"
STANCE_HEAD_PREPS = frozenset({"in", "as", "out", "despite"})
_STANCE_KEY = "events.stance_nouns"


def _load_stance_nouns() -> frozenset[str]:
    text = resources.files("eventwire.data").joinpath(STANCE_FILE).read_text("utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def stance_target(ctx: DocContext, verb: Token) -> list[ActorRef]:
    """The actor a stance phrase of the verb or of its purpose clause faces: "marched in
    defiance of Chinese authorities", "blocked a road to show anger at Washington's policies"
    (nouns in ``data/events/stance_nouns.txt``)."""
    nouns = ctx.resources.get(_STANCE_KEY, _load_stance_nouns)
    heads = [verb] + [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
    ]
    stances = [p for h in heads for p in _prep_objects(h, STANCE_HEAD_PREPS)]
    stances += [o for h in heads[1:] for o in _children(h, OBJECT_DEPS)]
    for noun in stances:
        if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
            continue
        refs = code_tokens(ctx, _prep_objects(noun, STANCE_PREPS))
        if refs:
            return refs
    return []
