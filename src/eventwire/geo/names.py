"""Place-name normalization: the one key under which gazetteer names and text mentions meet.

``normalize("São Paulo") == normalize("Sao Paulo") == "sao paulo"``; periods vanish so that
``"U.S."`` and ``"US"`` meet; a leading article is dropped (``"the Netherlands"``). Variants add
the usual English abbreviations (``St.``/``Saint``, ``Ft.``/``Fort``, ``Mt.``/``Mount``).
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"[\s\u00a0]+")
_DROP = re.compile(r"[.\u2019'`´]")
_DASH = re.compile(r"[\u2010-\u2015-]")
_LATIN = re.compile(r"^[a-z0-9 ,&()/-]+$")
_ARTICLE = re.compile(r"^the ")

#: abbreviation -> full form; both directions are indexed
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def normalize(name: str) -> str:
    """Lower-case, accent-free, period-free, single-spaced form of ``name``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.casefold())
    text = _DASH.sub("-", text)
    text = _SPACE.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


def is_latin(key: str) -> bool:
    """True when a normalized name uses only basic Latin letters (keeps the index small)."""
    return bool(_LATIN.match(key))


def variants(name: str) -> set[str]:
    """The normalized name plus its abbreviation variants (``st louis`` <-> ``saint louis``)."""
    key = normalize(name)
    out = {key}
    if not key:
        return set()
    first, _, rest = key.partition(" ")
    if rest:
        if first in _ABBREVIATIONS:
            out.add(f"{_ABBREVIATIONS[first]} {rest}")
        for short, full in _ABBREVIATIONS.items():
            if first == full:
                out.add(f"{short} {rest}")
    return out


def strip_suffix(key: str, suffixes: tuple[str, ...]) -> str | None:
    """``key`` without a trailing generic word (``"rapides parish"`` -> ``"rapides"``), if any."""
    for suffix in suffixes:
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix) - 1]
    return None
