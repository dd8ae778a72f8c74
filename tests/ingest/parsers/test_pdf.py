"""PdfParser over PDFs made here with reportlab and the bundled Korean font, and over hand-built oddities."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from parser_fuzzing import mutated, parse_or_refuse
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.parsers.pdf import NO_TEXT_WARNING, PdfParser, compose_compatibility_jamo

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "NanumGothic.ttf"
RELEASE_LINES = [
    "탄소중립에 따른 위기, 지역 주도 준비 지원",
    "담당부서 : 산업통상부 지역경제진흥과",
    "탄소중립은 기존 산업에 위기이자 기회입니다.",
    "정부는 충청북도와 전라남도의 공정전환을 지원합니다.",
    "(산업통상자원부, 2023.04.28)",
]

parser = PdfParser()


def _font() -> str:
    if "NanumGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NanumGothic", str(FONT)))
    return "NanumGothic"


def make_pdf(pages: list[list[str]], title: str | None = None, author: str | None = None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    if title is not None:
        pdf.setTitle(title)
    if author is not None:
        pdf.setAuthor(author)
    for lines in pages:
        pdf.setFont(_font(), 12)
        for number, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * number, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def parse_one(data: bytes, name: str = "release.pdf"):
    documents = parser.parse(SourceInput(name, data))
    assert len(documents) == 1
    return documents[0]


@pytest.fixture(scope="module")
def release_pdf() -> bytes:
    return make_pdf([RELEASE_LINES], title="230428 지역 주도 준비 지원(최종)", author="산업통상부")


def test_score_sniffs_content_not_name(release_pdf: bytes) -> None:
    assert parser.score(SourceInput("release.hwp", release_pdf)) == 100
    assert parser.score(SourceInput("x.bin", b"junk from a gateway\r\n" + release_pdf)) == 100
    assert parser.score(SourceInput("x.pdf", b"not a pdf")) == 10
    assert parser.score(SourceInput("x.txt", b"hello")) is None


def test_korean_release_comes_out_exact_and_nfc(release_pdf: bytes) -> None:
    document = parse_one(release_pdf)
    assert document.body == "\n".join(RELEASE_LINES)
    assert unicodedata.is_normalized("NFC", document.body)
    # a release form states its headline in the text; the file's own title is kept aside
    assert document.title is None
    assert document.metadata["file_title"] == "230428 지역 주도 준비 지원(최종)"
    assert document.metadata["author"] == "산업통상부"
    assert document.metadata["pages"] == 1
    # the creation date says when the file was made, not when the release was published
    assert document.published is None
    assert "created" in document.metadata
    assert not document.warnings
    assert not document.partial
    assert "needs_ocr" not in document.metadata


def test_pages_are_separated_by_a_blank_line() -> None:
    document = parse_one(make_pdf([["첫째 쪽 문장"], ["둘째 쪽 문장"]]))
    assert document.body == "첫째 쪽 문장\n\n둘째 쪽 문장"
    assert document.metadata["pages"] == 2


def test_stated_title_counts_only_when_the_text_prints_it() -> None:
    from esgdesk.ingest.release_text import complete_release_metadata

    printed = make_pdf(
        [["공정전환 동향 보고", "1. 개요", "지역별 공정전환 지원 현황을 정리함"]], title="공정전환 동향 보고"
    )
    document = parse_one(printed)
    complete_release_metadata(document)  # as the pipeline does
    assert document.title == "공정전환 동향 보고"
    stale = parse_one(
        make_pdf([["1. 개요", "지역별 공정전환 지원 현황을 정리함"]], title="섬진강댐 재개발 타당성재검증")
    )
    complete_release_metadata(stale)
    assert stale.title == "지역별 공정전환 지원 현황을 정리함"


@pytest.mark.parametrize("junk", ["Microsoft Word - 보도자료.docx", "untitled", "230428 보도자료(석간).hwp"])
def test_junk_titles_are_ignored(junk: str) -> None:
    document = parse_one(make_pdf([["1. 개요", "본문"]], title=junk))
    assert document.title is None  # the pipeline reads the headline from the text
    assert "file_title" not in document.metadata


def _pdf_with_tounicode(codes: bytes, bfchars: dict[bytes, str]) -> bytes:
    """A minimal PDF whose font maps bytes to the given Unicode text, as HWP/macOS exports often do."""
    cmap_lines = "\n".join(
        f"<{code.hex().upper()}> <{''.join(f'{ord(ch):04X}' for ch in text)}>" for code, text in bfchars.items()
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(bfchars)} beginbfchar\n{cmap_lines}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    content = b"BT /F1 12 Tf 20 100 Td (" + codes + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_decomposed_hangul_from_the_text_layer_is_composed() -> None:
    # 탄 = ᄐ ᅡ ᆫ and 소 = ᄉ ᅩ, one glyph each, mapped to conjoining jamo
    data = _pdf_with_tounicode(b"AB", {b"A": "\u1110\u1161\u11ab", b"B": "\u1109\u1169"})
    assert "\u1110" in PdfReader(io.BytesIO(data)).pages[0].extract_text()  # pypdf gives the jamo
    document = parse_one(data)
    assert document.body == "탄소"
    assert unicodedata.is_normalized("NFC", document.body)


def test_compatibility_jamo_are_composed_but_report_bullets_stay() -> None:
    assert compose_compatibility_jamo("ㅌㅏㄴㅅㅗㅈㅜㅇㄹㅣㅂ") == "탄소중립"
    assert compose_compatibility_jamo("ㅇ 지역 주도 준비") == "ㅇ 지역 주도 준비"
    assert compose_compatibility_jamo("ㅋㅋ □ ㅁ") == "ㅋㅋ □ ㅁ"
    assert compose_compatibility_jamo("ᄐ\u1161ᆫ") == "탄"


def test_control_characters_are_dropped() -> None:
    data = _pdf_with_tounicode(b"ABC", {b"A": "가", b"B": "\x07", b"C": "나"})
    assert parse_one(data).body == "가나"


def _encrypted(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_empty_user_password_opens(release_pdf: bytes) -> None:
    data = _encrypted(release_pdf, "")
    assert PdfReader(io.BytesIO(data)).is_encrypted
    assert parse_one(data).body == "\n".join(RELEASE_LINES)


def test_real_password_is_refused(release_pdf: bytes) -> None:
    with pytest.raises(ParseError, match="protected by a password"):
        parser.parse(SourceInput("secret.pdf", _encrypted(release_pdf, "1234")))


def test_pdf_without_text_layer_imports_with_a_warning() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 300, 400, fill=1)  # what a scan looks like to a text extractor: no text at all
    pdf.showPage()
    pdf.save()
    document = parse_one(buffer.getvalue(), name="스캔 보도자료.pdf")
    assert document.body == ""
    assert document.warnings == [NO_TEXT_WARNING]
    assert document.title == "스캔 보도자료"
    assert document.metadata["needs_ocr"] is True


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_pdf_is_a_parse_error(release_pdf: bytes, fraction: float) -> None:
    with pytest.raises(ParseError, match="damaged or incomplete"):
        parser.parse(SourceInput("cut.pdf", release_pdf[: int(len(release_pdf) * fraction)]))


@pytest.mark.parametrize("data", [b"", b"%PDF-", b"%PDF-1.7\n%%EOF\n", b"hello world"])
def test_garbage_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        parser.parse(SourceInput("bad.pdf", data))


_BASE = make_pdf([RELEASE_LINES[:2]])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(_BASE))
def test_mutated_pdfs_raise_only_parse_error(data: bytes) -> None:
    parse_or_refuse(parser, "fuzz.pdf", data)
