"""HWP 5.0 parser: real Hangul files from hwplib's samples (tests/fixtures/hwp, Apache-2.0, see its
NOTICE.md), flag-patched copies of them, and synthetic records for what no fixture covers (distribution
documents, hostile sizes)."""

from __future__ import annotations

import io
import random
import re
import struct
import unicodedata
import zlib
from pathlib import Path

import olefile
import pytest
from parser_fuzzing import flipped_bytes, parse_or_refuse

from esgdesk.core.i18n import set_language
from esgdesk.ingest.parsers import hwp
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.parsers.hwp import HwpParser
from fixture_paths import fixture_path

FIXTURES = fixture_path("hwp")
ALL_FIXTURES = sorted(FIXTURES.glob("*.hwp"))

pytestmark = pytest.mark.skipif(not ALL_FIXTURES, reason="tests/fixtures/hwp is missing")

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
BAD_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Misread control parameters decode as CJK ideographs (e.g. 捤獥 for "secd"); no fixture contains any.
IDEOGRAPHS = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
HANGUL = re.compile("[\uac00-\ud7a3]")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(data: bytes, name: str = "file.hwp") -> ParsedDocument:
    documents = HwpParser().parse(SourceInput(name=name, data=data))
    assert len(documents) == 1
    return documents[0]


def assert_clean(text: str) -> None:
    assert not PRIVATE_USE.search(text)
    assert not BAD_CONTROLS.search(text)
    assert not IDEOGRAPHS.search(text), text
    assert unicodedata.normalize("NFC", text) == text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert "\n\n\n" not in text


def with_flags(data: bytes, flags: int) -> bytes:
    """The file with its FileHeader flag word replaced, patched in place (olefile cannot write).

    FileHeader is a small stream, stored contiguously in the ministream; its signature occurs once."""
    at = data.find(hwp.HWP_SIGNATURE)
    assert at >= 0 and data.find(hwp.HWP_SIGNATURE, at + 1) == -1
    patched = bytearray(data)
    struct.pack_into("<I", patched, at + 36, flags)
    return bytes(patched)


def flags_of(data: bytes) -> int:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return hwp.read_file_header(ole.openstream("FileHeader").read()).flags


# --- real fixtures ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_fixture_scores_and_parses_to_clean_text(path: Path) -> None:
    data = path.read_bytes()
    assert HwpParser().score(SourceInput(path.name, data)) == 100
    document = parse(data, path.name)
    assert_clean(document.body)
    assert not document.partial
    if path.name != "blank.hwp":
        assert document.body.strip()


def test_changing_paragraph_text_reads_exactly() -> None:
    document = parse(fixture("changing-paragraph-text.hwp"))
    assert document.body == "안녕하세요.\n이것은 샘플입니다."
    assert " ".join(document.body.split()) == "안녕하세요. 이것은 샘플입니다."
    assert document.metadata["file_title"] == "안녕하세요"  # from \x05HwpSummaryInformation
    assert document.metadata["author"] == "박성균"
    assert document.metadata["created"] == "2019-10-02T04:27:52.383000"
    assert document.warnings == []


def test_source_reads_paragraphs_then_the_table_cells_in_order() -> None:
    document = parse(fixture("source.hwp"))
    assert document.body == "첫 문단...\n이것은 원본 HWP 파일의 내용입니다.\n\nABC\t123"
    assert "file_title" not in document.metadata  # the summary's title is empty


def test_table_cells_row_by_row_and_caption() -> None:
    body = parse(fixture("표.hwp")).body
    lines = body.split("\n")
    assert lines[0] == "표"  # the caption
    # row 0 has a two-paragraph cell, so its cells are written one per line; rows 1 and 2 are one line each
    assert lines[1:5] == ["ABC", "123", "DEF", "GHI"]
    assert "LMN\tOPQ\tSTR" in lines
    assert "UVM\t123\t456" in lines
    assert lines.index("LMN\tOPQ\tSTR") < lines.index("UVM\t123\t456")


