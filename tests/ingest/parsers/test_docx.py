"""DocxParser over Word files made here with python-docx, and over hostile packages."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from parser_fuzzing import mutated, parse_or_refuse

import esgdesk.ingest.parsers.docx as docx_module
from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.parsers.docx import DocxParser

parser = DocxParser()


def make_docx(title: str | None = "지역 공정전환 지원 계획") -> bytes:
    word = docx.Document()
    word.add_paragraph("탄소중립에 따른 위기, 지역 주도 준비 지원")
    word.add_paragraph("담당부서 : 산업통상부 지역경제진흥과")
    word.add_paragraph("정부는 다음 지역을 지원합니다.")
    table = word.add_table(rows=3, cols=3)
    for row, values in enumerate(
        [["지역", "산업", "예산"], ["충북", "자동차 부품", "50억"], ["전남", "석유화학", "70억"]]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    word.add_paragraph("(산업통상자원부, 2023.04.28)")
    section = word.sections[0]
    section.header.paragraphs[0].text = "보도자료  산업통상부"
    section.footer.paragraphs[0].text = "- 1 -"
    properties = word.core_properties
    properties.title = title or ""
    properties.author = "지역경제진흥과"
    properties.created = dt.datetime(2023, 4, 27, 9, 30)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def parse_one(data: bytes, name: str = "release.docx"):
    documents = parser.parse(SourceInput(name, data))
    assert len(documents) == 1
    return documents[0]


@pytest.fixture(scope="module")
def release_docx() -> bytes:
    return make_docx()


def test_score_sniffs_the_package(release_docx: bytes) -> None:
    assert parser.score(SourceInput("release.zip", release_docx)) == 100
    assert parser.score(SourceInput("x.docx", b"not a zip")) == 10
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
    assert parser.score(SourceInput("x.hwpx", other.getvalue())) is None
    assert parser.score(SourceInput("x.txt", b"hello")) is None


def test_paragraphs_and_table_in_document_order(release_docx: bytes) -> None:
    document = parse_one(release_docx)
    assert document.body == (
        "탄소중립에 따른 위기, 지역 주도 준비 지원\n"
        "담당부서 : 산업통상부 지역경제진흥과\n"
        "정부는 다음 지역을 지원합니다.\n"
        "지역\t산업\t예산\n"
        "충북\t자동차 부품\t50억\n"
        "전남\t석유화학\t70억\n"
        "(산업통상자원부, 2023.04.28)"
    )
    assert unicodedata.is_normalized("NFC", document.body)


def test_headers_footers_and_core_properties(release_docx: bytes) -> None:
    document = parse_one(release_docx)
    # kept out of the body, so the banner is not taken for the headline
    assert document.metadata["headers"] == ["보도자료 산업통상부"]
    assert document.metadata["footers"] == ["- 1 -"]
    # the text is a release form with its own headline; the stale core title is kept aside
    assert document.title is None
    assert document.metadata["file_title"] == "지역 공정전환 지원 계획"
    assert document.metadata["author"] == "지역경제진흥과"
    assert document.metadata["created"] == dt.datetime(2023, 4, 27, 9, 30, tzinfo=dt.UTC)
    assert document.published is None


def _memo(title: str) -> bytes:
    word = docx.Document()
    word.add_paragraph("1. 개요")
    word.add_paragraph("지역별 공정전환 지원 현황을 정리함")
    word.core_properties.title = title
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_core_title_is_believed_only_when_the_text_prints_it() -> None:
    """File properties are often a template's or a stale draft's (issue 15: `3`, `1111`, a 2019 report's name
    on a 2024 release): the one title policy takes them only when the text prints them near its top."""
    from esgdesk.ingest.release_text import complete_release_metadata

    document = parse_one(_memo("지역별 공정전환 지원 현황을 정리함"))
    complete_release_metadata(document)  # as the pipeline does
    assert document.title == "지역별 공정전환 지원 현황을 정리함"

    stale = parse_one(_memo("섬진강댐 재개발 타당성재검증"))
    complete_release_metadata(stale)
    assert stale.title != "섬진강댐 재개발 타당성재검증"
    assert stale.title != "1. 개요"  # a section heading is a label, not a title
    assert stale.metadata["file_title"] == "섬진강댐 재개발 타당성재검증"


@pytest.mark.parametrize("junk", ["문서1", "", "보도자료", "초안.hwp"])
def test_junk_core_title_is_ignored(junk: str) -> None:
    document = parse_one(_memo(junk))
    assert document.title is None
    assert "file_title" not in document.metadata


def test_tracked_changes_content_controls_and_merged_cells() -> None:
    word = docx.Document()
    body = word.element.body
    body.insert(
        0,
        parse_xml(
            f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">지역 </w:t></w:r>'
            '<w:ins w:id="1" w:author="a"><w:r><w:t>주도</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="a"><w:r><w:delText>중앙</w:delText></w:r></w:del>'
            "<w:r><w:tab/><w:t>지원</w:t></w:r></w:p>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent>"
            "<w:p><w:r><w:t>양식 안의 문장</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "병합된 제목"
    table.cell(1, 0).text = "왼쪽"
    table.cell(1, 1).text = "오른쪽"
    buffer = io.BytesIO()
    word.save(buffer)
    assert parse_one(buffer.getvalue()).body == "지역 주도\t지원\n양식 안의 문장\n병합된 제목\n왼쪽\t오른쪽"


def _rewrite(data: bytes, replace: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def test_xml_with_entities_is_refused(release_docx: bytes) -> None:
    original = zipfile.ZipFile(io.BytesIO(release_docx)).read("word/document.xml")
    declaration, rest = original.split(b"?>", 1)
    bomb = declaration + b'?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' + rest
    with pytest.raises(ParseError, match="DTD or entities"):
        parser.parse(SourceInput("bomb.docx", _rewrite(release_docx, {"word/document.xml": bomb})))


def test_utf16_xml_cannot_hide_a_doctype(release_docx: bytes) -> None:
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>'
    data = _rewrite(release_docx, {"word/extra.xml": part.encode("utf-16")})
    with pytest.raises(ParseError, match="DTD or entities"):
        parser.parse(SourceInput("bomb.docx", data))


def test_zip_bomb_ratio_is_refused(release_docx: bytes) -> None:
    data = _rewrite(release_docx, {"word/media/zeros.bin": b"\0" * (3 * 1024 * 1024)})
    with pytest.raises(ParseError, match="zip bomb"):
        parser.parse(SourceInput("bomb.docx", data))


def test_oversized_member_is_refused(release_docx: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_MEMBER_BYTES", 1000)
    with pytest.raises(ParseError, match="more than 100 MB"):
        parser.parse(SourceInput("big.docx", release_docx))


def test_zip_without_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ParseError, match="not a Word document"):
        parser.parse(SourceInput("x.docx", out.getvalue()))


@pytest.mark.parametrize("fraction", [0.2, 0.6, 0.95])
def test_truncated_docx_is_a_parse_error(release_docx: bytes, fraction: float) -> None:
    with pytest.raises(ParseError):
        parser.parse(SourceInput("cut.docx", release_docx[: int(len(release_docx) * fraction)]))


def test_broken_document_xml_is_a_parse_error(release_docx: bytes) -> None:
    data = _rewrite(release_docx, {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(ParseError):
        parser.parse(SourceInput("broken.docx", data))


_BASE = _rewrite(make_docx(), {}, compression=zipfile.ZIP_STORED)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(_BASE))
def test_mutated_docx_raise_only_parse_error(data: bytes) -> None:
    parse_or_refuse(parser, "fuzz.docx", data)


def _with_alt_chunk(content_type: str, blob: bytes) -> bytes:
    """A Word file whose body merges in an altChunk part, as mail-merge tools and some exporters write."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    word.add_paragraph("본문 앞부분")
    suffix = {"text/html": "html", "application/rtf": "rtf"}.get(content_type, "txt")
    part = Part(PackURI(f"/word/chunk1.{suffix}"), content_type, blob, word.part.package)
    relationship_id = word.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), relationship_id)
    word.element.body.insert(1, chunk)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_alt_chunk_html_is_imported_in_place() -> None:
    html = "<html><body><p>병합된 보도자료 본문: 충청북도 공정전환 지원</p></body></html>".encode()
    document = parse_one(_with_alt_chunk("text/html", html))
    assert document.body.split("\n")[:2] == ["본문 앞부분", "병합된 보도자료 본문: 충청북도 공정전환 지원"]
    assert not document.partial


def test_alt_chunk_that_cannot_be_read_marks_the_document_partial() -> None:
    document = parse_one(_with_alt_chunk("application/rtf", rb"{\rtf1 merged}"))
    assert document.partial
    assert any("altChunk" in warning for warning in document.warnings)
    assert "본문 앞부분" in document.body
