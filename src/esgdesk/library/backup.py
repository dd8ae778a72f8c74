"""Backups of archive.sqlite: made, rotated so that none the user needs is lost, and restored — also into an
archive whose database is damaged, which is when a restore is needed most.

Files and folders (`esgdesk.core.snapshots`): the user's backups in `backups/`, esgdesk's safety copies (made
before a restore, a repair or an upgrade) in `backups/safety/`. Originals (files/) are not copied: they are
content-addressed and never modified or deleted by esgdesk, so a database backup plus the same files/ folder is a
complete archive. The search index is derived data, rebuilt from the documents.

When backups are made:
- on demand (`esgdesk backup`, reason `manual`);
- at most once a day when the app closes (`backup_if_due`, reason `daily`), and only if the archive changed;
- before every schema upgrade, restore and `check --repair` (`before-…`, into backups/safety/).

Rotation, decided so that a backup is never lost when it is the one the user needs:
- the user's folder keeps the newest `keep` backups (default 10, `ESGDESK_BACKUP_KEEP` or `--keep`); a backup the
  user made by hand (`manual`) is deleted only by a rotation whose caller reports what it deleted (`esgdesk
  backup` prints each one); the app's silent daily rotation deletes only `daily` backups;
- safety copies have their own folder and count (`SAFETY_KEEP`, `ESGDESK_SAFETY_KEEP`), so three repairs never
  push out three of the user's backups; the newest pre-upgrade copy and every one younger than
  `PRE_UPGRADE_GRACE` are kept whatever the count (the only way back to the previous schema);
- the newest backup of a folder is always kept, and a rotation never deletes the backup being restored;
- only files named like esgdesk backups are ever deleted; anything else is left alone.

Restore verifies the backup (a SQLite file, `PRAGMA integrity_check` ok, a schema revision this esgdesk knows)
and takes the writer lock. When the current database is readable it is copied to a safety backup and the backup's
pages are written *into* the live database with SQLite's backup API: replacing archive.sqlite beneath open
connections would leave their WAL and SHM files describing another database, while writing through SQLite makes
the replacement one transaction. When the current database is damaged (that is when a restore is needed), it
cannot be read, so it and its -wal/-shm are moved aside into `backups/damaged/` (never deleted by esgdesk) and a
copy of the backup is renamed into place. The backup file itself is never moved or deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from esgdesk.core import db
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import WriterLock
from esgdesk.core.snapshots import (
    PRE_UPGRADE_PREFIX,
    SAFETY_FOLDER,
    TEMP_PREFIX,
    BackupError,
    BackupInfo,
    all_backups,
    fsync_dir,
    fsync_file,
    is_safety_reason,
    list_backups,
    mtime,
    safety_dir,
    snapshot,
)
from esgdesk.core.snapshots import verify_backup as _verify_known

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

__all__ = [
    "DEFAULT_KEEP",
    "KEEP_ENV",
    "PRE_UPGRADE_PREFIX",
    "SAFETY_FOLDER",
    "SAFETY_KEEP",
    "BackupError",
    "BackupInfo",
    "BackupMade",
    "RestoreResult",
    "all_backups",
    "backup_if_due",
    "create_backup",
    "keep_setting",
    "list_backups",
    "make_backup",
    "resolve_backup",
    "restore",
    "restore_archive",
    "rotate",
    "snapshot",
    "verify_backup",
]

DEFAULT_KEEP = 10
KEEP_ENV = "ESGDESK_BACKUP_KEEP"
#: how many safety copies (before a restore, a repair, an upgrade) backups/safety/ keeps
SAFETY_KEEP = 5
SAFETY_KEEP_ENV = "ESGDESK_SAFETY_KEEP"
#: pre-upgrade backups younger than this survive rotation even outside the `keep` window
PRE_UPGRADE_GRACE = dt.timedelta(days=30)
#: `backup_if_due` makes at most one backup per this interval
DAILY_INTERVAL = dt.timedelta(days=1)
#: where a damaged database is moved by a restore (never deleted by esgdesk)
DAMAGED_FOLDER = "damaged"


@dataclass(frozen=True)
class BackupMade:
    """A new backup, and the older backups its rotation deleted (the caller tells the user about them)."""

    path: Path
    removed: list[Path]


@dataclass
class RestoreResult:
    restored: Path
    safety_backup: Path | None
    schema_before: str | None
    schema_after: str | None
    set_aside: Path | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "restored": str(self.restored),
            "safety_backup": str(self.safety_backup) if self.safety_backup else None,
            "damaged_database_moved_to": str(self.set_aside) if self.set_aside else None,
            "schema_before": self.schema_before,
            "schema_after": self.schema_after,
            "notes": self.notes,
        }


# -- making backups ----------------------------------------------------------------------------------------


def keep_setting(keep: int | None = None, variable: str = KEEP_ENV, default: int = DEFAULT_KEEP) -> int:
    """How many backups rotation keeps: the argument, else the environment variable, else the default (min 1)."""
    if keep is None:
        try:
            keep = int(os.environ.get(variable, default))
        except ValueError:
            keep = default
    return max(1, keep)


def _refuse_shared(archive: Archive) -> None:
    """A team archive lives on a server: copying its database is pg_dump's job, not a client's."""
    if getattr(archive, "shared", False):
        raise BackupError(
            _(
                "This is a team archive on PostgreSQL: back it up on the server with pg_dump and restore with "
                "pg_restore (docs/team-archive.md). `esgdesk bundle export FILE` writes a portable copy as well."
            )
        )


def make_backup(
    archive: Archive, reason: str = "manual", keep: int | None = None, spare: Path | None = None
) -> BackupMade:
    """Back up the archive's database now, then rotate its folder; returns the backup and what rotation deleted.

    Reasons starting `before-` are esgdesk's safety copies: they go to backups/safety/ with their own count."""
    _refuse_shared(archive)
    if is_safety_reason(reason):
        folder = safety_dir(archive.backups_dir)
        path = snapshot(archive.database_path, folder, reason)
        removed = rotate_safety(folder, keep=keep, spare=spare)
    else:
        path = snapshot(archive.database_path, archive.backups_dir, reason)
        removed = rotate(archive.backups_dir, keep=keep, spare=spare)
    return BackupMade(path, removed)


