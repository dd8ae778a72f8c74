"""Engines, sessions and schema migrations.

SQLite runs in WAL mode with foreign keys on, so readers (the GUI's list, search) never block the writer.
The schema is always made by Alembic migrations, never by `create_all`: an archive made today opens in every
later release, which upgrades it (after a backup) the same way on SQLite and PostgreSQL.

A team archive lives on PostgreSQL (psycopg 3). This module and `archive`/`lock` are the only places that know
which engine they talk to; the rest of esgdesk asks `is_postgres(engine)` at most, through these helpers.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: URL schemes that name a team archive on a PostgreSQL server
POSTGRES_SCHEMES = ("postgresql", "postgres")
#: the advisory lock key under which the schema is migrated (two first openers must not both create tables)
_MIGRATION_LOCK = "esgdesk:migrate"
#: test hook (see `_transactional_sqlite_engine`): kill the process after this many migration statements
KILL_AFTER_VARIABLE = "ESGDESK_TEST_KILL_AFTER_STATEMENTS"


def sqlite_url(path: Path) -> str:
    if read_only_folder(path):
        return f"sqlite:///{sqlite_uri(path)}&uri=true"
    return f"sqlite:///{path}"


def read_only_folder(database: Path) -> bool:
    """Whether nobody can write in the database's folder (read-only media or mount, a folder without write
    permission): SQLite cannot make a WAL database's -shm file there, so it opens it only as immutable."""
    return database.parent.is_dir() and not os.access(database.parent, os.W_OK)


def sqlite_uri(database: Path) -> str:
    """A read-only URI of `database`, immutable in a read-only folder (where no one can change it anyway)."""
    immutable = "&immutable=1" if read_only_folder(database) else ""
    return f"{database.resolve().as_uri()}?mode=ro{immutable}"


def is_postgres_url(location: str) -> bool:
    scheme = location.split("://", 1)[0].split("+", 1)[0].lower() if "://" in location else ""
    return scheme in POSTGRES_SCHEMES


def postgres_url(location: str) -> str:
    """`location` with esgdesk's driver (psycopg 3) whatever the user wrote: postgres://, postgresql+…://."""
    url = make_url(
        location.replace("postgres://", "postgresql://", 1) if location.startswith("postgres://") else location
    )
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def is_postgres(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def make_engine(url: str) -> Engine:
    """An engine with the connection settings esgdesk relies on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _configure_sqlite_connection)
        return engine
    # A GUI and a few worker threads per analyst; the server's max_connections bounds the team, not us.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=20,
        connect_args={"application_name": "esgdesk", "connect_timeout": 10},
    )


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for `name` (Python's hash() changes between runs; hashtext is internal)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@contextlib.contextmanager
def advisory_lock(engine: Engine, name: str) -> Iterator[Connection | None]:
    """Hold PostgreSQL's session-level advisory lock `name` on a connection of its own (None on SQLite).

    Blocks until the lock is free. Used around migrations, where the wait is short and must not fail.
    """
    if not is_postgres(engine):
        yield None
        return
    key = advisory_key(name)
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        connection.commit()
        try:
            yield connection
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            connection.commit()


def transaction_lock(session_or_connection: object, name: str) -> None:
    """Serialise writers of one thing (e.g. a content hash) until the current transaction ends.

    On PostgreSQL a transaction-level advisory lock; on SQLite nothing, because the archive's writer lock
    already lets one writer in at a time.
    """
    bind = session_or_connection.get_bind() if hasattr(session_or_connection, "get_bind") else session_or_connection
    if is_postgres(bind):  # type: ignore[arg-type]
        session_or_connection.execute(  # type: ignore[attr-defined]
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key(name)}
        )


def _configure_sqlite_connection(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A reader waiting for a checkpoint or a second writer waits this long instead of failing at once.
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(script_config())
    head = script.get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already).

    On PostgreSQL two analysts may open a new team archive at the same moment: the migration runs under an
    advisory lock, and Alembic re-reads the revision after getting it, so the second opener finds the schema
    made and does nothing.
    """
    if is_postgres(engine):
        with advisory_lock(engine, _MIGRATION_LOCK):
            command.upgrade(alembic_config(engine), "head")
        return
    migrator = _transactional_sqlite_engine(engine.url.render_as_string(hide_password=False))
    try:
        command.upgrade(alembic_config(migrator), "head")
    finally:
        migrator.dispose()


def _transactional_sqlite_engine(url: str) -> Engine:
    """An engine whose transactions include DDL, for migrations (SQLAlchemy's documented pysqlite recipe).

    pysqlite opens a transaction only before INSERT/UPDATE/DELETE and commits before other statements, so
    CREATE TABLE and ALTER ran outside any transaction: a kill between two of them left some tables and no
    revision. Here pysqlite's own transaction handling is switched off (isolation_level None) and BEGIN is
    emitted when SQLAlchemy begins, so the whole upgrade commits or rolls back as one (SQLite's DDL is
    transactional). ESGDESK_TEST_KILL_AFTER_STATEMENTS=N kills the process after N statements: the crash
    tests use it to stop a first open or an upgrade at every point, deterministically.
    """
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        _configure_sqlite_connection(dbapi_connection, record)
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    kill_after = os.environ.get(KILL_AFTER_VARIABLE, "")
    if kill_after.isdigit():
        _kill_after_statements(engine, int(kill_after))
    return engine


def _kill_after_statements(engine: Engine, count: int) -> None:
    """The crash tests' hook: SIGKILL this process once `count` statements of a migration have run."""
    executed = 0

    @event.listens_for(engine, "after_cursor_execute")
    def _after(*_args: object) -> None:
        nonlocal executed
        executed += 1
        if executed >= count:
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def script_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def new_session(engine: Engine) -> Session:
    # Objects stay readable after commit: the CLI and the GUI print them once the transaction is done.
    return Session(engine, expire_on_commit=False)
