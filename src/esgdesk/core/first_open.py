"""Making a new archive's database so that a crash cannot brick it, and what opening one checks first.

A new database is built under a temporary name (`.archive.sqlite.new`), its schema made by the migrations in one
transaction, folded out of its WAL, fsynced and only then renamed to `archive.sqlite`. A kill at any moment
leaves either no `archive.sqlite` (the next open starts again from scratch) or a complete one.

Archives made by older builds of esgdesk, which ran DDL outside a transaction, can be *half-made*: some of
esgdesk's tables, no schema revision and no rows. Such a file is recognised (every table one of esgdesk's, every
table empty), moved aside into `backups/set-aside/` and the archive made anew; a database with tables esgdesk
did not make, or with rows in them, is still refused untouched.

A `-wal` that does not belong to the database is moved aside, never replayed. SQLite itself cannot tell: a WAL
frame's salts and checksums chain only to the WAL's own header, not to the database, so it replays any WAL whose
page size matches. esgdesk therefore records the database's identity: a new archive gets a random
`PRAGMA user_version` (a header field nothing else in esgdesk uses), written into the file before the rename, and
never changed afterwards. A transaction that grows the database or changes the schema rewrites page 1, the
header, so nearly every WAL worth replaying carries a page-1 frame; when a committed page-1 frame in the WAL
names another identity (or the page size differs, or there is a WAL and no database), the WAL is someone else's.
Archives from before this change have identity 0 and accept WALs whose page 1 says 0. A WAL with no page-1
frame at all cannot be judged this way and is left to SQLite (documented limit).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
import struct
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from esgdesk.core import db
from esgdesk.core.errors import ArchiveError
from esgdesk.core.i18n import _
from esgdesk.core.lock import LOCK_FILE_NAME, WriterLock
from esgdesk.core.snapshots import fsync_dir, fsync_file, newest_good_backup, restore_command

DATABASE_NAME = "archive.sqlite"
NEW_DATABASE_NAME = ".archive.sqlite.new"
SET_ASIDE_FOLDER = "set-aside"
_SIDECARS = ("-wal", "-shm", "-journal")
#: names an interrupted first open may leave in a folder (plus what desktops scatter into any folder)
_OWN_LEFTOVERS = {
    "files",
    "backups",
    LOCK_FILE_NAME,
    NEW_DATABASE_NAME,
    *(NEW_DATABASE_NAME + suffix for suffix in _SIDECARS),
    *(DATABASE_NAME + suffix for suffix in _SIDECARS),
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
}
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24


def is_own_leftover(entry: Path) -> bool:
    return entry.name in _OWN_LEFTOVERS


def create_database(root: Path, database: Path, lock_timeout: float, locked: bool = False) -> bool:
    """Make `database` with the whole schema, atomically; False when another process made it meanwhile."""
    lock = None if locked else WriterLock(root, command="create the archive")
    if lock is not None:
        lock.acquire(timeout=lock_timeout)
    try:
        if database.is_file():
            return False
        set_aside_foreign_wal(database)  # a WAL beside no database is nobody's: never replay it into the new one
        temp = root / NEW_DATABASE_NAME
        for path in (temp, *_sidecars(temp)):
            path.unlink(missing_ok=True)
        try:
            engine = db.make_engine(db.sqlite_url(temp))
            try:
                db.upgrade(engine)
            finally:
                engine.dispose()
            _seal(temp)
            os.replace(temp, database)
            fsync_dir(root)
        except (OSError, sqlite3.Error) as exc:
            raise ArchiveError(
                _("Cannot create the archive in {path}: {reason}", path=root, reason=_reason(exc))
            ) from exc
        return True
    finally:
        if lock is not None:
            lock.release()


def _seal(temp: Path) -> None:
    """Give the new database its identity and fold it into one file (no WAL to lose in the rename)."""
    connection = sqlite3.connect(temp)
    try:
        connection.execute(f"PRAGMA user_version={secrets.randbelow(2**31 - 1) + 1}")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    for path in _sidecars(temp):
        path.unlink(missing_ok=True)
    fsync_file(temp)


# -- a WAL from elsewhere --------------------------------------------------------------------------------


def set_aside_foreign_wal(database: Path) -> list[str]:
    """Move `database`'s -wal (and -shm) aside when it belongs to another database; returns the messages."""
    wal = database.with_name(database.name + "-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return []
    if size < _WAL_HEADER or _wal_belongs(database, wal):
        return []
    target = _set_aside_folder(database.parent)
    try:
        target.mkdir(parents=True, exist_ok=False)
        for path in (wal, database.with_name(database.name + "-shm")):
            if path.exists():
                os.replace(path, target / path.name)
        fsync_dir(database.parent)
    except OSError as exc:
        raise ArchiveError(
            _(
                "{wal} does not belong to this archive's database and could not be moved aside ({reason}); "
                "move it away by hand before opening the archive.",
                wal=wal,
                reason=_reason(exc),
            )
        ) from exc
    return [
        _(
            "{wal} did not belong to this archive's database (copied from another archive?); it was moved to "
            "{target} and not replayed.",
            wal=wal,
            target=target,
        )
    ]


def _wal_belongs(database: Path, wal: Path) -> bool:
    """False when the WAL's page size or committed page-1 identity differs from the database's (see above)."""
    try:
        header = database.read_bytes()[:100] if database.is_file() else b""
        data = wal.read_bytes()
    except OSError:
        return True  # unreadable: leave it to SQLite, which will report it
    if len(header) < 100:
        return database.exists()  # no database: nobody's WAL; a damaged one: opening reports it
    magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">IIIIII", data[:24])
    if magic not in _WAL_MAGIC:
        return True  # not a valid WAL: SQLite ignores and resets it
    db_page_size = struct.unpack(">H", header[16:18])[0]
    db_page_size = 65536 if db_page_size == 1 else db_page_size
    if page_size != db_page_size:
        return False
    identity = struct.unpack(">I", header[60:64])[0]
    last_page_one = _last_committed_page_one(data, page_size, salt1, salt2, big_endian=magic == 0x377F0683)
    if last_page_one is None:
        return True
    return struct.unpack(">I", last_page_one[60:64])[0] == identity


