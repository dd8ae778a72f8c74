"""Preferences: language, theme, archive folder, author name (on edits and packets) and export folder.

The dialog only edits values; the window applies them (retranslate, restyle, reopen the archive), so the
same code path runs when a test sets a preference without the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from esgdesk.core.lock import current_user
from esgdesk.ui.settings import AppSettings


@dataclass
class Preferences:
    language: str
    theme: str
    archive: str
    author: str
    export_folder: str

    @classmethod
    def load(cls, settings: AppSettings) -> Preferences:
        return cls(settings.language, settings.theme, settings.archive, settings.author, settings.export_folder)

    def save(self, settings: AppSettings) -> None:
        settings.language = self.language
        settings.theme = self.theme
        settings.archive = self.archive
        settings.author = self.author
        settings.export_folder = self.export_folder
        settings.sync()


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, current_archive: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        # Language names are written in their own language, as every app does, so they are not translated.
        for label, value in ((self.tr("System default"), "system"), ("한국어", "ko"), ("English", "en")):
            self.language.addItem(label, value)
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme")
        for label, value in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme.addItem(label, value)
        self.archive = QLineEdit(self)
        self.archive.setObjectName("archive")
        self.archive.setPlaceholderText(current_archive)
        self.archive.setToolTip(self.tr("An empty folder becomes a new archive."))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_archive)
        archive_row = QHBoxLayout()
        archive_row.addWidget(self.archive, 1)
        archive_row.addWidget(browse)
        self.author = QLineEdit(self)
        self.author.setObjectName("author")
        self.author.setPlaceholderText(current_user())
        # The same name is recorded on every edit (esgdesk.ui.authorship), which matters on a shared archive.
        self.author.setToolTip(
            self.tr(
                "Your name: recorded as the author of your annotations, notes, tags and links, and printed on "
                "briefing packets. Empty: your system user name."
            )
        )
        self.export_folder = QLineEdit(self)
        export_browse = QPushButton(self.tr("Choose…"), self)
        export_browse.clicked.connect(self._choose_export_folder)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_folder, 1)
        export_row.addWidget(export_browse)

        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Archive folder"), archive_row)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Export folder"), export_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._set(preferences)

    def _set(self, preferences: Preferences) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
        self.archive.setText(preferences.archive)
        self.author.setText(preferences.author)
        self.export_folder.setText(preferences.export_folder)

    def preferences(self) -> Preferences:
        return Preferences(
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            archive=self.archive.text().strip(),
            author=self.author.text().strip(),
            export_folder=self.export_folder.text().strip(),
        )

    def _choose_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Archive folder"), self.archive.text())
        if folder:
            self.archive.setText(folder)

    def _choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)
