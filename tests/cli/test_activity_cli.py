"""`esgdesk activity`: recent changes with their authors, on a folder and (marked `postgres`) on a team archive
opened by URL — the same command line either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from esgdesk.cli import main
from esgdesk.core.i18n import set_language


def run(capsys: pytest.CaptureFixture[str], location: str, *args: str) -> tuple[int, str]:
    code = main(["--archive", location, *args])
    return code, capsys.readouterr().out


def test_activity_lists_who_did_what_newest_first(
    location: str, sample_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ESGDESK_AUTHOR", "이지원")
    assert run(capsys, location, "import", str(sample_path), "--json")[0] == 0
    monkeypatch.setenv("ESGDESK_AUTHOR", "박민수")
    assert run(capsys, location, "annotate", "1", "--quote", "충청북도는", "--note", "확인")[0] == 0
    assert run(capsys, location, "note", "1", "--text", "후속 보도 확인")[0] == 0
    code, out = run(capsys, location, "activity", "--json")
    assert code == 0
    entries = json.loads(out)
    assert [e["action"] for e in entries[:2]] == ["edit-note", "annotate"]
    assert {e["author"] for e in entries if e["action"] == "import"} == {"이지원"}
    assert {e["author"] for e in entries[:2]} == {"박민수"}
    code, out = run(capsys, location, "activity", "--author", "박민수", "--limit", "1")
    # the human listing names the action in words (the JSON keeps the code)
    assert code == 0 and "edited the note" in out and "박민수" in out and "imported" not in out
    try:
        code, out = run(capsys, location, "--lang", "ko", "activity", "--author", "박민수", "--limit", "1")
    finally:
        set_language("en")
    assert code == 0 and "메모 수정" in out and "문서 1" in out
