"""HWPX parser: real files from hwpxlib's tests (tests/fixtures/hwpx, Apache-2.0, see its NOTICE.md),
repackaged copies of them, and hostile zips and XML built here."""

from __future__ import annotations

import io
import random
import re
import struct
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import pytest
from parser_fuzzing import flipped_bytes, parse_or_refuse

from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers import hwpx
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.parsers.hwpx import HwpxParser
from fixture_paths import fixture_path

FIXTURES = fixture_path("hwpx")
ALL_FIXTURES = sorted(FIXTURES.glob("*.hwpx"))

pytestmark = pytest.mark.skipif(not ALL_FIXTURES, reason="tests/fixtures/hwpx is missing")

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
BAD_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
IDEOGRAPHS = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
HANGUL = re.compile("[\uac00-\ud7a3]")

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(data: bytes, name: str = "file.hwpx") -> ParsedDocument:
    documents = HwpxParser().parse(SourceInput(name=name, data=data))
    assert len(documents) == 1
    return documents[0]


def assert_clean(text: str) -> None:
    assert not PRIVATE_USE.search(text)
    assert not BAD_CONTROLS.search(text)
    assert not IDEOGRAPHS.search(text), text
    assert unicodedata.normalize("NFC", text) == text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert "\n\n\n" not in text


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def build_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def section_xml(*paragraphs: str) -> bytes:
    body = "".join(f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>" for text in paragraphs)
    return f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{body}</hs:sec>'.encode()


def package(sections: dict[str, bytes], hpf: bytes | None = None) -> bytes:
    files = {"mimetype": b"application/hwp+zip", **sections}
    if hpf is not None:
        files["Contents/content.hpf"] = hpf
    return build_zip(files)


# --- real fixtures ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_fixture_scores_and_parses_to_clean_text(path: Path) -> None:
    data = path.read_bytes()
    assert HwpxParser().score(SourceInput(path.name, data)) == 100
    document = parse(data, path.name)
    assert_clean(document.body)
    assert not document.partial
    if path.name != "blank.hwpx":
        assert document.body.strip()
    if path.name not in {"blank.hwpx", "SimpleTable.hwpx"}:
        assert HANGUL.search(document.body)


def test_table_reads_cell_by_cell_in_row_order() -> None:
    document = parse(fixture("Table.hwpx"))
    lines = document.body.split("\n")
    assert lines[0] == "C반 기말고사"  # text in a drawing object before the table
    table = lines[lines.index("이름\t국어\t영어\t수학") :]
    assert table == [
        "이름\t국어\t영어\t수학",
        "개똥이\t89\t65\t78",
        "칠득이\t77\t77\t77",
        "팔푼이\t88\t88\t88",
        "육손이\t66\t66\t66",
        "합계",
    ]
    assert document.metadata["file_title"] == "제목"  # opf:title in content.hpf; a template's, so unused
    assert document.metadata["author"] == "fff"
    assert document.metadata["created"] == "2023-01-26T23:01:12Z"


def test_text_in_drawing_objects_appears_where_the_object_is() -> None:
    lines = parse(fixture("RectInPara.hwpx")).body.split("\n")
    assert lines[0].startswith("Start. 이것은 본문 텍스트입니다.")
    assert lines[1:3] == ["사각 시각한 사각형입니다.", "오각형이 아니에요"]
    assert lines[4] == "2번째 사각형"
    assert lines[-1] == "이것은 본문 텍스트입니다. End"
    assert "사각형입니다." not in lines  # the shapes' alt text (shapeComment) is not document text


def test_nested_drawing_objects() -> None:
    body = parse(fixture("RectInRect.hwpx")).body
    assert body.split("\n") == ["사각형 안에", "사각형 안에 사각형의 텍스트입니다.", " 텍스트입니다."]


def test_header_and_footer_text_is_kept() -> None:
    lines = parse(fixture("HeaderFooter.hwpx")).body.split("\n")
    assert set(lines) == {"머리말 테스트", "꼬리말"}


def test_tracked_deletions_are_not_current_text() -> None:
    # The file reads 변경[deleted: " 추적"] <tab>[inserted: 인간은]
    assert parse(fixture("ChangeTrack.hwpx")).body == "변경 \t인간은"


def test_numbered_paragraphs_in_order() -> None:
    lines = [line for line in parse(fixture("ParaHead.hwpx")).body.split("\n") if line]
    # bullets print their marks (Wingdings l and n, stored as private-use U+F06C and U+F06E)
    assert lines[:4] == ["● 글머리1-1", "● 글머리1-2", "■ 글머리2-1", "■ 글머리2-2"]
    assert lines[-1] == "개요2-1-1"


def test_merged_cells_stay_in_order() -> None:
    assert parse(fixture("SimpleTable.hwpx")).body == "1\t2\n3\n5\t4"


def test_blank_document_warns() -> None:
    document = parse(fixture("blank.hwpx"))
    assert document.body == ""
    assert any("no text" in warning for warning in document.warnings)


# --- package structure ------------------------------------------------------------------------------


def test_missing_manifest_is_tolerated() -> None:
    files = members(fixture("Table.hwpx"))
    del files["META-INF/manifest.xml"]
    assert parse(build_zip(files)).body == parse(fixture("Table.hwpx")).body


def test_missing_content_hpf_falls_back_to_numbered_sections() -> None:
    files = members(fixture("RectInPara.hwpx"))
    for name in ("META-INF/manifest.xml", "META-INF/container.xml", "Contents/content.hpf"):
        del files[name]
    document = parse(build_zip(files))
    assert document.body == parse(fixture("RectInPara.hwpx")).body
    assert document.title is None


def test_sections_follow_the_spine() -> None:
    hpf = b"""<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:metadata><opf:title/></opf:metadata>
      <opf:manifest><opf:item id="s0" href="Contents/section0.xml"/><opf:item id="s1" href="Contents/section1.xml"/>
      <opf:item id="header" href="Contents/header.xml"/></opf:manifest>
      <opf:spine><opf:itemref idref="header"/><opf:itemref idref="s1"/><opf:itemref idref="s0"/></opf:spine>
      </opf:package>"""
    data = package({"Contents/section0.xml": section_xml("둘째"), "Contents/section1.xml": section_xml("첫째")}, hpf)
    document = parse(data)
    assert document.body == "첫째\n둘째"
    assert "file_title" not in document.metadata  # empty opf:title


def test_numbered_fallback_orders_numerically() -> None:
    sections = {f"Contents/section{n}.xml": section_xml(f"구역 {n}") for n in (10, 2, 0, 1)}
    assert parse(package(sections)).body == "구역 0\n구역 1\n구역 2\n구역 10"


def test_inline_elements_of_text() -> None:
    xml = (
        f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}"><hp:p><hp:run><hp:t>가<hp:lineBreak/>나<hp:tab/>다'
        "<hp:nbSpace/>라<hp:markpenBegin/>마<hp:markpenEnd/>\ue001바</hp:t></hp:run>"
        "<hp:run><hp:t>사\u1100\u1161</hp:t></hp:run></hp:p></hs:sec>"
    ).encode()
    assert parse(package({"Contents/section0.xml": xml})).body == "가\u2028나\t다 라마바사가"  # soft break kept apart


