"""An analyst's first half hour, in pictures: first run, the samples, a search, a release, a highlighted
passage with a note, a tag, a link between two releases, a regional summary — in Korean and English, on a
1024×700 laptop screen (light and dark) and at 1440×900.

Each step is done as a person does it: a mouse drag selects the passage, shortcuts open the dialogs, the note,
the tag and the link's search are typed into them, buttons and tabs are clicked. Every step saves a screenshot
(under the test's temporary folder; also in $ESGDESK_JOURNEY_SHOTS when set, which is how the README's pictures
are made) and checks what a reader of that screen would trip on: a label, button or tab narrower than its
text, a title column under 14 Hangul syllables, text fainter than 4.5:1 against its background, and English
words in the Korean app — in the window and in the dialogs open over it.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabBar,
    QWidget,
)

from esgdesk.ui.document_view import TITLE_SYLLABLES
from esgdesk.ui.links_panel import DATA_ROLE
from esgdesk.ui.look import apply_theme, install_translation
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.operations import wait_for_background_work

#: words that stay Latin in the Korean app: names, formats, keys
LATIN_ALLOWED = {
    "esgdesk",
    "esg",
    "desk",
    "hwp",
    "hwpx",
    "pdf",
    "docx",
    "html",
    "htm",
    "txt",
    "zip",
    "eml",
    "rss",
    "xml",
    "markdown",
    "fictitious",
    "ctrl",
    "shift",
    "alt",
    "enter",
    "tab",
    "url",
    "csv",
    "json",
    "tag",
    "region",
    "date",
    "kind",
    "ministry",
}
REAL_RELEASE = "탄소중립에 따른 위기, 지역 주도 준비 지원"
OTHER_RELEASE_WORDS = "석탄발전"
#: the passage the analyst annotates, and the release they link it to (found by a word of its title)
PASSAGE = "공정전환"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(color: QColor) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _plain(text: str, label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.RichText or ("<" in text and ">" in text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _screen_texts(window: QWidget, reader_content: set[QWidget]) -> list[tuple[QWidget, str]]:
    """The app's own words on screen: labels, buttons, tabs, menus — not the documents' content."""
    texts: list[tuple[QWidget, str]] = []
    # Names people typed (who annotated) are theirs, not the app's words.
    people = {"annotationByline"}
    for label in window.findChildren(QLabel):
        if _visible(label) and label not in reader_content and label.objectName() not in people and label.text():
            texts.append((label, _plain(label.text(), label)))
    for button in window.findChildren(QAbstractButton):
        if _visible(button) and button.text() and button.objectName() != "openOriginal":
            texts.append((button, button.text()))
    for bar in window.findChildren(QTabBar):
        if _visible(bar):
            texts.extend((bar, bar.tabText(i)) for i in range(bar.count()))
    if isinstance(window, MainWindow):
        texts.extend((window.menuBar(), action.text()) for action in window.menuBar().actions())
    return texts


def check_screen(window: MainWindow, language: str) -> list[str]:
    """The window's problems: its widgets', a title too narrow to read, the reader's and the list's contrast."""
    problems = check_widget(window, language, {window.reader.header, window.reader.text})
    table = window.table
    if _visible(table):
        least = table.title_min_width()
        if table.columnWidth(0) < least:
            problems.append(f"title column {table.columnWidth(0)}px < {least}px ({TITLE_SYLLABLES} syllables)")
        palette = table.palette()
        ratio = _contrast(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))
        if ratio < 4.5:
            problems.append(f"list text contrast {ratio:.2f}")
    reader = window.reader.text
    if _visible(reader):
        palette = reader.palette()
        ratio = _contrast(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))
        if ratio < 4.5:
            problems.append(f"reader text contrast {ratio:.2f}")
    return problems


def _clipped_controls(widget: QWidget) -> list[str]:
    """Buttons and tabs narrower than their text: Qt cuts or elides what does not fit."""
    problems: list[str] = []
    for button in widget.findChildren(QAbstractButton):
        if not _visible(button) or not button.text():
            continue
        # The text and the style's margins (a push button's 80-pixel habit aside: narrower is fine if it fits).
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = button.fontMetrics().horizontalAdvance(text) + (12 if isinstance(button, QPushButton) else 0)
        if not isinstance(button, QPushButton):
            needed = max(needed, button.sizeHint().width())
        if button.width() + 1 < needed:
            problems.append(f"clipped button {text!r}: {button.width()}px < {needed}px")
    for bar in widget.findChildren(QTabBar):
        if not _visible(bar):
            continue
        for i in range(bar.count()):
            if bar.tabRect(i).width() + 1 < bar.tabSizeHint(i).width():
                problems.append(f"clipped tab {bar.tabText(i)!r}: {bar.tabRect(i).width()}px")
    return problems


def check_widget(window: QWidget, language: str, content: set[QWidget] | None = None) -> list[str]:
    """What a reader of this window trips on: clipped text, faint text, English words in the Korean app."""
    problems: list[str] = _clipped_controls(window)
    for label in window.findChildren(QLabel):
        if (
            not _visible(label)
            or not label.text()
            or label.wordWrap()
            or (label.pixmap() and not label.pixmap().isNull())
        ):
            continue
        text = _plain(label.text(), label)
        if label.buddy() is not None:
            text = re.sub(r"&(.)", r"\1", text)  # the mnemonic's & is drawn as an underline, not a character
        needed = max((label.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [""]), default=0)
        if needed > label.contentsRect().width() + 1 and label.sizePolicy().horizontalPolicy().name != "Ignored":
            problems.append(f"clipped label {label.objectName() or text[:30]!r}: {needed}px in {label.width()}px")
        if label.isEnabled():
            palette = label.palette()
            fg = palette.color(label.foregroundRole())
            bg = palette.color(label.backgroundRole())
            if _contrast(fg, bg) < 4.5:
                problems.append(f"faint label {text[:30]!r}: {fg.name()} on {bg.name()} ({_contrast(fg, bg):.2f})")
    if language == "ko":
        for widget, text in _screen_texts(window, content or set()):
            words = [w for w in re.findall(r"[A-Za-z]{4,}", text.replace("&", "")) if w.lower() not in LATIN_ALLOWED]
            if words and not re.search(r"[\w.-]+\.(txt|hwp|pdf|docx)", text):
                problems.append(f"English in the Korean app ({type(widget).__name__}): {text[:60]!r}")
    return problems


class Journey:
    def __init__(self, qtbot, window: MainWindow, folder: Path, language: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.window, self.folder, self.language = qtbot, window, folder, language
        self.step = 0
        self.problems: list[str] = []
        extra = os.environ.get("ESGDESK_JOURNEY_SHOTS")
        self.extra = Path(extra) / folder.name if extra else None

    def shot(self, name: str, dialog: QWidget | None = None) -> Path:
        """The window (or, with `dialog`, the dialog open over it) as a PNG, and what is wrong on it."""
        # The reader follows the current row after a short pause (keyboard navigation): let it, then its read.
        self.qtbot.wait(150)
        wait_for_background_work()
        QApplication.processEvents()
        self.step += 1
        path = self.folder / f"{self.step:02d}-{name}.png"
        assert (dialog or self.window).grab().save(str(path), "PNG")
        if self.extra is not None:
            self.extra.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, self.extra / path.name)
        found = check_screen(self.window, self.language) if dialog is None else check_widget(dialog, self.language)
        self.problems += [f"{path.name}: {problem}" for problem in found]
        return path

    def drag_select(self, phrase: str) -> None:
        """Press the mouse before the phrase in the reader and release it after, as a person selects text."""
        text = self.window.reader.text
        document = text.document()
        found = document.find(phrase, QTextCursor(document))
        assert not found.isNull(), phrase
        text.ensureCursorVisible()
        start, end = QTextCursor(document), QTextCursor(document)
        start.setPosition(found.selectionStart())
        end.setPosition(found.selectionEnd())
        text.setTextCursor(start)
        text.ensureCursorVisible()
        begin, finish = text.cursorRect(start).center(), text.cursorRect(end).center()
        viewport = text.viewport()
        self.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
        self.qtbot.mouseMove(viewport, pos=finish)
        self.qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
        assert text.textCursor().selectedText() == phrase

    def dialog(self) -> Any:
        """The dialog the last action opened (window-modal, no nested event loop), once it has the focus."""
        dialog = self.window.workbench.dialog
        assert dialog is not None and dialog.isVisible()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        return dialog

    def press_ok(self, dialog: QWidget) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = next(b for b in buttons.buttons() if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
        self.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def click_tab(self, index: int) -> None:
        bar = self.window.workbench.panel.tabBar()
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert self.window.workbench.panel.currentIndex() == index

    def activate(self) -> None:
        """Keyboard shortcuts reach the active window only (offscreen nothing activates it by itself)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=5000)

    def back_to_window(self) -> None:
        """Offscreen, a closed dialog hands activation back to nobody; a desktop gives it back to the window."""
        self.activate()
        self.window.table.setFocus()


