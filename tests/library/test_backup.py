"""Backups: made with the online backup API, rotated without losing the one that matters, restored safely."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import func, select

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, Tag
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.backup import (
    BackupError,
    backup_if_due,
    create_backup,
    list_backups,
    make_backup,
    restore,
    rotate,
    verify_backup,
)


def _import(archive: Archive, path: Path) -> None:
    report = run_import(archive, [path], limits=ImportLimits(parse_in_worker=False))
    assert not report.failed


def _count(archive: Archive, model: type) -> int:
    with archive.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_backup_is_a_whole_verified_database(archive: Archive, sample_path: Path) -> None:
    _import(archive, sample_path)
    path = create_backup(archive)
    assert path.parent == archive.backups_dir and path.name.endswith("-manual.sqlite")
    assert verify_backup(path) == archive.schema_revision()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM document").fetchone()[0] == _count(archive, Document)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no WAL to lose beside it
    assert not list(archive.backups_dir.glob(".partial-*"))


def _fake_backups(folder: Path, stamps: list[tuple[dt.datetime, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for made, reason in stamps:
        (folder / f"archive-{made:%Y%m%d-%H%M%S-%f}-{reason}.sqlite").write_bytes(b"x")


def test_rotation_keeps_the_newest_n_and_recent_pre_upgrade_backups(tmp_path: Path) -> None:
    now = dt.datetime(2026, 6, 1, 12, 0, 0)
    stamps = [(now - dt.timedelta(days=day), "manual") for day in range(1, 13)]
    stamps += [
        (now - dt.timedelta(days=20), "before-upgrade-0001"),
        (now - dt.timedelta(days=90), "before-upgrade-0000"),
    ]
    stamps += [(now - dt.timedelta(days=200), "before-upgrade-old")]
    _fake_backups(tmp_path, stamps)
    (tmp_path / "my-notes.txt").write_text("not a backup")
    deleted = rotate(tmp_path, keep=3, now=now)
    left = {info.reason: info for info in list_backups(tmp_path)}
    names = sorted(info.made.day for info in list_backups(tmp_path) if info.reason == "manual")
    assert len(names) == 3  # the newest three manual ones
    assert "before-upgrade-0001" in left  # inside the 30-day grace
    assert "before-upgrade-0000" not in left  # older than the grace, and not the newest pre-upgrade one
    assert "before-upgrade-old" not in left
    assert (tmp_path / "my-notes.txt").exists()
    assert len(deleted) == 9 + 2


def test_rotation_keeps_the_newest_pre_upgrade_backup_whatever_its_age(tmp_path: Path) -> None:
    now = dt.datetime(2026, 6, 1)
    stamps = [(now - dt.timedelta(days=day), "manual") for day in range(1, 6)]
    _fake_backups(tmp_path, [*stamps, (now - dt.timedelta(days=400), "before-upgrade-0001")])
    rotate(tmp_path, keep=2, now=now)
    assert sorted(info.reason for info in list_backups(tmp_path)) == ["before-upgrade-0001", "manual", "manual"]


def test_rotation_never_deletes_the_newest_backup(tmp_path: Path) -> None:
    now = dt.datetime(2026, 6, 1)
    _fake_backups(tmp_path, [(now - dt.timedelta(hours=hour), "daily") for hour in range(5)])
    rotate(tmp_path, keep=0, now=now)
    left = list_backups(tmp_path)
    assert [info.made for info in left] == [now]


def test_a_manual_backup_rotates_and_reports_what_it_removed(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESGDESK_BACKUP_KEEP", "2")
    made = [make_backup(archive, reason="manual") for _ in range(4)]
    assert len(list_backups(archive.backups_dir)) == 2
    assert [path for backup in made for path in backup.removed] == [made[0].path, made[1].path]


def test_the_silent_daily_rotation_never_deletes_a_manual_backup(tmp_path: Path) -> None:
    now = dt.datetime(2026, 6, 1, 12, 0, 0)
    _fake_backups(tmp_path, [(now - dt.timedelta(days=day), "manual" if day % 2 else "daily") for day in range(12)])
    deleted = rotate(tmp_path, keep=3, now=now, delete_manual=False)
    assert deleted and all(path.name.endswith("-daily.sqlite") for path in deleted)
    assert sum(info.reason == "manual" for info in list_backups(tmp_path)) == 6


def test_backup_if_due_at_most_daily_and_only_after_changes(archive: Archive, sample_path: Path) -> None:
    now = dt.datetime.now()
    first = backup_if_due(archive, now=now)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backup_if_due(archive, now=now + dt.timedelta(hours=5)) is None  # within a day
    assert backup_if_due(archive, now=now + dt.timedelta(days=2)) is None  # nothing changed since
    _import(archive, sample_path)
    assert backup_if_due(archive, now=now + dt.timedelta(days=2)) is not None


def test_restore_brings_back_the_backup_and_keeps_the_state_before(archive: Archive, sample_path: Path) -> None:
    _import(archive, sample_path)
    documents = _count(archive, Document)
    saved = create_backup(archive)
    with archive.writing("test"), archive.session() as session:
        session.add(Tag(name="after the backup"))
        for document in session.exec(select(Document)).all()[:5]:
            session.delete(document)
        session.commit()
    reader = sqlite3.connect(archive.database_path)  # another reader with the archive open (WAL)
    reader.execute("SELECT count(*) FROM document").fetchone()
    result = restore(archive, saved)
    reader.close()
    assert _count(archive, Document) == documents and _count(archive, Tag) == 0
    with sqlite3.connect(result.safety_backup) as connection:  # the state before the restore was backed up
        assert connection.execute("SELECT count(*) FROM tag").fetchone()[0] == 1
    with sqlite3.connect(archive.database_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened = Archive.open(archive.root)
    assert _count(reopened, Document) == documents
    reopened.close()


@pytest.mark.parametrize("damage", ["not-sqlite", "truncated", "newer-schema", "no-schema"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(archive: Archive, sample_path: Path, damage: str) -> None:
    _import(archive, sample_path)
    good = create_backup(archive)
    bad = archive.root.parent / f"{damage}.sqlite"
    if damage == "not-sqlite":
        bad.write_bytes(b"PK\x03\x04 a zip, not a database")
    elif damage == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    else:
        bad.write_bytes(good.read_bytes())
        with sqlite3.connect(bad) as connection:
            if damage == "newer-schema":
                connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
            else:
                connection.execute("DROP TABLE alembic_version")
    before = _count(archive, Document)
    backups_before = len(list_backups(archive.backups_dir))
    with pytest.raises(BackupError):
        restore(archive, bad)
    assert _count(archive, Document) == before
    assert len(list_backups(archive.backups_dir)) == backups_before  # refused before anything was done


# -- backups are never casualties (issue 19 item 2) -------------------------------------------------------


def _cli(*args: str, archive: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""},
    )


def test_restoring_the_oldest_of_ten_backups_works_and_keeps_it(archive: Archive, sample_path: Path) -> None:
    oldest = create_backup(archive)  # an empty archive
    _import(archive, sample_path)
    for _ in range(9):
        create_backup(archive)
    assert len(list_backups(archive.backups_dir)) == 10
    archive.close()
    result = _cli("restore", oldest.name, archive=archive.root)
    assert result.returncode == 0, result.stderr
    assert oldest.is_file() and len(list_backups(archive.backups_dir)) == 10
    with sqlite3.connect(archive.database_path) as connection:
        assert connection.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    safety = list_backups(archive.backups_dir / "safety")
    assert [info.reason for info in safety] == ["before-restore"]


def test_three_repairs_do_not_delete_the_users_backups(archive: Archive, sample_path: Path) -> None:
    _import(archive, sample_path)
    mine = {create_backup(archive) for _ in range(10)}
    archive.close()
    for run in range(3):
        (archive.root / "files" / f"stray-{run}.txt").write_text("not an original")  # something to repair
        result = _cli("check", "--repair", archive=archive.root)
        assert result.returncode == 0, result.stderr
    assert {info.path for info in list_backups(archive.backups_dir)} == mine
    assert len(list_backups(archive.backups_dir / "safety")) == 3


def test_safety_copies_rotate_by_their_own_count_and_spare_the_restored_one(archive: Archive) -> None:
    first = make_backup(archive, reason="before-repair").path
    for _ in range(7):
        make_backup(archive, reason="before-repair", spare=first)
    left = {info.path for info in list_backups(archive.backups_dir / "safety")}
    assert first in left and len(left) == 6  # SAFETY_KEEP newest, plus the spared one
    restore(archive, first)
    assert first.is_file()


def test_a_truncated_database_is_restored_with_the_command_the_message_names(
    archive: Archive, sample_path: Path
) -> None:
    _import(archive, sample_path)
    documents = _count(archive, Document)
    create_backup(archive)
    archive.close()
    data = archive.database_path.read_bytes()
    archive.database_path.write_bytes(data[: len(data) // 3])
    for command in (["list"], ["info"], ["check"]):
        refused = _cli(*command, archive=archive.root)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert "not a readable esgdesk archive" in refused.stderr
    named = refused.stderr.split("restore it with: ", 1)[1].strip()
    argv = shlex.split(named)
    assert argv[:2] == ["esgdesk", "--archive"]
    restored = subprocess.run(
        [sys.executable, "-m", *argv], capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C"}
    )
    assert restored.returncode == 0, restored.stderr
    assert "moved" in restored.stderr  # the damaged database was kept, not deleted
    reopened = Archive.open(archive.root, create=False)
    assert _count(reopened, Document) == documents
    reopened.close()
    assert len(list(archive.backups_dir.glob("damaged/*/archive.sqlite"))) == 1
    assert _cli("check", archive=archive.root).returncode == 0
