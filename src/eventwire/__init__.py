"""eventwire: turn news into structured political event data.

Public API (everything else is private implementation)::

    from eventwire import Pipeline, RawDocument, read_inputs, extract_text
    record = extract_text("Rebels attacked a convoy on Monday.", published="2024-03-08")
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, EventwireError, InputError, ResourceError
from .schema import (
    SCHEMA_VERSION,
    Actor,
    DocumentRecord,
    Event,
    Place,
    Quote,
    Rejection,
    TimeExpr,
    Tone,
)
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .ingest import RawDocument, read_inputs
    from .nlp import Pipeline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ConfigError",
    "DocumentRecord",
    "Event",
    "EventwireError",
    "InputError",
    "Pipeline",
    "Place",
    "Quote",
    "RawDocument",
    "Rejection",
    "ResourceError",
    "Settings",
    "TimeExpr",
    "Tone",
    "__version__",
    "extract_text",
    "load_settings",
    "read_inputs",
]

_LAZY = {"Pipeline": ".nlp", "RawDocument": ".ingest", "read_inputs": ".ingest"}


def __getattr__(name: str) -> Any:
    # The NLP stack is imported on first use so that `eventwire schema` and the store stay light.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def extract_text(
    text: str,
    *,
    published: str | dt.date | None = None,
    doc_id: str = "doc",
    pipeline: Pipeline | None = None,
) -> DocumentRecord:
    """Extract one text. Raises :class:`InputError` if the document is rejected."""
    from .ingest import RawDocument
    from .nlp import Pipeline

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    pipe = pipeline or Pipeline()
    result = pipe.process_one(RawDocument(id=doc_id, text=text, origin=doc_id, published=published))
    if isinstance(result, Rejection):
        raise InputError(result.code, result.reason.split("] ", 1)[-1], stage=result.stage)
    return result
