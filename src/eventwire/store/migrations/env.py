"""Alembic environment for the eventwire store.

Run programmatically by :func:`eventwire.store.engine.migrate`, which passes an open
connection (inside the writer lock) in ``config.attributes["connection"]``. Command-line use:
``alembic -x url=sqlite:///eventwire.db upgrade head`` with ``script_location`` pointing here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventwire.store.tables import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    with create_engine(url).begin() as conn:
        _run(conn)
