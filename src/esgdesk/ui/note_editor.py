"""A Markdown note editor with a preview tab, shared by the annotation panel and the Annotate… dialog.

The preview is a browser that loads nothing, like the reader: a note may hold a pasted image link, and
opening a note must never reach the network.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget

from esgdesk.ui.reader import OfflineBrowser


class NoteEditor(QTabWidget):
    """Write and Preview tabs over one Markdown text."""

    textEdited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        self.editor.setFont(fixed)
        self.preview = OfflineBrowser(self)
        self.preview.setObjectName("notePreview")
        self.addTab(self.editor, "")
        self.addTab(self.preview, "")
        self.currentChanged.connect(self._tab_changed)
        self.editor.textChanged.connect(self.textEdited)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Write"))
        self.setTabText(1, self.tr("Preview"))
        self.setTabToolTip(1, self.tr("The note as Markdown renders it (Ctrl+Tab switches tabs)"))
        self.editor.setPlaceholderText(self.tr("A note in Markdown: **bold**, *italic*, - lists, [links](…)"))
        self.editor.setAccessibleName(self.tr("Note (Markdown)"))
        self.preview.setAccessibleName(self.tr("Note preview"))

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        if self.currentIndex() == 1:
            self.preview.setMarkdown(text)

    def show_preview(self) -> None:
        self.setCurrentIndex(1)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.preview.setMarkdown(self.editor.toPlainText())
