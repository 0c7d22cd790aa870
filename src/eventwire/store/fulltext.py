"""Full-text search over article titles and texts: SQLite FTS5 or PostgreSQL ``tsvector``.

The index objects are created by migration 0002. Users type plain words; a ``"quoted
phrase"`` stays a phrase; every word or phrase must occur (AND). Stemming is English on both
back ends (FTS5 ``porter`` tokenizer, PostgreSQL ``english`` configuration).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, false, func, literal_column, select, table, text

from .tables import documents

_TERM = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+")


def terms(query: str) -> list[str]:
    """The words and quoted phrases of a user query, stripped of FTS syntax characters."""
    out = []
    for phrase, word in _TERM.findall(query):
        cleaned = " ".join(_WORD.findall(phrase or word))
        if cleaned:
            out.append(cleaned)
    return out


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression: every term as a quoted string (implicit AND)."""
    return " ".join(f'"{t}"' for t in terms(query))


def pg_query(query: str) -> str:
    """A ``websearch_to_tsquery`` input: words, and phrases in double quotes."""
    return " ".join(f'"{t}"' if " " in t else t for t in terms(query))


def matches(dialect: str, query: str) -> ColumnElement[bool]:
    """A condition on ``documents`` that holds for the articles matching ``query``."""
    if not terms(query):
        return false()
    if dialect == "sqlite":
        fts = table("documents_fts", literal_column("rowid"))
        ids = (
            select(literal_column("rowid"))
            .select_from(fts)
            .where(text("documents_fts MATCH :fts_q").bindparams(fts_q=fts5_query(query)))
        )
        return documents.c.id.in_(ids)
    if dialect == "postgresql":
        return literal_column("documents.search").op("@@")(
            func.websearch_to_tsquery("english", pg_query(query))
        )
    raise ValueError(f"full-text search is not supported on {dialect!r}")
