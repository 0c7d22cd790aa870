"""spaCy components of eventwire (all registrations live in this module).

``eventwire_paragraph_breaks`` runs before the parser and starts a sentence after every
line break, so that no sentence (and no subject-verb link) spans two paragraphs, headlines
or an embedded tweet's author line. The parser keeps the boundaries it is given.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "eventwire_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a whitespace token holding a newline as a sentence start."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        after_break = (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_
        if after_break and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


def add_components(nlp: Language) -> Language:
    """Add eventwire's components to a loaded pipeline (idempotent)."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
