"""Korean throughout: the bundled font renders Hangul, and every UI string has its Korean translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

from esgdesk.core.paths import resource_path
from esgdesk.ui.look import KOREAN_FAMILY, install_translation, resolve_language
from esgdesk.ui.main_window import MainWindow

TRANSLATIONS = resource_path("translations")
UI_SOURCES = Path(__file__).resolve().parents[2] / "src" / "esgdesk" / "ui"
PLACEHOLDER = re.compile(r"%(?:L?n|\d+)")


def test_the_bundled_font_has_hangul_glyphs(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont(KOREAN_FAMILY)
    assert QFontInfo(font).family() == KOREAN_FAMILY
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(char)) for char in "탄소중립")
    assert KOREAN_FAMILY in qapp.font().families()


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(path)
    return [(message.findtext("source") or "", message) for message in tree.iter("message")]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.findall("numerusform")]
    return forms or [translation.text or ""]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_translations_keep_every_placeholder(language: str) -> None:
    for source, message in _messages(TRANSLATIONS / f"esgdesk_{language}.ts"):
        expected = sorted(set(PLACEHOLDER.findall(source)))
        for text in _translations(message):
            if text:
                assert sorted(set(PLACEHOLDER.findall(text))) == expected, (source, text)


def test_the_korean_translation_is_complete() -> None:
    for source, message in _messages(TRANSLATIONS / "esgdesk_ko.ts"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") not in ("unfinished", "obsolete"), source
        assert all(text.strip() for text in _translations(message)), source
    assert (TRANSLATIONS / "esgdesk_ko.qm").stat().st_size > 0
    assert (TRANSLATIONS / "esgdesk_en.qm").stat().st_size > 0


def test_no_ui_string_is_missing_from_the_korean_file(tmp_path: Path) -> None:
    """lupdate over today's sources finds no string the shipped .ts lacks."""
    beside_python = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = str(beside_python) if beside_python.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh_ko.ts"
    subprocess.run(
        [lupdate, *map(str, sorted(UI_SOURCES.glob("*.py"))), "-ts", str(fresh)], check=True, capture_output=True
    )
    shipped = {source for source, _ in _messages(TRANSLATIONS / "esgdesk_ko.ts")}
    current = {source for source, _ in _messages(fresh)}
    assert current - shipped == set(), "run pyside6-lupdate and translate the new strings"


def test_the_system_locale_picks_the_language() -> None:
    from PySide6.QtCore import QLocale

    assert resolve_language("system", QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)) == "ko"
    assert resolve_language("system", QLocale(QLocale.Language.English)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Korean)) == "en"


def test_switching_to_korean_retranslates_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from esgdesk.ui.preferences import Preferences

    preferences = Preferences.load(window.settings)
    preferences.language = "ko"
    window.apply_preferences(preferences)
    assert QCoreApplication.translate("SidebarTree", "Documents") == "문서"
    qtbot.waitUntil(lambda: window.file_menu.title() == "파일(&F)", timeout=3000)
    assert window.sidebar.topLevelItem(0).text(0) == "문서"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "제목"
    assert "보관함 문서" in window.status_label.text()
    assert window.settings.language == "ko"
    install_translation(QCoreApplication.instance(), "en")
