"""The annotations panel beside the reader, and the Annotate… dialog.

The panel only shows and asks: every change leaves as a signal, and the workbench turns it into an undoable
edit. An orphaned annotation (its passage no longer in the text after a revision) keeps its quote on show, so
the analyst can find the new wording, select it and re-attach the note there.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from esgdesk.ui.authorship import byline, local_time
from esgdesk.ui.note_editor import NoteEditor

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


def color_icon(color: str | None, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color) if color and QColor(color).isValid() else QColor(140, 200, 255))
    return QIcon(pixmap)


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|`|^#{1,6}\s+|^\s*[-*+]\s+|^\s*>\s?)", re.MULTILINE)


def plain_markdown(text: str) -> str:
    """A note's words without its Markdown marks, for one line in a list (the editor's preview renders it)."""
    return _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text))


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CategoryBox(QComboBox):
    """The annotation categories (핵심, 근거 …) with their colours; the first line means none."""

    def set_categories(self, categories: list[Any], current: str | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(no category)"), None)
        for category in categories:
            self.addItem(color_icon(category.color), category.name, category.name)
            if category.description:
                self.setItemData(self.count() - 1, category.description, Qt.ItemDataRole.ToolTipRole)
        self.set_current(current)
        self.blockSignals(False)

    def set_current(self, name: str | None) -> None:
        index = self.findData(name) if name else 0
        self.setCurrentIndex(max(index, 0))

    def current_name(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None


class AnnotateDialog(QDialog):
    """Annotate…: the quote, a category and a Markdown note; Ctrl+Return saves."""

    def __init__(self, quote: str, categories: list[Any], category: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate passage"))
        self.quote = QLabel(f"“{_short(quote, 240)}”", self)
        self.quote.setWordWrap(True)
        self.quote.setObjectName("annotateQuote")
        self.category = CategoryBox(self)
        self.category.set_categories(categories, category)
        self.category.setAccessibleName(self.tr("Category"))
        self.note = NoteEditor(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Category:"), self.category)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self.note.editor.setFocus()
        self.resize(520, 380)


class AnnotationsPanel(QWidget):
    """The document's annotations in reading order (orphaned last), with the selected one's editor below."""

    #: show this annotation's passage in the reader
    activated = Signal(object)
    noteSaveRequested = Signal(object, str)
    categoryChangeRequested = Signal(object, object)
    deleteRequested = Signal(object)
    reattachRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("annotationList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.category = CategoryBox(self)
        self.category.setObjectName("annotationCategory")
        self.note = NoteEditor(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveNote")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteAnnotation")
        self.reattach_button = QPushButton(self)
        self.reattach_button.setObjectName("reattachAnnotation")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        #: who made the selected annotation and when: on a shared archive, not everything is one's own
        self.byline = QLabel(self)
        self.byline.setObjectName("annotationByline")
        self.byline.setWordWrap(True)
        self.byline.setEnabled(False)  # drawn in the muted colour of both themes

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 4)  # the last button clear of the tab frame
        self.category_label = QLabel(editor)
        self.category_label.setBuddy(self.category)
        row = QHBoxLayout()
        row.addWidget(self.category_label)
        row.addWidget(self.category, 1)
        editor_layout.addLayout(row)
        editor_layout.addWidget(self.byline)
        editor_layout.addWidget(self.status)
        editor_layout.addWidget(self.note, 1)
        # Two rows: three buttons side by side need more than the side panel has on a 1024-pixel screen, and a
        # squeezed button cuts its label. Delete sits apart, on the right, away from Save.
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reattach_button)
        buttons.addStretch(1)
        editor_layout.addLayout(buttons)
        danger = QHBoxLayout()
        danger.addStretch(1)
        danger.addWidget(self.delete_button)
        editor_layout.addLayout(danger)
        self.editor = editor

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(editor)
        splitter.setSizes([300, 260])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._views: list[Any] = []
        self._categories: list[Any] = []
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda item: self.activated.emit(item.data(VIEW_ROLE)))
        self.list.itemClicked.connect(lambda item: self.activated.emit(item.data(VIEW_ROLE)))
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.reattach_button.clicked.connect(self._reattach)
        self.category.activated.connect(self._category_chosen)
        QShortcut(QKeySequence("Ctrl+Return"), self.note.editor, self._save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self._delete)
        self.retranslate()
        self.show_annotations([], [])

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Annotations"))
        self.list.setToolTip(self.tr("Enter or a click shows the passage; Delete removes the annotation"))
        self.category.setAccessibleName(self.tr("Category"))
        self.category_label.setText(self.tr("C&ategory:"))
        self.save_button.setText(self.tr("&Save note"))
        self.save_button.setToolTip(self.tr("Save the note (Ctrl+Return)"))
        self.delete_button.setText(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Delete this annotation (Delete in the list)"))
        self.reattach_button.setText(self.tr("Re-a&ttach"))
        self.reattach_button.setToolTip(
            self.tr("Anchor this note to the passage selected in the reader (for a note whose text changed)")
        )
        self.note.retranslate()
        self.empty.setText(self.tr("No annotations yet. Select a passage and press Ctrl+Shift+H to highlight it."))
        self._fill()

    # -- showing ------------------------------------------------------------------------------------------

    def show_annotations(self, views: list[Any], categories: list[Any]) -> None:
        """Show a document's annotations, keeping the selected one selected (and its unsaved note) if it stays."""
        current = self.current_view()
        self._views = list(views)
        self._categories = list(categories)
        self._fill()
        if current is not None:
            self.select_annotation(current.id)
        self._update_editor()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for view in self._views:
            quote = _short(view.quote, 90)
            text = self.tr("Orphaned — “%1”").replace("%1", quote) if view.orphaned else f"“{quote}”"
            if view.note:
                text += "\n" + _short(plain_markdown(view.note), 120)
            text += "\n" + byline(view.author, view.created_at)
            item = QListWidgetItem(color_icon(view.color), text, self.list)
            item.setData(VIEW_ROLE, view)
            tip = view.category or ""
            if view.orphaned:
                tip = self.tr("Its passage is no longer in the text: select the new wording and re-attach it.")
                item.setForeground(QColor(150, 90, 20))
            item.setToolTip("\n".join(part for part in (tip, self.byline_text(view)) if part))
        self.list.blockSignals(False)
        has_views = bool(self._views)
        self.list.setVisible(has_views)
        self.empty.setVisible(not has_views)

    def select_annotation(self, annotation_id: int) -> bool:
        for row in range(self.list.count()):
            view = self.list.item(row).data(VIEW_ROLE)
            if view.id == annotation_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                self._update_editor()
                return True
        return False

    def byline_text(self, view: Any) -> str:
        """“Annotated by kim on 2024-05-02 14:03, last changed …”: the author is who made the annotation."""
        who = view.author or self.tr("unknown author")
        text = self.tr("Annotated by %1 on %2").replace("%2", local_time(view.created_at)).replace("%1", who)
        changed = local_time(view.updated_at)
        if view.version > 1 and changed and changed != local_time(view.created_at):
            text += self.tr(", last changed %1").replace("%1", changed)
        return text

    def current_view(self) -> Any | None:
        item = self.list.currentItem()
        return item.data(VIEW_ROLE) if item is not None else None

    def views(self) -> list[Any]:
        return list(self._views)

    def _current_changed(self, *_args: object) -> None:
        self._update_editor()

    def _update_editor(self) -> None:
        view = self.current_view()
        self.editor.setEnabled(view is not None)
        if view is None:
            self.note.set_text("")
            self.category.set_categories(self._categories, None)
            self.status.setText("")
            self.byline.setText("")
            return
        self.note.set_text(view.note)
        self.byline.setText(self.byline_text(view))
        self.category.set_categories(self._categories, view.category)
        self.reattach_button.setVisible(True)
        self.status.setText(
            self.tr("Orphaned: select the passage in the reader, then Re-attach.") if view.orphaned else ""
        )
        self.status.setVisible(view.orphaned)

    # -- asking -------------------------------------------------------------------------------------------

    def _save(self) -> None:
        view = self.current_view()
        if view is not None and self.note.text() != view.note:
            self.noteSaveRequested.emit(view, self.note.text())

    def _delete(self) -> None:
        view = self.current_view()
        if view is not None:
            self.deleteRequested.emit(view)

    def _reattach(self) -> None:
        view = self.current_view()
        if view is not None:
            self.reattachRequested.emit(view)

    def _category_chosen(self, _index: int) -> None:
        view = self.current_view()
        if view is not None and self.category.current_name() != view.category:
            self.categoryChangeRequested.emit(view, self.category.current_name())
