"""The same release arriving as HWPX, PDF and a saved korea.kr page is one document with three originals."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from sqlmodel import select

from esgdesk.core.models import Document
from esgdesk.core.paths import korean_font_paths
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.documents import document_details
from fixture_paths import fixture_path

HWPX_FIXTURE = fixture_path("hwpx", "Table.hwpx")
TITLE = "석탄화력 폐지 지역 공정전환 지원 확대"
LINES = [
    "보도자료",
    "보도시점 : 2024. 1. 2.(화) 08:00",
    TITLE,
    "담당부서 : 산업통상자원부 지역경제진흥과",
    "산업통상자원부는 석탄화력 발전소가 폐지되는 충청남도 당진시와 보령시의 공정전환을 지원한다.",
    "올해 예산은 120억원으로 작년보다 늘었다.",
]


def write_hwpx(path: Path) -> None:
    """A real HWPX package (the fixture's) whose first section holds the release."""
    paragraphs = "".join(
        f'<hp:p id="{n}" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>{line}</hp:t></hp:run></hp:p>'
        for n, line in enumerate(LINES)
    )
    section = (
        '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
        f'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">{paragraphs}</hs:sec>'
    )
    with zipfile.ZipFile(HWPX_FIXTURE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = section.encode() if info.filename == "Contents/section0.xml" else source.read(info)
            target.writestr(info, data)


def write_pdf(path: Path) -> None:
    if "NanumGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NanumGothic", str(korean_font_paths()["regular"])))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("NanumGothic", 10)
    for number, line in enumerate(LINES):
        page.drawString(50, 780 - 18 * number, line)
    page.save()


def write_page(path: Path) -> None:
    path.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8">
        <link rel="canonical" href="https://www.korea.kr/briefing/pressReleaseView.do?newsId=156600042"></head>
        <body><div class="article_head"><h1>{TITLE}</h1><div class="info"><span>2024.01.02</span>
        <span>산업통상자원부</span></div></div><div class="view_cont">
        <p>이 자료는 산업통상자원부의 보도자료를 전재하여 제공함을 알려드립니다.</p></div></body></html>""",
        encoding="utf-8",
    )


def test_hwpx_pdf_and_page_are_one_document(archive, tmp_path: Path) -> None:
    page, hwpx, pdf = tmp_path / "page.html", tmp_path / "보도자료.hwpx", tmp_path / "보도자료.pdf"
    write_page(page)
    write_hwpx(hwpx)
    write_pdf(pdf)

    report = run_import(archive, [page, pdf, hwpx])

    assert report.failed == []
    assert len(report.imported) == 1
    assert len(report.duplicates) == 2
    with archive.session() as session:
        [document] = session.exec(select(Document)).all()
    details = document_details(archive, document.id)
    assert details["title"] == TITLE
    assert details["published"] == "2024-01-02"
    assert details["source_id"] == "156600042"
    assert "충청남도 당진시와 보령시의 공정전환" in details["body"]
    assert "전재하여" not in details["body"]
    assert {file["name"] for file in details["files"]} == {"page.html", "보도자료.hwpx", "보도자료.pdf"}
    assert {"당진시", "보령시"} <= set(details["regions"])
