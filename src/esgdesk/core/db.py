"""Engines, sessions and schema migrations.

SQLite runs in WAL mode with foreign keys on, so readers (the GUI's list, search) never block the writer.
The schema is always made by Alembic migrations, never by `create_all`: an archive made today opens in every
later release, which upgrades it (after a backup) the same way on SQLite and PostgreSQL.

Alembic is imported only when a migration runs or the migrations folder is read: opening an archive that is
already at `HEAD_REVISION` (every open but the first after an update) reads `alembic_version` with plain SQL,
which keeps about a tenth of a second of imports off every CLI command (bench/cli_startup.py).

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
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session, create_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: the newest migration's revision id; tests/core/test_db.py checks it against the migrations folder, so a new
#: migration that forgets to move it fails there (and not as an archive that never upgrades)
HEAD_REVISION = "0003"
#: URL schemes that name a team archive on a PostgreSQL server
POSTGRES_SCHEMES = ("postgresql", "postgres")
#: the advisory lock key under which the schema is migrated (two first openers must not both create tables)
_MIGRATION_LOCK = "esgdesk:migrate"
#: test hook (see `_transactional_sqlite_engine`): kill the process after this many migration statements
KILL_AFTER_VARIABLE = "ESGDESK_TEST_KILL_AFTER_STATEMENTS"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def read_only_folder(database: Path) -> bool:
    """Whether nobody can write in the database's folder (read-only media or mount, a folder without write
    permission): SQLite cannot make a WAL database's -shm file there."""
    return database.parent.is_dir() and not os.access(database.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads `path` and writes nothing, not even beside it.

    SQLite in WAL mode writes a -shm file even to read. In a folder nobody can write, where the last writer
    closed cleanly there is no -wal (everything is in the database file) and `immutable=1` reads the file as it
    is; where a -wal was left, its -shm was left with it and `mode=ro` reads through both. In a writable folder
    another process may be writing, so the file is never read as immutable there.
    """
    wal = path.with_name(path.name + "-wal")
    immutable = "&immutable=1" if read_only_folder(path) and not wal.exists() else ""
    return f"{path.resolve().as_uri()}?mode=ro{immutable}"


def read_only_sqlite_url(path: Path) -> str:
    """`read_only_uri` for SQLAlchemy: the engine of an archive in a folder nobody may write."""
    return f"sqlite:///{read_only_uri(path)}&uri=true"


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


def _configure_sqlite_connection(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A reader waiting for a checkpoint or a second writer waits this long instead of failing at once.
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return HEAD_REVISION


def scripted_head_revision() -> str:
    """The head as Alembic reads it from the migrations folder (slow: imports Alembic and every migration)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(script_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    """Every revision id in the migrations folder: an archive at one of them can be upgraded."""
    from alembic.script import ScriptDirectory

    return {revision.revision for revision in ScriptDirectory.from_config(script_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The archive's schema revision, or None for a database no migration has touched.

    Read with plain SQL (as Alembic's MigrationContext does, without importing Alembic). The history is
    linear, so `alembic_version` holds at most one row.
    """
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already).

    On PostgreSQL two analysts may open a new team archive at the same moment: the migration runs under an
    advisory lock, and Alembic re-reads the revision after getting it, so the second opener finds the schema
    made and does nothing.
    """
    from alembic import command

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
    def _connect(dbapi_connection: Any, record: object) -> None:
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def new_session(engine: Engine) -> Session:
    # Objects stay readable after commit: the CLI and the GUI print them once the transaction is done.
    return Session(engine, expire_on_commit=False)
