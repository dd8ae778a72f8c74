"""The archive: one folder with archive.sqlite, files/ (originals by hash), backups/ and a writer lock.

    archive = Archive.open("~/esgdesk")          # creates a missing folder and its schema
    with archive.writing("import"):              # one writer at a time, across processes
        with archive.session() as session: ...

Opening an archive made by an older esgdesk backs it up, then migrates it. An archive made by a newer esgdesk
is refused rather than damaged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session

from esgdesk.core import db
from esgdesk.core.errors import ArchiveError
from esgdesk.core.files import FileStore
from esgdesk.core.lock import WriterLock

DATABASE_NAME = "archive.sqlite"
#: how long a second writer waits for the first before giving up (seconds)
DEFAULT_LOCK_TIMEOUT = 5.0


class Archive:
    def __init__(self, root: Path, engine: Engine) -> None:
        self.root = root
        self.engine = engine
        self.files = FileStore(root / "files")
        self.backups_dir = root / "backups"
        self._lock = WriterLock(root)
        self.lock_timeout = DEFAULT_LOCK_TIMEOUT

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Archive:
        """Open (and if needed create or upgrade) the archive in folder `location`."""
        location_text = str(location)
        if "://" in location_text:
            raise ArchiveError(
                f"Shared archives on a database server ({location_text.split('://')[0]}) are not supported "
                "by this version of esgdesk; give the path of an archive folder instead."
            )
        root = Path(location_text).expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise ArchiveError(f"{root} is a file, not an archive folder.")
        try:
            for folder in (root, root / "files", root / "backups"):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"Cannot create the archive folder {root}: {exc.strerror or exc}") from exc
        engine = db.make_engine(db.sqlite_url(root / DATABASE_NAME))
        archive = cls(root, engine)
        archive.lock_timeout = lock_timeout
        archive._ensure_schema()
        return archive

    def _ensure_schema(self) -> None:
        try:
            current = db.current_revision(self.engine)
        except Exception as exc:  # not a database, or unreadable
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
            raise ArchiveError(f"{self.database_path} holds tables esgdesk did not make; refusing to touch it.")
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
        return str(self.root)

    def schema_revision(self) -> str | None:
        return db.current_revision(self.engine)

    def session(self) -> Session:
        return db.new_session(self.engine)

    @contextmanager
    def writing(self, command: str) -> Iterator[None]:
        """Hold the writer lock for the duration of a change (re-entrant within this process)."""
        self._lock.command = command
        self._lock.acquire(timeout=self.lock_timeout)
        try:
            yield
        finally:
            self._lock.release()

    def backup(self, reason: str = "manual") -> Path:
        """A consistent copy of the database in backups/ (SQLite's online backup API), then rotation."""
        from esgdesk.core.backup import create_backup

        return create_backup(self, reason=reason)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(db.script_config())
    return {revision.revision for revision in script.walk_revisions()}
