from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from esgdesk.core import db
from esgdesk.core.archive import Archive
from esgdesk.core.errors import ArchiveError
from esgdesk.core.paths import archive_location, default_archive_dir, resource_path


def test_a_missing_folder_is_created_with_its_layout(tmp_path: Path) -> None:
    root = tmp_path / "nested" / "archive"
    with Archive.open(root):
        pass
    assert (root / "archive.sqlite").is_file()
    assert (root / "files").is_dir()
    assert (root / "backups").is_dir()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(archive) -> None:
    with archive.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_keeps_the_data(archive_dir: Path) -> None:
    from esgdesk.core.models import Document

    with Archive.open(archive_dir) as first, first.session() as session:
        session.add(Document(title="탄소중립", body="본문", content_hash="x"))
        session.commit()
    with Archive.open(archive_dir) as second, second.session() as session:
        assert session.get(Document, 1).title == "탄소중립"


def test_an_archive_from_a_newer_esgdesk_is_refused_untouched(archive_dir: Path) -> None:
    Archive.open(archive_dir).close()
    database = archive_dir / "archive.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = database.read_bytes()
    with pytest.raises(ArchiveError, match="newer esgdesk"):
        Archive.open(archive_dir)
    assert database.read_bytes() == before


def test_a_foreign_sqlite_file_is_not_touched(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    with sqlite3.connect(root / "archive.sqlite") as connection:
        connection.execute("CREATE TABLE something_else (x)")
    with pytest.raises(ArchiveError, match="did not make"):
        Archive.open(root)


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "archive"
    not_a_folder.write_text("x")
    with pytest.raises(ArchiveError, match="is a file"):
        Archive.open(not_a_folder)


def test_location_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESGDESK_ARCHIVE", "/from/env")
    assert archive_location("/from/cli") == "/from/cli"
    assert archive_location(None) == "/from/env"
    monkeypatch.delenv("ESGDESK_ARCHIVE")
    assert archive_location(None) == str(default_archive_dir())
    assert "esgdesk" in str(default_archive_dir())


def test_backup_is_a_consistent_copy(archive) -> None:
    copy = archive.backup()
    assert copy.parent == archive.backups_dir
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.head_revision()


def test_bundled_korean_font_and_licence_are_found() -> None:
    font = resource_path("fonts", "NanumGothic.ttf")
    assert font.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, which reportlab can embed
    assert "SIL OPEN FONT LICENSE" in resource_path("fonts", "OFL.txt").read_text(encoding="utf-8").upper()
