"""The main window: library sidebar, document list, reader, search bar, status bar, menus and drops.

Every read of the archive that can grow with it (opening, the sidebar's counts, the id list, a search, a
document) runs as an Operation; results come back tagged with a generation number so a slow answer to an old
question never overwrites the answer to a newer one.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.core.models import DocumentKind, DocumentStatus
from esgdesk.core.outage import watched
from esgdesk.library import browse
from esgdesk.library.browse import Scope, ScopeKind, SortKey
from esgdesk.library.documents import document_details
from esgdesk.library.opening import open_archive
from esgdesk.library.originals import ViewerCopy, copy_for_viewer
from esgdesk.ui.authorship import apply_author
from esgdesk.ui.document_table import COLUMNS, DocumentTableModel
from esgdesk.ui.empty_state import EmptyArchivePanel, sample_release_paths
from esgdesk.ui.import_flow import ImportController
from esgdesk.ui.list_query import EmptyReader, ListQuery
from esgdesk.ui.operations import Operation
from esgdesk.ui.reader import Reader
from esgdesk.ui.search_bar import SearchBar
from esgdesk.ui.settings import AppSettings
from esgdesk.ui.sidebar import SidebarTree
from esgdesk.ui.workbench import Workbench

#: the title column's least width (about 16 Hangul syllables) before optional columns step aside
MIN_TITLE_PX = 260
#: the pause in keyboard navigation after which the reader loads the current row
READER_DELAY_MS = 40


logger = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    #: the first archive, list and (with show_id) document are on screen: safe to screenshot
    ready = Signal()
    archiveOpened = Signal(object)
    archiveFailed = Signal(str)
    #: the list now shows these many documents (after a scope change, sort or search)
    listLoaded = Signal(int)
    #: the reader shows this document
    documentShown = Signal(int)
    sidebarLoaded = Signal()
    #: the sidebar's counts now cover a search's results (a dict of Scope → count) or, with None, the archive
    facetsLoaded = Signal(object)
    #: the side panel (annotations, links, tags, entities) shows this document
    extrasLoaded = Signal(int)
    #: the document asked for at start (`gui --show ID`) cannot be shown: the message says why
    showFailed = Signal(str)

    def __init__(self, settings: AppSettings | None = None, show_id: int | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        # The author name in Preferences is who every edit from this app is recorded as.
        apply_author(self.settings.author)
        self.archive: Archive | None = None
        #: what the list is asked now, and which background answers are still wanted (Qt-free)
        self.state = ListQuery()
        self._pending_show = show_id
        self._requested_show = show_id
        self._ready_parts: set[str] = set()
        self._is_ready = False
        self._originals_dir: Path | None = None
        self._sidebar_data: browse.Sidebar | None = None

        self.sidebar = SidebarTree(self)
        self.sidebar.setObjectName("sidebar")
        self.search_bar = SearchBar(self)
        self.model = DocumentTableModel(parent=self)
        self.table = self._make_table()
        self.reader = Reader(self)
        self.reader.setObjectName("reader")
        self.imports = ImportController(self, lambda: self.archive)
        self._reader_timer = QTimer(self)
        self._reader_timer.setSingleShot(True)
        self._reader_timer.setInterval(READER_DELAY_MS)
        self._reader_timer.timeout.connect(self._read_current)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.search_bar)
        self.empty_panel = EmptyArchivePanel(self)
        self.empty_panel.set_offer_samples(not self.settings.samples_declined)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_panel)
        middle_layout.addWidget(self.list_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.reader)
        self.workbench = Workbench(self)
        self.splitter.addWidget(self.workbench.panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setStretchFactor(3, 2)
        self.splitter.setSizes([170, 560, 460, 250])
        self.splitter.setChildrenCollapsible(False)
        self.sidebar.setMinimumWidth(160)
        middle.setMinimumWidth(300)
        self.reader.setMinimumWidth(320)
        self.workbench.panel.setMinimumWidth(220)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)

        self._make_actions()
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.retranslate()

        self.sidebar.scopeSelected.connect(self._scope_selected)
        self.sidebar.querySelected.connect(self.search_bar.set_query)
        self.search_bar.querySubmitted.connect(self._query_submitted)
        self.model.sortRequested.connect(self._sort_requested)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reader.openOriginalRequested.connect(self._open_original)
        self.imports.importFinished.connect(self._import_finished)
        self.empty_panel.importFilesRequested.connect(self.choose_files_to_import)
        self.empty_panel.importFolderRequested.connect(self.choose_folder_to_import)
        self.empty_panel.samplesRequested.connect(self.load_samples)
        self.empty_panel.samplesDeclined.connect(self._samples_declined)

    # -- building -----------------------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("documentTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        # Titles of one ministry start alike ("탄소중립 …", "'24년 …"): the middle goes, both ends stay; the full
        # title is the cell's tooltip.
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setCornerButtonEnabled(False)
        # Rows drag onto a tag or a collection in the sidebar (Tag… and Add to collection… do it by keyboard).
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        vertical = table.verticalHeader()
        vertical.hide()
        # Fixed row heights: with 100,000 rows Qt must never measure rows to lay out the scroll bar.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicator(COLUMNS.index(SortKey.PUBLISHED), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        # The title takes the spare width: the other columns are sized to their content's usual width, and the
        # header stretches the title (its width, with the others', is saved with the window's layout).
        digits = table.fontMetrics().horizontalAdvance("2026-03-19") + 16
        widths = (
            (SortKey.PUBLISHED, digits),
            (SortKey.MINISTRY, 92),
            (SortKey.TAGS, 64),
            (SortKey.REGIONS, 72),
            (SortKey.ANNOTATIONS, 40),
        )
        for key, width in widths:
            table.setColumnWidth(COLUMNS.index(key), width)
        header.setMinimumSectionSize(36)
        table.viewport().installEventFilter(self)
        return table

    def _make_actions(self) -> None:
        self.import_files_action = QAction(self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_files_action.triggered.connect(self.choose_files_to_import)
        self.import_folder_action = QAction(self)
        self.import_folder_action.triggered.connect(self.choose_folder_to_import)
        # "Not now" on the first run hides the offer; the samples stay one menu item away.
        self.samples_action = QAction(self)
        self.samples_action.triggered.connect(self.load_samples)
        self.preferences_action = QAction(self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.edit_preferences)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.reader.open_find)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence("Ctrl+L"))
        self.search_action.triggered.connect(self._focus_search)
        self.reviewed_action = QAction(self)
        self.reviewed_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reviewed_action.triggered.connect(lambda: self.set_status(DocumentStatus.REVIEWED))
        self.unreviewed_action = QAction(self)
        self.unreviewed_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.unreviewed_action.triggered.connect(lambda: self.set_status(DocumentStatus.NEW))
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.import_files_action, self.import_folder_action, self.samples_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.preferences_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addActions([self.find_action, self.search_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.reviewed_action, self.unreviewed_action])
        for action in (self.find_action, self.search_action, self.reviewed_action, self.unreviewed_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.workbench.install_menus()
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.workbench.toolbar_actions():
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    def retranslate(self) -> None:
        """Every word of the window again, in the language now installed (QEvent.LanguageChange)."""
        self.setWindowTitle(self.tr("esgdesk — Korean policy press releases"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.import_files_action.setText(self.tr("Import &files…"))
        self.import_folder_action.setText(self.tr("Import f&older…"))
        self.samples_action.setText(self.tr("Import the &sample releases"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find in document"))
        self.search_action.setText(self.tr("&Search the archive"))
        self.reviewed_action.setText(self.tr("Mark as &reviewed"))
        self.unreviewed_action.setText(self.tr("Mark as &new"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.table.setAccessibleName(self.tr("Documents"))
        self.reader.text.setAccessibleName(self.tr("Document text"))
        self.search_bar.retranslate()
        self.empty_panel.retranslate()
        self.reader.retranslate()
        self.workbench.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._sidebar_data is not None:
            self.sidebar.show_sidebar(self._sidebar_data)
        if self.archive is not None and self.reader.details is None:
            self._show_empty_reader()
        self._update_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The title keeps a readable width: in a narrow list (a 1024×700 laptop, or a wide reader) the note,
        region and tag columns step aside one by one (the reader's header and the side panel show the same),
        and come back when there is room."""
        table = self.table
        optional = [COLUMNS.index(key) for key in (SortKey.TAGS, SortKey.REGIONS, SortKey.ANNOTATIONS)]
        fixed = sum(table.columnWidth(i) for i in range(len(COLUMNS)) if i != 0 and i not in optional)
        room = table.viewport().width() - fixed
        for column in optional:  # tags are the most worth keeping, notes the least
            if room - table.columnWidth(column) >= MIN_TITLE_PX:
                table.setColumnHidden(column, False)
                room -= table.columnWidth(column)
            else:
                table.setColumnHidden(column, True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the archive --------------------------------------------------------------------------------------

    def open_archive(self, location: str) -> None:
        """Open (or create) the archive at `location` off the GUI thread, then fill the window."""
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", location))
        Operation(self, lambda: watched(open_archive(location))).success(self._archive_opened).failure(
            self._archive_failed
        ).run()

    def _archive_opened(self, archive: Archive) -> None:
        previous, self.archive = self.archive, archive
        if previous is not None:
            previous.close()
        self.model.set_loader(lambda ids: browse.document_rows(archive, ids))
        self.statusBar().showMessage(self.tr("Archive: %1").replace("%1", archive.location), 4000)
        self.archiveOpened.emit(archive)
        self.refresh()

    def _archive_failed(self, exc: BaseException) -> None:
        message = str(exc)
        self.statusBar().clearMessage()
        self.reader.show_empty(self.tr("The archive could not be opened:") + "\n" + message)
        self.archiveFailed.emit(message)

    def refresh(self) -> None:
        """Reload the sidebar's counts and the list (after an import, a change, or opening)."""
        self._load_sidebar()
        self._load_list()

    def _load_sidebar(self) -> None:
        archive = self.archive
        if archive is None:
            return
        generation = self.state.ask("sidebar")

        def loaded(data: browse.Sidebar) -> None:
            if not self.state.wanted("sidebar", generation):
                return
            self._sidebar_data = data
            self.state.total_documents = data.total
            self.sidebar.show_sidebar(data)
            self._update_empty_panel()
            self._update_status()
            self.sidebarLoaded.emit()
            self._part_ready("sidebar")

        Operation(self, lambda: browse.sidebar(archive)).success(loaded).failure(self._background_failed).run()

    # -- the list -----------------------------------------------------------------------------------------

    @property
    def scope(self) -> Scope:
        return self.state.scope

    @property
    def query(self) -> str:
        return self.state.query

    def _scope_selected(self, scope: Scope) -> None:
        if self.state.choose_scope(scope):
            self.search_bar.field.clear()
        self._load_list()

    def _query_submitted(self, query: str) -> None:
        self.state.submit(query)
        self._load_list()

    def _sort_requested(self, _key: SortKey, _descending: bool) -> None:
        if self.query:
            self._sort_current_ids()
        else:
            self._load_list()

    def _load_list(self) -> None:
        archive = self.archive
        if archive is None:
            return
        generation = self.state.ask("list")
        if self.query:
            query = self.query

            def run_search() -> tuple[int, list[int]]:
                from esgdesk.search.service import search_ids  # imported when first used

                return search_ids(archive, query)  # every match's id in the one ranked order; rows load on demand

            Operation(self, run_search).success(lambda value: self._search_loaded(generation, value)).failure(
                lambda exc: self._search_failed(generation, exc)
            ).run()
            self._load_facets(archive, query)
            return
        self._clear_facets()
        scope, key, descending = self.scope, self.model.sort_key, self.model.descending
        Operation(self, lambda: browse.document_ids(archive, scope, key, descending)).success(
            lambda ids: self._list_loaded(generation, ids)
        ).failure(self._background_failed).run()

    def _load_facets(self, archive: Archive, query: str) -> None:
        """The sidebar's counts within the results of `query`, read alongside the search itself.

        It rides on the search's debounce (this runs when a query is submitted, not per key) and has its own
        generation, so the counts of a query typed over never replace those of the query now in the field.
        """
        generation = self.state.ask("facets")

        def count() -> dict[Any, int]:
            # The sidebar's own counting rules (a province counts its cities), counted by the search engine.
            return dict(browse.query_facet_counts(archive, query))

        def counted(counts: dict[Any, int]) -> None:
            if self.state.wanted("facets", generation) and self.query == query:
                self.sidebar.show_facets(counts)
                self.facetsLoaded.emit(counts)

        # A query that does not parse keeps the counts of the last one that did, like the list does.
        Operation(self, count).success(counted).failure(lambda _exc: None).run()

    def _clear_facets(self) -> None:
        self.state.ask("facets")  # an answer still on its way is for a search that is gone
        if self.sidebar.showing_facets:
            self.sidebar.show_facets(None)
            self.facetsLoaded.emit(None)

    def _sort_current_ids(self) -> None:
        archive = self.archive
        if archive is None:
            return
        generation = self.state.ask("list")
        ids, key, descending = self.model.ids(), self.model.sort_key, self.model.descending
        Operation(self, lambda: browse.sort_ids(archive, ids, key, descending)).success(
            lambda ids: self._list_loaded(generation, ids, keep_cache=True)
        ).failure(self._background_failed).run()

    def _search_loaded(self, generation: int, value: tuple[int, list[int]]) -> None:
        if not self.state.wanted("list", generation):
            return
        total, ids = value
        self.state.search_total = total
        self.search_bar.show_count(total, len(ids))
        self._list_loaded(generation, ids)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if not self.state.wanted("list", generation):
            return
        if isinstance(exc, ImportError):
            self.search_bar.show_error(self.tr("Search is not available in this installation."))
            return
        # A query error's first line names the problem and its position; the caret drawing is for terminals.
        # The results of the last query that parsed are gone with it: a list under an error would look current.
        self.search_bar.show_error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        self.state.search_failed()
        self.model.set_ids([])
        self._show_empty_reader()
        self._update_status()
        self.listLoaded.emit(0)

    def _list_loaded(self, generation: int, ids: list[int], keep_cache: bool = False) -> None:
        if not self.state.wanted("list", generation):
            return
        selected = self.current_document_id()
        self.model.set_ids(ids, keep_cache=keep_cache)
        wanted = self._pending_show if self._pending_show is not None else selected
        row = self.model.row_of(wanted) if wanted is not None else None
        first_look = not self._is_ready or self.reader.details is None or bool(self.query)
        if row is None and ids and self._pending_show is None and first_look:
            # The first screen, the first import and a search whose hits leave out the document on show open
            # the first row, rather than an empty reader or a document the list no longer has.
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif self.reader.details is None or not ids:
            self._show_empty_reader()
        if self._pending_show is not None and row is None:
            self._show_document(self._pending_show)
        elif self.reader.details is not None:
            # The document on screen may stay the current row (no reload), so its hits follow the new query here.
            self.reader.highlight_terms(browse.highlight_terms(self.query) if self.query else [])
        self._pending_show = None
        self._update_status()
        self._update_empty_panel()
        self.listLoaded.emit(len(ids))
        if row is None:
            self._part_ready("reader")
        self._part_ready("list")

    def _update_empty_panel(self) -> None:
        """The empty-archive panel replaces the list while there is nothing to list and no search."""
        welcome = self.state.shows_welcome(self._sidebar_data is not None)
        self.list_stack.setCurrentWidget(self.empty_panel if welcome else self.table)

    def _show_empty_reader(self) -> None:
        reason = self.state.empty_reader(self.model.rowCount())
        if reason is EmptyReader.NOTHING_YET:
            # The list area says how to import (and offers the samples); the reader only says why it is blank.
            self.reader.show_empty(self.tr("Nothing to read yet."))
        elif reason is EmptyReader.NOTHING_MATCHES:
            self.reader.show_empty(self.tr("Nothing matches. Try fewer words or another library view."))
        else:
            self.reader.show_empty(self.tr("Select a document in the list to read it here."))

    def current_document_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(row) for row in rows]

    def selected_ids_with_text(self) -> list[int]:
        """The selection without the board's headlines: a briefing cites documents it can quote."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        documents = [(self.model.id_at(row), self.model.document(row)) for row in rows]
        return [i for i, row in documents if row is None or row.kind != DocumentKind.LISTING_ITEM]

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            # Holding Page Down should not queue a read per row passed: read the row the keys stop on.
            self._reader_timer.start()

    def _read_current(self) -> None:
        document_id = self.current_document_id()
        if document_id is not None:
            self._show_document(document_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_status()
        self.workbench.tags_panel.set_selection_size(len(self.selected_ids()))

    # -- the reader ---------------------------------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        """Select the document in the list if it is there, and read it."""
        row = self.model.row_of(document_id)
        if row is not None and row != self.table.currentIndex().row():
            self.table.selectRow(row)
        else:
            # Not listed, or already the current row (selecting it again would not reread it): read it now.
            self._show_document(document_id)

    def _show_document(self, document_id: int) -> None:
        archive = self.archive
        if archive is None:
            return
        generation = self.state.ask("reader")
        query = self.query

        def load() -> tuple[dict[str, Any], list[Any], list[str]]:
            from esgdesk.notes.annotations import list_annotations

            terms = browse.highlight_terms(query) if query else []
            # The panel's views, not bare spans: a click on a highlight has to know which annotation it is.
            anchored = [view for view in list_annotations(archive, document_id) if not view.orphaned]
            details = document_details(archive, document_id)
            note = browse.document_note(archive, document_id)
            details["note"], details["note_author"], details["note_at"] = note.text, note.author, note.at
            return details, anchored, terms

        def loaded(value: tuple[dict[str, Any], list[Any], list[str]]) -> None:
            if not self.state.wanted("reader", generation):
                return
            details, annotations, terms = value
            if document_id == self._requested_show:
                self._requested_show = None
            self.reader.show_document(details, terms, annotations)
            self.documentShown.emit(document_id)
            self._part_ready("reader")

        def failed(exc: BaseException) -> None:
            if document_id == self._requested_show:
                self._requested_show = None
                self.showFailed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            if self.state.wanted("reader", generation):
                self.reader.show_empty(str(exc))
                self._part_ready("reader")

        Operation(self, load).success(loaded).failure(failed).run()

    def _open_original(self, file: dict[str, Any]) -> None:
        archive = self.archive
        if archive is None:
            return
        if self._originals_dir is None:
            self._originals_dir = Path(tempfile.mkdtemp(prefix="esgdesk-originals-"))
        folder = self._originals_dir / file["sha256"][:12]

        def opened(copy: ViewerCopy) -> None:
            # The copy is named and typed by its content (never an executable type), and its name is shown
            # without control or direction-changing characters: what the analyst reads is what opens.
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy.path))):
                self.statusBar().showMessage(self.tr("No program is set up to open %1").replace("%1", copy.shown), 6000)

        Operation(self, lambda: copy_for_viewer(archive, file["sha256"], file["name"], folder)).success(opened).failure(
            self._background_failed
        ).run()

    # -- changes ------------------------------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        """Mark the selected documents reviewed (out of the Inbox) or new again."""
        archive, ids = self.archive, self.selected_ids()
        if archive is None or not ids:
            return

        def done(_changed: int) -> None:
            self.model.invalidate(ids)
            self._load_sidebar()
            if self.scope.kind is ScopeKind.INBOX:
                self._load_list()

        Operation(self, lambda: browse.set_status(archive, ids, status), writer=True).success(done).failure(
            self._background_failed
        ).run()

    # -- importing ----------------------------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            "",
            self.tr(
                "Press releases (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;All files (*)"
            ),
        )
        if paths:
            self.import_paths(paths)

    def choose_folder_to_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        if self.archive is None:
            return False
        if not self.imports.start(paths):
            self.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return False
        self.empty_panel.set_busy(True)
        return True

    def load_samples(self) -> bool:
        """Import the bundled sample releases through the same flow as any import (progress, then summary)."""
        paths = [str(path) for path in sample_release_paths()]
        if not paths:
            self.statusBar().showMessage(self.tr("The sample releases are missing from this installation."), 8000)
            return False
        return self.import_paths(paths)

    def _samples_declined(self) -> None:
        self.settings.samples_declined = True
        self.settings.sync()

    def _import_finished(self, report: Any) -> None:
        self.empty_panel.set_busy(False)
        self.statusBar().showMessage(
            self.tr("%1 imported, %2 duplicates, %3 failed")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.duplicates)))
            .replace("%3", str(len(report.failed))),
            8000,
        )
        self.search_bar.forget_last()
        self.model.invalidate()
        self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- preferences --------------------------------------------------------------------------------------

    def edit_preferences(self) -> None:
        from esgdesk.ui.preferences import Preferences, PreferencesDialog

        dialog = PreferencesDialog(Preferences.load(self.settings), self.archive.location if self.archive else "", self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, preferences: Any) -> None:
        """Save and apply: language and theme at once, a new archive folder by reopening."""
        from PySide6.QtWidgets import QApplication

        from esgdesk.ui.look import apply_theme, install_translation, resolve_language

        old_archive = self.settings.archive
        preferences.save(self.settings)
        apply_author(preferences.author)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translation(app, resolve_language(preferences.language))
            apply_theme(app, preferences.theme)
        if preferences.archive and preferences.archive != old_archive:
            self.open_archive(preferences.archive)

    # -- status and state ---------------------------------------------------------------------------------

    def _update_status(self) -> None:
        selected = len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        counts = self.state.status_counts(self.model.rowCount(), selected)
        texts = {
            "archive": lambda n: self.tr("%n documents in the archive", "", n),
            "found": lambda n: self.tr("%n found", "", n),
            "view": lambda n: self.tr("%n in this view", "", n),
            "selected": lambda n: self.tr("%n selected", "", n),
        }
        self.status_label.setText("  ·  ".join(texts[key](count) for key, count in counts.items()))

    def _part_ready(self, part: str) -> None:
        if self._is_ready:
            return
        self._ready_parts.add(part)
        if {"sidebar", "list", "reader"} <= self._ready_parts:
            self._is_ready = True
            self.ready.emit()

    def _background_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 10000)

    def _focus_search(self) -> None:
        self.search_bar.field.setFocus()
        self.search_bar.field.selectAll()

    def restore_layout(self) -> None:
        geometry = self.settings.layout("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.layout("state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.layout("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.layout("columns")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("state", self.saveState())
        self.settings.set_layout("splitter", self.splitter.saveState())
        self.settings.set_layout("columns", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.imports.running:
            answer = QMessageBox.question(
                self,
                self.tr("Import running"),
                self.tr("An import is still running. Stop it after the current file and quit?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.imports.cancel()
        if self.property("saveLayout") is not False:
            self.save_layout()
        self._daily_backup()
        super().closeEvent(event)

    def _daily_backup(self) -> None:
        """At most one backup a day, when the archive changed (esgdesk.library.backup.backup_if_due).

        It runs as the window closes, when nothing waits for the GUI thread any more; a backup that fails
        (full disk, read-only folder) is logged and never keeps the app from closing."""
        if self.archive is None:
            return
        from esgdesk.library.backup import backup_if_due

        try:
            backup_if_due(self.archive)
        except Exception:
            logger.exception("the daily backup failed")
