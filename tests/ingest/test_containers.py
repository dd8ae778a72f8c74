"""Files inside files: zips unpacked safely, e-mailed releases, a page with its attachment, one release in
three formats — and parsers that hang or crash costing one report line."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from sqlmodel import select

from esgdesk.core.models import Document
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.pipeline import ImportPipeline, run_import
from esgdesk.ingest.worker import ParseWorker
from esgdesk.library.documents import document_details
from fixture_paths import fixture_path

HWPX_TABLE = fixture_path("hwpx", "Table.hwpx")
TITLE = "2026년 지역 공정전환 지원사업 선정 결과"
RELEASE_LINES = [
    "보도자료",
    "보도시점 : 2026. 3. 19.(목) 12:00",
    TITLE,
    "담당부서 : 산업통상부 지역경제진흥과",
    "산업통상부는 2026년 지역 공정전환 지원사업에 충청남도와 강원특별자치도를 선정했다고 밝혔다.",
    "충청남도는 석탄화력 발전소 폐지에 대응하여 근로자 재취업을 지원한다.",
]


def release_docx() -> bytes:
    document = docx.Document()
    for line in RELEASE_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def korea_kr_stub_page() -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
    <link rel="canonical" href="https://www.korea.kr/briefing/pressReleaseView.do?newsId=156700001"></head>
    <body><div class="article_head"><h1>{TITLE}</h1><div class="info"><span>2026.03.19</span>
    <span>산업통상부</span></div></div>
    <div class="view_cont"><p>이 자료는 산업통상부의 보도자료를 전재하여 제공함을 알려드립니다.</p></div>
    <div class="file"><a href="#">260319 보도자료.docx</a></div></body></html>"""


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive_zip:
        for name, data in members.items():
            archive_zip.writestr(name, data)
    return buffer.getvalue()


def test_zip_members_import_like_files(archive, sample_path: Path, tmp_path: Path) -> None:
    inner = make_zip({"nested/note.txt": "중첩된 메모\n\n안쪽 zip의 본문입니다.".encode()})
    bundle = tmp_path / "downloads.zip"
    bundle.write_bytes(
        make_zip(
            {
                "2023/sample.txt": sample_path.read_bytes(),
                "2023/Table.hwpx": HWPX_TABLE.read_bytes(),
                "../../escape.txt": "밖으로 나가려는 파일".encode(),
                "broken.pdf": b"%PDF-1.7\n1 0 obj <<",
                "inner.zip": inner,
                "__MACOSX/._sample.txt": b"\x00\x05\x16\x07",
                ".DS_Store": b"\x00\x00\x00\x01Bud1",
            }
        )
    )
    report = run_import(archive, [bundle])
    titles = sorted(entry.title for entry in report.imported)
    assert "탄소중립에 따른 위기, 지역 주도 준비 지원" in titles
    assert "중첩된 메모" in titles
    assert len(report.imported) == 23  # the release, 20 listing items, the HWPX table, the nested note
    failures = {entry.path.removeprefix(str(bundle) + "/"): entry.error for entry in report.failed}
    # AppleDouble (._*) and .DS_Store members are clutter, skipped like hidden files in a folder
    assert set(failures) == {"../../escape.txt", "broken.pdf"}
    assert "climbs out" in failures["../../escape.txt"]


def test_a_zip_bomb_is_refused_quickly(archive, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive_zip,
        archive_zip.open("zeros.txt", "w", force_zip64=True) as member,
    ):
        chunk = b"\x00" * (1024 * 1024)
        for _ in range(150):  # 150 MB of zeros (under the 200 MB file limit) compress to about 150 KB
            member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    [failure] = run_import(archive, [bomb]).failed
    assert time.monotonic() - started < 10
    assert "zip bomb" in failure.error


