"""The database schema: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

Every row that comes from a :class:`eventwire.schema.DocumentRecord` keeps the full model dump
in a ``data`` JSON column (so a stored document reads back exactly), next to the columns that
queries filter on. ``events`` holds deduplicated events; ``mentions`` holds each coded event
as reported in one sentence of one document (GDELT's Mentions table), linked to its event.

The Alembic migrations in ``migrations/versions`` create this schema; a test checks that the
migrated database and this metadata agree. Full-text search objects (SQLite FTS5 table,
PostgreSQL ``tsvector`` column) are created by the migrations only, per dialect.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _doc_fk() -> Column:
    return Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(300), nullable=False, index=True, comment="the record's own id"),
    Column("url", Text),
    Column("url_key", String(700), unique=True, comment="normalized URL (NULL when none)"),
    Column("content_hash", String(64), nullable=False, unique=True, comment="sha256 of text"),
    Column("source", String(300)),
    Column("source_key", String(300), nullable=False, index=True, comment="outlet or host"),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("tone", JSON),
    Column("tone_score", Float, comment="tone.tone, for averages"),
    Column("origin", Text),
    Column("model", String(100)),
    Column("schema_version", String(16), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", String(300), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("country", String(3), index=True),
    Column("sector", String(16)),
    Column("code", String(32), index=True),
    Column("title", Text),
    Column("confidence", Float, nullable=False),
    Column("data", JSON, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("name_key", String(300), index=True),
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(3)),
    Column("feature", String(16)),
    Column("data", JSON, nullable=False),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("data", JSON, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_key", String(300), index=True),
    Column("kind", String(16), nullable=False),
    Column("medium", String(32)),
    Column("date", String(32)),
    Column("confidence", Float, nullable=False),
    Column("data", JSON, nullable=False),
)


def _actor_columns(role: str) -> list[Column]:
    return [
        Column(f"{role}_name", Text),
        Column(f"{role}_country", String(3)),
        Column(f"{role}_sector", String(16)),
        Column(f"{role}_code", String(32)),
    ]


def _place_columns() -> list[Column]:
    return [
        Column("location_name", Text),
        Column("geonameid", Integer),
        Column("lat", Float),
        Column("lon", Float),
        Column("location_country", String(3)),
    ]


def _event_columns() -> list[Column]:
    """Columns shared by mentions and events: the coded event itself."""
    return [
        Column("type_key", String(40), nullable=False, comment="P:<PLOVER> or C:<CAMEO root>"),
        Column("plover_type", String(32)),
        Column("plover_mode", String(32)),
        Column("cameo", String(8)),
        Column("cameo_root", String(2)),
        Column("goldstein", Float),
        Column("quad_class", Integer),
        *_actor_columns("source"),
        *_actor_columns("target"),
        Column("date", String(32), comment="ISO day, week, month or year"),
        Column("date_precision", String(16), comment="day, week, month, year, published or NULL"),
        Column("date_start", Date),
        Column("date_end", Date),
        *_place_columns(),
        Column("historical", Boolean, nullable=False),
        Column("negated", Boolean, nullable=False),
        Column("hypothetical", Boolean, nullable=False),
        Column("future", Boolean, nullable=False),
    ]


events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    *_event_columns(),
    Column("source_keys", JSON, nullable=False, comment="actor keys used by the dedup rule"),
    Column("target_keys", JSON, nullable=False),
    Column("story_terms", JSON, comment="story terms of the anchor mention's sentence"),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("first_seen", Date, comment="earliest publication date of a mentioning article"),
    Column("last_seen", Date),
    Column("first_document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("is_root", Boolean, nullable=False, comment="some mention is in a lead sentence"),
    Column("avg_tone", Float),
    Column("confidence", Float, nullable=False, comment="highest mention confidence"),
    Index("ix_events_type_date", "type_key", "date_start"),
    Index("ix_events_order", "date_start", "num_mentions", "id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column(
        "event_id",
        Integer,
        ForeignKey("events.id", ondelete="SET NULL"),
        index=True,
        comment="the deduplicated event this mention belongs to",
    ),
    Column("local_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("date_source", String(16)),
    *_event_columns(),
    Column("confidence", Float, nullable=False),
    Column("data", JSON, nullable=False),
)

#: Tables holding per-document rows, in the order they are written.
DOCUMENT_TABLES = (actors, places, times, quotes, mentions)


# -- watcher state (``eventwire watch``) ---------------------------------------------------------
watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("location", Text, nullable=False, comment="feed URL or file path"),
    Column("location_key", String(64), nullable=False, unique=True, comment="sha256 of location"),
    Column("etag", Text, comment="validator to send as If-None-Match"),
    Column("last_modified", Text, comment="validator to send as If-Modified-Since"),
    Column("last_poll", DateTime(timezone=True)),
    Column("last_status", String(16), comment="ok, not_modified or error"),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, comment="consecutive failed polls"),
    Column("next_poll", DateTime(timezone=True), comment="next poll or retry"),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("watch_feeds.id", ondelete="CASCADE"), nullable=False),
    Column("item_key", String(64), nullable=False, comment="sha256 of guid, link or content"),
    Column("link_key", String(700), index=True, comment="normalized link (NULL when none)"),
    Column("link", Text),
    Column("data", JSON, nullable=False, comment="the feed item (the fallback text)"),
    Column("status", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, comment="failed attempts so far"),
    Column("next_try", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    UniqueConstraint("feed_id", "item_key", name="uq_watch_items_feed_item"),
)
