"""Library › Activity…: who did what in the archive, newest first — the GUI face of `esgdesk activity`.

On a team archive the log is how analysts see each other's work, so it reads from the very service the CLI
prints (esgdesk.library.activity.recent_activity), off the GUI thread. It is a window beside the main one, not a
modal dialog: one reads the log and opens documents from it while it stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.library.activity import action_label
from esgdesk.ui.authorship import local_time
from esgdesk.ui.operations import Operation
from esgdesk.ui.tree_items import top_level_items

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_LIMIT = 200


@dataclass
class ActivityPage:
    """One load of the log: the entries, the document each belongs to, and everyone for the filter."""

    entries: list[dict[str, Any]]
    documents: dict[tuple[str, int], int] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)


def load_activity(archive: Archive, limit: int, author: str | None) -> ActivityPage:
    """Read on a worker thread: the CLI's query, plus the documents and titles the view links to."""
    from esgdesk.library import browse
    from esgdesk.library.activity import recent_activity

    entries = recent_activity(archive, limit, author)
    documents = browse.activity_documents(archive, [(e["object"], e["object_id"]) for e in entries])
    rows = browse.document_rows(archive, set(documents.values()))
    titles = {document_id: row.title for document_id, row in rows.items()}
    return ActivityPage(entries, documents, titles, browse.activity_authors(archive))


class ActivityDialog(QDialog):
    """The recent changes with when, who, what and which document; Enter or a double-click opens it."""

    #: open this document in the reader
    openRequested = Signal(int)
    #: the list shows a fresh load with this many entries (tests wait for it)
    loaded = Signal(int)

    def __init__(self, archive: Callable[[], Archive | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setObjectName("activityDialog")
        self._archive = archive
        self._generation = 0
        self.author = QComboBox(self)
        self.author.setObjectName("activityAuthor")
        self.author.setMinimumContentsLength(16)
        self.limit = QSpinBox(self)
        self.limit.setRange(10, 5000)
        self.limit.setSingleStep(50)
        self.limit.setValue(DEFAULT_LIMIT)
        self.refresh_button = QPushButton(self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("activityList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setColumnCount(5)
        self.status = QLabel(self)
        self.author_label = QLabel(self)
        self.author_label.setBuddy(self.author)
        self.limit_label = QLabel(self)
        self.limit_label.setBuddy(self.limit)

        filters = QHBoxLayout()
        filters.addWidget(self.author_label)
        filters.addWidget(self.author, 1)
        filters.addWidget(self.limit_label)
        filters.addWidget(self.limit)
        filters.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self.author.activated.connect(lambda _index: self.refresh())
        self.limit.editingFinished.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.itemActivated.connect(self._activated)
        self._set_authors([])
        self.retranslate()
        self.resize(860, 480)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Activity"))
        self.author_label.setText(self.tr("&Author:"))
        self.limit_label.setText(self.tr("&Show:"))
        self.limit.setSuffix(self.tr(" changes"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the log again (changes by others appear here)"))
        self.list.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Document"), self.tr("Details")]
        )
        self.list.setAccessibleName(self.tr("Recent changes"))
        self.list.setToolTip(self.tr("Enter or a double-click opens the document in the reader"))
        self.author.setItemText(0, self.tr("Everyone"))

    # -- loading ------------------------------------------------------------------------------------------

    def chosen_author(self) -> str | None:
        value = self.author.currentData()
        return str(value) if value else None

    def set_author(self, author: str | None) -> None:
        """Filter by this author (None: everyone) and load."""
        if author and self.author.findData(author) < 0:
            self.author.addItem(author, author)
        self.author.setCurrentIndex(max(0, self.author.findData(author)) if author else 0)
        self.refresh()

    def refresh(self) -> None:
        archive = self._archive()
        if archive is None:
            self.list.clear()
            return
        self._generation += 1
        generation = self._generation
        limit, author = self.limit.value(), self.chosen_author()
        self.status.setText(self.tr("Loading…"))
        Operation(self, lambda: load_activity(archive, limit, author)).success(
            lambda page: self._show(generation, page)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _show(self, generation: int, page: ActivityPage) -> None:
        if generation != self._generation:
            return
        self._set_authors(page.authors)
        self.list.clear()
        for entry in page.entries:
            key = (entry["object"], entry["object_id"])
            document_id = page.documents.get(key) if entry["object_id"] is not None else None
            title = page.titles.get(document_id, "") if document_id is not None else ""
            item = QTreeWidgetItem(
                self.list,
                [
                    local_time(entry["at"]),
                    entry["author"] or self.tr("unknown author"),
                    action_label(entry["action"]),
                    title,
                    entry["summary"] or "",
                ],
            )
            item.setData(0, DOCUMENT_ROLE, document_id)
            item.setToolTip(3, title)
            item.setToolTip(4, entry["summary"] or "")
        for column in range(4):
            self.list.resizeColumnToContents(column)
        # Not a plural form: esgdesk_en.ts holds those, and "Changes shown: 1" reads right in both languages.
        self.status.setText(self.tr("Changes shown: %1").replace("%1", str(len(page.entries))))
        self.loaded.emit(len(page.entries))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def _set_authors(self, authors: list[str]) -> None:
        chosen = self.chosen_author()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(self.tr("Everyone"), None)
        for name in authors:
            self.author.addItem(name, name)
        if chosen and self.author.findData(chosen) < 0:
            self.author.addItem(chosen, chosen)
        self.author.setCurrentIndex(max(0, self.author.findData(chosen)) if chosen else 0)
        self.author.blockSignals(False)

    # -- using --------------------------------------------------------------------------------------------

    def document_at(self, row: int) -> int | None:
        item = self.list.topLevelItem(row)
        value = item.data(0, DOCUMENT_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def rows(self) -> list[list[str]]:
        """Every row as shown (tests and screen readers read the same text)."""
        return [[item.text(c) for c in range(self.list.columnCount())] for item in top_level_items(self.list)]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, DOCUMENT_ROLE)
        if value is not None:
            self.openRequested.emit(int(value))
