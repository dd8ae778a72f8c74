"""Real releases of ministries and public bodies (tests/fixtures/releases) come in with the headline, issuer,
department, date and kind a reader sees on them; their formats become one document; a file that only cites a
release never takes its place; and a phrase of a PDF copy finds it.

The expected values in expected_releases.csv were written from reading the documents, before the importer was
tuned to them.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, DocumentFile
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.documents import document_details
from fixture_paths import RELEASES

EXPECTED = Path(__file__).with_name("expected_releases.csv")
ROWS = list(csv.DictReader(EXPECTED.open(encoding="utf-8")))
#: the parse runs in this process here (the worker is tested elsewhere); everything else is the real import
LIMITS = ImportLimits(parse_in_worker=False)
#: the columns of expected_releases.csv, named as `esgdesk show --json` names them (the issuer is "ministry")
FIELDS = ("title", "ministry", "department", "published", "kind")


def fields_of(archive: Archive, document_id: int) -> dict[str, str]:
    """The printed fields as `esgdesk show` reports them (the issuer's name on the release's date)."""
    details = document_details(archive, document_id)
    return {field: str(details[field] or "") for field in FIELDS}


def document_of(report) -> int:  # type: ignore[no-untyped-def]
    entries = report.imported or report.duplicates
    assert entries, report.failed
    return entries[-1].id


def expected(row: dict[str, str]) -> dict[str, str]:
    return {key: row[key] for key in FIELDS}


@pytest.mark.parametrize("row", [row for row in ROWS if row["alone"] == "yes"], ids=lambda row: row["file"])
def test_each_release_alone_comes_in_as_printed(archive, row: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    report = run_import(archive, [RELEASES / row["file"]], limits=LIMITS)
    assert fields_of(archive, document_of(report)) == expected(row)


@pytest.mark.parametrize("row", [row for row in ROWS if row["alone"] != "yes"], ids=lambda row: row["file"])
def test_unreadable_pdf_joins_its_twin(archive, row: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A PDF whose fonts have no Unicode map is kept (needs_ocr) as another original of its HWP twin."""
    twin = RELEASES / (Path(row["file"]).stem + ".hwp")
    first = run_import(archive, [twin], limits=LIMITS)
    report = run_import(archive, [RELEASES / row["file"]], limits=LIMITS)
    assert not report.imported and len(report.duplicates) == 1
    assert report.duplicates[0].id == document_of(first)
    assert fields_of(archive, document_of(first)) == expected(row)
    with archive.session() as session:
        files = session.exec(select(DocumentFile).where(DocumentFile.document_id == document_of(first))).all()
        assert len(files) == 2


def test_unreadable_pdf_alone_is_kept_for_ocr(archive) -> None:  # type: ignore[no-untyped-def]
    report = run_import(archive, [RELEASES / "fsc-2025-07-household-lending.pdf"], limits=LIMITS)
    with archive.session() as session:
        document = session.get(Document, document_of(report))
        assert document is not None and document.body == ""
        assert document.extra["needs_ocr"] is True
        assert any("Unicode" in warning for warning in document.extra["warnings"])


@pytest.mark.parametrize("stem", ["moef-2024q1-overseas-direct-investment", "fsc-2025-07-household-lending"])
def test_three_formats_of_one_release_are_one_document(archive, stem: str) -> None:  # type: ignore[no-untyped-def]
    paths = [RELEASES / f"{stem}.{suffix}" for suffix in ("hwpx", "hwp", "pdf")]
    report = run_import(archive, paths, limits=LIMITS)
    assert len(report.imported) == 1 and len(report.duplicates) == 2, report.as_json()
    with archive.session() as session:
        assert len(session.exec(select(Document)).all()) == 1
        files = session.exec(select(DocumentFile)).all()
        assert len(files) == 3


def test_pdf_first_then_hwp_is_still_one_document(archive) -> None:  # type: ignore[no-untyped-def]
    names = ["20250130-hongbo.pdf", "20250130-hongbo.hwp"]
    report = run_import(archive, [RELEASES / name for name in names], limits=LIMITS)
    assert len(report.imported) == 1 and len(report.duplicates) == 1


def test_a_readme_quoting_a_news_id_leaves_the_release_intact(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "README.txt").write_text(
        "내려받은 자료 목록\n"
        "농식품부 펫푸드 보도자료는 https://www.korea.kr/briefing/pressReleaseView.do?newsId=156618554 에서 "
        "받았다. 충북 음성 공장 방문 자료이다.\n"
        "나머지 자료는 나중에 정리한다.\n",
        encoding="utf-8",
    )
    shutil.copy(RELEASES / "156618554-petfood.hwp", folder / "156618554-petfood.hwp")
    report = run_import(archive, [folder], limits=LIMITS)
    assert len(report.imported) == 2, report.as_json()
    with archive.session() as session:
        release = session.exec(select(Document).where(Document.source_id == "156618554")).one()
        assert release.title.startswith("농식품부, 2027년 펫푸드")
        readme = session.exec(select(Document).where(Document.id != release.id)).one()
        assert readme.source_id is None


def test_a_phrase_finds_the_pdf_copy(archive) -> None:  # type: ignore[no-untyped-def]
    from esgdesk.search.service import search

    run_import(archive, [RELEASES / "moef-2024q1-overseas-direct-investment.pdf"], limits=LIMITS)
    # justified lines of the PDF: the words keep their spaces, so a phrase as the reader sees it matches
    result = search(archive, '"부동산업 및 전문과학기술업은 크게 증가하였다"')
    assert result.total == 1


def test_hwp_after_its_unreadable_pdf_gives_the_document_its_text(archive) -> None:  # type: ignore[no-untyped-def]
    stem = "fsc-2025-07-household-lending"
    first = run_import(archive, [RELEASES / f"{stem}.pdf"], limits=LIMITS)
    second = run_import(archive, [RELEASES / f"{stem}.hwp"], limits=LIMITS)
    assert not second.imported and second.duplicates[0].id == document_of(first)
    row = next(row for row in ROWS if row["file"] == f"{stem}.hwp")
    assert fields_of(archive, document_of(first)) == expected(row)
