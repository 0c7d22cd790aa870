"""The eventwire exception tree and error catalogue.

    EventwireError
    ├── InputError            a document could not be read; carries a catalogue code
    ├── ConfigError           a setting is invalid
    └── ResourceError         a data file or model is missing or invalid

Input problems never stop a batch: readers turn them into :class:`eventwire.schema.Rejection`
records with one of the codes below.
"""

from __future__ import annotations

#: code -> message template. Messages say what arrived and what to do.
CATALOGUE: dict[str, str] = {
    "E101": "empty document: nothing to extract",
    "E102": "binary content ({detail}): not a text, HTML, feed or JSONL document",
    "E103": "cannot decode text ({detail}); save it as UTF-8 or give an HTML charset",
    "E104": "document too large ({detail}); raise --max-bytes / max_chars to accept it",
    "E105": "malformed JSON ({detail})",
    "E106": "malformed feed ({detail})",
    "E107": "no article text found in HTML ({detail})",
    "E108": "cannot read input ({detail})",
    "E109": "fetch failed ({detail})",
    "E110": "skipped: language is '{detail}', the pipeline is English-only",
    "E111": "JSON object has no 'text' or 'html' field ({detail})",
    "E112": "no such file, directory or URL ({detail})",
    "E113": "unsupported input type ({detail})",
    "E114": "feed has no items ({detail})",
    "E201": "extraction failed ({detail}); please report this with the document",
}


def message(code: str, detail: str = "") -> str:
    """Format the catalogue message for ``code``."""
    return f"[{code}] " + CATALOGUE[code].format(detail=detail)


class EventwireError(Exception):
    """Base class of all eventwire errors."""


class InputError(EventwireError):
    """A document could not be read or parsed."""

    def __init__(self, code: str, detail: str = "", stage: str = "read") -> None:
        self.code = code
        self.detail = detail
        self.stage = stage
        super().__init__(message(code, detail))


class ConfigError(EventwireError):
    """An invalid setting."""


class ResourceError(EventwireError):
    """A data file or model is missing or invalid."""
