"""watcher state: polled feeds and the items seen in them (``eventwire watch``)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

``watch_feeds`` keeps each feed's HTTP validators (ETag, Last-Modified), last poll, count of
consecutive failures and next poll time; ``watch_items`` keeps every item seen, with its
status (pending, stored, duplicate, rejected, failed), failed attempts and next retry time,
so that a restarted watcher neither loses nor repeats items. Additive: no existing table
changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False, comment="feed URL or file path"),
        sa.Column(
            "location_key", sa.String(length=64), nullable=False, comment="sha256 of location"
        ),
        sa.Column("etag", sa.Text(), nullable=True, comment="validator to send as If-None-Match"),
        sa.Column(
            "last_modified",
            sa.Text(),
            nullable=True,
            comment="validator to send as If-Modified-Since",
        ),
        sa.Column("last_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "last_status", sa.String(length=16), nullable=True, comment="ok, not_modified or error"
        ),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False, comment="consecutive failed polls"),
        sa.Column(
            "next_poll", sa.DateTime(timezone=True), nullable=True, comment="next poll or retry"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_feeds")),
        sa.UniqueConstraint("location_key", name=op.f("uq_watch_feeds_location_key")),
    )
    op.create_table(
        "watch_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column(
            "item_key",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of guid, link or content",
        ),
        sa.Column(
            "link_key",
            sa.String(length=700),
            nullable=True,
            comment="normalized link (NULL when none)",
        ),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False, comment="the feed item (the fallback text)"),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, comment="failed attempts so far"),
        sa.Column("next_try", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_watch_items_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["watch_feeds.id"],
            name=op.f("fk_watch_items_feed_id_watch_feeds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_items")),
        sa.UniqueConstraint("feed_id", "item_key", name="uq_watch_items_feed_item"),
    )
    with op.batch_alter_table("watch_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watch_items_link_key"), ["link_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_watch_items_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("watch_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_watch_items_status"))
        batch_op.drop_index(batch_op.f("ix_watch_items_link_key"))
    op.drop_table("watch_items")
    op.drop_table("watch_feeds")
