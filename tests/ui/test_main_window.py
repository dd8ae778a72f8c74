"""The main window on a real archive: sidebar counts, list, reader, keyboard, find, originals, review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from esgdesk.library import browse
from esgdesk.library.browse import ScopeKind
from esgdesk.ui.main_window import MainWindow

TITLE = "탄소중립에 따른 위기, 지역 주도 준비 지원"


def _sidebar_item(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    items = window.sidebar.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    assert items, f"no sidebar line {text!r}"
    return items[0]


def test_the_window_shows_counts_the_list_and_the_first_document(window: MainWindow) -> None:
    total = window.model.rowCount()
    assert total > 0
    assert _sidebar_item(window, "Everything").text(1) == str(total)
    assert window.archive is not None
    ministry = browse.sidebar(window.archive).ministries[0]
    assert _sidebar_item(window, ministry.name).text(1) == str(ministry.count)
    assert _sidebar_item(window, "2023").text(1) == "1"
    assert str(total) in window.status_label.text()
    assert window.reader.details is not None  # the first row is selected and read


def test_keyboard_navigation_moves_the_reader(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    first = window.current_document_id()
    with qtbot.waitSignal(window.documentShown, timeout=5000) as shown:
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert shown.args[0] != first
    assert window.reader.details is not None and window.reader.details["id"] == shown.args[0]


def test_selecting_a_year_filters_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item = _sidebar_item(window, "2023")
    with qtbot.waitSignal(window.listLoaded, timeout=5000) as loaded:
        window.sidebar.setCurrentItem(item)
    assert loaded.args == [1]
    assert window.scope.kind is ScopeKind.YEAR
    assert window.model.data(window.model.index(0, 0)) == TITLE


def test_find_in_document_with_ctrl_f(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.show_document(1)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible()
    type_text(window.reader.find_bar.field, "충청북도")
    assert window.reader.find_match_count() >= 2
    assert window.reader.text.textCursor().selectedText() == "충청북도"
    assert window.reader.find_bar.count_label.text().startswith("1 of")
    qtbot.keyClick(window.reader.find_bar.field, Qt.Key.Key_Return)
    assert window.reader.find_bar.count_label.text().startswith("2 of")
    qtbot.keyClick(window.reader.find_bar.field, Qt.Key.Key_Escape)
    assert not window.reader.find_bar.isVisible()


def test_open_original_copies_the_file_out_with_its_extension(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.show_document(1)
    buttons = [b for b in window.reader.findChildren(QPushButton) if b.objectName() == "openOriginal"]
    assert buttons, "no Open original button"
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    path = Path(opened[0].toLocalFile())
    assert path.suffix == ".txt" and path.is_file()
    assert "탄소중립" in path.read_text(encoding="utf-8")
    assert window.archive is not None and not path.is_relative_to(window.archive.root)


def test_mark_as_reviewed_empties_the_inbox_line(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = int(_sidebar_item(window, "Inbox").text(1))
    window.table.setFocus()
    window.table.selectRow(0)
    with qtbot.waitSignal(window.sidebarLoaded, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert int(_sidebar_item(window, "Inbox").text(1)) == before - 1


def test_sorting_by_title_from_the_header(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [window.model.data(window.model.index(row, 0)) for row in range(window.model.rowCount())]
    assert titles == sorted(titles)


def test_layout_is_saved_and_restored(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.splitter.setSizes([300, 600, 540])
    window.save_layout()
    other = MainWindow()
    qtbot.addWidget(other)
    other.restore_layout()
    # The offscreen screen is smaller than the window, so compare the remembered state, not pixels.
    assert other.splitter.saveState() == window.splitter.saveState()
    assert other.table.horizontalHeader().saveState() == window.table.horizontalHeader().saveState()


def test_the_title_keeps_the_width_the_other_columns_leave_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The title stretches; widening a column narrows the title, and the choice comes back with the layout."""
    from esgdesk.library.browse import SortKey
    from esgdesk.ui.document_table import COLUMNS

    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.table.width() > 400, timeout=2000)
    ministry = COLUMNS.index(SortKey.MINISTRY)
    title_before = window.table.columnWidth(0)
    window.table.horizontalHeader().resizeSection(ministry, window.table.columnWidth(ministry) + 40)
    assert window.table.columnWidth(0) == title_before - 40
    # A title elides in its middle and is whole in its tooltip.
    assert window.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = window.model.index(0, 0)
    assert window.model.data(index, Qt.ItemDataRole.ToolTipRole) == window.model.data(index)
    window.save_layout()
    other = MainWindow()
    qtbot.addWidget(other)
    other.restore_layout()
    assert other.table.columnWidth(ministry) == window.table.columnWidth(ministry)


def test_optional_columns_step_aside_and_stay_put(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A hidden column reports no width: fitting must use its width when shown, or it flips on every resize."""
    from esgdesk.library.browse import SortKey
    from esgdesk.ui.document_table import COLUMNS
    from esgdesk.ui.document_view import COMFORTABLE_SYLLABLES

    table = window.table
    least = table.title_min_width(COMFORTABLE_SYLLABLES)
    fixed = sum(table.columnWidth(COLUMNS.index(key)) for key in (SortKey.PUBLISHED, SortKey.MINISTRY))
    tags = COLUMNS.index(SortKey.TAGS)
    table.setColumnHidden(tags, False)
    tags_width = table.columnWidth(tags)
    # A list with room for the comfortable title, but not for the title and the tags column too.
    room = least + tags_width // 2
    chrome = window.splitter.widget(1).width() - table.viewport().width()
    sizes = window.splitter.sizes()
    sizes[2] += sizes[1] - (fixed + room + chrome)
    sizes[1] = fixed + room + chrome
    window.splitter.setSizes(sizes)
    qtbot.waitUntil(lambda: abs(table.viewport().width() - fixed - room) <= 4, timeout=2000)
    table.fit_columns()
    hidden = [table.isColumnHidden(i) for i in range(window.model.columnCount())]
    table.fit_columns()
    assert [table.isColumnHidden(i) for i in range(window.model.columnCount())] == hidden
    assert hidden[tags], "the tags column would leave the title less than its comfortable width"


def test_the_ministry_shows_whole_names_where_the_list_has_room(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """산업통상자원부 whole in a wide list, elided (whole in its tooltip) where the title needs the room."""
    from esgdesk.library.browse import SortKey
    from esgdesk.ui.document_table import COLUMNS

    table = window.table
    ministry = COLUMNS.index(SortKey.MINISTRY)
    compact, whole = table._ministry_widths
    assert whole > compact

    def list_width(width: int) -> None:
        sizes = window.splitter.sizes()
        total = sizes[1] + sizes[2]
        sizes[1], sizes[2] = width, total - width
        window.splitter.setSizes(sizes)

    window.resize(1440, 900)
    list_width(900)
    qtbot.waitUntil(lambda: table.columnWidth(ministry) == whole, timeout=2000)
    list_width(table.minimum_list_width())
    qtbot.waitUntil(lambda: table.columnWidth(ministry) == compact, timeout=2000)
