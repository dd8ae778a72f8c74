"""The contract every parser keeps: chosen by content, not name; only ParseError escapes; text comes out NFC
without control characters or private-use code points — checked over every fixture and over mutated bytes."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esgdesk.ingest.parsers import Parser, default_registry
from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.worker import parse_source
from fixture_paths import SAMPLE, fixture_path

HWP_FIXTURES = sorted(fixture_path("hwp").glob("*.hwp"))
HWPX_FIXTURES = sorted(fixture_path("hwpx").glob("*.hwpx"))
_BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff\ufffd]")


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("탄소중립 지원 계획")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def samples() -> dict[str, tuple[str, bytes]]:
    """(expected parser, bytes) for one file of each format, each under a name that lies about it."""
    html = "<!DOCTYPE html><html><body><h1>제목</h1><p>본문</p></body></html>".encode()
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>보도자료</title><link>https://www.korea.kr/x?newsId=1</link></item></channel></rss>"
    ).encode()
    mail = b"From: a@example.org\nSubject: test\nDate: Fri, 28 Apr 2023 10:00:00 +0900\nMIME-Version: 1.0\n\nbody\n"
    return {
        "text": ("text", SAMPLE.read_bytes()),
        "html": ("html", html),
        "hwp": ("hwp", fixture_path("hwp", "source.hwp").read_bytes()),
        "hwpx": ("hwpx", fixture_path("hwpx", "Table.hwpx").read_bytes()),
        "pdf": ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
        "docx": ("docx", docx_bytes()),
        "feed": ("feed", feed),
        "email": ("email", mail),
    }


def test_every_registered_parser_follows_the_protocol() -> None:
    parsers = default_registry().parsers
    assert {parser.name for parser in parsers} == {"text", "html", "hwp", "hwpx", "pdf", "docx", "feed", "email"}
    for parser in parsers:
        assert isinstance(parser, Parser)
        assert parser.media_types and all("/" in media_type for media_type in parser.media_types)


@pytest.mark.parametrize("kind", list(samples()))
@pytest.mark.parametrize("lying_name", ["release.txt", "release.pdf", "release", "release.hwp"])
def test_content_decides_the_parser_not_the_name(kind: str, lying_name: str) -> None:
    expected, data = samples()[kind]
    assert default_registry().choose(SourceInput(lying_name, data)).name == expected


@pytest.mark.parametrize("path", HWP_FIXTURES + HWPX_FIXTURES + [SAMPLE], ids=lambda path: path.name)
def test_every_fixture_reads_as_clean_nfc_text(path: Path) -> None:
    try:
        outcome = parse_source(SourceInput(path.name, path.read_bytes()))
    except ParseError as exc:
        assert "blank" in path.name, f"{path.name}: {exc}"
        return
    for document in outcome.documents:
        assert unicodedata.is_normalized("NFC", document.body)
        assert not _BAD_CHARACTERS.search(document.body), path.name
        if "blank" not in path.name and document.kind != "listing item":
            assert document.body.strip(), path.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["text", "html", "hwp", "hwpx", "docx", "feed", "email"]), data=st.data())
def test_mutated_files_raise_nothing_but_parse_error(kind: str, data: st.DataObject) -> None:
    _, original = samples()[kind]
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 12))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        mutated[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        mutated = mutated[: data.draw(st.integers(0, len(mutated)))]
    try:
        outcome = parse_source(SourceInput(f"mutated.{kind}", bytes(mutated)))
    except ParseError:
        return
    for document in outcome.documents:
        assert isinstance(document.body, str)


def test_a_zip_of_unknown_members_is_no_parser_s_format() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive_zip:
        archive_zip.writestr("a.txt", "내용")
    with pytest.raises(ParseError):
        parse_source(SourceInput("x.zip", buffer.getvalue()))
