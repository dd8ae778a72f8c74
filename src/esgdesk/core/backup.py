"""Backups of archive.sqlite in backups/, made with SQLite's online backup API, rotated, and restorable.

Why the online backup API rather than copying the file: it reads one consistent snapshot through SQLite's own
locking, so a backup taken while the GUI or an import writes is never torn, and committed pages still sitting in
the WAL are included. Originals (files/) are not copied: they are content-addressed and never modified or deleted
by esgdesk, so a database backup plus the same files/ folder is a complete archive. search.sqlite is not backed
up either: it is derived data, rebuilt from the documents.

When backups are made:
- on demand (`esgdesk backup`, reason `manual`);
- before every schema upgrade (`Archive.backup(reason="before-upgrade-<rev>")`);
- before a restore (`before-restore`) and before `check --repair` (`before-repair`);
- at most once a day when the app closes (`backup_if_due`, reason `daily`), and only if the archive changed.

Rotation (`rotate`), decided so that a backup is never lost when it is the one the user needs:
- the newest `keep` backups are kept (default 10, `ESGDESK_BACKUP_KEEP` or the `keep` argument);
- the newest backup is always kept, whatever `keep` says (keep is at least 1);
- the newest pre-upgrade backup is always kept, and every pre-upgrade backup younger than
  `PRE_UPGRADE_GRACE` (30 days) too, even outside the window: it is the only way back to the previous schema
  if an upgrade turns out wrong, and upgrades are rare, so these cost little;
- only files named like esgdesk backups are ever deleted; anything else in backups/ is left alone.

A backup is written to a hidden temporary name, fsynced and renamed, so a crash or a full disk never leaves a
truncated file that looks like a backup.

Restore (`restore`) verifies the backup (a SQLite file, `PRAGMA integrity_check` ok, a schema revision this
esgdesk knows), backs up the current state, then copies the backup *into* the live database with the backup API,
under the writer lock. Why not swap files: replacing archive.sqlite beneath open connections leaves their WAL and
SHM files describing another database (a stale WAL replayed onto the new file corrupts it). Writing through SQLite
makes the replacement one transaction in the WAL: other readers see the old archive or the new one, never a mix,
and a crash mid-restore rolls back to the state before it. An older schema is then upgraded as on open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from esgdesk.core import db
from esgdesk.core.errors import ArchiveError

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

DEFAULT_KEEP = 10
KEEP_ENV = "ESGDESK_BACKUP_KEEP"
#: pre-upgrade backups younger than this survive rotation even outside the `keep` window
PRE_UPGRADE_GRACE = dt.timedelta(days=30)
#: `backup_if_due` makes at most one backup per this interval
DAILY_INTERVAL = dt.timedelta(days=1)
PRE_UPGRADE_PREFIX = "before-upgrade"
_NAME = re.compile(r"^archive-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9._-]+)\.sqlite$")
_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_TEMP_PREFIX = ".partial-"


class BackupError(ArchiveError):
    """A backup could not be made, or a file offered for restore is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in backups/, as its name describes it."""

    path: Path
    made: dt.datetime
    reason: str

    @property
    def pre_upgrade(self) -> bool:
        return self.reason.startswith(PRE_UPGRADE_PREFIX)

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "made": self.made.isoformat(),
            "reason": self.reason,
            "size": _size(self.path),
        }


@dataclass
class RestoreResult:
    restored: Path
    safety_backup: Path
    schema_before: str | None
    schema_after: str | None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "restored": str(self.restored),
            "safety_backup": str(self.safety_backup),
            "schema_before": self.schema_before,
            "schema_after": self.schema_after,
            "notes": self.notes,
        }


# -- making backups ----------------------------------------------------------------------------------------


def keep_setting(keep: int | None = None) -> int:
    """How many backups rotation keeps: the argument, else ESGDESK_BACKUP_KEEP, else DEFAULT_KEEP (min 1)."""
    if keep is None:
        try:
            keep = int(os.environ.get(KEEP_ENV, DEFAULT_KEEP))
        except ValueError:
            keep = DEFAULT_KEEP
    return max(1, keep)


def _refuse_shared(archive: Archive) -> None:
    """A team archive lives on a server: copying its database is pg_dump's job, not a client's."""
    if getattr(archive, "shared", False):
        raise BackupError(
            "This is a team archive on PostgreSQL: back it up on the server with pg_dump and restore with "
            "pg_restore (docs/team-archive.md). `esgdesk bundle export FILE` writes a portable copy as well."
        )


def create_backup(archive: Archive, reason: str = "manual", keep: int | None = None) -> Path:
    """Back up the archive's database now, then rotate. Returns the new backup's path."""
    _refuse_shared(archive)
    path = snapshot(archive.database_path, archive.backups_dir, reason)
    rotate(archive.backups_dir, keep=keep)
    return path


def snapshot(database: Path, backups_dir: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy `database` into `backups_dir` with the online backup API, atomically (temp name, fsync, rename)."""
    reason = _slug(reason)
    stamp = (now or dt.datetime.now()).strftime(_STAMP_FORMAT)
    target = backups_dir / f"archive-{stamp}-{reason}.sqlite"
    temp = backups_dir / f"{_TEMP_PREFIX}{target.name}"
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        _copy_database(database, temp)
        _fsync_file(temp)
        os.replace(temp, target)
        _fsync_dir(backups_dir)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise BackupError(f"Cannot write a backup into {backups_dir}: {_reason_text(exc)}") from exc
    return target


