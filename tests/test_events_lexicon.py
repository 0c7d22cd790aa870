"""The trigger lexicon (data/events/triggers.yaml): coverage, validation, phrase heads."""

from __future__ import annotations

import pytest

from eventwire.errors import ResourceError
from eventwire.extract.event_lexicon import PLOVER_TYPES, load_lexicon, parse_lexicon
from eventwire.resolve.cameo import load_codebook


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def lexicon(codebook):
    return load_lexicon(codebook)


def test_covers_every_cameo_root(lexicon):
    roots = {e.cameo[:2] for e in lexicon.entries if e.cameo}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_covers_every_plover_type(lexicon, codebook):
    types = set()
    for e in lexicon.entries:
        if e.cameo:
            types.add((e.plover or {}).get("type") or codebook.lookup(e.cameo).plover_type)
    assert types - {None} == PLOVER_TYPES


def test_multiword_verb_head_is_the_first_word(lexicon):
    pats = [p for p in lexicon.candidates("verb", "impose") if p.entry.id == "reduce.sanctions"]
    assert pats and any("sanction" in alt for p in pats for alt in p.others)


def test_noun_head_is_the_last_word_or_before_of(lexicon):
    assert any(p.entry.id == "protest.hunger_strike" for p in lexicon.candidates("noun", "strike"))
    heads = [p.head for p in lexicon.index.get(("noun", "release"), ())]
    assert "release" in heads


def test_hyphenated_words_match_piecewise(lexicon):
    pats = lexicon.candidates("noun", "fire")
    assert any(p.entry.id == "yield.ceasefire" and frozenset({"cease"}) in p.others for p in pats)


def test_more_specific_patterns_come_first(lexicon):
    pats = lexicon.candidates("verb", "call")
    specs = [p.specificity for p in pats]
    assert specs == sorted(specs, reverse=True)


def test_recode_uses_the_longest_prefix(lexicon):
    assert lexicon.recode_code("intent", "0621") == "0312"
    assert lexicon.recode_code("intent", "062") == "0312"
    assert lexicon.recode_code("request", "0871") == "0256"
    assert lexicon.recode_code("threat", "195") == "1384"
    assert lexicon.recode_code("intent", "111") is None


def _doc(entry: dict) -> dict:
    return {"entries": [entry]}


def test_unknown_code_is_rejected(codebook):
    with pytest.raises(ResourceError, match="unknown CAMEO"):
        parse_lexicon(_doc({"id": "x", "cameo": "999", "verbs": ["zap"]}), codebook)


def test_bare_yaml_booleans_are_rejected(codebook):
    with pytest.raises(ResourceError, match="non-string"):
        parse_lexicon(
            _doc({"id": "x", "cameo": "190", "verbs": ["zap"], "target_preps": [True]}), codebook
        )


def test_unknown_frame_and_requirement_are_rejected(codebook):
    with pytest.raises(ResourceError, match="frame"):
        parse_lexicon(
            _doc({"id": "x", "cameo": "190", "frame": "wish", "verbs": ["zap"]}), codebook
        )
    with pytest.raises(ResourceError, match="requirement"):
        parse_lexicon(
            _doc({"id": "x", "cameo": "190", "requires": ["moon"], "verbs": ["zap"]}), codebook
        )


def test_duplicate_ids_are_rejected(codebook):
    data = {
        "entries": [
            {"id": "x", "cameo": "190", "verbs": ["a"]},
            {"id": "x", "cameo": "190", "verbs": ["b"]},
        ]
    }
    with pytest.raises(ResourceError, match="duplicate"):
        parse_lexicon(data, codebook)


def test_no_catch_all_entry(lexicon):
    # every verb pattern names a word: an unknown verb can never match
    assert all(p.head for pats in lexicon.index.values() for p in pats)
    assert ("verb", "") not in lexicon.index
