"""Hostile names and private folders: what comes from outside is stored and shown safely."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.archive import Archive
from esgdesk.core.files import safe_file_name
from esgdesk.core.models import SourceFile
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.browse import copy_original

HOSTILE_NAMES = [
    "$(touch x).txt",
    "..\\..\\x.txt",
    "제목" * 150 + ".txt",  # 300 characters
    "tab\tbell\x07escape\x1b.txt",
    "CON.txt",
    ".hidden-looking.txt",
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_archive_folder_is_readable_by_its_user_only(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "new" / "archive") as archive:
        for folder in (archive.root, archive.root / "files", archive.backups_dir):
            assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, folder


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_safe_file_names_are_one_short_clean_component(name: str) -> None:
    safe = safe_file_name(name)
    assert "/" not in safe and "\\" not in safe
    assert not any(ord(char) < 32 for char in safe)
    assert len(safe.encode("utf-8")) <= 200
    assert safe.endswith(".txt")
    assert not safe.startswith(".")
    assert safe.upper() != "CON.TXT"


def test_hostile_names_from_a_zip_are_stored_and_copied_out_safely(archive, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for number, name in enumerate(HOSTILE_NAMES):
            bundle.writestr(
                name.replace("\\", "_") if name.startswith("..") else name, f"제목 {number}\n\n본문 {number}"
            )
    path = tmp_path / "names.zip"
    path.write_bytes(buffer.getvalue())
    report = run_import(archive, [path])
    assert report.failed == [] or all("climbs out" in failure.error for failure in report.failed)
    with archive.session() as session:
        files = session.exec(select(SourceFile)).all()
    assert files
    outbox = tmp_path / "outbox"
    for file in files:
        assert file.name == safe_file_name(file.name)
        copy = copy_original(archive, file.sha256, file.name, file.media_type, outbox)
        assert copy.parent == outbox
    assert not (tmp_path / "x").exists()  # nothing ran the shell syntax


def test_names_that_differ_only_in_normalisation_are_stored_nfc(archive, tmp_path: Path) -> None:
    composed, decomposed = "탄소중립.txt", unicodedata.normalize("NFD", "탄소중립.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / composed).write_text("하나\n\n첫 번째 본문", encoding="utf-8")
    if not (folder / decomposed).exists():  # a file system that does not fold the two (ext4)
        (folder / decomposed).write_text("둘\n\n두 번째 본문", encoding="utf-8")
    report = run_import(archive, [folder])
    assert report.failed == []
    with archive.session() as session:
        names = {file.name for file in session.exec(select(SourceFile))}
    assert names == {composed}
    assert all(unicodedata.is_normalized("NFC", name) for name in names)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX")
@pytest.mark.parametrize("last_close", ["clean", "wal-left"])
def test_a_read_only_archive_folder_gives_a_clear_error(tmp_path: Path, sample_path: Path, last_close: str) -> None:
    import subprocess

    def esgdesk(*args: str) -> tuple[int, str]:  # own processes: a file system with open files cannot turn ro
        done = subprocess.run([sys.executable, "-m", "esgdesk", *args], capture_output=True, text=True, timeout=120)
        return done.returncode, done.stderr

    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if os.geteuid() != 0 or os.system(f"mount -t tmpfs -o size=20m tmpfs {mount_point} 2>/dev/null") != 0:
        pytest.skip("needs root to mount a small file system and make it read-only")
    try:
        archive = mount_point / "archive"
        assert esgdesk("--archive", str(archive), "import", str(sample_path))[0] == 0
        if last_close == "clean":
            # the last connection to close checkpoints and removes -wal and -shm: nothing beside the database
            connection = sqlite3.connect(archive / "archive.sqlite")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            assert not (archive / "archive.sqlite-wal").exists()
        before = (archive / "archive.sqlite").read_bytes()
        assert os.system(f"mount -o remount,ro {mount_point}") == 0
        assert esgdesk("--archive", str(archive), "list", "--json")[0] == 0  # reading still works
        code, message = esgdesk("--archive", str(archive), "import", str(sample_path))
        assert code == 2 and "read-only" in message and "Traceback" not in message
        code, message = esgdesk("--archive", str(archive), "search", "탄소")
        assert code == 2 and "read-only" in message and "Traceback" not in message
        assert (archive / "archive.sqlite").read_bytes() == before
    finally:
        os.system(f"umount {mount_point}")
