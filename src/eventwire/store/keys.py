"""Normalized keys: what makes two documents, outlets, names or dates "the same" in the store.

* a document is identified by its normalized URL and by the hash of its normalized text;
* an outlet by its ``source`` name, else the URL's host;
* a name by its case-folded, accent- and punctuation-free form;
* an ISO date of any precision (day, week, month, year) by the interval of days it covers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]")
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|cmpid$)")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def normalize_text(text: str) -> str:
    """Text as compared for identity: NFKC, whitespace runs collapsed, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of :func:`normalize_text` of ``text``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str | None:
    """A URL as compared for identity, or ``None`` when there is none (or it is not http[s]).

    Scheme and host are lower-cased, ``www.`` and the fragment dropped, tracking parameters
    (``utm_*``, ``fbclid`` …) removed, remaining parameters sorted, a trailing ``/`` removed.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        )
    )
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, query, ""))[:700]


def source_key(source: str | None, url: str | None) -> str:
    """The outlet: its name key, else the URL host, else ``"unknown"``."""
    if source and source.strip():
        return name_key(source)
    if url:
        try:
            host = urlsplit(url).netloc.lower().removeprefix("www.")
        except ValueError:
            host = ""
        if host:
            return host
    return "unknown"


def name_key(name: str) -> str:
    """Case-folded name without accents, punctuation or extra spaces: ``"Dr. José  Ruiz"`` ->
    ``"dr jose ruiz"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", _NON_WORD.sub(" ", plain.casefold())).strip()[:300]


def date_interval(value: str | None) -> tuple[str | None, dt.date | None, dt.date | None]:
    """``(precision, first_day, last_day)`` of an ISO date, week, month or year.

    Unknown forms (``None``, ``"PRESENT_REF"``, ``"2020-SU"`` …) give ``(None, None, None)``.
    """
    if not value:
        return None, None, None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return "day", day, day
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return "week", start, start + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            start = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return "month", start, nxt - dt.timedelta(days=1)
        if m := _YEAR.match(value):
            year = int(m[1])
            if year < 1:
                return None, None, None
            return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None, None, None
    return None, None, None