def create_backup(archive: Archive, reason: str = "manual", keep: int | None = None) -> Path:
    """`make_backup` for callers that only need the new backup's path."""
    return make_backup(archive, reason=reason, keep=keep).path


def backup_if_due(
    archive: Archive, now: dt.datetime | None = None, interval: dt.timedelta = DAILY_INTERVAL
) -> Path | None:
    """The app calls this when it closes: a `daily` backup unless one was made within `interval` or nothing
    changed since the newest backup. Its rotation is silent, so it deletes only older `daily` backups.

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
    rotate(archive.backups_dir, now=now, delete_manual=False)
    return path


def _last_change(database: Path) -> float:
    """When the database (or its WAL, which holds recent commits) was last written."""
    return max(mtime(database), mtime(database.with_name(database.name + "-wal")))


# -- rotating ----------------------------------------------------------------------------------------------


def rotate(
    backups_dir: Path,
    keep: int | None = None,
    now: dt.datetime | None = None,
    delete_manual: bool = True,
    spare: Path | None = None,
) -> list[Path]:
    """Delete the user's backups outside the rotation window (module docstring); returns what was deleted.

    With `delete_manual` False (a rotation nobody reports) only automatic backups are deleted."""
    keep = keep_setting(keep)
    now = now or dt.datetime.now()
    backups = list_backups(backups_dir)
    protected = _protected(backups, keep, now, spare)
    doomed = [info for info in backups if info.path not in protected and (delete_manual or info.reason == "daily")]
    deleted = _delete(doomed)
    _remove_stale_temps(backups_dir, now)
    return deleted


def rotate_safety(
    folder: Path, keep: int | None = None, now: dt.datetime | None = None, spare: Path | None = None
) -> list[Path]:
    """Rotate esgdesk's safety copies by their own count (SAFETY_KEEP, ESGDESK_SAFETY_KEEP)."""
    keep = keep_setting(keep, SAFETY_KEEP_ENV, SAFETY_KEEP)
    now = now or dt.datetime.now()
    backups = list_backups(folder)
    protected = _protected(backups, keep, now, spare)
    deleted = _delete([info for info in backups if info.path not in protected])
    _remove_stale_temps(folder, now)
    return deleted


def _protected(backups: list[BackupInfo], keep: int, now: dt.datetime, spare: Path | None) -> set[Path]:
    protected = {info.path for info in backups[:keep]}
    upgrades = [info for info in backups if info.pre_upgrade]
    if upgrades:
        protected.add(upgrades[0].path)
    protected.update(info.path for info in upgrades if now - info.made < PRE_UPGRADE_GRACE)
    if spare is not None:
        protected.update(info.path for info in backups if _same_file(info.path, spare))
    return protected


def _delete(backups: list[BackupInfo]) -> list[Path]:
    deleted: list[Path] = []
    for info in backups:
        with contextlib.suppress(FileNotFoundError):  # another process rotated at the same time
            info.path.unlink()
            deleted.append(info.path)
    return deleted


def _remove_stale_temps(folder: Path, now: dt.datetime) -> None:
    """Temporary files of a backup that died (crash, full disk) are never a usable backup."""
    if not folder.is_dir():
        return
    for stale in folder.glob(f"{TEMP_PREFIX}*"):
        if now.timestamp() - mtime(stale) > 3600:
            with contextlib.suppress(OSError):
                stale.unlink()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


# -- verifying and restoring -------------------------------------------------------------------------------


