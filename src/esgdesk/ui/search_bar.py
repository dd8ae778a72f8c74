"""The search bar: results as you type (debounced), the count of hits, and query errors shown in place.

A query error is a message under the field, never a dialog: the analyst is mid-word and must keep typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

DEBOUNCE_MS = 250


class SearchBar(QWidget):
    #: the query to run (after the typing pause, or at once on Enter); "" means no search
    querySubmitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("searchError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d9534f;")
        self.error_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit)
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(self._submit)
        # The clear button changes the text without textEdited.
        self.field.textChanged.connect(lambda text: self._typed(text) if not text else None)
        self._last_submitted: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr('Search: 탄소 지역  "공정 전환"  tag:…  region:충북  date:2023'))
        self.field.setToolTip(
            self.tr(
                "<b>Search syntax</b><br>"
                "탄소 지역 — both words<br>"
                '"공정 전환" — the exact phrase<br>'
                "탄소 OR 수소 — either word; -폐지 — without it<br>"
                "title:  tag:  region:  ministry:  kind:  — one field<br>"
                "date:2023  date:2023-01..2023-06 — a period<br>"
                "has:annotation  has:link"
            )
        )
        self.field.setAccessibleName(self.tr("Search"))

    def text(self) -> str:
        return self.field.text().strip()

    def set_query(self, query: str) -> None:
        """Put a query in the field (a saved search) and run it at once."""
        self.field.setText(query)
        self._submit()

    def show_count(self, total: int, shown: int) -> None:
        self.clear_error()
        if shown < total:
            self.count_label.setText(self.tr("%1 of %n found", "", total).replace("%1", f"{shown:,}"))
        else:
            self.count_label.setText(self.tr("%n found", "", total))

    def show_error(self, message: str) -> None:
        self.count_label.clear()
        self.error_label.setText(message)
        self.error_label.show()
        self.field.setProperty("invalid", True)
        self.field.setStyleSheet("QLineEdit { border: 1px solid #d9534f; }")

    def clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        self.field.setStyleSheet("")

    def clear_count(self) -> None:
        self.count_label.clear()

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def _submit(self) -> None:
        self._timer.stop()
        query = self.text()
        if query == self._last_submitted:
            return
        self._last_submitted = query
        if not query:
            self.clear_error()
            self.clear_count()
        self.querySubmitted.emit(query)

    def forget_last(self) -> None:
        """Let the same query run again (after an import changed what it finds)."""
        self._last_submitted = None
