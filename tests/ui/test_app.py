"""Starting the app: `esgdesk gui --screenshot` renders the window to a PNG; preferences apply at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from esgdesk.ui.look import is_dark
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.preferences import Preferences, PreferencesDialog


def test_gui_screenshot_writes_a_png(archive_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "esgdesk",
            "--archive",
            str(archive_dir),
            "gui",
            "--show",
            "1",
            "--screenshot",
            str(out),
        ],
        env=env,
        capture_output=True,
        timeout=90,
    )
    assert completed.returncode == 0, completed.stderr.decode(errors="replace")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)


def test_preferences_dialog_edits_and_dark_theme_applies(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(Preferences.load(window.settings), "/somewhere", window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClicks(dialog.author, "Kim Analyst")
    chosen = dialog.preferences()
    assert (chosen.theme, chosen.language, chosen.author) == ("dark", "en", "Kim Analyst")
    window.apply_preferences(chosen)
    assert is_dark(QApplication.instance().palette())
    assert window.settings.theme == "dark" and window.settings.author == "Kim Analyst"
