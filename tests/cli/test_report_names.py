"""A file name is data from outside: a newline, an escape sequence or a right-to-left override in it must not
forge a line of the import report or rewrite the terminal; JSON keeps the name whole, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from esgdesk.cli import main

FORGED = "보도자료\nimported   #999  가짜 문서\x1b[2K\u202e.txt"
BODY = "탄소중립 지역 지원 보도자료\n\n산업통상자원부는 충청북도의 공정전환 지원 사업을 시작한다고 밝혔다.\n"


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / FORGED).write_text(BODY, encoding="utf-8")
    (folder / ("빈 파일\nduplicate  #1  가짜.txt")).write_bytes(b"")  # fails: empty
    return folder


def test_names_with_newlines_stay_on_their_line(incoming: Path, archive_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["--archive", str(archive_dir), "import", str(incoming)])
    out, err = capsys.readouterr()
    assert code == 1
    assert [line.split()[0] for line in out.splitlines()] == ["imported"]
    assert "#999" not in out.splitlines()[0].split()[1]
    failures = [line for line in err.splitlines() if "cannot import" in line]
    assert len(failures) == 1 and "빈 파일 duplicate #1 가짜.txt: the file is empty" in failures[0]
    assert all(line.startswith("esgdesk: ") or "imported," in line for line in err.splitlines())
    assert "\x1b" not in out + err and "\u202e" not in out + err


def test_json_keeps_the_name_escaped(incoming: Path, archive_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["--archive", str(archive_dir), "import", str(incoming), "--json"])
    out, _ = capsys.readouterr()
    assert code == 1
    report = json.loads(out)
    assert [Path(entry["path"]).name for entry in report["imported"]] == [FORGED]
    assert "\\n" in out and "\\u001b" in out  # escaped in the text, whole once read
