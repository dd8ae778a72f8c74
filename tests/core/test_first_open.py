"""A first open and an upgrade that cannot brick the archive; a -wal from elsewhere is never replayed.

Kills are real: a child process is stopped with SIGKILL after N statements of the migration (the
ESGDESK_TEST_KILL_AFTER_STATEMENTS hook in core/db.py) or at a random moment, and the next open must work."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core import db
from esgdesk.core.archive import Archive
from esgdesk.core.errors import ArchiveError
from esgdesk.core.models import Document, metadata
from fixture_paths import fixture_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

OPEN = "import sys; from esgdesk.core.archive import Archive; Archive.open(sys.argv[1]).close()"


def _open_in_child(root: Path, kill_after: int | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ}
    if kill_after is not None:
        env[db.KILL_AFTER_VARIABLE] = str(kill_after)
    return subprocess.Popen([sys.executable, "-c", OPEN, str(root)], env=env, stderr=subprocess.PIPE)


def _assert_opens_whole(root: Path) -> None:
    with Archive.open(root) as archive:
        assert archive.schema_revision() == db.head_revision()
        with sqlite3.connect(archive.database_path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("kill_after", [1, 2, 3, 5, 8, 13, 21, 34, 55, 89])
def test_a_kill_at_any_statement_of_the_first_open_leaves_an_archive_the_next_open_makes(
    tmp_path: Path, kill_after: int
) -> None:
    root = tmp_path / "archive"
    child = _open_in_child(root, kill_after)
    child.communicate(timeout=120)
    # Either killed mid-creation (no archive.sqlite, or a complete one) or done before the N-th statement.
    assert child.returncode in (0, -signal.SIGKILL)
    if child.returncode == -signal.SIGKILL:
        assert not (root / "archive.sqlite").exists(), "a half-made database was renamed into place"
    _assert_opens_whole(root)


def test_kills_at_random_moments_of_the_first_open(tmp_path: Path) -> None:
    rng = random.Random(19)
    killed = 0
    for attempt in range(6):
        root = tmp_path / f"archive-{attempt}"
        child = _open_in_child(root)
        time.sleep(rng.uniform(0.2, 1.5))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.communicate(timeout=60)
        _assert_opens_whole(root)
    print(f"{killed} of 6 first opens killed before they finished")


@pytest.mark.parametrize("kill_after", [1, 3, 6, 10, 20, 40])
def test_a_kill_during_an_upgrade_leaves_the_old_archive_whole(tmp_path: Path, kill_after: int) -> None:
    root = tmp_path / "archive"
    shutil.copytree(fixture_path("archive-0001"), root)
    child = _open_in_child(root, kill_after)
    child.communicate(timeout=120)
    assert child.returncode in (0, -signal.SIGKILL)
    with sqlite3.connect(root / "archive.sqlite") as connection:  # the transaction rolled back or committed
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision in ("0001", db.head_revision())
        assert connection.execute("SELECT count(*) FROM document").fetchone()[0] == 21
    _assert_opens_whole(root)
    with Archive.open(root) as archive, archive.session() as session:
        assert len(session.exec(select(Document)).all()) == 21


def test_a_half_made_archive_from_an_older_build_is_made_anew(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (root / "files").mkdir(parents=True)
    with sqlite3.connect(root / "archive.sqlite") as connection:  # what the old non-transactional DDL left
        for name in list(metadata.tables)[:4]:
            connection.execute(f'CREATE TABLE "{name}" (id INTEGER PRIMARY KEY)')
    with Archive.open(root) as archive:
        assert archive.schema_revision() == db.head_revision()
        assert any("half-made" in notice for notice in archive.notices)
    assert len(list((root / "backups" / "set-aside").glob("*/archive.sqlite"))) == 1


def test_esgdesk_tables_with_rows_but_no_revision_are_refused_untouched(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    name = next(iter(metadata.tables))
    with sqlite3.connect(root / "archive.sqlite") as connection:
        connection.execute(f'CREATE TABLE "{name}" (id INTEGER PRIMARY KEY)')
        connection.execute(f'INSERT INTO "{name}" VALUES (1)')
    before = (root / "archive.sqlite").read_bytes()
    with pytest.raises(ArchiveError, match="did not make"):
        Archive.open(root)
    assert (root / "archive.sqlite").read_bytes() == before


def _wal_of_another_archive(tmp_path: Path) -> tuple[Path, sqlite3.Connection]:
    other = tmp_path / "other"
    Archive.open(other).close()
    connection = sqlite3.connect(other / "archive.sqlite")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    for number in range(40):  # enough to grow the file, so page 1 (its size) is in the WAL
        connection.execute(
            "INSERT INTO document (title, body, content_hash, kind, status, partial, note, extra, version, "
            "created_at, updated_at) VALUES (?, ?, ?, 'press_release', 'new', 0, '', '{}', 1, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            (f"다른 보관함 {number}", "본문 " * 500, f"other-{number}"),
        )
    connection.commit()
    return other / "archive.sqlite-wal", connection  # kept open: closing would checkpoint and delete the WAL


def test_a_wal_from_another_archive_is_moved_aside_not_replayed(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    with Archive.open(root) as archive, archive.session() as session:
        session.add(Document(title="내 문서", body="본문", content_hash="mine"))
        session.commit()
    wal, holder = _wal_of_another_archive(tmp_path)
    shutil.copyfile(wal, root / "archive.sqlite-wal")
    holder.close()
    with Archive.open(root) as archive:
        assert any("did not belong" in notice for notice in archive.notices)
        with archive.session() as session:
            assert [doc.title for doc in session.exec(select(Document)).all()] == ["내 문서"]
    assert len(list((root / "backups" / "set-aside").glob("*/archive.sqlite-wal"))) == 1
    with sqlite3.connect(root / "archive.sqlite") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_archives_own_wal_after_a_kill_is_replayed(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    Archive.open(root).close()
    code = (
        "import os, signal, sys; from esgdesk.core.archive import Archive; from esgdesk.core.models import Document\n"
        "archive = Archive.open(sys.argv[1])\n"
        "with archive.session() as session:\n"
        "    for n in range(30):\n"
        "        session.add(Document(title=f'커밋 {n}', body='본문 ' * 300, content_hash=str(n)))\n"
        "    session.commit()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    child = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert (root / "archive.sqlite-wal").stat().st_size > 0  # the commit is only in the WAL
    with Archive.open(root) as archive:
        assert archive.notices == []
        with archive.session() as session:
            assert len(session.exec(select(Document)).all()) == 30
