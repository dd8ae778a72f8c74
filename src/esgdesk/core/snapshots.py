"""Backup files of archive.sqlite: their names, the folders they live in, writing one atomically, verifying one.

This is the part of backups that opening an archive needs (a backup before an upgrade; naming the newest good
backup when the database cannot be read), so it lives in core; when backups are made, kept and restored is the
application layer's business (`esgdesk.library.backup`).

Two folders, so that esgdesk's own safety copies never push the user's backups out of their rotation:

- `backups/`         the user's: `esgdesk backup` (reason `manual`) and the app's `daily` backup;
- `backups/safety/`  esgdesk's: the copy made before a restore, a repair or an upgrade (reasons `before-…`),
                     rotated by their own count.

A backup is written to a hidden temporary name, fsynced and renamed, so a crash or a full disk never leaves a
truncated file that looks like a backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from esgdesk.core.errors import ArchiveError
from esgdesk.core.i18n import _

SAFETY_FOLDER = "safety"
#: reasons of esgdesk's own safety copies (before a restore, a repair, an upgrade) start with this
SAFETY_PREFIX = "before-"
PRE_UPGRADE_PREFIX = "before-upgrade"
BACKUP_NAME = re.compile(r"^archive-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9._-]+)\.sqlite$")
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
TEMP_PREFIX = ".partial-"
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(ArchiveError):
    """A backup could not be made, or a file offered for restore is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as its name describes it."""

    path: Path
    made: dt.datetime
    reason: str

    @property
    def pre_upgrade(self) -> bool:
        return self.reason.startswith(PRE_UPGRADE_PREFIX)

    @property
    def safety(self) -> bool:
        """Made by esgdesk before a restore, a repair or an upgrade (not by the user)."""
        return self.reason.startswith(SAFETY_PREFIX)

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "made": self.made.isoformat(),
            "reason": self.reason,
            "size": file_size(self.path),
        }


def safety_dir(backups_dir: Path) -> Path:
    return backups_dir / SAFETY_FOLDER


def is_safety_reason(reason: str) -> bool:
    return reason.startswith(SAFETY_PREFIX)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """esgdesk's backups directly in `backups_dir`, newest first (files with other names are not ours)."""
    found: list[BackupInfo] = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        match = BACKUP_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        made = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
        found.append(BackupInfo(path=path, made=made, reason=match.group(2)))
    found.sort(key=lambda info: (info.made, info.path.name), reverse=True)
    return found


def all_backups(backups_dir: Path) -> list[BackupInfo]:
    """The user's backups and the safety copies together, newest first."""
    found = list_backups(backups_dir) + list_backups(safety_dir(backups_dir))
    found.sort(key=lambda info: (info.made, info.path.name), reverse=True)
    return found


def snapshot(database: Path, backups_dir: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy `database` into `backups_dir` with the online backup API, atomically (temp name, fsync, rename).

    Why the online backup API rather than copying the file: it reads one consistent snapshot through SQLite's
    own locking, so a backup taken while another process writes is never torn, and committed pages still in the
    WAL are included."""
    reason = slug(reason)
    stamp = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
    target = backups_dir / f"archive-{stamp}-{reason}.sqlite"
    temp = backups_dir / f"{TEMP_PREFIX}{target.name}"
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        copy_database(database, temp)
        fsync_file(temp)
        os.replace(temp, target)
        fsync_dir(backups_dir)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise BackupError(
            _("Cannot write a backup into {folder}: {reason}", folder=backups_dir, reason=reason_text(exc))
        ) from exc
    return target


def copy_database(source_path: Path, target_path: Path) -> None:
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


def verify_backup(path: Path, known: set[str]) -> str:
    """Refuse a file that is not a whole esgdesk database of a schema in `known`; returns its revision."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(_("Cannot read {path}: {reason}", path=path, reason=reason_text(exc))) from exc
    if header != SQLITE_HEADER:
        raise BackupError(_("{path} is not an esgdesk backup (not a SQLite database).", path=path))
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
            revision = revision_of(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise BackupError(_("{path} cannot be read as a database: {reason}", path=path, reason=exc)) from exc
    if problems != ["ok"]:
        raise BackupError(
            _(
                "{path} is damaged (integrity check: {problems}); choose another backup.",
                path=path,
                problems="; ".join(problems[:3]),
            )
        )
    if revision is None:
        raise BackupError(_("{path} is not an esgdesk backup (it has no schema revision).", path=path))
    if revision not in known:
        raise BackupError(
            _(
                "{path} was made by a newer esgdesk (schema {revision}); update esgdesk to restore it.",
                path=path,
                revision=revision,
            )
        )
    return revision


def newest_good_backup(backups_dir: Path, known: set[str]) -> BackupInfo | None:
    """The newest backup (the user's or a safety copy) that passes `verify_backup`, or None."""
    for info in all_backups(backups_dir):
        try:
            verify_backup(info.path, known)
        except BackupError:
            continue
        return info
    return None


def restore_command(root: Path, backup: Path) -> str:
    """The exact command that restores `backup` into the archive at `root` (quoted for a shell)."""
    import shlex

    return f"esgdesk --archive {shlex.quote(str(root))} restore {shlex.quote(str(backup))}"


def revision_of(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


# -- small helpers -----------------------------------------------------------------------------------------


def slug(reason: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", reason).strip("-.")
    return text[:60] or "manual"


def reason_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc)
    return str(exc)


def mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder for fsync and does not need to."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
