"""What many GUI tests do first: a main window (its layout not saved) showing an archive, its first data in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from esgdesk.ui.main_window import MainWindow


def open_window(qtbot: Any, archive_dir: Path, timeout: int = 15_000) -> MainWindow:
    window = MainWindow()
    window.setProperty("saveLayout", False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=timeout):
        window.open_archive(str(archive_dir))
    return window