def test_password_protected_package_is_refused() -> None:
    files = members(fixture("Table.hwpx"))
    files["META-INF/manifest.xml"] = (
        b'<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data/></odf:file-entry>'
        b"</odf:manifest>"
    )
    with pytest.raises(ParseError, match="password"):
        parse(build_zip(files))


def test_score() -> None:
    parser = HwpxParser()
    assert parser.score(SourceInput("x", package({"Contents/section0.xml": section_xml("a")}))) == 100
    assert parser.score(SourceInput("x", build_zip({"Contents/section0.xml": section_xml("a")}))) == 100
    assert parser.score(SourceInput("x", build_zip({"word/document.xml": b"<w/>"}))) is None
    assert parser.score(SourceInput("x", b"%PDF-1.7")) is None
    damaged = fixture("Table.hwpx")[:5000]
    assert parser.score(SourceInput("x", damaged)) == 100  # a truncated HWPX is still recognised
    with pytest.raises(ParseError, match="damaged"):
        parser.parse(SourceInput("x", damaged))


# --- hostile input ----------------------------------------------------------------------------------


def test_entity_bomb_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        + f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}"><hp:p><hp:run><hp:t>&lol3;</hp:t></hp:run></hp:p>'.encode()
        + b"</hs:sec>"
    )
    files = members(fixture("Table.hwpx"))
    files["Contents/section0.xml"] = bomb
    with pytest.raises(ParseError, match="refused for safety"):
        parse(build_zip(files))


