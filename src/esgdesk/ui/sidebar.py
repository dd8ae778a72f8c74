"""The library sidebar: fixed views, then Tags, Regions, Ministries, Years, Collections and Saved searches."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from esgdesk.library.browse import SavedSearchEntry, Scope, ScopeKind, Sidebar, SidebarEntry
from esgdesk.ui.document_table import DOCUMENT_IDS_MIME
from esgdesk.ui.tree_items import child_items, top_level_items

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2
#: the archive-wide count of a line, kept so a search's facet counts can be taken back without a reload
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
#: the groups whose counts follow a search (the fixed views and collections always count the whole archive)
FACET_KINDS = frozenset({ScopeKind.TAG, ScopeKind.REGION, ScopeKind.MINISTRY, ScopeKind.YEAR})


def document_ids_from(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(DOCUMENT_IDS_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(DOCUMENT_IDS_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []


class SidebarTree(QTreeWidget):
    """Shows a `Sidebar`; selecting a line emits the scope (or the saved query) it stands for."""

    scopeSelected = Signal(object)
    querySelected = Signal(str)
    #: documents dragged from the list were dropped on a tag or a collection (its Scope)
    documentsDropped = Signal(object, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(self.tr("Library"))
        self.itemSelectionChanged.connect(self._selection_changed)
        self._current_scope = Scope(ScopeKind.DOCUMENTS)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self._facets: dict[Scope, int] | None = None

    # -- dropping documents on a tag or a collection --------------------------------------------------------

    def _drop_scope(self, event: QDragMoveEvent | QDropEvent) -> Scope | None:
        if not event.mimeData().hasFormat(DOCUMENT_IDS_MIME):
            return None
        item = self.itemAt(event.position().toPoint())
        scope = item.data(0, SCOPE_ROLE) if item is not None else None
        if isinstance(scope, Scope) and scope.kind in (ScopeKind.TAG, ScopeKind.COLLECTION):
            return scope
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_scope(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        scope = self._drop_scope(event)
        ids = document_ids_from(event.mimeData())
        if scope is None or not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        self.documentsDropped.emit(scope, ids)

    def show_sidebar(self, data: Sidebar) -> None:
        """Rebuild from fresh counts, keeping the selected line and the open groups."""
        expanded = {self._item_key(item) for item in self._all_items() if item.isExpanded()}
        first_fill = self.topLevelItemCount() == 0
        self.blockSignals(True)
        self.clear()
        documents = self._add(None, self.tr("Documents"), data.documents, Scope(ScopeKind.DOCUMENTS))
        documents.setToolTip(
            0, self.tr("Releases, letters and reports with their text (headlines are in the Reading list)")
        )
        self._add(None, self.tr("Inbox"), data.inbox, Scope(ScopeKind.INBOX))
        reading = self._add(None, self.tr("Reading list"), data.reading_list, Scope(ScopeKind.READING_LIST))
        reading.setToolTip(0, self.tr("Headlines from ministry boards: import a release to read its text"))
        everything = self._add(None, self.tr("Everything"), data.total, Scope(ScopeKind.ALL))
        everything.setToolTip(0, self.tr("Documents and headlines together"))
        groups: list[tuple[str, list[SidebarEntry]]] = [
            (self.tr("Tags"), data.tags),
            (self.tr("Regions"), data.regions),
            (self.tr("Ministries"), data.ministries),
            (self.tr("Years"), data.years),
            (self.tr("Collections"), data.collections),
        ]
        for title, entries in groups:
            group = self._group(title)
            for entry in entries:
                self._add_entry(group, entry)
            if not entries:
                self._empty(group)
        saved = self._group(self.tr("Saved searches"))
        for search in data.saved_searches:
            self._add_saved_search(saved, search)
        if not data.saved_searches:
            self._empty(saved)
        for item in self._all_items():
            item.setExpanded(item.parent() is None if first_fill else self._item_key(item) in expanded)
        self._select_scope(self._current_scope)
        self.blockSignals(False)
        if self._facets is not None:
            self.show_facets(self._facets)

    def show_facets(self, counts: dict[Scope, int] | None) -> None:
        """Count Tags, Regions, Ministries and Years within a search's results; None goes back to the archive.

        Lines stay where they are (a sidebar that reshuffles while the analyst types is impossible to aim at);
        a line with nothing in the results keeps its place, greyed, with a count of 0.
        """
        self._facets = counts
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for item in self._all_items():
            scope = item.data(0, SCOPE_ROLE)
            if not isinstance(scope, Scope) or scope.kind not in FACET_KINDS:
                continue
            everywhere = int(item.data(0, COUNT_ROLE) or 0)
            if counts is None:
                item.setText(1, f"{everywhere:,}")
                for column in (0, 1):
                    item.setData(column, Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(1, "")
                continue
            found = counts.get(scope, 0)
            item.setText(1, f"{found:,}")
            # A province or parent tag with no hits of its own stays dark when one of its children has some.
            lit = found or self._subtree_found(item, counts)
            for column in (0, 1):
                item.setData(column, Qt.ItemDataRole.ForegroundRole, None if lit else muted)
            item.setToolTip(
                1,
                self.tr("%1 in the search results, %2 in the archive")
                .replace("%1", f"{found:,}")
                .replace("%2", f"{everywhere:,}"),
            )

    @staticmethod
    def _subtree_found(item: QTreeWidgetItem, counts: dict[Scope, int]) -> bool:
        stack = child_items(item)
        while stack:
            child = stack.pop()
            if counts.get(child.data(0, SCOPE_ROLE), 0):
                return True
            stack.extend(child_items(child))
        return False

    @property
    def showing_facets(self) -> bool:
        return self._facets is not None

    def select_scope(self, scope: Scope) -> None:
        self._current_scope = scope
        self._select_scope(scope)

    # -- building -----------------------------------------------------------------------------------------

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, SCOPE_ROLE, None)
        return item

    def _empty(self, group: QTreeWidgetItem) -> None:
        item = QTreeWidgetItem(group, [self.tr("(none yet)"), ""])
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _add(self, parent: QTreeWidgetItem | None, name: str, count: int, scope: Scope) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self)
        item.setText(0, name)
        item.setText(1, f"{count:,}")
        item.setData(0, COUNT_ROLE, count)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(0, SCOPE_ROLE, scope)
        item.setToolTip(0, name)
        return item

    def _add_entry(self, parent: QTreeWidgetItem, entry: SidebarEntry) -> None:
        item = self._add(parent, entry.name, entry.count, entry.scope)
        if entry.other_names:
            item.setToolTip(
                0, self.tr("%1 (also: %2)").replace("%1", entry.name).replace("%2", ", ".join(entry.other_names))
            )
        if entry.color:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(entry.color))
            item.setIcon(0, QIcon(pixmap))
        for child in entry.children:
            self._add_entry(item, child)

    def _add_saved_search(self, parent: QTreeWidgetItem, search: SavedSearchEntry) -> None:
        item = QTreeWidgetItem(parent, [search.name, ""])
        item.setData(0, QUERY_ROLE, search.query)
        item.setToolTip(0, search.query)

    # -- selection ----------------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        items = self.selectedItems()
        if not items:
            return
        query = items[0].data(0, QUERY_ROLE)
        if query:
            self.querySelected.emit(str(query))
            return
        scope = items[0].data(0, SCOPE_ROLE)
        if isinstance(scope, Scope):
            self._current_scope = scope
            self.scopeSelected.emit(scope)

    def _select_scope(self, scope: Scope) -> None:
        for item in self._all_items():
            if item.data(0, SCOPE_ROLE) == scope:
                self.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = top_level_items(self)
        while stack:
            item = stack.pop()
            items.append(item)
            stack.extend(child_items(item))
        return items

    @staticmethod
    def _item_key(item: QTreeWidgetItem) -> tuple[str, ...]:
        path: list[str] = []
        node: QTreeWidgetItem | None = item
        while node is not None:
            scope = node.data(0, SCOPE_ROLE)
            path.append(repr(scope) if scope is not None else node.text(0))
            node = node.parent()
        return tuple(path)
