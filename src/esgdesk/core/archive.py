"""The archive: one folder with archive.sqlite, files/ (originals by hash), backups/ and a writer lock.

    archive = Archive.open("~/esgdesk")          # creates a missing folder and its schema
    with archive.writing("import"):              # one writer at a time, across processes
        with archive.session() as session: ...

Opening an archive made by an older esgdesk backs it up, then migrates it. An archive made by a newer esgdesk
is refused rather than damaged.

A team archive is opened by URL: `postgresql://user@host/db?files=/shared/esgdesk-files`. The database holds
what archive.sqlite holds (the same migrations); the originals live in the shared folder the URL's `files`
setting names (or ESGDESK_FILES). `writing()` keeps its API but no longer serialises the whole team (see
core/lock.py), and backups are the server's business: pg_dump, beside esgdesk's bundles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session

from esgdesk.core import db
from esgdesk.core.errors import ArchiveError
from esgdesk.core.files import FileStore
from esgdesk.core.lock import SharedWriterLock, WriterLock

DATABASE_NAME = "archive.sqlite"
#: how long a second writer waits for the first before giving up (seconds)
DEFAULT_LOCK_TIMEOUT = 5.0
#: where a team archive's originals are, when its URL does not say (`?files=/path`)
FILES_VARIABLE = "ESGDESK_FILES"


class Archive:
    def __init__(self, root: Path, engine: Engine, files_root: Path | None = None) -> None:
        self.root = root
        self.engine = engine
        self.shared = db.is_postgres(engine)
        self.files = FileStore(files_root if files_root is not None else root / "files")
        self.backups_dir = root / "backups"
        self._lock: WriterLock | SharedWriterLock = SharedWriterLock(engine) if self.shared else WriterLock(root)
        self.lock_timeout = DEFAULT_LOCK_TIMEOUT

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Archive:
        """Open (and if needed create or upgrade) the archive in folder `location`."""
        location_text = str(location)
        if db.is_postgres_url(location_text):
            return cls._open_shared(location_text, lock_timeout)
        if "://" in location_text:
            raise ArchiveError(
                f"Archives on a {location_text.split('://')[0]} server are not supported; give the path of an "
                "archive folder or a postgresql://user@host/database URL."
            )
        root = Path(location_text).expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise ArchiveError(f"{root} is a file, not an archive folder.")
        try:
            # The archive holds unpublished notes: its folders are the user's alone (on POSIX; Windows
            # gives a user-profile folder to its user already).
            root.parent.mkdir(parents=True, exist_ok=True)
            for folder in (root, root / "files", root / "backups"):
                if not folder.exists():
                    folder.mkdir(mode=0o700)
        except OSError as exc:
            raise ArchiveError(f"Cannot create the archive folder {root}: {exc.strerror or exc}") from exc
        engine = db.make_engine(db.sqlite_url(root / DATABASE_NAME))
        archive = cls(root, engine)
        archive.lock_timeout = lock_timeout
        archive._ensure_schema()
        return archive

    @classmethod
    def _open_shared(cls, location: str, lock_timeout: float) -> Archive:
        """A team archive on PostgreSQL, its originals in the folder named by `?files=` or ESGDESK_FILES."""
        url, files = _split_files_setting(location)
        files = files or os.environ.get(FILES_VARIABLE, "")
        if not files:
            raise ArchiveError(
                "A team archive needs the shared folder of its originals: add ?files=/path/to/folder to the URL "
                f"or set {FILES_VARIABLE}."
            )
        files_root = Path(files).expanduser().resolve()
        try:
            files_root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"Cannot use the shared folder {files_root}: {exc.strerror or exc}") from exc
        try:
            engine = db.make_engine(db.postgres_url(url))
        except Exception as exc:  # a malformed URL or a missing driver
            raise ArchiveError(f"Cannot use the team archive {_without_password(url)}: {exc}") from exc
        archive = cls(files_root, engine, files_root=files_root)
        archive.lock_timeout = lock_timeout
        archive._ensure_schema()
        return archive

    def _ensure_schema(self) -> None:
        try:
            current = db.current_revision(self.engine)
        except Exception as exc:  # not a database, or unreadable
            if self.shared:
                # The driver's first line says what went wrong (refused, unknown host, bad password); the rest
                # of its text is hints and links for developers.
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise ArchiveError(
                    f"Cannot open the team archive {self.location}: {reason}. Check the address, that the "
                    "server is running and reachable, and your user name and password."
                ) from exc
            raise ArchiveError(f"{self.database_path} is not a readable esgdesk archive: {exc}") from exc
        head = db.head_revision()
        if current == head:
            return
        known = _known_revisions()
        if current is not None and current not in known:
            raise ArchiveError(
                f"This archive was made by a newer esgdesk (schema {current}); update esgdesk to open it."
            )
        if current is None and inspect(self.engine).get_table_names():
            where = self.location if self.shared else self.database_path
            raise ArchiveError(f"{where} holds tables esgdesk did not make; refusing to touch it.")
        if self.shared:
            # Backups of a server are pg_dump's (docs/team-archive.md); the advisory lock in db.upgrade keeps
            # two first openers from racing.
            db.upgrade(self.engine)
            return
        with self.writing("upgrade the archive schema"):
            if current is not None:
                self.backup(reason=f"before-upgrade-{current}")
            db.upgrade(self.engine)

    # -- using -----------------------------------------------------------------------------------------

    @property
    def database_path(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def location(self) -> str:
        """The folder, or for a team archive its URL without the password."""
        if self.shared:
            return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
        return str(self.root)

    def schema_revision(self) -> str | None:
        return db.current_revision(self.engine)

    def session(self) -> Session:
        return db.new_session(self.engine)

    @contextmanager
    def writing(self, command: str) -> Iterator[None]:
        """Hold the writer lock for the duration of a change (re-entrant within this process).

        On a team archive the lock is per thread and only for commands that need it (core/lock.py)."""
        if isinstance(self._lock, SharedWriterLock):
            self._lock.acquire(timeout=self.lock_timeout, command=command)
        else:
            self._lock.command = command
            self._lock.acquire(timeout=self.lock_timeout)
        try:
            yield
        finally:
            self._lock.release()

    def backup(self, reason: str = "manual") -> Path:
        """A consistent copy of the database in backups/ (SQLite's online backup API), then rotation."""
        from esgdesk.core.backup import create_backup

        if self.shared:
            raise ArchiveError(
                "A team archive on PostgreSQL is backed up on the server with pg_dump (see docs/team-archive.md); "
                "`esgdesk bundle export` also writes a portable copy."
            )
        return create_backup(self, reason=reason)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _split_files_setting(location: str) -> tuple[str, str]:
    """The URL without esgdesk's own `files` setting (libpq would refuse it), and that setting."""
    parts = urlsplit(location)
    query = parse_qsl(parts.query, keep_blank_values=True)
    files = next((value for key, value in query if key == "files"), "")
    rest = urlencode([(key, value) for key, value in query if key != "files"])
    return urlunsplit(parts._replace(query=rest)), files


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(db.script_config())
    return {revision.revision for revision in script.walk_revisions()}
