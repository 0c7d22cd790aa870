"""The same-story signal of deduplication: do two mentions' sentences tell the same story?

Type, actors, date and place (rules 1–5 of :mod:`eventwire.store.dedup`) are often not enough:
two mis-coded or unrelated sentences about one politician on one day ("Romney agreed with the
dissent …", "Romney pledged to repeal …") have the same type, the same actor and the same date.
Reports of one real event in different outlets, on the other hand, share what happened: the
place, the numbers, the object of the action, the other people and organizations named.

So each mention gets its *story terms*: the content words of its sentence (lower-cased,
Snowball-stemmed, numbers kept without separators) minus spaCy's English stop words, minus
the words of ``data/store/story_stopwords.txt`` (reporting verbs, titles, date words) and minus
the words of the mention's own source and target names, which rule 3 already compares (two
sentences about Obama share "Obama" whatever they report). Two mentions agree when they share
at least ``min_shared_terms`` terms and those make at least ``min_term_overlap`` of the terms of
the shorter sentence (the overlap coefficient, so a long sentence is not penalised for its
length).

The sentence is found in the article text around the trigger, between the nearest sentence
ends (". ", "? ", "! ", line break): an approximation, as records carry no sentence bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS

#: The word list of this module (``eventwire.data`` / ``store`` / ...).
STOPWORDS_FILE = "story_stopwords.txt"

_SENTENCE_ENDS = (". ", "\n", "? ", "! ")
_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Sentences longer than this many characters are cut around the trigger.
MAX_SENTENCE_CHARS = 600
#: Stems remembered per :class:`StoryTerms` (news vocabulary repeats; stemming is the cost).
STEM_CACHE_SIZE = 200_000


def sentence_around(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> str:
    """The sentence of ``text`` around ``[start, end)``: from the last sentence end before it to
    the next one; at most ``limit`` characters, cut around the span when longer."""
    left = max(text.rfind(p, 0, start) for p in _SENTENCE_ENDS)
    right_hits = [i for i in (text.find(p, end) for p in _SENTENCE_ENDS) if i >= 0]
    right = min(right_hits) + 1 if right_hits else len(text)
    lo, hi = left + 1, right
    if hi - lo > limit:
        half = limit // 2
        lo = max(lo, start - half)
        hi = min(hi, lo + limit)
    return text[lo:hi].strip()


def load_stopwords() -> frozenset[str]:
    """The words of ``data/store/story_stopwords.txt`` (lower-cased, comments dropped)."""
    text = (
        resources.files("eventwire.data")
        .joinpath("store")
        .joinpath(STOPWORDS_FILE)
        .read_text("utf-8")
    )
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


class StoryTerms:
    """Turns a mention's sentence into its story terms (module docstring). Build once per
    writer: it holds the stemmer and the stemmed stop list."""

    def __init__(self, extra_stopwords: Iterable[str] | None = None) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        extra = load_stopwords() if extra_stopwords is None else frozenset(extra_stopwords)
        words = {w.lower() for w in (*STOP_WORDS, *extra)}
        self._stop_words = frozenset(words)
        self._stems: dict[str, str] = {}
        self._stop_stems = frozenset(self._stem_all(sorted(words)))

    def _stem_all(self, words: Iterable[str]) -> list[str]:
        out = []
        for word in words:
            stem = self._stems.get(word)
            if stem is None:
                stem = self._stemmer.stemWord(word)
                if len(self._stems) < STEM_CACHE_SIZE:
                    self._stems[word] = stem
            out.append(stem)
        return out

    def _words(self, text: str) -> list[str]:
        out = []
        for raw in _WORD.findall(text.lower()):
            word = raw.replace("’", "'")
            if word[0].isdigit():
                out.append(re.sub(r"[,.]", "", word))
                continue
            word = word.split("'", 1)[0]  # "obama's" -> "obama", "don't" -> "don" (a stop word)
            if len(word) > 1 and word not in self._stop_words:
                out.append(word)
        return out

    def terms(self, sentence: str, actor_names: Iterable[str | None] = ()) -> list[str]:
        """The sorted story terms of ``sentence``, leaving out the words of ``actor_names``."""
        own = {w for name in actor_names if name for w in self._words(name)}
        words = [w for w in self._words(sentence) if w not in own]
        stems = set(self._stem_all(words))
        own_stems = set(self._stem_all(own))
        return sorted(stems - self._stop_stems - own_stems)


def same_story(a: Iterable[str], b: Iterable[str], min_shared: int, min_overlap: float) -> bool:
    """Whether two mentions' story terms agree: at least ``min_shared`` terms in common, making
    at least ``min_overlap`` of the shorter list. ``min_shared`` 0 always agrees."""
    if min_shared <= 0:
        return True
    mine, theirs = set(a), set(b)
    shared = len(mine & theirs)
    if shared < min_shared:
        return False
    return shared / min(len(mine), len(theirs)) >= min_overlap