def resolve_backup(archive: Archive | Path, name: str | Path) -> Path:
    """A backup named by path, or by file name inside backups/ or backups/safety/."""
    backups_dir = archive / "backups" if isinstance(archive, Path) else archive.backups_dir
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate.resolve()
    for folder in (backups_dir, safety_dir(backups_dir)):
        inside = folder / Path(name).name
        if inside.is_file():
            return inside.resolve()
    raise BackupError(_("No backup {name}: give a file path, or a name listed by `esgdesk backup --list`.", name=name))


def verify_backup(path: Path) -> str:
    """Refuse a file that is not a whole, known esgdesk database; returns its schema revision."""
    return _verify_known(path, db.known_revisions())


def restore(archive: Archive, backup: Path, keep: int | None = None) -> RestoreResult:
    """Replace an open archive's database with `backup` (verified first; the current state backed up first)."""
    _refuse_shared(archive)
    backup = backup.resolve()
    verify_backup(backup)
    if backup == archive.database_path.resolve():
        raise BackupError(_("That is the archive's own database, not a backup."))
    with archive.writing(N_("restore a backup")):
        before = archive.schema_revision()
        safety = make_backup(archive, reason="before-restore", keep=keep, spare=backup).path
        archive.engine.dispose()  # our pooled connections must not hold a read snapshot of the old state
        _copy_into_live(backup, archive.database_path)
        archive.engine.dispose()
        if archive.schema_revision() != db.head_revision():
            db.upgrade(archive.engine)
        result = RestoreResult(backup, safety, before, archive.schema_revision())
    result.notes.extend(_after_restore(archive))
    return result


def restore_archive(root: Path, name: str | Path, lock_timeout: float = 5.0, keep: int | None = None) -> RestoreResult:
    """Restore backup `name` into the archive folder `root` — also when its database cannot be read.

    The CLI's `restore` calls this rather than opening the archive first: opening refuses a damaged database,
    and a damaged database is exactly when the user needs the restore."""
    from esgdesk.core.archive import DATABASE_NAME, Archive

    root = root.expanduser().resolve()
    backup = resolve_backup(root, name)
    verify_backup(backup)
    database = root / DATABASE_NAME
    if backup == database.resolve():
        raise BackupError(_("That is the archive's own database, not a backup."))
    if _readable_revision(database) is not None:
        with Archive.open(root, lock_timeout=lock_timeout) as archive:
            return restore(archive, backup, keep=keep)
    lock = WriterLock(root, command="restore a backup")
    lock.acquire(timeout=lock_timeout)
    try:
        set_aside = _move_damaged_aside(root, database)
        _replace_with_copy(backup, database)
    finally:
        lock.release()
    with Archive.open(root, lock_timeout=lock_timeout) as archive:
        result = RestoreResult(backup, None, None, archive.schema_revision(), set_aside=set_aside)
        result.notes.extend(_after_restore(archive))
    return result


def _readable_revision(database: Path) -> str | None:
    """The schema revision of a whole database at `database`, or None when it is missing or damaged."""
    if not database.is_file():
        return None
    try:
        return _verify_known(database, db.known_revisions())
    except BackupError:
        return None


def _move_damaged_aside(root: Path, database: Path) -> Path | None:
    """Move a damaged database and its -wal/-shm into backups/damaged/<stamp>/ (kept for the user to inspect)."""
    present = [p for p in (database, *_sidecars(database)) if p.exists()]
    if not present:
        return None
    target = root / "backups" / DAMAGED_FOLDER / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        target.mkdir(parents=True, exist_ok=False)
        for path in present:
            os.replace(path, target / path.name)
        fsync_dir(target)
        fsync_dir(root)
    except OSError as exc:
        raise BackupError(
            _("The damaged database could not be moved aside ({reason}); nothing was restored.", reason=exc)
        ) from exc
    return target


def _sidecars(database: Path) -> tuple[Path, ...]:
    return tuple(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def _replace_with_copy(backup: Path, database: Path) -> None:
    """A copy of `backup` renamed into place (nothing else has the database open: it was damaged)."""
    temp = database.with_name(f".restoring-{database.name}")
    try:
        shutil.copyfile(backup, temp)
        fsync_file(temp)
        os.replace(temp, database)
        fsync_dir(database.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise BackupError(_("The restore failed: {reason}", reason=exc)) from exc


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
        raise BackupError(_("The restore failed and the archive was left as it was: {reason}", reason=exc)) from exc
    finally:
        source.close()


def _after_restore(archive: Archive) -> list[str]:
    """Bring derived data in line with the restored documents (the search index)."""
    from esgdesk.search.service import index_for

    try:
        fixed = index_for(archive).repair()
    except Exception as exc:  # the index is derived data: a failure here must not undo a good restore
        return [_("the search index could not be brought up to date ({reason}); run `esgdesk reindex`", reason=exc)]
    return [_("search index: {count} documents re-indexed", count=fixed)] if fixed else []
