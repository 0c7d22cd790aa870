"""index for the default event order (newest date first, most mentioned first)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

``search_events`` orders by ``date_start DESC, num_mentions DESC, id``; this index lets the
database walk events in that order instead of sorting every event for each page.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_order", "events", ["date_start", "num_mentions", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_order", table_name="events")
