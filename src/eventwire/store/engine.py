"""Opening a store: database URL, engine set-up per dialect, writer lock, migrations at open.

SQLite (the default, one file) runs in WAL mode so that readers never block the writer; every
write transaction starts with ``BEGIN IMMEDIATE`` so that two processes writing at once queue
on the database lock (with a generous busy timeout) instead of failing on a lock upgrade.
PostgreSQL write transactions take one transaction-level advisory lock, so that concurrent
writers deduplicate against each other's committed events.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from ..errors import ConfigError

log = logging.getLogger(__name__)

#: Key of the PostgreSQL advisory lock that serializes eventwire writers.
PG_WRITER_LOCK = 0x657677  # "evw"
SQLITE_BUSY_TIMEOUT_MS = 120_000
DEFAULT_DB = "eventwire.db"


def database_url(target: str | Path | None) -> str:
    """The SQLAlchemy URL for ``--db``: a file path (SQLite) or a ``postgresql://`` URL.

    ``postgresql://`` and ``postgres://`` use the psycopg (3) driver.
    """
    target = str(target or DEFAULT_DB)
    if target.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("eventwire_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Store:
    """An opened eventwire database. Build it with :func:`open_store`.

    Use :meth:`read` for queries and :meth:`write` for a write transaction; both yield a
    SQLAlchemy :class:`~sqlalchemy.Connection` to pass to the store functions.
    """

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (rolled back at the end)."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction holding the writer lock; committed when the block succeeds."""
        with self.engine.connect().execution_options(eventwire_write=True) as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITER_LOCK})
            yield conn

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _alembic_config(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("eventwire.store") / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(store: Store, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (under the writer lock, so concurrent opens are safe)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with store.write() as conn:
        cfg = _alembic_config(conn)
        head = ScriptDirectory.from_config(cfg).get_current_head()
        current = MigrationContext.configure(conn).get_current_revision()
        if revision == "head" and current == head:
            return
        log.info("migrating %s from %s to %s", store.url, current, revision)
        command.upgrade(cfg, revision)


def open_store(
    target: str | Path | None = None, *, upgrade: bool = True, echo: bool = False
) -> Store:
    """Open (and by default create or upgrade) the database at ``target``.

    ``target`` is a file path (SQLite, default ``eventwire.db``), a ``postgresql://`` URL or
    any SQLAlchemy URL.
    """
    url = database_url(target)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        _setup_sqlite(engine)
    store = Store(engine=engine, url=parsed.render_as_string(hide_password=True))
    if upgrade:
        try:
            migrate(store)
        except OperationalError as exc:
            store.close()
            raise ConfigError(f"cannot open database {store.url}: {exc.orig}") from exc
    return store