def test_compressed_text_boxes() -> None:
    body = parse(fixture("글상자-압축.hwp")).body
    assert body.split("\n") == ["그림", "ABC", "123", "ABC"]


def test_header_footer_follow_their_paragraph() -> None:
    lines = parse(fixture("머리글꼬리글.hwp")).body.split("\n")
    assert lines[:3] == ["aaa", "개요1", "2233"]


def test_footnote_text_is_kept() -> None:
    assert "sssd" in parse(fixture("각주미주.hwp")).body


def test_numbered_paragraphs_keep_hangul_and_summary_title() -> None:
    document = parse(fixture("문단번호 1-10 수준.hwp"))
    assert HANGUL.search(document.body)
    assert document.body.startswith("양쪽 정렬\n왼쪽 정렬\n\n중앙정렬")
    assert document.metadata["file_title"] == "양쪽 정렬"


def test_blank_document_warns() -> None:
    document = parse(fixture("blank.hwp"))
    assert document.body == ""
    assert any("no text" in warning for warning in document.warnings)


# --- FileHeader flags -------------------------------------------------------------------------------


def test_password_flag_is_refused() -> None:
    data = with_flags(fixture("changing-paragraph-text.hwp"), hwp.FLAG_COMPRESSED | hwp.FLAG_PASSWORD)
    assert flags_of(data) == hwp.FLAG_COMPRESSED | hwp.FLAG_PASSWORD
    assert HwpParser().score(SourceInput("x.hwp", data)) == 100
    with pytest.raises(ParseError, match="password"):
        parse(data)


@pytest.mark.parametrize("flag", [hwp.FLAG_DRM, hwp.FLAG_CERTIFICATE_ENCRYPTED, hwp.FLAG_CERTIFICATE_DRM])
def test_drm_flags_are_refused(flag: int) -> None:
    with pytest.raises(ParseError, match="DRM"):
        parse(with_flags(fixture("source.hwp"), hwp.FLAG_COMPRESSED | flag))


def test_distribution_without_view_text_falls_back_to_preview() -> None:
    data = with_flags(fixture("changing-paragraph-text.hwp"), hwp.FLAG_COMPRESSED | hwp.FLAG_DISTRIBUTION)
    document = parse(data)
    assert document.partial
    assert document.warnings == ["distribution document: only the preview text was imported"]
    set_language("ko")  # the warning is shown to the user: in Korean when the user reads Korean
    try:
        assert parse(data).warnings == ["배포용 문서: 미리보기 텍스트만 가져왔습니다"]
    finally:
        set_language("en")
    assert document.body == "안녕하세요.\n이것은 샘플입니다."
    assert document.metadata["distribution_document"] is True


def test_preview_tables_become_tab_separated() -> None:
    document = parse(with_flags(fixture("source.hwp"), hwp.FLAG_COMPRESSED | hwp.FLAG_DISTRIBUTION))
    assert document.partial
    assert "ABC\t123" in document.body.split("\n")


def test_distribution_without_view_text_or_preview_is_refused() -> None:
    with pytest.raises(ParseError, match="distribution"):
        parse(with_flags(fixture("표.hwp"), hwp.FLAG_DISTRIBUTION))


def test_hwp3_is_refused_clearly() -> None:
    data = b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(200)
    parser = HwpParser()
    assert parser.score(SourceInput("old.hwp", data)) == 100
    with pytest.raises(ParseError, match=r"3\.x"):
        parser.parse(SourceInput("old.hwp", data))