@pytest.fixture(params=["ko", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_translation(app, request.param)
    yield request.param
    install_translation(app, "en")
    apply_theme(app, "system")


@pytest.mark.parametrize(
    ("size", "theme"),
    [((1024, 700), "light"), ((1440, 900), "light"), ((1024, 700), "dark")],
    ids=["1024x700", "1440x900", "1024x700-dark"],
)
def test_first_half_hour(qtbot, tmp_path: Path, language: str, size: tuple[int, int], theme: str, type_text) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)  # the contrast checks hold in both themes
    window = MainWindow()
    window.setProperty("saveLayout", False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    folder = tmp_path / (f"{language}-{size[0]}x{size[1]}" + ("" if theme == "light" else f"-{theme}"))
    folder.mkdir()
    journey = Journey(qtbot, window, folder, language)
    with qtbot.waitSignal(window.ready, timeout=15_000):
        window.open_archive(str(tmp_path / "archive"))
    # 1. First run: the empty archive offers the samples, whole sentences and all.
    assert window.list_stack.currentWidget() is window.empty_panel
    assert window.empty_panel.samples_box.isVisible()
    journey.shot("first-run")

    # 2. Load the samples: the first screen shows the releases, the newest open in the reader.
    with qtbot.waitSignal(window.imports.importFinished, timeout=60_000):
        qtbot.mouseClick(window.empty_panel.load_samples_button, Qt.MouseButton.LeftButton)
    for dialog in QApplication.topLevelWidgets():
        if dialog is not window and dialog.isVisible():
            dialog.close()  # the import summary
    qtbot.waitUntil(lambda: window.reader.details is not None and window.model.rowCount() >= 4, timeout=15_000)
    assert window.reader.details is not None and window.reader.details["body"].strip()
    journey.shot("samples-loaded")
    releases = {window.model.document(r).title: window.model.id_at(r) for r in range(window.model.rowCount())}
    other_title = next(title for title in releases if OTHER_RELEASE_WORDS in title)

    # 3. Search 충북.
    with qtbot.waitSignal(window.listLoaded, timeout=15_000):
        window.search_bar.set_query("충북")
    assert window.model.rowCount() >= 1
    journey.shot("search-chungbuk")

    # 4. Open the real release.
    release = releases[REAL_RELEASE]
    with qtbot.waitSignal(window.extrasLoaded, timeout=15_000, check_params_cb=lambda shown: shown == release):
        window.show_document(release)
    journey.shot("release-open")

    # 5. Select a passage in the reader with the mouse, Annotate (Ctrl+Shift+A), type the note in the dialog.
    journey.activate()
    journey.drag_select(PASSAGE)
    assert window.reader.selected_span() is not None
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = journey.dialog()
    type_text(dialog.note.editor, "지역 지원의 근거")
    journey.shot("annotate-dialog", dialog)
    with qtbot.waitSignal(window.extrasLoaded, timeout=15_000):
        qtbot.keyClick(dialog.note.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [(view.quote, view.note) for view in window.workbench.annotations.views()] == [(PASSAGE, "지역 지원의 근거")]
    assert window.reader.highlight_count() == 1
    # A click elsewhere in the text drops the selection, and the highlight shows in its category's colour.
    qtbot.mouseClick(window.reader.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert not window.reader.text.textCursor().hasSelection()
    journey.shot("annotated")

    # 6. Tag it: Ctrl+T, type the tag, OK.
    journey.back_to_window()
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    dialog = journey.dialog()
    type_text(dialog.field, "공정전환")
    with qtbot.waitSignal(window.extrasLoaded, timeout=15_000):
        journey.press_ok(dialog)
    journey.click_tab(2)
    journey.shot("tagged")

    # 7. Link it to the coal phase-out release from the Links tab: its button, the dialog's search, a relation.
    journey.back_to_window()
    journey.click_tab(1)
    qtbot.mouseClick(window.workbench.links_panel.link_button, Qt.MouseButton.LeftButton)
    dialog = journey.dialog()
    type_text(dialog.search, "석탄발전")
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=15_000)
    other = releases[other_title]
    row = next(i for i in range(dialog.results.count()) if dialog.results.item(i).data(DATA_ROLE) == other)
    rect = dialog.results.visualItemRect(dialog.results.item(row))
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.target_id() == other
    dialog.relation.setCurrentIndex(dialog.relation.findData("follows_up"))
    type_text(dialog.note, "같은 사업의 후속")
    journey.shot("link-dialog", dialog)
    with qtbot.waitSignal(window.extrasLoaded, timeout=15_000):
        journey.press_ok(dialog)
    assert window.workbench.panel.currentIndex() == 1
    assert len(window.workbench.links_panel.link_items()) == 1
    journey.shot("linked")

    # 8. A regional summary of the search's documents.
    window.settings.export_folder = str(tmp_path / "out")
    window.table.selectAll()
    wizard = window.workbench.build_briefing()
    assert wizard is not None
    for _page in range(3):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(wizard.export_page.isComplete, timeout=60_000)
    assert wizard.request is not None and all(path.is_file() for path in wizard.request.written)
    wizard_shot = folder / f"{journey.step + 1:02d}-briefing.png"
    assert wizard.grab().save(str(wizard_shot), "PNG")
    if journey.extra is not None:
        shutil.copy(wizard_shot, journey.extra / wizard_shot.name)
    wizard.close()

    assert journey.problems == [], "\n".join(journey.problems)
    window.close()
    wait_for_background_work()
    if window.archive is not None:
        window.archive.close()
