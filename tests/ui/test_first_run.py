"""First run on an empty archive: the list area offers the bundled samples, imports them, and remembers a no."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from esgdesk.ui.empty_state import sample_release_paths
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.settings import AppSettings


@pytest.fixture
def empty_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from esgdesk.ui.operations import wait_for_background_work

    main = MainWindow()
    main.setProperty("saveLayout", False)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.ready, timeout=15_000):
        main.open_archive(str(tmp_path / "empty-archive"))
    yield main
    wait_for_background_work()
    if main.archive is not None:
        main.archive.close()


def test_the_bundled_samples_are_found_without_their_readme() -> None:
    paths = sample_release_paths()
    assert len(paths) >= 2
    assert all(path.suffix == ".txt" for path in paths)
    assert any("FICTITIOUS" in path.name for path in paths)


def test_an_empty_archive_offers_the_samples_and_loads_them(qtbot, empty_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = empty_window
    panel = window.empty_panel
    assert window.list_stack.currentWidget() is panel
    assert panel.samples_box.isVisible() and panel.load_samples_button.isVisible()
    assert panel.load_samples_button.text() == "Load the sample releases"
    assert window.reader.details is None
    with qtbot.waitSignal(window.imports.importFinished, timeout=60_000) as finished:
        qtbot.mouseClick(panel.load_samples_button, Qt.MouseButton.LeftButton)
        # The normal import flow: a non-modal progress dialog while it runs, the buttons greyed.
        assert window.imports.running and not panel.load_samples_button.isEnabled()
    report = finished.args[0]
    assert not report.failed and not report.duplicates
    # Every sample came in (the real one also brings its board's listing as reading-list items).
    assert {Path(entry.path).name for entry in report.imported} == {path.name for path in sample_release_paths()}
    qtbot.waitUntil(lambda: window.list_stack.currentWidget() is window.table, timeout=10_000)
    # The first view lists the releases with text (the board's headlines wait in the Reading list), newest
    # first, and the newest is open in the reader.
    qtbot.waitUntil(lambda: window.model.rowCount() == len(sample_release_paths()), timeout=10_000)
    qtbot.waitUntil(lambda: window.reader.details is not None, timeout=10_000)
    assert window.reader.details is not None and window.reader.details["body"].strip()
    dates = [window.model.document(row).published for row in range(window.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert "imported" in window.statusBar().currentMessage()


def test_declining_the_samples_is_remembered(qtbot, empty_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window = empty_window
    qtbot.mouseClick(window.empty_panel.decline_button, Qt.MouseButton.LeftButton)
    assert not window.empty_panel.samples_box.isVisible()
    assert AppSettings().samples_declined
    # The import hints stay: the archive is still empty.
    assert window.list_stack.currentWidget() is window.empty_panel
    assert window.empty_panel.import_files_button.isVisible()

    again = MainWindow()
    again.setProperty("saveLayout", False)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.ready, timeout=15_000):
        again.open_archive(str(tmp_path / "another-empty-archive"))
    try:
        assert again.list_stack.currentWidget() is again.empty_panel
        assert not again.empty_panel.samples_box.isVisible()
        # "Not now" is not "never": File › Import the sample releases still brings them in.
        assert again.samples_action in again.file_menu.actions()
        with qtbot.waitSignal(again.imports.importFinished, timeout=60_000) as finished:
            again.samples_action.trigger()
        assert not finished.args[0].failed
        qtbot.waitUntil(lambda: again.list_stack.currentWidget() is again.table, timeout=10_000)
    finally:
        from esgdesk.ui.operations import wait_for_background_work

        wait_for_background_work()
        if again.archive is not None:
            again.archive.close()


def test_a_filled_archive_shows_the_list_not_the_offer(window: MainWindow) -> None:
    assert window.list_stack.currentWidget() is window.table
