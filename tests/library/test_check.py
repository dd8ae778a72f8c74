"""`check` finds what is wrong and names it; `--repair` fixes what is safe, after a backup, never deleting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.archive import Archive
from esgdesk.core.models import Annotation, Document, SourceFile
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.backup import list_backups
from esgdesk.library.check import check_archive, exit_code
from esgdesk.search.index import SearchIndex


@pytest.fixture
def healthy(archive: Archive, sample_path: Path) -> Archive:
    assert not run_import(archive, [sample_path], limits=ImportLimits(parse_in_worker=False)).failed
    with SearchIndex(archive) as index:
        index.rebuild()
    return archive


def _original(archive: Archive) -> tuple[str, Path]:
    with archive.session() as session:
        digest = session.exec(select(SourceFile.sha256)).first()
    return digest, archive.files.path_for(digest)


def test_a_fresh_import_is_healthy(healthy: Archive) -> None:
    report = check_archive(healthy)
    assert report.healthy and report.problems == [] and exit_code(report) == 0
    assert report.checked["originals"] == 1


def test_a_changed_original_is_named_and_not_papered_over(healthy: Archive) -> None:
    _, path = _original(healthy)
    path.write_bytes(path.read_bytes() + b"tampered")
    report = check_archive(healthy)
    problem = next(p for p in report.problems if p.kind == "changed-original")
    assert problem.subject == str(path) and "#1" in problem.message and "changed" in problem.message
    assert exit_code(report) == 1
    repaired = check_archive(healthy, repair=True)
    assert not repaired.healthy and exit_code(repaired) == 1  # only a copy of the file can fix it
    assert path.read_bytes().endswith(b"tampered")


def test_orphans_are_quarantined_temp_files_removed_after_a_backup(healthy: Archive) -> None:
    orphan = healthy.files.store(b"an original whose import died before its commit")
    temp = healthy.files.root / "ab" / ".incoming-x1y2"
    temp.parent.mkdir(exist_ok=True)
    temp.write_bytes(b"half a file")
    report = check_archive(healthy)
    assert {p.kind for p in report.problems} == {"orphan-original", "temp-file"}
    repaired = check_archive(healthy, repair=True)
    assert repaired.healthy and exit_code(repaired) == 0
    assert repaired.backup is not None and repaired.backup in [
        b.path for b in list_backups(healthy.backups_dir / "safety")
    ]
    assert (healthy.files.root / "orphans" / orphan).read_bytes().startswith(b"an original")  # moved, not deleted
    assert not temp.exists()
    assert check_archive(healthy).healthy


def test_a_missing_original_comes_back_from_the_quarantine(healthy: Archive) -> None:
    digest, path = _original(healthy)
    quarantine = healthy.files.root / "orphans"
    quarantine.mkdir()
    path.rename(quarantine / digest)
    report = check_archive(healthy)
    assert [p.kind for p in report.problems] == ["missing-original"] and report.problems[0].repairable
    assert check_archive(healthy, repair=True).healthy
    assert path.is_file()


def test_a_stale_search_index_is_reported_and_reindexed(healthy: Archive) -> None:
    with healthy.writing("test"), healthy.session() as session:
        document = session.get(Document, 1)
        document.title = "바뀐 제목"
        session.add(document)
        session.commit()
    report = check_archive(healthy)
    assert [p.kind for p in report.problems] == ["search-index"] and report.problems[0].details["documents"] == [1]
    assert check_archive(healthy, repair=True).healthy


def test_an_annotation_off_its_quote_is_reported_and_reanchored(healthy: Archive) -> None:
    with healthy.writing("test"), healthy.session() as session:
        document = session.get(Document, 1)
        start = document.body.index("공정전환")
        session.add(Annotation(document_id=1, start=start + 3, end=start + 7, exact="공정전환", note="n"))
        session.commit()
    report = check_archive(healthy)
    anchors = [p for p in report.problems if p.kind == "annotation-anchor"]  # (its note also dirtied the index)
    assert len(anchors) == 1 and "공정전환" in anchors[0].message and anchors[0].subject == "document 1"
    assert check_archive(healthy, repair=True).healthy
    with healthy.session() as session:
        annotation = session.exec(select(Annotation)).one()
        assert session.get(Document, 1).body[annotation.start : annotation.end] == "공정전환"


def test_dangling_rows_are_reported(healthy: Archive) -> None:
    connection = sqlite3.connect(healthy.database_path)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(
        "INSERT INTO document_tag(document_id, tag_id, origin, created_at) VALUES (1, 999, 'manual', '2024-01-01')"
    )
    connection.commit()
    connection.close()
    report = check_archive(healthy)
    assert any(p.kind == "foreign-key" and "document_tag" in p.subject for p in report.problems)
    assert exit_code(check_archive(healthy, repair=True)) == 1  # reported, not guessed at


def test_a_document_without_any_original_is_flagged(archive: Archive) -> None:
    """A bundle or an old bug can leave a text whose file is gone from the archive; check names it."""

    with archive.session() as session:
        session.add(Document(title="원본 없는 문서", body="본문", content_hash="no-original"))
        session.commit()
    report = check_archive(archive)
    [problem] = [p for p in report.problems if p.kind == "no-original"]
    assert "원본 없는 문서" in problem.message and not problem.repairable
