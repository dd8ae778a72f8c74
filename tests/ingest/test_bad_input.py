"""Bad files are reported one by one with a reason a person understands; good files in the batch still land."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.models import Document
from esgdesk.ingest.decoding import decode_text
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParseError
from esgdesk.ingest.pipeline import ImportPipeline, run_import


def _noise(size: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def test_a_mixed_batch_imports_the_good_and_reports_each_bad(archive, sample_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n", encoding="utf-8")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(_noise())
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("탄소중립 기본계획 발표\n\n정부는 오늘 기본계획을 발표했다.", encoding="utf-8")

    report = run_import(archive, [empty, noise, missing, sample_path, blank, good])

    reasons = {Path(failure.path).name: failure.error for failure in report.failed}
    assert reasons == {
        "empty.txt": "the file is empty",
        "noise.txt": "the file is not text (it holds binary data)",
        "missing.txt": "no such file or folder",
        "blank.txt": "the file is empty",
    }
    assert len(report.imported) == 22
    with archive.session() as session:
        assert len(session.exec(select(Document)).all()) == 22


def test_noise_without_nul_bytes_is_still_not_text(archive, tmp_path: Path) -> None:
    noise = bytes(b for b in _noise(8192, seed=3) if b != 0)
    path = tmp_path / "garbage.txt"
    path.write_bytes(noise)
    [failure] = run_import(archive, [path]).failed
    assert "not" in failure.error and "text" in failure.error


def test_a_file_over_the_size_limit_is_refused_unread(archive, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("가" * 2000, encoding="utf-8")
    pipeline = ImportPipeline(archive, limits=ImportLimits(max_file_bytes=1000))
    report = list(pipeline.run([big]))[-1].report
    [failure] = report.failed
    assert "larger than" in failure.error


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_reported(archive, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("본문", encoding="utf-8")
    locked.chmod(0)
    try:
        [failure] = run_import(archive, [locked]).failed
    finally:
        locked.chmod(0o600)
    assert failure.error == "the file cannot be read: permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_not_read(archive, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [failure] = run_import(archive, [fifo]).failed
    assert "not a regular file" in failure.error


def test_folders_are_walked_without_hidden_and_temporary_files(archive, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    (folder / "2023" / "04").mkdir(parents=True)
    (folder / "2023" / "04" / "release.txt").write_text("제목 하나\n\n본문 하나", encoding="utf-8")
    (folder / "note.txt").write_text("제목 둘\n\n본문 둘", encoding="utf-8")
    (folder / ".hidden.txt").write_text("숨김\n\n숨김", encoding="utf-8")
    (folder / "~$draft.txt").write_text("임시\n\n임시", encoding="utf-8")
    (folder / "partial.txt.crdownload").write_text("받는 중\n\n받는 중", encoding="utf-8")
    report = run_import(archive, [folder])
    assert sorted(entry.title for entry in report.imported) == ["제목 둘", "제목 하나"]
    assert report.failed == []


def test_progress_is_reported_per_file(archive, tmp_path: Path) -> None:
    paths = []
    for index in range(3):
        path = tmp_path / f"{index}.txt"
        path.write_text(f"제목 {index}\n\n본문 {index}", encoding="utf-8")
        paths.append(path)
    events = list(ImportPipeline(archive).run(paths))
    assert [(event.done, event.total) for event in events] == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("탄소중립".encode(), "utf-8"),
        ("\ufeff탄소중립".encode(), "utf-8-sig"),
        ("탄소중립".encode("utf-16"), "utf-16"),
        ("탄소중립 지원사업".encode("cp949"), "cp949"),
        ("똠방각하 펲시콜라".encode("cp949"), "cp949"),  # syllables only CP949 (not EUC-KR) has
    ],
)
def test_korean_encodings_are_recognised(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert found == encoding
    assert text.lstrip("\ufeff") in {"탄소중립", "탄소중립 지원사업", "똠방각하 펲시콜라"}


def test_cp949_is_not_mistaken_for_latin1() -> None:
    text, encoding = decode_text("충청북도는 시멘트 산업과 반도체 산업이 밀집해".encode("cp949"))
    assert encoding == "cp949"
    assert text.startswith("충청북도는")


def test_binary_data_is_refused_with_a_reason() -> None:
    with pytest.raises(ParseError, match="not text"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _noise(512))
