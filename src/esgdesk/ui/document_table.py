"""The document list's model: a table over a list of ids whose rows are read a page at a time (Anki's browser).

Setting 100,000 ids costs a list assignment; only the rows Qt asks to paint are read, one page (a single
indexed query per table) at a time, and kept in a bounded cache. Reading a page is a few milliseconds, which
is why it happens right in `data()` as Anki does, while everything that scales with the archive (the id list,
sorting, searching) runs as an Operation and arrives through `set_ids`.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from esgdesk.library.browse import DocumentRow, SortKey

#: reads the rows of some ids (esgdesk.library.browse.document_rows bound to an archive)
RowLoader = Callable[[Iterable[int]], dict[int, DocumentRow]]

COLUMNS: tuple[SortKey, ...] = (
    SortKey.TITLE,
    SortKey.PUBLISHED,
    SortKey.MINISTRY,
    SortKey.TAGS,
    SortKey.REGIONS,
    SortKey.ANNOTATIONS,
)

ID_ROLE = Qt.ItemDataRole.UserRole.value + 1

_AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_RIGHT_COLUMNS = frozenset(COLUMNS.index(key) for key in (SortKey.PUBLISHED, SortKey.ANNOTATIONS))
_TOOLTIP_COLUMNS = frozenset(
    COLUMNS.index(key) for key in (SortKey.TITLE, SortKey.PUBLISHED, SortKey.MINISTRY, SortKey.TAGS, SortKey.REGIONS)
)
_PUBLISHED = COLUMNS.index(SortKey.PUBLISHED)
_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
#: documents dragged onto a tag or a collection in the sidebar (esgdesk.ui.sidebar reads it)
DOCUMENT_IDS_MIME = "application/x-esgdesk-document-ids"
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class DocumentTableModel(QAbstractTableModel):
    #: the view asked for another order; the owner fetches the ids sorted that way and calls set_ids
    sortRequested = Signal(object, bool)

    PAGE_SIZE = 200
    CACHE_ROWS = 5_000

    def __init__(self, load_rows: RowLoader | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[int] = []
        self._cache: OrderedDict[int, DocumentRow] = OrderedDict()
        self._text_cache: dict[int, tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.sort_key = SortKey.PUBLISHED
        self.descending = True
        self.pages_loaded = 0

    # -- feeding ------------------------------------------------------------------------------------------

    def set_loader(self, load_rows: RowLoader | None) -> None:
        self.beginResetModel()
        self._load_rows = load_rows
        self._cache.clear()
        self._text_cache.clear()
        self._ids = []
        self.endResetModel()

    def set_ids(self, ids: Sequence[int], *, keep_cache: bool = False) -> None:
        """Show these documents in this order; cached rows stay valid unless the archive changed."""
        self.beginResetModel()
        self._ids = list(ids)
        if not keep_cache:
            self._cache.clear()
            self._text_cache.clear()
        self.endResetModel()

    def invalidate(self, ids: Iterable[int] | None = None) -> None:
        """Forget cached rows (all, or some) after the archive changed, and repaint."""
        if ids is None:
            self._cache.clear()
            self._text_cache.clear()
        else:
            for document_id in ids:
                self._cache.pop(document_id, None)
                self._text_cache.pop(document_id, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, document_id: int) -> int | None:
        try:
            return self._ids.index(document_id)
        except ValueError:
            return None

    def document(self, row: int) -> DocumentRow | None:
        """The row's data, reading its page if it is not cached yet."""
        if not 0 <= row < len(self._ids):
            return None
        document_id = self._ids[row]
        cached = self._cache.get(document_id)
        if cached is not None:
            self._cache.move_to_end(document_id)
            return cached
        self._load_page(row)
        return self._cache.get(document_id)

    def _load_page(self, row: int) -> None:
        if self._load_rows is None:
            return
        start = row - row % self.PAGE_SIZE
        page = [i for i in self._ids[start : start + self.PAGE_SIZE] if i not in self._cache]
        self._cache.update(self._load_rows(page))
        self.pages_loaded += 1
        while len(self._cache) > self.CACHE_ROWS:
            evicted, _row = self._cache.popitem(last=False)
            self._text_cache.pop(evicted, None)

    # -- QAbstractTableModel ------------------------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_title(COLUMNS[section])

    def data(self, index: _AnyIndex, role: int = _DISPLAY) -> Any:
        # Called thousands of times per paint: plain int comparisons, no enum arithmetic, cached cell texts.
        if not index.isValid():
            return None
        if role in (_DISPLAY, _TOOLTIP):
            texts = self._texts(index.row())
            if texts is None:
                return "…" if role == _DISPLAY else None
            column = index.column()
            if role == _TOOLTIP:
                return self._tooltip(index.row(), column, texts[column]) if column in _TOOLTIP_COLUMNS else None
            return texts[column]
        if role == _ALIGNMENT:
            return _RIGHT if index.column() in _RIGHT_COLUMNS else None
        if role == _FONT:
            if index.column() == 0:
                row = self.document(index.row())
                if row is not None and row.status == "new":
                    return self._bold
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        return None

    def _tooltip(self, row: int, column: int, text: str) -> str | None:
        """The whole of what the cell may elide: the title, the ministry, tags, regions, and the full date."""
        if column == _PUBLISHED:
            document = self.document(row)
            return document.published.isoformat() if document is not None and document.published else None
        return text or None

    def _title_text(self, row: int) -> str:
        texts = self._texts(row)
        return texts[0] if texts else ""

    def _texts(self, row: int) -> tuple[str, ...] | None:
        if not 0 <= row < len(self._ids):
            return None
        document_id = self._ids[row]
        texts = self._text_cache.get(document_id)
        if texts is not None:
            return texts
        document = self.document(row)
        if document is None:
            return None
        texts = tuple(_cell_text(document, key) for key in COLUMNS)
        self._text_cache[document_id] = texts
        return texts

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(DOCUMENT_IDS_MIME, QByteArray(json.dumps([self._ids[row] for row in rows]).encode()))
        data.setText("\n".join(self._title_text(row) for row in rows))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.sortRequested.emit(self.sort_key, self.descending)


def column_title(key: SortKey) -> str:
    titles = {
        SortKey.TITLE: QCoreApplication.translate("DocumentTable", "Title"),
        SortKey.PUBLISHED: QCoreApplication.translate("DocumentTable", "Date"),
        SortKey.MINISTRY: QCoreApplication.translate("DocumentTable", "Ministry"),
        SortKey.TAGS: QCoreApplication.translate("DocumentTable", "Tags"),
        SortKey.REGIONS: QCoreApplication.translate("DocumentTable", "Regions"),
        SortKey.ANNOTATIONS: QCoreApplication.translate("DocumentTable", "Notes"),
    }
    return titles[key]


def _cell_text(row: DocumentRow, key: SortKey) -> str:
    if key is SortKey.TITLE:
        return row.title
    if key is SortKey.PUBLISHED:
        # Short (24.09.02): the column stays narrow and the title gets the width; the tooltip has 2024-09-02.
        return row.published.strftime("%y.%m.%d") if row.published else ""
    if key is SortKey.MINISTRY:
        return row.ministry or ""
    if key is SortKey.TAGS:
        return ", ".join(row.tags)
    if key is SortKey.REGIONS:
        return ", ".join(row.regions)
    if key is SortKey.ANNOTATIONS:
        return str(row.annotations) if row.annotations else ""
    return ""