def test_external_entity_is_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE sec [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}"><hp:p><hp:run><hp:t>&x;</hp:t></hp:run></hp:p>'.encode()
        + b"</hs:sec>"
    )
    with pytest.raises(ParseError):
        parse(package({"Contents/section0.xml": xxe}))


def test_compression_bomb_is_refused_without_inflating_it() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        with archive.open("Contents/section0.xml", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(64):  # 64 MiB of zeros: ~64 KiB compressed, a ratio near 1000:1
                member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match="zip bomb"):
            parse(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_member_that_lies_about_its_size_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("가나다라마바사 " * 20000).encode()  # ~440 KB of XML text, compresses well under 200:1
    xml = section_xml(text.decode())
    data = bytearray(package({"Contents/section0.xml": xml}))
    # Declare 1000 bytes in the central directory: the reader must not trust the declaration.
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"Contents/section0.xml"))
    struct.pack_into("<I", data, cd + 24, 1000)
    with pytest.raises(ParseError, match="damaged"):
        parse(bytes(data))
    # And a member beyond the per-member limit is refused even when it declares its size honestly.
    monkeypatch.setattr(hwpx, "MAX_MEMBER_BYTES", 64 * 1024)
    with pytest.raises(ParseError, match="too large"):
        parse(package({"Contents/section0.xml": xml}))


def test_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hwpx, "_LIMITS", ImportLimits(max_unpacked_bytes=100_000))
    sections = {f"Contents/section{n}.xml": section_xml("가" * 20_000) for n in range(3)}
    with pytest.raises(ParseError, match="total"):
        parse(package(sections))


def test_deep_nesting_is_cut_off() -> None:
    depth = 3000
    xml = (
        f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}"><hp:p><hp:run><hp:t>위</hp:t>'
        + "<hp:container>" * depth
        + "<hp:t>깊은 곳</hp:t>"
        + "</hp:container>" * depth
        + "</hp:run></hp:p></hs:sec>"
    ).encode()
    document = parse(package({"Contents/section0.xml": xml}))
    assert document.body == "위"
    assert document.partial
    assert "nested too deeply" in document.warnings[0]


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04", b"PK\x03\x04" + bytes(100), b"not a zip", build_zip({"x.txt": b"hello"})],
    ids=["empty", "magic-only", "zeros", "text", "zip-without-sections"],
)
def test_broken_packages_raise_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse(data)


def test_malformed_section_xml() -> None:
    with pytest.raises(ParseError, match="not well-formed"):
        parse(package({"Contents/section0.xml": b"<hs:sec><hp:p>"}))


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_truncated_files_raise_parse_error(path: Path) -> None:
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) - 200, len(data) // 2, 100, 4):
        with pytest.raises(ParseError):
            parse(data[:cut])


def test_mutated_fixtures_only_ever_raise_parse_error() -> None:
    rng = random.Random(20230428)
    parser = HwpxParser()
    for path in ALL_FIXTURES:
        original = path.read_bytes()
        for _ in range(20):
            parse_or_refuse(parser, path.name, flipped_bytes(original, rng, 10), private_use=False)


def test_follows_the_parser_contract_and_wins_by_content() -> None:
    from esgdesk.ingest.parsers import Parser, ParserRegistry

    parser = HwpxParser()
    assert isinstance(parser, Parser)
    assert (parser.name, parser.media_types) == ("hwpx", ("application/hwp+zip",))
    registry = ParserRegistry([parser])
    assert registry.choose(SourceInput("lying-extension.zip", fixture("Table.hwpx"))) is parser


def test_member_count_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hwpx, "_LIMITS", ImportLimits(max_members=3))
    sections = {f"Contents/section{n}.xml": section_xml("가") for n in range(4)}
    with pytest.raises(ParseError, match="members"):
        parse(package(sections))


def test_hancom_private_use_symbols_are_mapped() -> None:
    from esgdesk.ingest.parsers.hancom_symbols import map_private_use

    assert map_private_use("\uf06c 항목 \uf0a7 세부 \U000f080c 도표") == "● 항목 ▪ 세부 ◦ 도표"
    assert map_private_use("알 수 없는 \ue123 기호") == "알 수 없는  기호"
