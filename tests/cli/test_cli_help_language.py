"""`esgdesk --help` and argparse's own errors come in the user's language, like every other message."""

from __future__ import annotations

import pytest

from esgdesk.cli.main import main
from esgdesk.core.i18n import set_language


@pytest.fixture(autouse=True)
def _locale(monkeypatch: pytest.MonkeyPatch) -> object:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    yield
    set_language("en")


def test_help_is_korean_under_a_korean_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("사용법: esgdesk")
    assert "위치 인수" in out and "옵션" in out
    assert "보관함 검색" in out  # a command's one-line help
    assert "search the archive" not in out and "usage:" not in out


def test_lang_overrides_the_locale_for_the_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["--lang", "en", "search", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: esgdesk search") and "hits per page" in out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["--lang=ko", "search", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("사용법: esgdesk search") and "한 쪽의 결과 수" in out


def test_a_usage_error_is_korean_under_a_korean_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["search"]) == 2
    err = capsys.readouterr().err
    assert "오류: 다음 인수가 필요합니다: QUERY" in err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["search"]) == 2
    assert "error: the following arguments are required: QUERY" in capsys.readouterr().err
