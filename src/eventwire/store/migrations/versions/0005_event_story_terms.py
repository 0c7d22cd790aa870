"""story terms of each event's anchor mention (the same-story signal of deduplication)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

``events.story_terms`` holds the stemmed content words of the sentence of the event's first
mention (``eventwire.store.story``); a new mention joins the event only when its own terms
agree with them. Events stored before this column existed have NULL there, and the signal is
not applied to them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column(
                "story_terms",
                sa.JSON(),
                nullable=True,
                comment="story terms of the anchor mention's sentence",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("story_terms")