# --- damaged and hostile input ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_truncated_files_raise_parse_error_or_recover_clean_text(path: Path) -> None:
    data = path.read_bytes()
    for cut in (len(data) - 512, len(data) // 2, 2048, 512, 100, 8, 0):
        try:
            document = parse(data[:cut])
        except ParseError as error:
            assert str(error)
        else:
            assert_clean(document.body)
            assert document.partial or document.body == parse(data).body


def test_truncated_body_uses_the_preview_when_nothing_else_is_left() -> None:
    data = fixture("changing-paragraph-text.hwp")
    document = parse(data[:8192])
    assert document.partial
    assert document.body == "안녕하세요.\n이것은 샘플입니다."
    assert "damaged" in document.warnings[0]


def test_random_bytes() -> None:
    rng = random.Random(7)
    parser = HwpParser()
    for size in (0, 1, 7, 512, 4096):
        data = bytes(rng.randrange(256) for _ in range(size))
        assert parser.score(SourceInput("r.hwp", data)) is None
        with pytest.raises(ParseError):
            parser.parse(SourceInput("r.hwp", data))
    ole_garbage = hwp.OLE_MAGIC + bytes(rng.randrange(256) for _ in range(4000))
    assert parser.score(SourceInput("r.hwp", ole_garbage)) is None
    with pytest.raises(ParseError):
        parser.parse(SourceInput("r.hwp", ole_garbage))


def test_mutated_fixtures_only_ever_raise_parse_error() -> None:
    rng = random.Random(20240428)
    parser = HwpParser()
    for path in ALL_FIXTURES:
        original = path.read_bytes()
        for _ in range(25):
            parse_or_refuse(parser, path.name, flipped_bytes(original, rng, 30), private_use=False)


def record(tag: int, level: int, payload: bytes) -> bytes:
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def paragraph(text: str, level: int = 0) -> bytes:
    return record(hwp.TAG_PARA_HEADER, level, bytes(24)) + record(
        hwp.TAG_PARA_TEXT, level + 1, (text + "\r").encode("utf-16le")
    )


def test_absurd_record_size_is_damage_not_a_crash() -> None:
    data = paragraph("앞 문단") + struct.pack("<II", hwp.TAG_PARA_TEXT | 0xFFF << 20, 0xFFFFFFFF) + b"xx"
    text, warnings = hwp.section_text(data)
    assert text == "앞 문단"
    assert warnings and "damaged record" in warnings[0]


def test_large_records_use_the_extended_size() -> None:
    long_text = "가" * 3000  # 6000 bytes: beyond the 12-bit size field
    text, warnings = hwp.section_text(paragraph(long_text))
    assert text == long_text and warnings == []


def test_deep_nesting_is_cut_off_not_a_recursion_error() -> None:
    data = b"".join(record(hwp.TAG_CTRL_HEADER, level, b" osg") for level in range(1000))
    text, warnings = hwp.section_text(data + paragraph("깊은 곳", 1000))
    assert text == ""
    assert warnings == ["objects nested too deeply were skipped"]


def test_decompression_bomb_is_refused() -> None:
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = bomb.compress(bytes(4 * 1024 * 1024)) + bomb.flush()
    with pytest.raises(ParseError, match="decompression bomb"):
        hwp.inflate_raw(compressed, limit=1024 * 1024)
    assert hwp.inflate_raw(compressed, limit=8 * 1024 * 1024) == (bytes(4 * 1024 * 1024), True)


def test_corrupt_deflate_keeps_what_came_before() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = packer.compress(paragraph("살아남은 문단") * 2000) + packer.flush()
    out, complete = hwp.inflate_raw(compressed[: len(compressed) // 2])
    assert not complete and out.startswith(paragraph("살아남은 문단"))


# --- PARA_TEXT control characters --------------------------------------------------------------------


def control(code: int, payload: bytes = b"\x00" * 12) -> bytes:
    return struct.pack("<H", code) + payload + struct.pack("<H", code)


def test_controls_take_eight_units_and_do_not_become_garbage() -> None:
    data = (
        "가".encode("utf-16le")
        + control(11, b" lbt" + bytes(8))  # a table anchor, id 'tbl '
        + "나".encode("utf-16le")
        + control(9, b"\x34\x12" * 6)  # tab, with parameters that would read as CJK
        + "다".encode("utf-16le")
        + control(4)  # field end: inline, dropped
        + struct.pack("<H", 10)  # line break
        + "라".encode("utf-16le")
        + struct.pack("<HH", 30, 31)  # non-breaking and fixed-width space
        + struct.pack("<H", 24)  # hyphen
        + struct.pack("<H", 13)  # paragraph end
    )
    pieces = hwp.decode_para_text(data)
    assert pieces[1] is hwp.ANCHOR
    assert (
        "".join(p for p in pieces if isinstance(p, str)) == "가나\t다\u2028라  -"
    )  # a soft line break: the forms join or split it


def test_table_inside_a_paragraph_is_placed_at_its_anchor() -> None:
    # The paragraph "앞", a table anchored after it, "뒤"; the table's cells follow as records.
    para_text = "앞".encode("utf-16le") + control(11, b" lbt" + bytes(8)) + "뒤".encode("utf-16le") + b"\r\x00"
    cell = struct.pack("<IIHHHH", 1, 0, 0, 0, 1, 1) + bytes(20)
    data = (
        record(hwp.TAG_PARA_HEADER, 0, bytes(24))
        + record(hwp.TAG_PARA_TEXT, 1, para_text)
        + record(hwp.TAG_CTRL_HEADER, 1, b" lbt" + bytes(40))
        + record(hwp.TAG_TABLE, 2, bytes(20))
        + record(hwp.TAG_LIST_HEADER, 2, cell)
        + paragraph("칸1", 2)
        + record(hwp.TAG_LIST_HEADER, 2, struct.pack("<IIHHHH", 1, 0, 1, 0, 1, 1) + bytes(20))
        + paragraph("칸2", 2)
    )
    section, warnings = hwp.section_text(data)
    assert section == "앞\n칸1\t칸2\n뒤"
    assert warnings == []


def test_private_use_and_decomposed_hangul_are_cleaned() -> None:
    decomposed = unicodedata.normalize("NFD", "탄소중립")
    assert hwp.clean_text(f"\ue0a1{decomposed}\uf081 \n\n\n\n끝\x07") == "탄소중립\n\n끝"


# --- distribution documents (ViewText) --------------------------------------------------------------


def test_aes128_decrypts_the_fips197_vector() -> None:
    key = bytes(range(16))
    ciphertext = bytes.fromhex("69c4e0d86a7b0430d8cdb78070b4c55a")
    assert hwp.aes128_ecb_decrypt(key, ciphertext * 2) == bytes.fromhex("00112233445566778899aabbccddeeff") * 2


def aes128_encrypt_block(key: bytes, block: bytes) -> bytes:
    """AES-128 encryption with `cryptography`, only to build test data the parser must decrypt."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(block) + encryptor.finalize()


def scramble(doc_data: bytearray) -> bytes:
    """Apply the rand()-driven XOR of distribution documents (its own inverse)."""
    rand = hwp._msvc_rand(int.from_bytes(doc_data[:4], "little"))
    mask, run = 0, 0
    for i in range(256):
        if run == 0:
            mask = rand() & 0xFF
            run = (rand() & 0xF) + 1
        if i >= 4:
            doc_data[i] ^= mask
        run -= 1
    return bytes(doc_data)


def view_text_stream(text: str, key: bytes, seed: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    plain = packer.compress(paragraph(text)) + packer.flush()
    plain += bytes(-len(plain) % 16)
    cipher = b"".join(aes128_encrypt_block(key, plain[i : i + 16]) for i in range(0, len(plain), 16))
    doc_data = bytearray(random.Random(seed).randbytes(256))
    doc_data[:4] = seed.to_bytes(4, "little")
    offset = 4 + (seed & 0xF)
    doc_data[offset : offset + 16] = key
    return record(hwp.TAG_DISTRIBUTE_DOC_DATA, 0, scramble(doc_data)) + cipher


def test_encryptor_used_by_these_tests_matches_fips197() -> None:
    assert aes128_encrypt_block(bytes(range(16)), bytes.fromhex("00112233445566778899aabbccddeeff")) == (
        bytes.fromhex("69c4e0d86a7b0430d8cdb78070b4c55a")
    )


def test_view_text_decrypts_and_inflates() -> None:
    key = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
    stream = view_text_stream("배포용 문서의 본문입니다.", key, seed=0x5EED1234)
    assert hwp.distribution_key(stream[4:260]) == key
    data, complete = hwp.inflate_raw(hwp.decrypt_view_text(stream))
    assert complete
    assert hwp.section_text(data) == ("배포용 문서의 본문입니다.", [])


class FakeOle:
    """Just enough of olefile.OleFileIO to run the parser over streams no fixture has."""

    def __init__(self, streams: dict[str, bytes]) -> None:
        self.streams = streams

    def exists(self, name: str) -> bool:
        return name in self.streams or any(path.startswith(name + "/") for path in self.streams)

    def listdir(self, streams: bool = True, storages: bool = False) -> list[list[str]]:
        return [path.split("/") for path in self.streams]

    def get_size(self, name: str) -> int:
        return len(self.streams[name])

    def openstream(self, name: str) -> FakeStream:
        return FakeStream(self.streams[name])


class FakeStream:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        return self.data if size < 0 else self.data[:size]


def distribution_file(view_text: bytes) -> FakeOle:
    header = bytearray(256)
    header[: len(hwp.HWP_SIGNATURE)] = hwp.HWP_SIGNATURE
    struct.pack_into("<II", header, 32, 0x05000504, hwp.FLAG_COMPRESSED | hwp.FLAG_DISTRIBUTION)
    notice = zlib.compressobj(9, zlib.DEFLATED, -15)
    placeholder = notice.compress(paragraph("이 문서는 배포용 문서입니다.")) + notice.flush()
    return FakeOle(
        {
            "FileHeader": bytes(header),
            "BodyText/Section0": placeholder,
            "ViewText/Section0": view_text,
            "PrvText": "미리보기".encode("utf-16le"),
        }
    )


def test_distribution_document_is_decrypted_not_the_placeholder() -> None:
    key = bytes(range(100, 116))
    ole = distribution_file(view_text_stream("공정전환 지원 현황", key, seed=77))
    document = HwpParser()._parse_ole(ole)  # type: ignore[arg-type]
    assert document.body == "공정전환 지원 현황"
    assert not document.partial
    assert document.metadata["distribution_document"] is True


def test_undecryptable_distribution_document_imports_the_preview_as_partial() -> None:
    stream = bytearray(view_text_stream("공정전환 지원 현황", bytes(16), seed=3))
    stream[300] ^= 0xFF  # one damaged ciphertext block: the deflate data no longer makes sense
    stream[4 + 4 + 3] ^= 0xFF  # and a different key
    document = HwpParser()._parse_ole(distribution_file(bytes(stream)))  # type: ignore[arg-type]
    assert document.partial
    assert document.body == "미리보기"
    assert "distribution document" in document.warnings[0]
    assert "배포용 문서입니다" not in document.body


def test_follows_the_parser_contract_and_wins_by_content() -> None:
    from esgdesk.ingest.parsers import Parser, ParserRegistry

    parser = HwpParser()
    assert isinstance(parser, Parser)
    assert (parser.name, parser.media_types) == ("hwp", ("application/x-hwp",))
    registry = ParserRegistry([parser])
    assert registry.choose(SourceInput("lying-extension.pdf", fixture("source.hwp"))) is parser


def test_bullets_print_their_marks_and_join_a_two_line_headline() -> None:
    """A real release (한국수자원공사): the sub-headlines are bulleted paragraphs whose `-` is not in the text."""
    from fixture_paths import RELEASES

    document = HwpParser().parse(SourceInput("hongbo.hwp", (RELEASES / "20250130-hongbo.hwp").read_bytes()))[0]
    lines = document.body.split("\n")
    assert "- 29일 봉화댐 찾아 안전 5대 수칙·작업중지권 실질 보장 이행실태 점검" in lines
