"""date precision column wide enough for "published"

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

``mentions.date_precision`` and ``events.date_precision`` were VARCHAR(8), one character short
of the precision class ``published`` (an event dated only by its article's publication day).
SQLite does not enforce the length; PostgreSQL refused such rows. Both become VARCHAR(16).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TABLES = ("mentions", "events")
_OLD_COMMENT = "day, week, month, year or NULL"
_NEW_COMMENT = "day, week, month, year, published or NULL"


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "date_precision",
                type_=sa.String(length=16),
                existing_type=sa.String(length=8),
                comment=_NEW_COMMENT,
                existing_comment=_OLD_COMMENT,
            )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "date_precision",
                type_=sa.String(length=8),
                existing_type=sa.String(length=16),
                comment=_OLD_COMMENT,
                existing_comment=_NEW_COMMENT,
            )
