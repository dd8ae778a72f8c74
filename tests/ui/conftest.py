"""UI test fixtures: offscreen Qt, throwaway settings, and a fresh archive holding the real sample release."""

from __future__ import annotations

import os

from ui_helpers import open_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import run_import
from esgdesk.search.service import close_index
from fixture_paths import SAMPLE


@pytest.fixture(scope="session")
def sample_archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample imported once through the real pipeline; each test gets its own copy (migrations take ~2 s)."""
    root = tmp_path_factory.mktemp("template") / "archive"
    archive = Archive.open(root)
    report = run_import(archive, [SAMPLE])
    assert report.imported and not report.failed
    close_index(archive)
    archive.close()
    return root


@pytest.fixture
def archive_dir(sample_archive_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "archive"
    shutil.copytree(sample_archive_template, target)
    return target


@pytest.fixture
def archive(archive_dir: Path) -> Iterator[Archive]:
    opened = Archive.open(archive_dir)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Preferences and window layout go to the test's folder, never to the developer's own."""
    folder = str(tmp_path / "settings")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)
    QSettings().clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def korean_font(qapp: QApplication) -> None:
    from esgdesk.ui.look import install_korean_font

    install_korean_font(qapp)


@pytest.fixture(autouse=True)
def english_after_test(qapp: QApplication) -> Iterator[None]:
    yield
    from esgdesk.ui.look import apply_theme, install_translation
    from esgdesk.ui.operations import wait_for_background_work

    wait_for_background_work()
    install_translation(qapp, "en")
    apply_theme(qapp, "system")


@pytest.fixture
def window(qtbot, archive_dir: Path):  # type: ignore[no-untyped-def]
    """The main window on a fresh copy of the sample archive, with its first data on screen."""
    from esgdesk.ui.operations import wait_for_background_work

    main = open_window(qtbot, archive_dir, timeout=10_000)
    # These tests work on every item, headlines too; the first screen's own view is tested in test_first_screen.
    everything = main.sidebar.findItems("Everything", Qt.MatchFlag.MatchExactly, 0)[0]
    with qtbot.waitSignal(main.listLoaded, timeout=10_000):
        main.sidebar.setCurrentItem(everything)
    if main.table.currentIndex().row() != 0:
        main.table.selectRow(0)
    current = main.current_document_id()
    workbench = main.workbench
    qtbot.waitUntil(lambda: workbench.extras is not None and workbench.extras.document_id == current, timeout=10_000)
    # Nothing of the start-up still on its way: a test's own waitSignal must see its own answer.
    wait_for_background_work()
    QApplication.processEvents()
    yield main
    wait_for_background_work()
    if main.archive is not None:
        main.archive.close()


@pytest.fixture
def type_text():  # type: ignore[no-untyped-def]
    """Types text key by key like a person (or an input method) would.

    QTest.keyClicks maps characters to Latin-1 key codes and aborts on Hangul; a key event that carries the
    text itself is what a Korean input method delivers when it commits a syllable.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    def type_into(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    return type_into
