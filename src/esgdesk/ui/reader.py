"""The reader: a document's metadata, its text with search hits and annotations highlighted, and find (Ctrl+F).

The text is shown as plain text in a browser that refuses every resource, so nothing remote is ever loaded —
an imported web page cannot phone home, whatever its markup said.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from esgdesk.library.browse import AnnotationSpan
from esgdesk.library.originals import shown_name
from esgdesk.ui.authorship import byline

#: a highlight: anything with start, end (code points), colour and — for the panel to find it — an id
Highlight = Any

#: lavender, underlined: the annotation categories take yellow, green, blue and red (notes.annotations), and a
#: search hit inside a 핵심 highlight must still be told apart from it
SEARCH_HIT = QColor(215, 190, 255)
SEARCH_HIT_LINE = QColor(110, 60, 190)
FIND_MATCH = QColor(255, 170, 60)
FIND_CURRENT = QColor(255, 120, 30)
ANNOTATION_DEFAULT = QColor(140, 200, 255)
#: how much of the document's note the header shows (the whole note is in `esgdesk note`)
NOTE_PREVIEW = 200


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing: no images, no style sheets, no remote or local URLs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        return None


class FindBar(QFrame):
    """Find in document: type to jump to the first match, Enter / Shift+Enter for next / previous."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close_bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()


