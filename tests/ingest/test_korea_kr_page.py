"""The sample wrapped the way korea.kr serves it, and generic saved pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import select

from esgdesk.core.models import Document
from esgdesk.ingest.parsers.base import SourceInput
from esgdesk.ingest.parsers.html import HtmlParser
from esgdesk.ingest.pipeline import run_import

TITLE = "탄소중립에 따른 위기, 지역 주도 준비 지원"


def korea_kr_page(body_paragraphs: list[str], encoding: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{paragraph}</p>" for paragraph in body_paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="{encoding}">
<title>{TITLE} | 보도자료 | 대한민국 정책브리핑</title>
<link rel="canonical" href="https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174">
<script>window.location='https://evil.example/';</script>
<style>body {{ color: red }}</style>
</head><body onload="steal()">
<div class="header"><nav><a href="/">정책브리핑</a> <a href="/news">뉴스</a></nav></div>
<div class="article_head"><h1>{TITLE}</h1>
<div class="info"><span>2023.04.28</span><span>산업통상자원부</span></div></div>
<div class="view_cont">{paragraphs}
<iframe src="https://tracker.example/"></iframe>
<p onclick="alert(1)">담당 부서의 문의처는 첨부를 보십시오.</p>
</div>
<div class="file"><ul><li><a href="/common/download.do?fileId=1">230428 (보도자료) 공정전환 지원사업.hwpx</a></li>
<li><a href="/common/download.do?fileId=2">230428 (보도자료) 공정전환 지원사업.pdf</a></li></ul></div>
<script>document.write('injected text')</script>
</body></html>"""


def sample_body(sample_path: Path) -> list[str]:
    text = sample_path.read_text(encoding="utf-8")
    start = text.index("탄소중립은 기존")
    end = text.index("(산업통상자원부, 2023.04.28)")
    return [line.strip() for line in text[start:end].split("\n") if line.strip() and line.strip() != "?"]


def test_a_korea_kr_page_gives_title_date_ministry_source_and_attachments(sample_path: Path) -> None:
    html = korea_kr_page(sample_body(sample_path))
    [document] = HtmlParser().parse(SourceInput("page.html", html.encode("utf-8")))
    assert document.title == TITLE
    assert document.published == dt.date(2023, 4, 28)
    assert document.metadata["ministry"] == "산업통상자원부"
    assert document.metadata["source_id"] == "156565174"
    assert document.metadata["attachment_names"] == [
        "230428 (보도자료) 공정전환 지원사업.hwpx",
        "230428 (보도자료) 공정전환 지원사업.pdf",
    ]
    assert document.body.startswith("탄소중립은 기존")
    for hostile in ("evil.example", "tracker.example", "injected text", "color: red", "alert", "steal"):
        assert hostile not in document.body


def test_a_cp949_page_declared_as_euc_kr_is_read(sample_path: Path) -> None:
    html = korea_kr_page(sample_body(sample_path), encoding="euc-kr")
    [document] = HtmlParser().parse(SourceInput("page.htm", html.encode("cp949")))
    assert document.title == TITLE
    assert "충청북도는 시멘트 산업과 반도체 산업이 밀집해" in document.body


def test_the_page_and_the_text_of_one_release_are_one_document(archive, sample_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "pressReleaseView.html"
    page.write_text(korea_kr_page(sample_body(sample_path)), encoding="utf-8")
    run_import(archive, [sample_path])
    report = run_import(archive, [page])
    assert report.imported == []
    [duplicate] = report.duplicates
    assert duplicate.reason.startswith("the same release (source id 156565174) is already in the archive")
    with archive.session() as session:
        releases = session.exec(select(Document).where(Document.kind == "press release")).all()
    assert len(releases) == 1


def test_a_generic_page_gives_its_heading_and_main_content() -> None:
    html = """<html><head><title>정책 | 사이트</title></head><body>
    <header>사이트 메뉴</header><nav>홈 | 뉴스</nav>
    <main><h1>2050 탄소중립 추진전략</h1><p>정부는 탄소중립 사회로의 전환을 추진한다.</p>
    <table><tr><td>지역</td><td>예산</td></tr><tr><td>충북</td><td>21.5억원</td></tr></table></main>
    <footer>저작권</footer></body></html>"""
    [document] = HtmlParser().parse(SourceInput("x.html", html.encode()))
    assert document.title == "2050 탄소중립 추진전략"
    assert "정부는 탄소중립 사회로의 전환을 추진한다." in document.body
    assert "지역\t예산" in document.body
    assert "충북\t21.5억원" in document.body
    for chrome in ("사이트 메뉴", "홈 | 뉴스", "저작권"):
        assert chrome not in document.body
    assert document.kind == "web page"


def test_html_named_txt_is_read_as_html(archive, tmp_path: Path) -> None:
    lying = tmp_path / "release.txt"
    lying.write_text(
        "<!DOCTYPE html><html><body><h1>탄소중립 지원 계획</h1><p>본문입니다.</p></body></html>", encoding="utf-8"
    )
    run_import(archive, [lying])
    with archive.session() as session:
        document = session.exec(select(Document)).one()
    assert document.title == "탄소중립 지원 계획"
    assert "<p>" not in document.body
