"""The sidebar's counts and the document list: what the window asks the archive for a scope, a sort or a search.

Every read that grows with the archive runs as an Operation; answers come back tagged with a generation of the
Qt-free ListQuery (list_query.py), so a slow answer to an old question never overwrites a newer one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView

from esgdesk.core.archive import Archive
from esgdesk.library import browse
from esgdesk.library.browse import Scope, ScopeKind, SortKey
from esgdesk.ui.list_query import ListQuery
from esgdesk.ui.operations import Operation

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow


class ListController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: the sidebar as last read (None before the first read): counts, tags, collections, saved searches
        self.sidebar_data: browse.Sidebar | None = None
        window.sidebar.scopeSelected.connect(self._scope_selected)
        window.sidebar.querySelected.connect(window.search_bar.set_query)
        window.search_bar.querySubmitted.connect(self._query_submitted)
        window.model.sortRequested.connect(self._sort_requested)

    @property
    def state(self) -> ListQuery:
        return self.window.state

    def refresh(self) -> None:
        """Reload the sidebar's counts and the list (after an import, a change, or opening)."""
        self.load_sidebar()
        self.load_list()

    def load_sidebar(self) -> None:
        window = self.window
        archive = window.archive
        if archive is None:
            return
        generation = self.state.ask("sidebar")

        def loaded(data: browse.Sidebar) -> None:
            if not self.state.wanted("sidebar", generation):
                return
            self.sidebar_data = data
            self.state.total_documents = data.total
            window.sidebar.show_sidebar(data)
            if self.state.query:
                # The reload follows an edit (a tag, a collection, a review): count within the results again,
                # or what the edit added shows the 0 of a name the search's counts never saw.
                self._load_facets(archive, self.state.query)
            self.update_empty_panel()
            window.update_status()
            window.sidebarLoaded.emit()
            window.part_ready("sidebar")

        Operation(self, lambda: browse.sidebar(archive)).success(loaded).failure(window.background_failed).run()

    def _scope_selected(self, scope: Scope) -> None:
        if self.state.choose_scope(scope):
            self.window.search_bar.field.clear()
        self.load_list()

    def _query_submitted(self, query: str) -> None:
        self.state.submit(query)
        self.load_list()

    def _sort_requested(self, _key: SortKey, _descending: bool) -> None:
        if self.state.query:
            self._sort_current_ids()
        else:
            self.load_list()

    def load_list(self) -> None:
        window = self.window
        archive = window.archive
        if archive is None:
            return
        generation = self.state.ask("list")
        if self.state.query:
            query = self.state.query

            def run_search() -> tuple[int, list[int]]:
                from esgdesk.search.service import search_ids  # imported when first used

                return search_ids(archive, query)  # every match's id in the one ranked order; rows load on demand

            Operation(self, run_search).success(lambda value: self._search_loaded(generation, value)).failure(
                lambda exc: self._search_failed(generation, exc)
            ).run()
            self._load_facets(archive, query)
            return
        self._clear_facets()
        scope, key, descending = self.state.scope, window.model.sort_key, window.model.descending
        Operation(self, lambda: browse.document_ids(archive, scope, key, descending)).success(
            lambda ids: self._list_loaded(generation, ids)
        ).failure(window.background_failed).run()

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
            if self.state.wanted("facets", generation) and self.state.query == query:
                self.window.sidebar.show_facets(counts)
                self.window.facetsLoaded.emit(counts)

        # A query that does not parse keeps the counts of the last one that did, like the list does.
        Operation(self, count).success(counted).failure(lambda _exc: None).run()

    def _clear_facets(self) -> None:
        self.state.ask("facets")  # an answer still on its way is for a search that is gone
        if self.window.sidebar.showing_facets:
            self.window.sidebar.show_facets(None)
            self.window.facetsLoaded.emit(None)

    def _sort_current_ids(self) -> None:
        window = self.window
        archive = window.archive
        if archive is None:
            return
        generation = self.state.ask("list")
        ids, key, descending = window.model.ids(), window.model.sort_key, window.model.descending
        Operation(self, lambda: browse.sort_ids(archive, ids, key, descending)).success(
            lambda ids: self._list_loaded(generation, ids, keep_cache=True)
        ).failure(window.background_failed).run()

    def _search_loaded(self, generation: int, value: tuple[int, list[int]]) -> None:
        if not self.state.wanted("list", generation):
            return
        total, ids = value
        self.state.search_total = total
        self.window.search_bar.show_count(total, len(ids))
        self._list_loaded(generation, ids)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        window = self.window
        if not self.state.wanted("list", generation):
            return
        if isinstance(exc, ImportError):
            window.search_bar.show_error(self.tr("Search is not available in this installation."))
            return
        if window.archives.index_build is not None:
            # The CLI's advice (`esgdesk reindex`) is already being followed, in the background.
            building = self.tr("The search index is being built; the results appear when it is done.")
            window.search_bar.show_error(building)
        else:
            # A query error's first line names the problem and its position; the caret drawing is for terminals.
            # The results of the last query that parsed are gone with it: a list under an error would look current.
            window.search_bar.show_error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        self.state.search_failed()
        window.model.set_ids([])
        window.reading.show_empty_reader()
        window.update_status()
        window.listLoaded.emit(0)

    def _list_loaded(self, generation: int, ids: list[int], keep_cache: bool = False) -> None:
        if not self.state.wanted("list", generation):
            return
        window, reading = self.window, self.window.reading
        selected = window.current_document_id()
        window.model.set_ids(ids, keep_cache=keep_cache)
        pending = reading.pending_show
        wanted = pending if pending is not None else selected
        row = window.model.row_of(wanted) if wanted is not None else None
        first_look = not window.is_ready or window.reader.details is None or bool(self.state.query)
        if row is None and ids and pending is None and first_look:
            # The first screen, the first import and a search whose hits leave out the document on show open
            # the first row, rather than an empty reader or a document the list no longer has.
            row = 0
        if row is not None:
            window.table.selectRow(row)
            window.table.scrollTo(window.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif window.reader.details is None or not ids:
            reading.show_empty_reader()
        if pending is not None and row is None:
            reading.read(pending)
        elif window.reader.details is not None:
            # The document on screen may stay the current row (no reload), so its hits follow the new query here.
            query = self.state.query
            window.reader.highlight_terms(browse.highlight_terms(query) if query else [])
        reading.pending_show = None
        window.update_status()
        self.update_empty_panel()
        window.listLoaded.emit(len(ids))
        if row is None:
            window.part_ready("reader")
        window.part_ready("list")

    def update_empty_panel(self) -> None:
        """The empty-archive panel replaces the list while there is nothing to list and no search."""
        window = self.window
        welcome = self.state.shows_welcome(self.sidebar_data is not None)
        window.list_stack.setCurrentWidget(window.empty_panel if welcome else window.table)

    def set_status(self, status: str) -> None:
        """Mark the selected documents reviewed (out of the Inbox) or new again."""
        window = self.window
        archive, ids = window.archive, window.selected_ids()
        if archive is None or not ids:
            return

        def done(_changed: int) -> None:
            window.model.invalidate(ids)
            self.load_sidebar()
            if self.state.scope.kind is ScopeKind.INBOX:
                self.load_list()

        Operation(self, lambda: browse.set_status(archive, ids, status), writer=True).success(done).failure(
            window.background_failed
        ).run()
