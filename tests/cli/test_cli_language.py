"""The command line speaks the user's language: --lang, else the system locale (LC_ALL, LC_MESSAGES, LANG)."""

from __future__ import annotations

from pathlib import Path

import pytest

from esgdesk.cli.main import main
from esgdesk.core.i18n import current_language, set_language


@pytest.fixture(autouse=True)
def _restore_language() -> object:
    yield
    set_language("en")


def _run(tmp_path: Path, *options: str) -> int:
    # `info` on an empty archive: a command that runs through the whole dispatch and needs nothing else (a read
    # command makes no archive, so the test makes it first).
    from esgdesk.core.archive import Archive

    Archive.open(tmp_path / "archive").close()
    return main([*options, "--archive", str(tmp_path / "archive"), "info", "--json"])


def test_lang_chooses_the_language_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _run(tmp_path, "--lang", "ko") == 0
    assert current_language() == "ko"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert _run(tmp_path, "--lang", "en") == 0
    assert current_language() == "en"


def test_without_lang_the_system_locale_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert _run(tmp_path) == 0
    assert current_language() == "ko"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert _run(tmp_path) == 0
    assert current_language() == "en"


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    assert _run(tmp_path, "--lang", "fr") == 2
