"""The archive: one folder with archive.sqlite, files/ (originals by hash), backups/ and a writer lock.

    archive = Archive.open("~/esgdesk")          # creates a missing archive (only in a new or empty folder)
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

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import Session

from esgdesk.core import db, first_open
from esgdesk.core.errors import ArchiveError, NoArchiveError
from esgdesk.core.files import FileStore
from esgdesk.core.first_open import DATABASE_NAME
from esgdesk.core.i18n import _
from esgdesk.core.lock import SharedWriterLock, WriterLock
from esgdesk.core.snapshots import is_safety_reason, safety_dir, snapshot

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
        #: True when this open made a new archive (the CLI says so on stderr)
        self.created = False
        #: what opening did that the user should hear of (a foreign -wal moved aside …)
        self.notices: list[str] = []

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, create: bool = True) -> Archive:
        """Open (and if needed upgrade) the archive in folder `location`.

        With `create` a missing archive is made, but only in a new or empty folder (or one holding nothing but
        what an interrupted first open of esgdesk leaves); without it a missing archive is `NoArchiveError`. A
        folder holding anything else is refused untouched: a mistyped `--archive` never scatters files."""
        location_text = str(location)
        if db.is_postgres_url(location_text):
            return cls._open_shared(location_text, lock_timeout)
        if "://" in location_text:
            raise ArchiveError(
                _(
                    "Archives on a {scheme} server are not supported; give the path of an archive folder or a "
                    "postgresql://user@host/database URL.",
                    scheme=location_text.split("://")[0],
                )
            )
        root = Path(location_text).expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise ArchiveError(_("{path} is a file, not an archive folder.", path=root))
        database = root / DATABASE_NAME
        created = False
        if not database.is_file():
            if not create:
                raise NoArchiveError(_("no archive at {path}", path=root))
            _refuse_foreign_folder(root)
            _make_layout(root)
            created = first_open.create_database(root, database, lock_timeout)
        notices = first_open.set_aside_foreign_wal(database)
        first_open.check_not_truncated(database)
        first_open.refuse_foreign_database(root, database)
        # A folder nobody may write (a read-only disk, a colleague's share) still opens for reading; writing
        # then fails at the lock with a message that says why.
        writable = os.access(root, os.W_OK)
        engine = db.make_engine(db.sqlite_url(database) if writable else db.read_only_sqlite_url(database))
        archive = cls(root, engine)
        archive.lock_timeout = lock_timeout
        archive.created = created
        archive.notices.extend(notices)
        archive._ensure_schema()
        return archive

    @classmethod
    def _open_shared(cls, location: str, lock_timeout: float) -> Archive:
        """A team archive on PostgreSQL, its originals in the folder named by `?files=` or ESGDESK_FILES."""
        url, files = _split_files_setting(location)
        files = files or os.environ.get(FILES_VARIABLE, "")
        if not files:
            raise ArchiveError(
                _(
                    "A team archive needs the shared folder of its originals: add ?files=/path/to/folder to the "
                    "URL or set {variable}.",
                    variable=FILES_VARIABLE,
                )
            )
        files_root = Path(files).expanduser().resolve()
        try:
            files_root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                _("Cannot use the shared folder {path}: {reason}", path=files_root, reason=exc.strerror or exc)
            ) from exc
        try:
            engine = db.make_engine(db.postgres_url(url))
        except Exception as exc:  # a malformed URL or a missing driver
            raise ArchiveError(
                _("Cannot use the team archive {location}: {reason}", location=_without_password(url), reason=exc)
            ) from exc
        archive = cls(files_root, engine, files_root=files_root)
        archive.lock_timeout = lock_timeout
        archive._ensure_schema()
        return archive

    def _ensure_schema(self) -> None:
        try:
            current = db.current_revision(self.engine)
            tables = set(inspect(self.engine).get_table_names()) if current is None else set()
        except Exception as exc:  # not a database, or unreadable
            if self.shared:
                # The driver's first line says what went wrong (refused, unknown host, bad password); the rest
                # of its text is hints and links for developers.
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise ArchiveError(
                    _(
                        "Cannot open the team archive {location}: {reason}. Check the address, that the server "
                        "is running and reachable, and your user name and password.",
                        location=self.location,
                        reason=reason,
                    )
                ) from exc
            raise first_open.unreadable(self.root, self.database_path, exc) from exc
        head = db.head_revision()
        if current == head:
            return
        known = db.known_revisions()
        if current is not None and current not in known:
            raise ArchiveError(
                _(
                    "This archive was made by a newer esgdesk (schema {revision}); update esgdesk to open it.",
                    revision=current,
                )
            )
        if current is None and tables:
            where = self.location if self.shared else self.database_path
            if self.shared or not first_open.is_half_made(self.engine, tables):
                raise ArchiveError(_("{where} holds tables esgdesk did not make; refusing to touch it.", where=where))
            with self.writing("repair a half-made archive"):
                self.engine.dispose()
                self.notices.append(first_open.remake_half_made(self.root, self.database_path, self.lock_timeout))
            return
        if self.shared:
            # Backups of a server are pg_dump's (docs/team-archive.md); the advisory lock in db.upgrade keeps
            # two first openers from racing.
            db.upgrade(self.engine)
            return
        with self.writing("upgrade the archive schema"):
            backup = None
            if current is not None:
                backup = snapshot(self.database_path, safety_dir(self.backups_dir), f"before-upgrade-{current}")
            try:
                db.upgrade(self.engine)
            except Exception as exc:
                # The upgrade ran in one transaction, so the archive is as it was; the backup is the fallback.
                raise ArchiveError(
                    _(
                        "The archive could not be upgraded ({reason}); it was left as it was. A copy from before "
                        "the upgrade is in {backup}.",
                        reason=exc,
                        backup=backup,
                    )
                ) from exc

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
        """A consistent copy of the database (SQLite's online backup API): `before-…` reasons into
        backups/safety/, others into backups/. Rotation is the application layer's (`library.backup`)."""
        if self.shared:
            raise ArchiveError(
                _(
                    "A team archive on PostgreSQL is backed up on the server with pg_dump (see "
                    "docs/team-archive.md); `esgdesk bundle export` also writes a portable copy."
                )
            )
        folder = safety_dir(self.backups_dir) if is_safety_reason(reason) else self.backups_dir
        return snapshot(self.database_path, folder, reason)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _refuse_foreign_folder(root: Path) -> None:
    """Refuse to make an archive in a folder that holds anything but an interrupted first open's leftovers."""
    if not root.is_dir():
        return
    strangers = sorted(entry.name for entry in root.iterdir() if not first_open.is_own_leftover(entry))
    if strangers:
        raise NoArchiveError(
            _(
                "no archive at {path}, and the folder is not empty ({names}); esgdesk makes a new archive only "
                "in an empty or new folder and left this one untouched",
                path=root,
                names=", ".join(strangers[:3]) + (" …" if len(strangers) > 3 else ""),
            )
        )


def _make_layout(root: Path) -> None:
    """The archive's folders. It holds unpublished notes: its folders are the user's alone (on POSIX; Windows
    gives a user-profile folder to its user already)."""
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        for folder in (root, root / "files", root / "backups"):
            if not folder.exists():
                folder.mkdir(mode=0o700)
    except OSError as exc:
        raise ArchiveError(
            _("Cannot create the archive folder {path}: {reason}", path=root, reason=exc.strerror or exc)
        ) from exc


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
