"""The working surfaces on a real archive: annotate, link, tag, collect, brief — and undo each edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from esgdesk.library import tagging
from esgdesk.library.collections import list_collections
from esgdesk.notes.annotations import list_annotations
from esgdesk.ui.main_window import MainWindow

PHRASE = "시멘트 산업과 반도체 산업"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open(qtbot, window: MainWindow, document_id: int) -> None:  # type: ignore[no-untyped-def]
    # The window's first document may still be loading its panel: wait for this one's.
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000, check_params_cb=lambda shown: shown == document_id):
        window.show_document(document_id)


def _select(window: MainWindow, phrase: str) -> None:
    """What a drag of the mouse over the phrase leaves behind: a selection in the reader."""
    document = window.reader.text.document()
    found = document.find(phrase, QTextCursor(document))
    assert not found.isNull(), phrase
    window.reader.text.setTextCursor(found)


def _back_to_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Offscreen, a closed dialog hands activation back to nobody; a desktop gives it back to the window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.table.setFocus()


def _edit(qtbot, window: MainWindow, trigger) -> None:  # type: ignore[no-untyped-def]
    """Run an edit (or an undo) and wait until the panel shows its result."""
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000):
        trigger()


def test_annotate_a_selection_edit_its_note_and_undo(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, 1)
    _select(window, PHRASE)
    window.table.setFocus()
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT))
    panel = window.workbench.annotations
    assert [view.quote for view in panel.views()] == [PHRASE]
    assert window.reader.highlight_count() == 1
    assert panel.views()[0].color  # coloured by its category (핵심 by default)

    # Clicking in the passage selects its annotation in the panel.
    panel.list.setCurrentRow(-1)
    cursor = window.reader.text.textCursor()
    cursor.setPosition(cursor.selectionStart() + 2)
    window.reader.text.setTextCursor(cursor)
    assert panel.current_view() is not None and panel.current_view().quote == PHRASE

    panel.note.editor.setFocus()
    type_text(panel.note.editor, "충북 핵심 산업")
    panel.note.show_preview()
    assert "충북 핵심 산업" in panel.note.preview.toPlainText()
    _edit(qtbot, window, lambda: qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton))
    assert window.archive is not None
    assert list_annotations(window.archive, 1)[0].note == "충북 핵심 산업"

    window.table.setFocus()
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, CTRL))
    assert list_annotations(window.archive, 1)[0].note == ""
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, CTRL))
    assert list_annotations(window.archive, 1) == []
    assert window.reader.highlight_count() == 0
    # Redo twice: the annotation comes back (with a new id) and so does its note.
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT))
    _edit(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT))
    assert [(v.quote, v.note) for v in list_annotations(window.archive, 1)] == [(PHRASE, "충북 핵심 산업")]


def test_link_two_documents_see_the_backlink_and_go_back(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, 1)
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = window.workbench.dialog
    assert dialog is not None
    type_text(dialog.search, "녹색전환")
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
    target = dialog.target_id()
    assert target is not None and target != 1
    dialog.relation.setCurrentIndex(dialog.relation.findData("follows_up"))
    dialog.note.setText("후속 조치")
    _edit(qtbot, window, dialog.accept)
    lines = window.workbench.links_panel.link_items()
    assert any(line.startswith("follows up → ") for line in lines), lines

    _open(qtbot, window, target)
    lines = window.workbench.links_panel.link_items()
    assert any(line.startswith("is followed by ← 탄소중립") for line in lines), lines

    _back_to_the_list(qtbot, window)
    with qtbot.waitSignal(window.extrasLoaded, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.workbench.document_id() == 1
    assert window.workbench.forward_action.isEnabled()


def test_tag_a_multi_selection_then_undo(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    ids = [window.model.id_at(row) for row in range(3)]
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in range(3):
        selection.select(
            window.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert sorted(window.selected_ids()) == sorted(ids)
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    dialog = window.workbench.dialog
    assert dialog is not None
    type_text(dialog.field, "정책/공정전환")
    with qtbot.waitSignal(window.workbench.edits.applied, timeout=10_000):
        dialog.accept()
    assert window.archive is not None
    for document_id in ids:
        assert [row.path for row in tagging.document_tags(window.archive, document_id)] == ["정책/공정전환"]
    qtbot.waitUntil(lambda: bool(window.sidebar.findItems("공정전환", Qt.MatchFlag.MatchRecursive)), timeout=5000)

    _back_to_the_list(qtbot, window)
    with qtbot.waitSignal(window.workbench.edits.applied, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    for document_id in ids:
        assert tagging.document_tags(window.archive, document_id) == []


def test_build_a_collection_by_dragging_and_export_it_through_the_wizard(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    import docx
    from pypdf import PdfReader

    assert window.archive is not None
    with qtbot.waitSignal(window.sidebarLoaded, timeout=10_000):
        window.workbench.collecting.add_documents_to("충북 브리핑", [1])
    item = window.sidebar.findItems("충북 브리핑", Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)[0]

    # Drag another row of the list onto the collection in the sidebar.
    second = 1 if window.model.row_of(1) == 0 else 0
    window.sidebar.scrollToItem(item)
    mime = window.model.mimeData([window.model.index(second, 0)])
    where = window.sidebar.visualItemRect(item).center()
    drag = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    viewport = window.sidebar.viewport()
    # A real drag enters and moves over the target before it drops; Qt ignores a drop that never entered.
    for event in (QDragEnterEvent(where, *drag), QDragMoveEvent(where, *drag)):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    with qtbot.waitSignal(window.workbench.edits.applied, timeout=10_000):
        QApplication.sendEvent(viewport, QDropEvent(QPointF(where), *drag))
    collection = list_collections(window.archive)[0]
    assert collection.document_ids == (1, window.model.id_at(second))

    window.settings.export_folder = str(tmp_path)
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        window.sidebar.setCurrentItem(item)
    wizard = window.workbench.build_briefing()
    assert wizard.source_page.from_collection.isChecked()
    wizard.next()
    assert wizard.template_page.template() == "regional-summary"
    assert "map" in wizard.template_page.list.currentItem().text()
    wizard.next()
    wizard.output_page.classification.setCurrentText("대외비")
    wizard.next()  # Export
    qtbot.waitUntil(wizard.export_page.isComplete, timeout=40_000)
    written = wizard.request.written
    assert sorted(path.suffix for path in written) == [".docx", ".pdf"], wizard.export_page.status.text()
    document = docx.Document(str(next(p for p in written if p.suffix == ".docx")))
    assert any("충청북도" in paragraph.text for paragraph in document.paragraphs) or document.tables
    pdf = PdfReader(str(next(p for p in written if p.suffix == ".pdf")))
    assert len(pdf.pages) >= 1
    assert wizard.export_page.open_button.isEnabled() and wizard.export_page.show_button.isEnabled()
    wizard.accept()


def test_keyboard_only_annotate_and_export(qtbot, window: MainWindow, type_text, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.settings.export_folder = str(tmp_path)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the list
    row = window.model.row_of(1)
    assert row is not None
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000, check_params_cb=lambda shown: shown == 1):
        window.table.selectRow(row)  # arrow keys to the release; selectRow stands in for them
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    type_text(window.reader.find_bar.field, PHRASE)
    qtbot.keyClick(window.reader.find_bar.field, Qt.Key.Key_Escape)
    assert window.reader.selected_span() is not None
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = window.workbench.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    assert dialog.focusWidget() is dialog.note.editor
    type_text(dialog.note.editor, "핵심")
    with qtbot.waitSignal(window.extrasLoaded, timeout=10_000):
        qtbot.keyClick(dialog.note.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.archive is not None
    assert [(v.quote, v.note) for v in list_annotations(window.archive, 1)] == [(PHRASE, "핵심")]

    _back_to_the_list(qtbot, window)
    # The release is what the briefing is about (a headline in the selection would be left out of it).
    window.table.selectRow(window.model.row_of(1) or 0)
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL_SHIFT)
    wizard = window.workbench.wizard
    assert wizard is not None and wizard.source_page.from_selection.isChecked()
    for _page in range(3):  # Documents → Template → Output → Export, by Enter
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.export_page
    qtbot.waitUntil(wizard.export_page.isComplete, timeout=40_000)
    assert len(wizard.request.written) == 2 and all(path.is_file() for path in wizard.request.written)


def test_the_shortcuts_dialog_lists_the_new_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.workbench.show_shortcuts()
    rows = dict(dialog.rows())
    assert rows["Highlight"] == "Ctrl+Shift+H"
    assert rows["Undo"] == "Ctrl+Z" and rows["Redo"].startswith("Ctrl+Shift+Z")
    assert rows["Back"].startswith("Alt+Left")
    assert "Build a briefing" in rows
    dialog.close()
