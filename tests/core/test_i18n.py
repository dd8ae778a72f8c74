"""The message catalogue: every message marked in the non-Qt code has its Korean, and the language follows the
locale or the caller's choice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from esgdesk.core import i18n
from esgdesk.core.i18n import _, read_po, set_language, translate_as

SOURCES = Path(i18n.__file__).resolve().parents[1]


def marked_messages() -> list[tuple[str, int, str]]:
    """(file, line, message) of every `_("…")` / `N_("…")` call outside the Qt front (which uses tr())."""
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        if "ui" in path.relative_to(SOURCES).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((str(path.relative_to(SOURCES)), node.lineno, node.args[0].value))
    return found


def test_every_marked_message_has_its_korean() -> None:
    korean = i18n.catalogue("ko")
    missing = [f"{file}:{line}: {message!r}" for file, line, message in marked_messages() if message not in korean]
    assert not missing, "messages without Korean in resources/locale/ko/*.po:\n" + "\n".join(missing)


def test_korean_keeps_every_field_of_the_english() -> None:
    import string

    for english, korean in i18n.catalogue("ko").items():
        fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(korean) if name}, english


def test_language_follows_the_locale_and_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert set_language(None) == "ko"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert set_language(None) == "en"
    assert set_language("ko") == "ko"
    set_language("en")


def test_po_files_are_read_with_continuations_and_escapes(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "header"\n\n'
        'msgid "no archive at {path}"\nmsgstr ""\n"{path}에 "\n"보관함이 없습니다 \\"!\\""\n',
        encoding="utf-8",
    )
    assert read_po(po) == {"no archive at {path}": '{path}에 보관함이 없습니다 "!"'}


def test_untranslated_falls_back_to_english_and_fills_fields() -> None:
    set_language("ko")
    try:
        assert _("a message nobody translated: {n}", n=3) == "a message nobody translated: 3"
    finally:
        set_language("en")
    assert translate_as("en", "{a} and {b}", a=1, b=2) == "1 and 2"
