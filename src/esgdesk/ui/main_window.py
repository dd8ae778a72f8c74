"""The main window: library sidebar, document list, reader, search bar, status bar, menus — their layout and
wiring.

The behaviour lives beside it, one controller a part: archive_controller (open, switch, back up), list_controller
(sidebar counts, list, search; its Qt-free state is list_query.ListQuery), reader_controller (what the reader
reads), import_actions (import menu, first-run samples, drops), preferences_controller, and the workbench's
feature controllers (annotations, links, tags, collections, history). Every read of the archive that can grow
with it runs as an Operation off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.core.models import DocumentKind, DocumentStatus
from esgdesk.library.browse import Scope
from esgdesk.ui.archive_controller import ArchiveController
from esgdesk.ui.authorship import apply_author
from esgdesk.ui.document_table import COLUMNS, DocumentTableModel
from esgdesk.ui.document_view import DocumentTableView
from esgdesk.ui.empty_state import EmptyArchivePanel
from esgdesk.ui.import_actions import ImportActions
from esgdesk.ui.import_flow import ImportController
from esgdesk.ui.list_controller import ListController
from esgdesk.ui.list_query import ListQuery
from esgdesk.ui.preferences import Preferences
from esgdesk.ui.preferences_controller import PreferencesController
from esgdesk.ui.reader import Reader
from esgdesk.ui.reader_controller import ReaderController
from esgdesk.ui.search_bar import SearchBar
from esgdesk.ui.settings import AppSettings
from esgdesk.ui.sidebar import SidebarTree
from esgdesk.ui.workbench import Workbench


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
        self._ready_parts: set[str] = set()
        self._is_ready = False

        self.sidebar = SidebarTree(self)
        self.sidebar.setObjectName("sidebar")
        self.search_bar = SearchBar(self)
        self.model = DocumentTableModel(parent=self)
        self.table = DocumentTableView(self.model, self)
        self.reader = Reader(self)
        self.reader.setObjectName("reader")
        self.imports = ImportController(self, lambda: self.archive)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.search_bar)
        self.empty_panel = EmptyArchivePanel(self)
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
        # On a 1024×700 screen every pane sits at its least width: the list's is what a readable title needs
        # (document_view.TITLE_SYLLABLES), the side panel's what its tab labels need (Workbench.retranslate).
        self.sidebar.setMinimumWidth(150)
        middle.setMinimumWidth(self.table.minimum_list_width())
        self.reader.setMinimumWidth(280)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)

        # The window lays out and wires; each controller owns one part of the behaviour.
        self.archives = ArchiveController(self)
        self.reading = ReaderController(self, show_id)
        self.lists = ListController(self)
        self.importing = ImportActions(self, self.imports)
        self.preferences = PreferencesController(self)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self._make_actions()
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.retranslate()

    # -- building -----------------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.import_files_action = QAction(self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_files_action.triggered.connect(self.importing.choose_files)
        self.import_folder_action = QAction(self)
        self.import_folder_action.triggered.connect(self.importing.choose_folder)
        # "Not now" on the first run hides the offer; the samples stay one menu item away.
        self.samples_action = QAction(self)
        self.samples_action.triggered.connect(self.importing.load_samples)
        self.preferences_action = QAction(self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.preferences.edit)
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
        for entry in self.workbench.toolbar_actions():
            if entry is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(entry)

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
        self.archives.retranslate()
        self.search_bar.retranslate()
        self.empty_panel.retranslate()
        self.reader.retranslate()
        self.workbench.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.lists.sidebar_data is not None:
            self.sidebar.show_sidebar(self.lists.sidebar_data)
        if self.archive is not None and self.reader.details is None:
            self.reading.show_empty_reader()
        self.update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the controllers do, as the window's API -------------------------------------------------------

    def open_archive(self, location: str) -> None:
        """Open (or create) the archive at `location` off the GUI thread, then fill the window."""
        self.archives.open(location)

    def refresh(self) -> None:
        """Reload the sidebar's counts and the list (after an import, a change, or opening)."""
        self.lists.refresh()

    def show_document(self, document_id: int) -> None:
        """Select the document in the list if it is there, and read it."""
        self.reading.show_document(document_id)

    def import_paths(self, paths: list[str]) -> bool:
        return self.importing.import_paths(paths)

    def apply_preferences(self, preferences: Preferences) -> None:
        """Save and apply: language and theme at once, a new archive folder by reopening."""
        self.preferences.apply(preferences)

    def set_status(self, status: str) -> None:
        """Mark the selected documents reviewed (out of the Inbox) or new again."""
        self.lists.set_status(status)

    @property
    def scope(self) -> Scope:
        return self.state.scope

    @property
    def query(self) -> str:
        return self.state.query

    # -- the selection ------------------------------------------------------------------------------------

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

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_status()
        self.workbench.tags_panel.set_selection_size(len(self.selected_ids()))

    # -- status and state ---------------------------------------------------------------------------------

    def update_status(self) -> None:
        selected = len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        counts = self.state.status_counts(self.model.rowCount(), selected)
        texts = {
            "archive": lambda n: self.tr("%n documents in the archive", "", n),
            "found": lambda n: self.tr("%n found", "", n),
            "view": lambda n: self.tr("%n in this view", "", n),
            "selected": lambda n: self.tr("%n selected", "", n),
        }
        self.status_label.setText("  ·  ".join(texts[key](count) for key, count in counts.items()))

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    def part_ready(self, part: str) -> None:
        """The sidebar, the list and the reader each say when they first have their data; then `ready`."""
        if self._is_ready:
            return
        self._ready_parts.add(part)
        if {"sidebar", "list", "reader"} <= self._ready_parts:
            self._is_ready = True
            self.ready.emit()

    def background_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 10000)

    def _focus_search(self) -> None:
        self.search_bar.field.setFocus()
        self.search_bar.field.selectAll()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importing.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importing.drop(event)

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
        self.archives.daily_backup()
        super().closeEvent(event)
