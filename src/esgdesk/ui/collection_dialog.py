"""Arrange a collection: the briefing order of its documents (move up or down, drag, or take one out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CollectionDialog(QDialog):
    """Ctrl+↑ / Ctrl+↓ move the selected document, Delete takes it out; nothing is saved before OK."""

    def __init__(self, name: str, documents: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Arrange collection “%1”").replace("%1", name))
        intro = QLabel(self.tr("A briefing made from this collection follows this order."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("collectionOrder")
        self.list.setAccessibleName(self.tr("Documents in briefing order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setToolTip(self.tr("Drag, or Ctrl+Up / Ctrl+Down, to reorder; Delete takes a document out"))
        for document_id, title in documents:
            item = QListWidgetItem(title, self.list)
            item.setData(ID_ROLE, document_id)
        self.up = QPushButton(self.tr("Move &up"), self)
        self.down = QPushButton(self.tr("Move &down"), self)
        self.remove = QPushButton(self.tr("&Take out"), self)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.remove.clicked.connect(self.take_out)
        QShortcut(QKeySequence("Ctrl+Up"), self.list, lambda: self.move_current(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.list, lambda: self.move_current(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.take_out)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.up)
        row.addWidget(self.down)
        row.addStretch(1)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.resize(520, 440)
        self._original = [document_id for document_id, _title in documents]

    def move_current(self, step: int) -> None:
        """Move the selected release `step` rows up (negative) or down; QWidget.move is the window's own."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def take_out(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def order(self) -> list[int]:
        return [int(self.list.item(i).data(ID_ROLE)) for i in range(self.list.count())]

    def removed(self) -> list[int]:
        kept = set(self.order())
        return [document_id for document_id in self._original if document_id not in kept]
