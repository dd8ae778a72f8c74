"""The briefing wizard starts from the author name and export folder set in Preferences."""

from __future__ import annotations

from pathlib import Path

from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.preferences import Preferences


def test_the_wizard_prefills_author_and_folder_from_preferences(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    preferences = Preferences.load(window.settings)
    preferences.author = "김지현 (정책분석팀)"
    preferences.export_folder = str(folder)
    window.apply_preferences(preferences)  # what OK in the Preferences dialog does

    window.table.selectRow(0)
    wizard = window.workbench.build_briefing()
    try:
        assert wizard.output_page.author.text() == "김지현 (정책분석팀)"
        assert wizard.output_page.folder.text() == str(folder)
        # What the wizard would export with carries them too.
        wizard.next()
        wizard.next()
        request = wizard.build_request()
        assert request.author == "김지현 (정책분석팀)" and request.folder == folder
    finally:
        wizard.reject()


def test_without_preferences_the_wizard_suggests_documents(window: MainWindow) -> None:
    window.table.selectRow(0)
    wizard = window.workbench.build_briefing()
    try:
        assert wizard.output_page.author.text() == ""
        assert wizard.output_page.folder.text() == str(Path.home() / "Documents")
    finally:
        wizard.reject()