def _last_committed_page_one(data: bytes, page_size: int, salt1: int, salt2: int, big_endian: bool) -> bytes | None:
    """The content of page 1 in the WAL's last committed transaction that wrote it, checksums verified."""
    s1, s2 = _checksum(data[:24], 0, 0, big_endian)
    if (s1, s2) != struct.unpack(">II", data[24:32]):
        return None
    frame_size = _FRAME_HEADER + page_size
    offset = _WAL_HEADER
    pending: bytes | None = None
    committed: bytes | None = None
    while offset + frame_size <= len(data):
        page_number, commit_size, f_salt1, f_salt2, c1, c2 = struct.unpack(">IIIIII", data[offset : offset + 24])
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        page = data[offset + _FRAME_HEADER : offset + frame_size]
        s1, s2 = _checksum(data[offset : offset + 8], s1, s2, big_endian)
        s1, s2 = _checksum(page, s1, s2, big_endian)
        if (s1, s2) != (c1, c2):
            break
        if page_number == 1:
            pending = page
        if commit_size:
            committed = pending if pending is not None else committed
            pending = None
        offset += frame_size
    return committed


def _checksum(block: bytes, s1: int, s2: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (wal.c walChecksumBytes) over `block`, continuing from (s1, s2)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(block) // 4}I", block)
    for index in range(0, len(words), 2):
        s1 = (s1 + words[index] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[index + 1] + s1) & 0xFFFFFFFF
    return s1, s2


# -- damaged and half-made databases ---------------------------------------------------------------------


def check_not_truncated(database: Path) -> None:
    """Refuse, naming the backup that cures it, a database file shorter than its own header says it is."""
    try:
        size = database.stat().st_size
        with database.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise unreadable(database.parent, database, exc) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise unreadable(database.parent, database, _("not a SQLite database, or cut short"))
    if database.with_name(database.name + "-wal").exists():
        return  # committed pages may still be in the WAL: SQLite judges the size then
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if valid_for == change_counter and page_count and size < page_count * page_size:
        raise unreadable(
            database.parent,
            database,
            _(
                "the file is {size} bytes, {expected} expected: it was cut short",
                size=size,
                expected=page_count * page_size,
            ),
        )


def unreadable(root: Path, database: Path, reason: object) -> ArchiveError:
    """The 'not readable' error, naming the newest good backup and the exact command that restores it."""
    from alembic.script import ScriptDirectory

    known = {revision.revision for revision in ScriptDirectory.from_config(db.script_config()).walk_revisions()}
    good = newest_good_backup(root / "backups", known)
    if good is None:
        return ArchiveError(
            _(
                "{path} is not a readable esgdesk archive ({reason}), and there is no good backup in {backups}.",
                path=database,
                reason=_first_line(reason),
                backups=root / "backups",
            )
        )
    return ArchiveError(
        _(
            "{path} is not a readable esgdesk archive ({reason}). The newest good backup is {backup} (made "
            "{made}); restore it with: {command}",
            path=database,
            reason=_first_line(reason),
            backup=good.path.name,
            made=f"{good.made:%Y-%m-%d %H:%M}",
            command=restore_command(root, good.path),
        )
    )


def is_half_made(engine: Engine, tables: set[str]) -> bool:
    """Some of esgdesk's tables, all empty, no schema revision: an older build's first open, interrupted."""
    from esgdesk.core.models import metadata

    ours = set(metadata.tables) | {"alembic_version"}
    user_tables = {name for name in tables if not name.startswith("sqlite_")}
    if not user_tables or not user_tables <= ours:
        return False
    with engine.connect() as connection:
        for name in user_tables:
            if connection.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None:
                return False
    return True


def refuse_foreign_database(root: Path, database: Path) -> None:
    """Refuse, without writing a byte (no WAL switch either), a database with tables esgdesk did not make.

    Read through a read-only connection before esgdesk's engine opens the file, because that engine switches
    the journal to WAL, which rewrites the header of a file that is not ours."""
    from esgdesk.core.models import metadata

    try:
        connection = sqlite3.connect(db.sqlite_uri(database), uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" in tables or not tables:
                return
            user_tables = {name for name in tables if not name.startswith("sqlite_")}
            ours = user_tables <= set(metadata.tables)
            empty = ours and all(
                connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None for name in user_tables
            )
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise unreadable(root, database, exc) from exc
    if not (ours and empty):
        raise ArchiveError(_("{where} holds tables esgdesk did not make; refusing to touch it.", where=database))


def remake_half_made(root: Path, database: Path, lock_timeout: float) -> str:
    """Move a half-made database aside and make the archive anew (the caller holds the writer lock)."""
    target = _set_aside_folder(root)
    try:
        target.mkdir(parents=True, exist_ok=False)
        for path in (database, *_sidecars(database)):
            if path.exists():
                os.replace(path, target / path.name)
        fsync_dir(root)
    except OSError as exc:
        raise ArchiveError(
            _("Cannot move the half-made database {path} aside: {reason}", path=database, reason=_reason(exc))
        ) from exc
    create_database(root, database, lock_timeout, locked=True)
    return _(
        "{path} was left half-made by an interrupted first open (esgdesk's tables, no rows, no schema revision); "
        "it was moved to {target} and the archive was made anew.",
        path=database,
        target=target,
    )


def _set_aside_folder(root: Path) -> Path:
    return root / "backups" / SET_ASIDE_FOLDER / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _sidecars(database: Path) -> tuple[Path, ...]:
    return tuple(database.with_name(database.name + suffix) for suffix in _SIDECARS)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc)
    return str(exc)


def _first_line(reason: object) -> str:
    text_value = str(getattr(reason, "orig", None) or reason).strip()
    return text_value.splitlines()[0] if text_value else ""
