"""Preferences: the dialog, and applying what it returns (author, language and theme at once, a new archive
folder by reopening)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from esgdesk.ui.authorship import apply_author
from esgdesk.ui.look import apply_theme, install_translation, resolve_language
from esgdesk.ui.preferences import Preferences, PreferencesDialog

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow


class PreferencesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def edit(self) -> None:
        window = self.window
        location = window.archive.location if window.archive else ""
        dialog = PreferencesDialog(Preferences.load(window.settings), location, window)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply(dialog.preferences())

    def apply(self, preferences: Preferences) -> None:
        """Save and apply: language and theme at once, a new archive folder by reopening."""
        settings = self.window.settings
        old_archive = settings.archive
        preferences.save(settings)
        apply_author(preferences.author)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translation(app, resolve_language(preferences.language))
            apply_theme(app, preferences.theme)
        if preferences.archive and preferences.archive != old_archive:
            self.window.open_archive(preferences.archive)