def _copy_database(source_path: Path, target_path: Path) -> None:
    source = sqlite3.connect(source_path, timeout=30)
    try:
        target = sqlite3.connect(target_path)
        try:
            source.backup(target)
            # A backup is one self-contained file: no WAL beside it to lose when it is copied elsewhere.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()


def backup_if_due(
    archive: Archive, now: dt.datetime | None = None, interval: dt.timedelta = DAILY_INTERVAL
) -> Path | None:
    """The app calls this when it closes: a `daily` backup unless one was made within `interval` or nothing
    changed since the newest backup. Returns the new backup, or None when none was due.

    A team archive (PostgreSQL) is never copied by a client: the server's pg_dump does that."""
    if getattr(archive, "shared", False):
        return None
    now = now or dt.datetime.now()
    backups = list_backups(archive.backups_dir)
    if backups:
        newest = backups[0]
        if now - newest.made < interval:
            return None
        if _last_change(archive.database_path) <= newest.made.timestamp():
            return None
    path = snapshot(archive.database_path, archive.backups_dir, "daily", now=now)
    rotate(archive.backups_dir, now=now)
    return path


def _last_change(database: Path) -> float:
    """When the database (or its WAL, which holds recent commits) was last written."""
    times = [_mtime(database), _mtime(database.with_name(database.name + "-wal"))]
    return max(times)


# -- listing and rotating ----------------------------------------------------------------------------------


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """esgdesk's backups in `backups_dir`, newest first (files with other names are not ours)."""
    found: list[BackupInfo] = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        made = dt.datetime.strptime(match.group(1), _STAMP_FORMAT)
        found.append(BackupInfo(path=path, made=made, reason=match.group(2)))
    found.sort(key=lambda info: (info.made, info.path.name), reverse=True)
    return found