class Reader(QWidget):
    """Shows one document's details dict (esgdesk.library.documents.document_details)."""

    #: a file entry of the details dict: copy it out of the archive and open it in the system viewer
    openOriginalRequested = Signal(dict)
    #: the caret (a click or the arrow keys) is inside this annotation's passage
    annotationClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # The source link opens in the system browser on a click, never inside esgdesk.
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # A long source URL or title must wrap or elide, never widen the window.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setMinimumWidth(1)
        self.files_row = QHBoxLayout()
        self.files_row.setContentsMargins(0, 0, 0, 0)
        self.text = OfflineBrowser(self)
        self.text.setObjectName("readerText")
        # Keyboard selection too: a passage can be chosen with Shift+arrows and annotated without a mouse.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.cursorPositionChanged.connect(self._caret_moved)
        self._context_actions: list[QAction | None] = []
        self._highlights: list[Highlight] = []
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.text.document().setDocumentMargin(14)
        reading_font = self.text.font()
        reading_font.setPointSizeF(reading_font.pointSizeF() * 1.15)
        self.text.setFont(reading_font)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("readerEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addLayout(self.files_row)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.empty_label, 1)

        self.find_bar.field.textChanged.connect(self._find_changed)
        self.find_bar.field.returnPressed.connect(self.find_next)
        self.find_bar.next_button.clicked.connect(self.find_next)
        self.find_bar.previous_button.clicked.connect(self.find_previous)
        self.find_bar.closed.connect(self._find_closed)
        QShortcut(QKeySequence("Shift+Return"), self.find_bar.field, self.find_previous)

        self.details: dict[str, Any] | None = None
        self._search_selections: list[QTextEdit.ExtraSelection] = []
        self._annotation_selections: list[QTextEdit.ExtraSelection] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._find_cursors: list[QTextCursor] = []
        self._find_index = -1
        self.show_empty(self.tr("Select a document in the list to read it here."))

    def retranslate(self) -> None:
        """Redraw what carries words (called when the language changes)."""
        self.find_bar.retranslate()
        if self.details is not None:
            self.header.setText(self._header_html(self.details))
            self._show_files(self.details.get("files") or [])

    # -- showing ------------------------------------------------------------------------------------------

    def show_empty(self, message: str) -> None:
        self.details = None
        self.header.hide()
        self.text.hide()
        self.find_bar.hide()
        self._clear_files()
        # The palette's placeholder colour reads as a hint in both themes (a style sheet colour would not follow).
        palette = self.empty_label.palette()
        hint = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.WindowText, hint)
        self.empty_label.setPalette(palette)
        self.empty_label.setText(message)
        self.empty_label.show()

    def show_document(
        self, details: dict[str, Any], terms: list[str] | None = None, annotations: Sequence[AnnotationSpan] = ()
    ) -> None:
        self.details = details
        self.empty_label.hide()
        self.header.setText(self._header_html(details))
        self.header.show()
        self._show_files(details.get("files") or [])
        body = details.get("body") or ""
        # Every document starts from the plain format: a placeholder's grey or a highlight's colour must never
        # carry over into the next document's text (QTextEdit keeps the last char format across setPlainText).
        self.text.clear()
        self.text.setCurrentCharFormat(QTextCharFormat())
        if body.strip():
            self.text.setPlainText(body)
        else:
            self._show_headline_hint(details)
        self.text.show()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._highlights = list(annotations)
        self._annotation_selections = self._annotation_marks(details.get("body") or "", self._highlights)
        self.highlight_terms(terms or [])
        if self.find_bar.isVisible():
            self._find_changed(self.find_bar.field.text())

    def _show_headline_hint(self, details: dict[str, Any]) -> None:
        """A reading-list item is a headline from a ministry's board: say how to get the release itself."""
        hint = QTextCharFormat()
        hint.setForeground(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        lines = [
            self.tr("There is no text for this document yet: it is a headline from a ministry's board."),
            self.tr(
                "To read it here, open its source page (the link above), save the release (HWP, HWPX, PDF or the "
                "page itself) and import it with File › Import files…"
            ),
        ]
        if not details.get("source_url"):
            lines[1] = self.tr(
                "To read it here, find the release on the ministry's site, save it (HWP, HWPX, PDF or the page "
                "itself) and import it with File › Import files…"
            )
        cursor = self.text.textCursor()
        cursor.insertText("\n\n".join(lines), hint)
        self.text.setCurrentCharFormat(QTextCharFormat())

    def highlight_terms(self, terms: list[str]) -> None:
        """Mark every occurrence of the search's words (longest first, so a phrase wins over its parts)."""
        self._search_selections = []
        document = self.text.document()
        for term in terms:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(term, cursor)
                if cursor.isNull():
                    break
                self._search_selections.append(_selection(cursor, SEARCH_HIT, underline=SEARCH_HIT_LINE))
        self._apply_selections()
        if self._search_selections:
            self.text.setTextCursor(QTextCursor(self._search_selections[0].cursor.block()))
            self.text.ensureCursorVisible()

    def search_hit_count(self) -> int:
        return len(self._search_selections)

    # -- annotations --------------------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Highlight]) -> None:
        """Redraw the highlights after an edit without moving the text or the caret."""
        if self.details is None:
            return
        self._highlights = [a for a in annotations if not getattr(a, "orphaned", False)]
        self._annotation_selections = self._annotation_marks(self.details.get("body") or "", self._highlights)
        self._apply_selections()

    def update_tags(self, paths: list[str]) -> None:
        """The header's tag line after a tag edit (the rest of the document is unchanged)."""
        if self.details is not None and list(self.details.get("tags") or []) != paths:
            self.details["tags"] = paths
            self.header.setText(self._header_html(self.details))

    def highlight_count(self) -> int:
        return len(self._annotation_selections)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected passage in the archive's offsets (code points), or None when nothing is selected."""
        cursor = self.text.textCursor()
        if self.details is None or not cursor.hasSelection():
            return None
        body = self.details.get("body") or ""
        start = _code_point_offset(body, cursor.selectionStart())
        end = _code_point_offset(body, cursor.selectionEnd())
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select and scroll to a passage (how the annotations panel shows where a note belongs)."""
        if self.details is None:
            return
        body = self.details.get("body") or ""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(_utf16_offset(body, start))
        cursor.setPosition(_utf16_offset(body, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.blockSignals(True)
        self.text.setTextCursor(cursor)
        self.text.blockSignals(False)
        self.text.ensureCursorVisible()

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """The actions of the text's context menu (None draws a separator); they belong to the window."""
        self._context_actions = actions

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self.text)
        copy = menu.addAction(self.tr("&Copy"))
        copy.setEnabled(self.text.textCursor().hasSelection())
        copy.triggered.connect(self.text.copy)
        menu.addSeparator()
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.text.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _caret_moved(self) -> None:
        cursor = self.text.textCursor()
        if self.details is None or cursor.hasSelection() or not self._highlights:
            return
        offset = _code_point_offset(self.details.get("body") or "", cursor.position())
        for highlight in self._highlights:
            if highlight.start <= offset < highlight.end and getattr(highlight, "id", None) is not None:
                self.annotationClicked.emit(highlight.id)
                return

    # -- find in document ---------------------------------------------------------------------------------

    def open_find(self) -> None:
        if self.details is None:
            return
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()
        self._find_changed(self.find_bar.field.text())

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def find_match_count(self) -> int:
        return len(self._find_cursors)

    def _find_changed(self, text: str) -> None:
        self._find_cursors = []
        self._find_index = -1
        document = self.text.document()
        if text:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(text, cursor)
                if cursor.isNull():
                    break
                self._find_cursors.append(QTextCursor(cursor))
        self._step(1)

    def _step(self, direction: int) -> None:
        count = len(self._find_cursors)
        if count:
            self._find_index = (self._find_index + direction) % count
            self.text.setTextCursor(self._find_cursors[self._find_index])
            self.text.ensureCursorVisible()
            self.find_bar.count_label.setText(
                self.tr("%1 of %2").replace("%1", str(self._find_index + 1)).replace("%2", str(count))
            )
        else:
            self.find_bar.count_label.setText(self.tr("No matches") if self.find_bar.field.text() else "")
        self._find_selections = [
            _selection(cursor, FIND_CURRENT if i == self._find_index else FIND_MATCH)
            for i, cursor in enumerate(self._find_cursors)
        ]
        self._apply_selections()

    def _find_closed(self) -> None:
        self._find_cursors = []
        self._find_selections = []
        self._apply_selections()
        self.text.setFocus()

    def _apply_selections(self) -> None:
        self.text.setExtraSelections(self._annotation_selections + self._search_selections + self._find_selections)

    # -- parts --------------------------------------------------------------------------------------------

    def _header_html(self, details: dict[str, Any]) -> str:
        def esc(value: object) -> str:
            return html.escape(str(value))

        parts = [f"<div style='font-size:17px; font-weight:bold; margin-bottom:4px'>{esc(details['title'])}</div>"]
        # A little air between lines: with the Korean font a wrapped link's underline otherwise touches the next.
        row = "<div style='margin-top:3px'>"
        facts = [
            esc(value)
            for value in (details.get("ministry"), details.get("department"), details.get("published"))
            if value
        ]
        if facts:
            parts.append(f"{row}{' · '.join(facts)}</div>")
        url = details.get("source_url")
        if url and str(url).startswith(("http://", "https://")):
            shown = _short_url(str(url))
            source_label = self.tr("Source")
            parts.append(f"{row}{esc(source_label)}: <a href='{esc(url)}'>{esc(shown)}</a></div>")
        for label, key in ((self.tr("Tags"), "tags"), (self.tr("Regions"), "regions")):
            values = details.get(key) or []
            if values:
                parts.append(f"{row}{esc(label)}: {esc(', '.join(values))}</div>")
        note = " ".join(str(details.get("note") or "").split())
        if note:
            # On a shared archive the note is the team's: say who wrote its current text, and when.
            shown = note if len(note) <= NOTE_PREVIEW else note[: NOTE_PREVIEW - 1] + "…"
            label = self.tr("Note (%1)").replace("%1", byline(details.get("note_author"), details.get("note_at")))
            parts.append(f"{row}<i>{esc(label)}:</i> {esc(shown)}</div>")
        return "".join(parts)

    def _clear_files(self) -> None:
        while self.files_row.count():
            item = self.files_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_files(self, files: list[dict[str, Any]]) -> None:
        self._clear_files()
        for file in files:
            # A name from outside: no U+202E spoofing its extension on screen; a long one is shortened in the
            # middle (its extension stays) so the row never clips at 1024×700.
            name = self.fontMetrics().elidedText(shown_name(file["name"]), Qt.TextElideMode.ElideMiddle, 180)
            button = QPushButton(self.tr("Open original: %1").replace("%1", name), self)
            button.setObjectName("openOriginal")
            button.setToolTip(f"{name} ({shown_name(file['media_type'])})")
            button.clicked.connect(lambda _checked=False, f=file: self.openOriginalRequested.emit(f))
            self.files_row.addWidget(button)
        self.files_row.addStretch(1)

    def _annotation_marks(
        self, body: str, annotations: list[AnnotationSpan] | list[Highlight]
    ) -> list[QTextEdit.ExtraSelection]:
        marks: list[QTextEdit.ExtraSelection] = []
        document = self.text.document()
        for span in annotations:
            start, end = _utf16_offset(body, span.start), _utf16_offset(body, span.end)
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            color = QColor(span.color) if span.color else ANNOTATION_DEFAULT
            if not color.isValid():
                color = ANNOTATION_DEFAULT
            color.setAlpha(110)
            marks.append(_selection(cursor, color))
        return marks


def _selection(cursor: QTextCursor, color: QColor, underline: QColor | None = None) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = QTextCursor(cursor)
    text_format = QTextCharFormat()
    text_format.setBackground(color)
    text_format.setForeground(QColor(20, 20, 20))
    if underline is not None:
        text_format.setFontUnderline(True)
        text_format.setUnderlineColor(underline)
    selection.format = text_format
    return selection


def _short_url(url: str, limit: int = 64) -> str:
    """The URL without its scheme, cut to `limit` characters: korea.kr links carry long search queries."""
    shown = url.split("://", 1)[-1]
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _code_point_offset(text: str, utf16: int) -> int:
    """The inverse of `_utf16_offset`: Qt's position in the text back to the archive's offset."""
    units = 0
    for index, char in enumerate(text):
        if units >= utf16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _utf16_offset(text: str, offset: int) -> int:
    """Qt counts UTF-16 units; the archive counts code points (they differ past U+FFFF, e.g. emoji)."""
    offset = max(0, min(offset, len(text)))
    return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)
