"""Both renderers over the same packet: same text, Korean fonts embedded or named, structure kept."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from briefing_fixtures import NOTE_TEXT, OPTIONS

from esgdesk.briefing.maps import MAP_ATTRIBUTION
from esgdesk.briefing.render_docx import render_docx
from esgdesk.briefing.render_pdf import render_pdf
from esgdesk.briefing.service import Selection, build_packet
from esgdesk.briefing.templates import TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(regional_packet, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rendered")
    return (
        regional_packet,
        render_pdf(regional_packet, folder / "p.pdf"),
        render_docx(regional_packet, folder / "p.docx"),
    )


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, header: str) -> str:
    """The PDF's text without the running header and page numbers that interrupt split paragraphs."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    text = re.sub(r"^\s*- \d+ -\s*$", "", text, flags=re.M)
    return squeeze(text).replace(squeeze(header), "")


def docx_text(path: Path) -> str:
    """Body text in document order (paragraphs and table cells), leaving out the table of contents."""
    import docx

    body = docx.Document(str(path)).element.body
    parts = []
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("TOC"):
            continue
        parts.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return squeeze("".join(parts))


def assert_in_order(blocks: list[str], text: str) -> None:
    position = 0
    for block in blocks:
        found = text.find(squeeze(block), position)
        assert found >= 0, f"missing or out of order: {block!r}"
        position = found + len(squeeze(block))


def test_docx_and_pdf_carry_the_same_text(rendered) -> None:
    packet, pdf, docx_path = rendered
    blocks = [block for block in packet.text_blocks() if squeeze(block)]
    docx_body = docx_text(docx_path)
    assert docx_body == squeeze("".join(blocks)) + squeeze(packet.headings()[0].text)[:0]
    assert_in_order(blocks, pdf_text(pdf, packet.header_text()))


def test_pdf_embeds_nanumgothic(rendered) -> None:
    _, pdf, _ = rendered
    output = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = output.splitlines()[2:]
    assert fonts and any("NanumGothic" in line for line in fonts)
    for line in fonts:  # name type encoding emb sub uni: every font embedded, none left to the viewer
        assert line.split()[-5] == "yes", line


def test_pdf_metadata_bookmarks_and_links(rendered) -> None:
    from pypdf import PdfReader

    _, pdf, _ = rendered
    reader = PdfReader(pdf)
    assert reader.metadata.title == "지역별 공정전환 지원 현황"
    assert reader.metadata.author == "정책분석팀 홍길동"
    assert [item.title for item in reader.outline if not isinstance(item, list)][:2] == ["Ⅰ. 개요", "Ⅱ. 지역별 현황"]
    uris = [
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if annotation.get_object().get("/A")
    ]
    assert any(uri and uri.startswith("https://www.korea.kr/") for uri in uris)


def test_docx_names_a_korean_font_windows_and_macs_have(rendered) -> None:
    _, _, docx_path = rendered
    with zipfile.ZipFile(docx_path) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", document, flags=re.S)
    text_runs = [run for run in runs if "<w:t" in run]
    assert text_runs and all('w:eastAsia="맑은 고딕"' in run for run in text_runs)
    assert "NanumGothic" not in document + styles
    # the font table lets a machine without 맑은 고딕 pick a Korean sans-serif font (charset 0x81 = Hangul)
    entry = re.search(r'<w:font w:name="맑은 고딕">(.*?)</w:font>', fonts, flags=re.S)
    assert entry and 'w:altName w:val="Malgun Gothic"' in entry.group(1) and 'w:charset w:val="81"' in entry.group(1)
    assert "updateFields" not in settings  # Word opens it without asking to update fields
    assert "asciiTheme" not in styles and "eastAsiaTheme" not in styles
    assert 'w:eastAsia="ko-KR"' in styles
    assert "<w:tblHeader" in document  # the summary table's header row repeats on every page
    assert 'w:instrText xml:space="preserve"> TOC' in document
    assert 'w:pStyle w:val="Heading1"' in document


def test_map_chart_and_attribution_in_both(rendered) -> None:
    packet, pdf, docx_path = rendered
    assert squeeze(MAP_ATTRIBUTION) in pdf_text(pdf, packet.header_text())
    assert squeeze(MAP_ATTRIBUTION) in docx_text(docx_path)
    with zipfile.ZipFile(docx_path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 2  # map and chart
    assert squeeze(NOTE_TEXT) in pdf_text(pdf, packet.header_text())


@pytest.mark.parametrize("template", [name for name in TEMPLATES if name != "regional-summary"])
def test_every_template_renders_in_both_formats(seeded, template: str, tmp_path: Path) -> None:
    archive, release_id = seeded
    packet = build_packet(archive, template, Selection(ids=[release_id]), OPTIONS)
    pdf = render_pdf(packet, tmp_path / "t.pdf")
    docx_path = render_docx(packet, tmp_path / "t.docx")
    blocks = [block for block in packet.text_blocks() if squeeze(block)]
    assert docx_text(docx_path) == squeeze("".join(blocks))
    assert_in_order(blocks, pdf_text(pdf, packet.header_text()))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_docx_converts_with_libreoffice(rendered, tmp_path: Path) -> None:
    _, _, docx_path = rendered
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    converted = tmp_path / "p.pdf"
    assert converted.is_file(), result.stderr
    text = subprocess.run(["pdftotext", str(converted), "-"], capture_output=True, text=True, check=True).stdout
    assert "지역별 공정전환 지원 현황" in text and "충청북도" in text


def test_docx_core_properties_say_what_and_when(seeded, tmp_path: Path) -> None:
    import datetime as dt

    import docx

    archive, release_id = seeded
    packet = build_packet(archive, "regional-summary", Selection(ids=[release_id]), OPTIONS)
    exported = dt.datetime(2026, 11, 29, 8, 30)
    path = render_docx(packet, tmp_path / "p.docx", exported=exported)
    core = docx.Document(str(path)).core_properties
    assert (core.title, core.author, core.last_modified_by) == (
        "지역별 공정전환 지원 현황",
        "정책분석팀 홍길동",
        "정책분석팀 홍길동",
    )
    stamp = exported.replace(tzinfo=dt.UTC)
    assert core.created == stamp and core.modified == stamp
    now = render_docx(packet, tmp_path / "now.docx")
    assert docx.Document(str(now)).core_properties.created.year >= 2026
