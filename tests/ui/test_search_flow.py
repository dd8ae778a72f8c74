"""Search as you type: debounced, off the GUI thread, with a count, highlights and errors in the bar."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from esgdesk.ui.main_window import MainWindow


def test_typing_a_korean_word_searches_and_highlights(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    field = window.search_bar.field
    field.setFocus()
    with qtbot.waitSignal(window.listLoaded, timeout=5000) as loaded:
        type_text(field, "충청북도")
    assert loaded.args[0] >= 1
    assert window.search_bar.count_label.text().endswith("found")
    assert 1 in window.model.ids()
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.show_document(1)
    assert window.reader.search_hit_count() >= 2


def test_typing_is_debounced_into_one_search(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    submitted: list[str] = []
    window.search_bar.querySubmitted.connect(submitted.append)
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        type_text(window.search_bar.field, "탄소중립")
    assert submitted == ["탄소중립"]


def test_a_query_error_shows_in_the_bar_without_a_dialog(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    type_text(window.search_bar.field, '"탄소')
    qtbot.waitUntil(lambda: window.search_bar.error_label.isVisible(), timeout=5000)
    assert window.search_bar.error_label.text()
    assert "\n" not in window.search_bar.error_label.text()
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    # Fixing the query clears the message.
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        type_text(window.search_bar.field, '"')
    assert not window.search_bar.error_label.isVisible()


def test_clearing_the_search_returns_to_the_library_view(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    everything = window.model.rowCount()
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        type_text(window.search_bar.field, "충청북도")
    assert window.model.rowCount() < everything
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        window.search_bar.field.clear()
    assert window.model.rowCount() == everything


def test_the_document_on_screen_follows_the_query_without_reselecting(qtbot, window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.show_document(1)
    assert window.reader.search_hit_count() == 0
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        type_text(window.search_bar.field, "충청북도")
    qtbot.waitUntil(lambda: window.reader.search_hit_count() >= 2, timeout=5000)
    with qtbot.waitSignal(window.listLoaded, timeout=5000):
        window.search_bar.field.clear()
    qtbot.waitUntil(lambda: window.reader.search_hit_count() == 0, timeout=5000)