def rotate(backups_dir: Path, keep: int | None = None, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups outside the rotation window (see the module docstring); returns what was deleted."""
    keep = keep_setting(keep)
    now = now or dt.datetime.now()
    backups = list_backups(backups_dir)
    protected = _protected(backups, keep, now)
    deleted: list[Path] = []
    for info in backups:
        if info.path in protected:
            continue
        with contextlib.suppress(FileNotFoundError):  # another process rotated at the same time
            info.path.unlink()
            deleted.append(info.path)
    # Temporary files of a backup that died (crash, full disk) are never a usable backup.
    for stale in backups_dir.glob(f"{_TEMP_PREFIX}*"):
        if now.timestamp() - _mtime(stale) > 3600:
            with contextlib.suppress(OSError):
                stale.unlink()
    return deleted


def _protected(backups: list[BackupInfo], keep: int, now: dt.datetime) -> set[Path]:
    protected = {info.path for info in backups[:keep]}
    upgrades = [info for info in backups if info.pre_upgrade]
    if upgrades:
        protected.add(upgrades[0].path)
    protected.update(info.path for info in upgrades if now - info.made < PRE_UPGRADE_GRACE)
    return protected


# -- verifying and restoring -------------------------------------------------------------------------------


def resolve_backup(archive: Archive, name: str | Path) -> Path:
    """A backup named by path, or by file name inside the archive's backups/ folder."""
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate.resolve()
    inside = archive.backups_dir / Path(name).name
    if inside.is_file():
        return inside
    raise BackupError(f"No backup {name}: give a file path, or a name listed by `esgdesk backup --list`.")


def verify_backup(path: Path) -> str:
    """Refuse a file that is not a whole, known esgdesk database; returns its schema revision."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(f"Cannot read {path}: {_reason_text(exc)}") from exc
    if header != b"SQLite format 3\x00":
        raise BackupError(f"{path} is not an esgdesk backup (not a SQLite database).")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
            revision = _revision_of(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be read as a database: {exc}") from exc
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged (integrity check: {'; '.join(problems[:3])}); choose another backup.")
    if revision is None:
        raise BackupError(f"{path} is not an esgdesk backup (it has no schema revision).")
    if revision not in known_revisions():
        raise BackupError(f"{path} was made by a newer esgdesk (schema {revision}); update esgdesk to restore it.")
    return revision


def _revision_of(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db.script_config())
    return {revision.revision for revision in script.walk_revisions()}


def restore(archive: Archive, backup: Path, keep: int | None = None) -> RestoreResult:
    """Replace the archive's database with `backup` (verified first; the current state backed up first)."""
    _refuse_shared(archive)
    backup = backup.resolve()
    verify_backup(backup)
    if backup == archive.database_path.resolve():
        raise BackupError("That is the archive's own database, not a backup.")
    with archive.writing("restore a backup"):
        before = archive.schema_revision()
        safety = create_backup(archive, reason="before-restore", keep=keep)
        archive.engine.dispose()  # our pooled connections must not hold a read snapshot of the old state
        _copy_into_live(backup, archive.database_path)
        archive.engine.dispose()
        if archive.schema_revision() != db.head_revision():
            db.upgrade(archive.engine)
        result = RestoreResult(backup, safety, before, archive.schema_revision())
    result.notes.extend(_after_restore(archive))
    return result


def _copy_into_live(backup: Path, database: Path) -> None:
    """The backup's pages into the live database in one transaction, through SQLite (WAL and SHM stay valid)."""
    source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(database, timeout=30)
        try:
            target.execute("PRAGMA busy_timeout=30000")
            source.backup(target)
            # Fold the restored pages into the main file, so the WAL does not carry the whole archive.
            with contextlib.suppress(sqlite3.Error):
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise BackupError(f"The restore failed and the archive was left as it was: {exc}") from exc
    finally:
        source.close()


def _after_restore(archive: Archive) -> list[str]:
    """Bring derived data in line with the restored documents (the search index), when search is installed."""
    try:
        from esgdesk.search.service import index_for
    except ImportError:
        return ["search is not installed: run `esgdesk reindex` when it is"]
    try:
        fixed = index_for(archive).repair()
    except Exception as exc:  # the index is derived data: a failure here must not undo a good restore
        return [f"the search index could not be brought up to date ({exc}); run `esgdesk reindex`"]
    return [f"search index: {fixed} documents re-indexed"] if fixed else []


# -- small helpers -----------------------------------------------------------------------------------------


def _slug(reason: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", reason).strip("-.")
    return text[:60] or "manual"


def _reason_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc)
    return str(exc)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open a folder for fsync and does not need to."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