def test_an_emailed_release_is_one_document_with_every_file(archive, tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "홍보담당관 <press@motie.go.kr>"
    message["To"] = "analyst@example.org"
    # (short enough not to be folded: CPython's folding of long encoded subjects drops a space)
    message["Subject"] = "[보도자료] 공정전환 지원사업 선정"
    message["Date"] = "Thu, 19 Mar 2026 10:00:00 +0900"
    message.set_content("첨부와 같이 보도자료를 송부합니다.\n\n산업통상부 홍보담당관실", charset="utf-8")
    message.add_attachment(
        release_docx(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="260319 보도자료.docx",
    )
    message.add_attachment(b"%PDF-1.4 broken", maintype="application", subtype="pdf", filename="260319.pdf")
    path = tmp_path / "release.eml"
    path.write_bytes(message.as_bytes())

    report = run_import(archive, [path])
    assert report.failed == []
    [entry] = report.imported
    details = document_details(archive, entry.id)
    assert details["title"] == TITLE
    assert details["published"] == "2026-03-19"
    assert details["department"] == "산업통상부 지역경제진흥과"
    assert "충청남도는 석탄화력 발전소 폐지에 대응하여" in details["body"]
    assert details["extra"]["message_subject"] == "[보도자료] 공정전환 지원사업 선정"
    assert [(file["name"], file["role"]) for file in details["files"]] == [
        ("release.eml", "original"),
        ("260319 보도자료.docx", "attachment"),
        ("260319.pdf", "attachment"),
    ]
    assert any("260319.pdf could not be read" in warning for warning in details["extra"]["warnings"])


def test_a_korea_kr_page_takes_the_text_of_its_attachment(archive, tmp_path: Path) -> None:
    page = tmp_path / "pressReleaseView.html"
    page.write_text(korea_kr_stub_page(), encoding="utf-8")
    attachment = tmp_path / "260319 보도자료.docx"
    attachment.write_bytes(release_docx())

    first = run_import(archive, [page])
    assert len(first.imported) == 1
    second = run_import(archive, [attachment])
    assert second.imported == []
    with archive.session() as session:
        [document] = session.exec(select(Document)).all()
    details = document_details(archive, document.id)
    assert "충청남도는 석탄화력 발전소 폐지에 대응하여" in details["body"]
    assert "전재하여" not in details["body"]
    assert details["source_id"] == "156700001"
    assert {file["name"] for file in details["files"]} == {"pressReleaseView.html", "260319 보도자료.docx"}


def test_the_attachment_first_then_the_page_is_still_one_document(archive, tmp_path: Path) -> None:
    attachment = tmp_path / "260319 보도자료.docx"
    attachment.write_bytes(release_docx())
    page = tmp_path / "pressReleaseView.html"
    page.write_text(korea_kr_stub_page(), encoding="utf-8")
    run_import(archive, [attachment, page])
    with archive.session() as session:
        [document] = session.exec(select(Document)).all()
    assert document.source_id == "156700001"  # the page's newsId joins the document
    assert "충청남도는 석탄화력" in document.body


def test_a_parser_that_takes_too_long_is_stopped_and_the_next_file_is_read(sample_path: Path) -> None:
    source = SourceInput(sample_path.name, sample_path.read_bytes())
    with ParseWorker(timeout=0.001) as worker:
        with pytest.raises(ParseError, match="took longer"):
            worker.parse(source)
        worker.timeout = 60
        assert worker.parse(source).documents[0].title == "탄소중립에 따른 위기, 지역 주도 준비 지원"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is enforced on Linux")
def test_a_worker_that_dies_costs_one_file(sample_path: Path) -> None:
    source = SourceInput(sample_path.name, sample_path.read_bytes())
    # 64 MB of address space is too little to read anything: the worker fails or dies, alone.
    with (
        ParseWorker(timeout=60, memory_limit=64 * 1024 * 1024) as starved,
        pytest.raises(ParseError, match=r"stopped|more memory"),
    ):
        starved.parse(source)
    with ParseWorker(timeout=60) as healthy:
        assert healthy.parse(source).parser_name == "text"


def test_time_limit_applies_in_a_real_batch(archive, sample_path: Path, tmp_path: Path) -> None:
    pipeline = ImportPipeline(archive, limits=ImportLimits(parse_timeout_seconds=0.001))
    report = list(pipeline.run([sample_path]))[-1].report
    assert "took longer" in report.failed[0].error
