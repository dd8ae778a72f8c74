"""Derived state heals itself: a SIGKILLed import leaves queued changes, and the next open applies them.

Real processes against a real archive, on SQLite and on the PostgreSQL server: after the kill, every committed
document is found by a word only it contains and has its regions — without `check --repair` or `reindex`.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, Mention
from esgdesk.library.check import check_archive
from esgdesk.library.documents import document_regions
from esgdesk.library.importing import import_paths
from esgdesk.library.opening import open_archive, pending_changes, reextract
from esgdesk.library.tagging import tag_documents
from esgdesk.search.service import close_index, search

# The child imports through the library as the CLI does, but drains only at the end of the batch, so a kill
# always lands while committed documents wait in the queue.
CHILD = r"""
import sys
from esgdesk.ingest import pipeline
from esgdesk.ingest.limits import ImportLimits
from esgdesk.library.importing import import_pipeline
from esgdesk.library.opening import open_archive

pipeline.AFTER_COMMIT_BATCH = 10**6
pipeline.AFTER_COMMIT_SECONDS = 10**6
archive = open_archive(sys.argv[1], lock_timeout=60)
for progress in import_pipeline(archive, limits=ImportLimits(parse_in_worker=False)).run(sys.argv[2:]):
    print(progress.done, flush=True)
"""


def _releases(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"release-{number:03d}.txt"
        path.write_text(
            f"부산 공정전환 지원 {number}호\n\n부산광역시는 kq{number:03d}zeta 사업으로 지역 산업 전환을 지원한다.\n"
            + "탄소중립 전환에 따른 지역 일자리 대책. " * 10,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _unique_word(title: str) -> str:
    number = int(title.split()[-1].removesuffix("호"))
    return f"kq{number:03d}zeta"


def test_a_killed_import_gets_its_index_and_entities_on_the_next_open(location: str, tmp_path: Path) -> None:
    paths = _releases(tmp_path / "batch", 30)
    Archive.open(location).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, location, *map(str, paths)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    for _ in range(8):
        assert child.stdout.readline(), "the import ended before the kill"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    plain = Archive.open(location)  # the core alone: nothing drains
    try:
        with plain.session() as session:
            committed = session.exec(select(Document.id, Document.title)).all()
            assert session.exec(select(Mention)).first() is None  # the kill landed before any extraction
        assert 8 <= len(committed) < 30
        assert changes.pending_changes(plain) == len(committed)
    finally:
        plain.close()

    archive = open_archive(location)
    try:
        assert pending_changes(archive) == 0
        with archive.session() as session:
            for document_id, title in committed:
                hits = search(archive, _unique_word(title)).hits
                assert [hit.id for hit in hits] == [document_id], title
                assert document_regions(session, document_id) == ["부산광역시"], title
        report = check_archive(archive)
        assert not report.kinds() & {"entities", "change-queue", "search-index"}, [p.message for p in report.problems]
    finally:
        close_index(archive)
        archive.close()


def test_a_tag_is_searchable_at_once_and_the_queue_drains(location: str, tmp_path: Path) -> None:
    archive = open_archive(location)
    try:
        report = import_paths(archive, _releases(tmp_path / "two", 2))
        first = report.imported[0].id
        tag_documents(archive, [first], ["정책/공정전환kqtag"], author="analyst-a")
        assert [hit.id for hit in search(archive, "kqtag").hits] == [first]
        assert pending_changes(archive) == 0
    finally:
        close_index(archive)
        archive.close()


def test_check_finds_missing_entities_and_reextract_restores_them(location: str, tmp_path: Path) -> None:
    archive = open_archive(location)
    try:
        report = import_paths(archive, _releases(tmp_path / "one", 1))
        document_id = report.imported[0].id
        with archive.session() as session:  # as an import killed before the queue existed left it
            for mention in session.exec(select(Mention).where(Mention.document_id == document_id)).all():
                session.delete(mention)
            session.commit()
        found = check_archive(archive)
        assert "entities" in found.kinds()
        assert [p.details["documents"] for p in found.problems if p.kind == "entities"] == [[document_id]]
        reextract(archive, [document_id])
        with archive.session() as session:
            assert document_regions(session, document_id) == ["부산광역시"]
        assert "entities" not in check_archive(archive).kinds()
    finally:
        close_index(archive)
        archive.close()


def test_check_repair_reextracts_on_both_engines(location: str, tmp_path: Path) -> None:
    archive = open_archive(location)
    try:
        document_id = import_paths(archive, _releases(tmp_path / "one", 1)).imported[0].id
        with archive.session() as session:
            for mention in session.exec(select(Mention).where(Mention.document_id == document_id)).all():
                session.delete(mention)
            session.commit()
        repaired = check_archive(archive, repair=True)
        assert repaired.healthy, [(p.kind, p.outcome) for p in repaired.problems]
        if archive.shared:
            assert repaired.backup is None and any("server" in note for note in repaired.notes)
        with archive.session() as session:
            assert document_regions(session, document_id) == ["부산광역시"]
    finally:
        close_index(archive)
        archive.close()


def test_search_says_indexing_while_another_process_holds_the_queue(archive_dir: Path, tmp_path: Path) -> None:
    archive = open_archive(archive_dir)
    try:
        import_paths(archive, _releases(tmp_path / "one", 1))
        with archive.writing("import"):
            with archive.session() as session:
                document = session.exec(select(Document)).one()
                changes.record(session, changes.METADATA, [document.id])
                session.commit()
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "esgdesk", "--archive", str(archive_dir), "search", "kq000zeta"],
                capture_output=True,
                text=True,
                timeout=60,
                env={**__import__("os").environ, "LANG": "C.UTF-8"},
            )
            assert time.monotonic() - started < 30
        assert result.returncode == 0, result.stderr
        assert "indexing" in result.stderr and "1 changes" in result.stderr
        assert "kq000zeta" not in result.stderr
        assert pending_changes(archive) == 1
        assert open_archive(archive_dir) and pending_changes(archive) == 0  # the next open drains it
    finally:
        close_index(archive)
        archive.close()


@pytest.mark.parametrize("ids", [["1"], []])
def test_reextract_command(archive_dir: Path, tmp_path: Path, ids: list[str]) -> None:
    archive = open_archive(archive_dir)
    import_paths(archive, _releases(tmp_path / "one", 1))
    archive.close()
    result = subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive_dir), "reextract", *ids],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "1 documents re-extracted" in result.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive_dir), "reextract", "99"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 2 and "99" in missing.stderr
