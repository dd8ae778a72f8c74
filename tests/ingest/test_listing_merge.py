"""A listing item is the reading list's promise of a release; when the release arrives, the two become one."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from esgdesk.core.models import Document, DocumentKind
from esgdesk.ingest.pipeline import run_import

LISTED_TITLE = "지속가능성 공시 대응, 중소·중견기업의 환경정보 공개 지원"

RELEASE = f"""{LISTED_TITLE}

담당부서 : 기후에너지환경부 녹색전환정책과

기후에너지환경부는 중소·중견기업이 환경정보를 공개할 수 있도록 지원한다.
올해는 300개 기업을 대상으로 컨설팅을 제공한다.

(기후에너지환경부, 2026.03.16)
"""


def _documents(archive, kind: str) -> list[Document]:
    with archive.session() as session:
        return list(session.exec(select(Document).where(Document.kind == kind)))


def test_a_release_arriving_later_absorbs_its_listing_item(archive, sample_path: Path, tmp_path: Path) -> None:
    run_import(archive, [sample_path])
    assert any(item.title == LISTED_TITLE for item in _documents(archive, DocumentKind.LISTING_ITEM))

    release_path = tmp_path / "release.txt"
    release_path.write_text(RELEASE, encoding="utf-8")
    report = run_import(archive, [release_path])

    [imported] = report.imported
    assert len(imported.merged_listing_items) == 1
    items = _documents(archive, DocumentKind.LISTING_ITEM)
    assert len(items) == 19
    assert all(item.title != LISTED_TITLE for item in items)
    with archive.session() as session:
        release = session.get(Document, imported.id)
    assert release.kind == DocumentKind.PRESS_RELEASE
    assert release.extra["listings"] == [
        {"board": "ESG 정책뉴스", "board_number": 3808, "views": 36, "posted": "2026-03-16"}
    ]


def test_a_listing_of_an_archived_release_adds_no_item(archive, sample_path: Path, tmp_path: Path) -> None:
    release_path = tmp_path / "release.txt"
    release_path.write_text(RELEASE, encoding="utf-8")
    run_import(archive, [release_path])

    report = run_import(archive, [sample_path])
    assert len(report.imported) == 20  # the sample's release and 19 other listing items
    [duplicate] = report.duplicates
    assert duplicate.title == LISTED_TITLE
    assert "release of this listing item" in duplicate.reason
    with archive.session() as session:
        release = session.exec(select(Document).where(Document.title == LISTED_TITLE)).one()
    assert release.kind == DocumentKind.PRESS_RELEASE
    assert release.extra["listings"][0]["board_number"] == 3808


def test_titles_match_despite_spacing_and_quotes(archive, sample_path: Path, tmp_path: Path) -> None:
    run_import(archive, [sample_path])
    title = "“우리동네 기후환경정보, 위젯으로  한눈에” 기후부, 모바일 서비스로 확대 개편"
    path = tmp_path / "widget.txt"
    path.write_text(
        f"{title}\n\n담당부서 : 기후에너지환경부\n\n본문입니다.\n\n(기후에너지환경부, 2026.03.03)\n", "utf-8"
    )
    report = run_import(archive, [path])
    assert len(report.imported[0].merged_listing_items) == 1
