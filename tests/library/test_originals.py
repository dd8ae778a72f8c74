"""Opening an original: the copy for the system viewer is typed by its content, never executable, and its
name carries no control or direction-changing characters; the stored original is never touched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.originals import (
    EXECUTABLE_EXTENSIONS,
    VIEWER_EXTENSIONS,
    copy_for_viewer,
    shown_name,
    viewer_extension,
    viewer_file_name,
)
from fixture_paths import RELEASES, SAMPLE

HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>탄소중립 지역 지원 보도자료</title></head><body>"
    "<h1>탄소중립 지역 지원</h1><p>산업통상자원부는 충청북도의 공정전환을 지원하기 위한 사업을 시작한다고 밝혔다. "
    "지원 대상은 시멘트 산업과 반도체 산업이다.</p></body></html>"
)
TEXT = SAMPLE.read_bytes()
#: the start of a Windows program (an MZ header with its stub) and of a Windows shortcut (.lnk)
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
SHORTCUT = b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F" + b"\x00" * 60


def _stored(archive: Archive, data: bytes) -> tuple[str, bytes]:
    digest = archive.files.store(data)
    return digest, archive.files.path_for(digest).read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("2023 보도자료.hta", HTML.encode("utf-8"), "2023 보도자료.html"),
        ("보도자료_\u202etxt.js", TEXT, "보도자료_txt.txt"),
        ("보도자료.exe", TEXT, "보도자료.txt"),
        ("바로가기.lnk", HTML.encode("utf-8"), "바로가기.html"),
        ("화면보호기.scr", (RELEASES / "20250130-hongbo.pdf").read_bytes(), "화면보호기.pdf"),
        ("첨부.hwp.scr", (RELEASES / "20250130-hongbo.hwp").read_bytes(), "첨부.hwp"),
        ("report.pdf.exe", (RELEASES / "20250130-hongbo.pdf").read_bytes(), "report.pdf"),
        (
            "공문\n(붙임).\u2066hwpx\u2069.vbs",
            (RELEASES / "fsc-2025-07-household-lending.hwpx").read_bytes(),
            "공문 (붙임).hwpx",
        ),
        ("본문.txt", "안녕하세요, 공정전환 보도자료입니다.".encode("cp949"), "본문.txt"),
    ],
)
def test_the_copy_is_named_by_its_content(
    archive: Archive, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    digest, before = _stored(archive, data)
    copy = copy_for_viewer(archive, digest, name, tmp_path / "out")
    assert copy.path.name == expected == copy.shown
    assert copy.path.suffix in VIEWER_EXTENSIONS and copy.path.suffix not in EXECUTABLE_EXTENSIONS
    assert not any(part.lower() in EXECUTABLE_EXTENSIONS for part in ["." + p for p in copy.path.name.split(".")[1:]])
    assert copy.path.read_bytes() == data
    stored = archive.files.path_for(digest)
    assert stored.read_bytes() == before and hashlib.sha256(stored.read_bytes()).hexdigest() == digest
    assert copy.path.parent == tmp_path / "out"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("보도자료.exe", PROGRAM),
        ("보도자료.scr", PROGRAM),
        ("보도자료.pdf", PROGRAM),  # a program named as a document is still a program
        ("바로가기.lnk", SHORTCUT),
        ("보도자료_\u202efdp.exe", PROGRAM),
    ],
)
def test_content_that_is_no_document_is_never_handed_out(
    archive: Archive, tmp_path: Path, name: str, data: bytes
) -> None:
    digest, _ = _stored(archive, data)
    with pytest.raises(EsgdeskError) as refused:
        copy_for_viewer(archive, digest, name, tmp_path / "out")
    assert "\u202e" not in str(refused.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_package_with_macros_is_not_handed_out() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
        package.writestr("word/vbaProject.bin", b"\x00" * 16)
    assert viewer_extension(buffer.getvalue()) is None


def test_an_imported_hta_is_opened_as_html(archive: Archive, tmp_path: Path) -> None:
    source = tmp_path / "2023 보도자료.hta"
    source.write_text(HTML, encoding="utf-8")
    report = run_import(archive, [source])
    assert report.imported, report.failed
    from esgdesk.library.documents import document_details

    details = document_details(archive, report.imported[0].id)
    file = details["files"][0]
    copy = copy_for_viewer(archive, file["sha256"], file["name"], tmp_path / "out")
    assert copy.path.suffix == ".html" and copy.path.read_text(encoding="utf-8") == HTML


def test_shown_names_lose_controls_and_direction_overrides() -> None:
    assert shown_name("보도자료_\u202etxt.js") == "보도자료_txt.js"  # the real extension shows as it is
    assert shown_name("a\nb\r\nc\td") == "a b c d"
    assert shown_name("\u2067x\u2069\u200f\u061cy\x1b[31m") == "xy[31m"
    assert shown_name(unicodedata_nfd("탄소")) == "탄소"


def test_a_viewer_name_never_takes_an_executable_or_unknown_extension() -> None:
    for extension in (".exe", ".hta", ".js", ".lnk", ".scr", ".bat"):
        with pytest.raises(ValueError):
            viewer_file_name("x", extension)
    assert viewer_file_name("...", ".txt") == "original.txt"
    assert viewer_file_name("CON.exe", ".txt").lower() != "con.txt"


def unicodedata_nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


def test_no_viewer_extension_is_on_the_deny_list() -> None:
    assert not VIEWER_EXTENSIONS & EXECUTABLE_EXTENSIONS
    assert {".hta", ".js", ".exe", ".lnk", ".scr", ".html"} - EXECUTABLE_EXTENSIONS == {".html"}
