"""Who did what, in the GUI: the Preferences author on every edit, authors on show, the activity view, and
edit conflicts on a shared archive resolved with both texts in view."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from esgdesk.core.author import set_program_author
from esgdesk.core.lock import AUTHOR_VARIABLE
from esgdesk.notes import annotations as notes
from esgdesk.notes.links import create_link
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.operations import wait_for_background_work
from esgdesk.ui.preferences import Preferences

PHRASE = "시멘트 산업과 반도체 산업"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def no_author_from_outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No ESGDESK_AUTHOR from the developer's shell; the program's author is reset after each test."""
    monkeypatch.delenv(AUTHOR_VARIABLE, raising=False)
    yield
    set_program_author(None)


def _open(qtbot, window: MainWindow, document_id: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000, check_params_cb=lambda shown: shown == document_id):
        window.show_document(document_id)


def _edit(qtbot, window: MainWindow, trigger) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000):
        trigger()


def _set_author(window: MainWindow, name: str) -> None:
    preferences = Preferences.load(window.settings)
    preferences.author = name
    window.apply_preferences(preferences)


def test_the_preferences_author_is_recorded_on_a_gui_annotation_and_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _set_author(window, "김분석")
    assert AUTHOR_VARIABLE not in os.environ  # the preference is the program's, not the environment's
    _open(qtbot, window, 1)
    document = window.reader.text.document()
    window.reader.text.setTextCursor(document.find(PHRASE, QTextCursor(document)))
    window.table.setFocus()
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT))

    assert window.archive is not None
    [stored] = notes.list_annotations(window.archive, 1)
    assert stored.author == "김분석"
    panel = window.workbench.annotations
    assert "김분석" in panel.list.item(0).text()
    assert "김분석" in panel.list.item(0).toolTip()
    panel.list.setCurrentRow(0)
    assert panel.byline.text().startswith("Annotated by 김분석 on ")

    # Emptied again, the preference no longer speaks for the analyst: the OS user (or the launch value) does.
    _set_author(window, "")
    from esgdesk.core.lock import current_user

    assert current_user() != "김분석"


def test_reader_header_and_links_panel_say_who(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    assert archive is not None
    wait_for_background_work()
    notes.set_document_note(archive, 1, "에너지 전환 부문 확인 필요", author="이동료")
    create_link(archive, 1, 2, "related", note="같은 정책", author="최연결")
    _open(qtbot, window, 1)
    header = window.reader.header.text()
    assert "에너지 전환 부문 확인 필요" in header and "이동료" in header
    lines = window.workbench.links_panel.link_items()
    assert any("최연결" in line for line in lines), lines


def test_activity_view_lists_filters_and_opens(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    archive = window.archive
    assert archive is not None
    wait_for_background_work()
    notes.create_annotation(archive, 1, quote=PHRASE, note="첫 메모", author="박검토")
    notes.set_document_note(archive, 2, "문서 메모", author="정기록")

    workbench = window.workbench
    assert workbench.activity_action in workbench.library_menu.actions()
    dialog = workbench.show_activity()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() >= 2, timeout=10_000)
    assert not dialog.isModal()
    rows = dialog.rows()
    assert rows[0][1] == "정기록" and rows[0][2] == "edited the note" and dialog.document_at(0) == 2
    assert rows[1][1] == "박검토" and rows[1][2] == "annotated" and dialog.document_at(1) == 1
    assert rows[1][3]  # the document's title

    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.set_author("정기록")
    assert {row[1] for row in dialog.rows()} == {"정기록"}

    _open(qtbot, window, 1)
    item = dialog.list.topLevelItem(0)
    with qtbot.waitSignal(window.documentShown, timeout=10_000, check_params_cb=lambda shown: shown == 2):
        dialog.list.itemActivated.emit(item, 0)
    assert window.workbench.document_id() == 2


def _conflict_setup(qtbot, window: MainWindow, type_text):  # type: ignore[no-untyped-def]
    """An annotation on screen, changed by a colleague behind the GUI's back, then edited and saved here."""
    archive = window.archive
    assert archive is not None
    wait_for_background_work()
    made = notes.create_annotation(archive, 1, quote=PHRASE, note="처음 메모", author="김작성")
    _open(qtbot, window, 1)
    panel = window.workbench.annotations
    assert panel.select_annotation(made.id)
    notes.update_annotation(archive, made.id, version=made.version, note="동료의 메모", author="박동료")

    panel.note.editor.setFocus()
    panel.note.editor.selectAll()
    type_text(panel.note.editor, "나의 메모")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    from esgdesk.ui.conflict_dialog import ConflictDialog

    qtbot.waitUntil(lambda: isinstance(window.workbench.dialog, ConflictDialog), timeout=10_000)
    return made, window.workbench.dialog


def test_a_conflicting_save_shows_both_and_saves_the_merge(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    made, dialog = _conflict_setup(qtbot, window, type_text)
    assert dialog.theirs.toPlainText() == "동료의 메모"
    assert dialog.yours.toPlainText() == "나의 메모"
    assert "박동료" in dialog.windowTitle() + dialog.theirs.accessibleName()
    assert "동료의 메모" in dialog.merged_text() and "나의 메모" in dialog.merged_text()
    # Nothing was overwritten while the dialog is up.
    assert notes.get_annotation(window.archive, made.id).note == "동료의 메모"

    qtbot.mouseClick(dialog.copy_theirs, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "동료의 메모"

    dialog.merged.setPlainText("동료의 메모 + 나의 메모")
    with qtbot.waitSignal(window.workbench.edits.applied, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert notes.get_annotation(window.archive, made.id).note == "동료의 메모 + 나의 메모"

    # The merge is an edit like any other: undo puts their text back.
    with qtbot.waitSignal(window.workbench.edits.applied, timeout=10_000):
        window.workbench.undo_action.trigger()
    assert notes.get_annotation(window.archive, made.id).note == "동료의 메모"


def test_keep_theirs_or_decide_later(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    made, dialog = _conflict_setup(qtbot, window, type_text)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    wait_for_background_work()
    assert notes.get_annotation(window.archive, made.id).note == "동료의 메모"

    # Saving again meets the same conflict (the panel had not been saved over); closing decides nothing and
    # leaves the analyst's own text in the editor, unsaved.
    panel = window.workbench.annotations
    qtbot.waitUntil(lambda: panel.current_view() is not None and panel.current_view().note == "동료의 메모")
    panel.note.set_text("나의 두 번째 메모")
    notes.update_annotation(window.archive, made.id, version=panel.current_view().version, note="또 바뀜")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    from esgdesk.ui.conflict_dialog import ConflictDialog

    qtbot.waitUntil(lambda: isinstance(window.workbench.dialog, ConflictDialog), timeout=10_000)
    second = window.workbench.dialog
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000):
        second.reject()
    qtbot.waitUntil(lambda: panel.note.text() == "나의 두 번째 메모", timeout=5000)
    assert notes.get_annotation(window.archive, made.id).note == "또 바뀜"
