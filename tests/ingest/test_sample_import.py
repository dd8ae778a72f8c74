"""The user's own example imports exactly as they read it, in every encoding and wrapper it may arrive in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.models import Document, DocumentKind
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.documents import document_details

TITLE = "탄소중립에 따른 위기, 지역 주도 준비 지원"
SOURCE_URL_START = "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174&pageIndex=21"


def legacy_bytes(text: str, encoding: str) -> bytes:
    """The text as Windows saves it in a legacy code page: its best-fit mapping turns a no-break space into a
    space, and what has no equivalent (the bullet U+2022) into "?"."""
    if encoding.replace("-", "").replace("_", "").lower().startswith(("cp949", "euckr")):
        text = text.replace("\u00a0", " ")
    return text.encode(encoding, errors="replace")


def _release(archive) -> Document:
    with archive.session() as session:
        return session.exec(select(Document).where(Document.kind == DocumentKind.PRESS_RELEASE)).one()


def _listing_items(archive) -> list[Document]:
    with archive.session() as session:
        statement = select(Document).where(Document.kind == DocumentKind.LISTING_ITEM).order_by(Document.id)
        return list(session.exec(statement))


def test_the_sample_imports_with_exactly_its_fields(archive, sample_path: Path) -> None:
    report = run_import(archive, [sample_path])
    assert report.failed == []
    assert len(report.imported) == 21
    release = _release(archive)
    details = document_details(archive, release.id)
    assert details["title"] == TITLE
    assert details["department"] == "산업통상부"
    assert details["ministry"] == "산업통상자원부"
    assert details["published"] == "2023-04-28"
    assert details["source_id"] == "156565174"
    assert details["source_url"].startswith(SOURCE_URL_START)
    assert details["source_url"].endswith("&srchWord=&period=direct")
    assert details["kind"] == "press release"
    assert [file["name"] for file in details["files"]] == [sample_path.name]


def test_the_body_is_the_release_text_only(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    body = _release(archive).body
    assert body.startswith("탄소중립은 기존 화석연료 기반 산업구조를")
    for furniture in ("Print", "상태: 노출", "한국생산성본부", "•"):
        assert furniture not in body
    # the trailer, the address and the board listing are metadata, not text
    assert "(산업통상자원부, 2023.04.28)" not in body
    assert "korea.kr" not in body
    assert "ESG 정책뉴스" not in body
    assert "관리자" not in body
    assert "라고 밝혔다." in body


def test_board_furniture_is_kept_as_metadata(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    assert _release(archive).extra["board_fields"][:3] == ["한국생산성본부", "0", "768"]


def test_the_board_listing_becomes_twenty_listing_items(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    items = _listing_items(archive)
    assert len(items) == 20
    first = items[0]
    assert first.title == "기후부, 산업계와 산업부문 녹색전환 해법 찾는다"
    assert first.published == dt.date(2026, 3, 19)
    assert first.extra["board_number"] == 3811
    assert first.extra["views"] == 25
    assert first.extra["board"] == "ESG 정책뉴스"
    assert [item.extra["board_number"] for item in items] == list(range(3811, 3791, -1))
    # the "Hot" badge is the board's decoration, not part of the title
    hot = next(item for item in items if item.extra["board_number"] == 3802)
    assert hot.title == "개인정보 유출사고 예방을 위해 개인정보 보호 책임·관리체계 강화된다"
    assert hot.extra["badges"] == ["Hot"]
    assert items[-1].title == "'우리동네 기후환경정보, 위젯으로 한눈에' 기후부, 모바일 서비스로 확대 개편"
    assert all(item.body == "" for item in items)


def test_importing_the_sample_again_adds_nothing(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    again = run_import(archive, [sample_path])
    assert again.imported == []
    assert len(again.duplicates) == 21
    assert again.failed == []
    with archive.session() as session:
        assert len(session.exec(select(Document)).all()) == 21


@pytest.mark.parametrize(
    ("encoding", "suffix"),
    [("cp949", ".txt"), ("euc-kr", ".txt"), ("utf-16", ".txt"), ("utf-8-sig", ".txt"), ("utf-8", ".TXT")],
)
def test_the_sample_in_another_encoding_is_the_same_document(
    archive, sample_path: Path, tmp_path: Path, encoding: str, suffix: str
) -> None:
    text = sample_path.read_text(encoding="utf-8")
    twin = tmp_path / f"twin-{encoding}{suffix}"
    twin.write_bytes(legacy_bytes(text, encoding))
    first = run_import(archive, [twin])
    assert first.failed == []
    assert len(first.imported) == 21
    release = _release(archive)
    assert release.title == TITLE
    assert release.department == "산업통상부"
    assert release.published == dt.date(2023, 4, 28)
    assert release.source_id == "156565174"
    assert release.body.startswith("탄소중립은 기존")
    again = run_import(archive, [sample_path])
    assert again.imported == []
    assert len(again.duplicates) == 21


def test_the_cp949_twin_of_an_imported_sample_adds_nothing(archive, sample_path: Path, tmp_path: Path) -> None:
    run_import(archive, [sample_path])
    twin = tmp_path / "sample-cp949.txt"
    twin.write_bytes(legacy_bytes(sample_path.read_text(encoding="utf-8"), "cp949"))
    report = run_import(archive, [twin])
    assert report.imported == []
    assert len(report.duplicates) == 21
    with archive.session() as session:
        assert len(session.exec(select(Document)).all()) == 21
    # nor is the twin kept as another original: the same text is the same document
    assert len(document_details(archive, _release(archive).id)["files"]) == 1


def test_text_is_stored_nfc_even_when_it_arrives_decomposed(archive, tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "탄소중립 실천\n\n충청북도는 시멘트 산업이 밀집해 있다.")
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    run_import(archive, [path])
    with archive.session() as session:
        document = session.exec(select(Document)).one()
    assert document.title == "탄소중립 실천"
    assert document.body == "충청북도는 시멘트 산업이 밀집해 있다."
    assert unicodedata.is_normalized("NFC", document.body)


def test_a_one_line_text_file_is_not_refused(archive, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from esgdesk.ingest.pipeline import run_import as import_files

    note = tmp_path / "note.txt"
    note.write_text("탄소중립 산업 전환 지원 확대 발표\n", encoding="utf-8")
    report = import_files(archive, [note])
    assert [entry.title for entry in report.imported] == ["탄소중립 산업 전환 지원 확대 발표"]


def test_middle_dots_the_board_lost_come_back(archive, sample_path: Path) -> None:
    # The real sample was saved through a legacy encoding that turned 중·소상공인 into 중?소상공인 (four times).
    assert "중?소상공인" in sample_path.read_text(encoding="utf-8")
    run_import(archive, [sample_path])
    release = _release(archive)
    assert "중·소상공인" in release.body and "경상북도·구미시" in release.body and "구성·운영" in release.body
    assert re.search(r"[가-힣]\?[가-힣]", release.body) is None
    assert any("(·)" in warning for warning in release.extra["warnings"])
