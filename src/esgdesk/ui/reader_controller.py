"""The reader's side of the window: which document to read (the current row, after a pause in keyboard
navigation; or one asked for by id), reading it off the GUI thread, what a blank reader says, and opening an
original file in the program the system picks for it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from esgdesk.library import browse
from esgdesk.library.documents import document_details
from esgdesk.library.originals import ViewerCopy, copy_for_viewer
from esgdesk.ui.list_query import EmptyReader
from esgdesk.ui.operations import Operation

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow

#: the pause in keyboard navigation after which the reader loads the current row
READER_DELAY_MS = 40


class ReaderController(QObject):
    def __init__(self, window: MainWindow, show_id: int | None) -> None:
        super().__init__(window)
        self.window = window
        #: the document `gui --show ID` asked for, until the first list is on screen
        self.pending_show = show_id
        #: the same, until it is read (or found missing: then showFailed says why)
        self.requested_show = show_id
        self._originals_dir: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READER_DELAY_MS)
        self._timer.timeout.connect(self._read_current)
        window.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        window.reader.openOriginalRequested.connect(self._open_original)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            # Holding Page Down should not queue a read per row passed: read the row the keys stop on.
            self._timer.start()

    def _read_current(self) -> None:
        document_id = self.window.current_document_id()
        if document_id is not None:
            self.read(document_id)

    def show_document(self, document_id: int) -> None:
        """Select the document in the list if it is there, and read it."""
        window = self.window
        row = window.model.row_of(document_id)
        if row is not None and row != window.table.currentIndex().row():
            window.table.selectRow(row)
        else:
            # Not listed, or already the current row (selecting it again would not reread it): read it now.
            self.read(document_id)

    def read(self, document_id: int) -> None:
        window = self.window
        archive = window.archive
        if archive is None:
            return
        generation = window.state.ask("reader")
        query = window.state.query

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
            if not window.state.wanted("reader", generation):
                return
            details, annotations, terms = value
            if document_id == self.requested_show:
                self.requested_show = None
            window.reader.show_document(details, terms, annotations)
            window.documentShown.emit(document_id)
            window.part_ready("reader")

        def failed(exc: BaseException) -> None:
            if document_id == self.requested_show:
                self.requested_show = None
                window.showFailed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            if window.state.wanted("reader", generation):
                window.reader.show_empty(str(exc))
                window.part_ready("reader")

        Operation(self, load).success(loaded).failure(failed).run()

    def show_empty_reader(self) -> None:
        window = self.window
        reason = window.state.empty_reader(window.model.rowCount())
        if reason is EmptyReader.NOTHING_YET:
            # The list area says how to import (and offers the samples); the reader only says why it is blank.
            window.reader.show_empty(self.tr("Nothing to read yet."))
        elif reason is EmptyReader.NOTHING_MATCHES:
            window.reader.show_empty(self.tr("Nothing matches. Try fewer words or another library view."))
        else:
            window.reader.show_empty(self.tr("Select a document in the list to read it here."))

    def _open_original(self, file: dict[str, Any]) -> None:
        window = self.window
        archive = window.archive
        if archive is None:
            return
        if self._originals_dir is None:
            self._originals_dir = Path(tempfile.mkdtemp(prefix="esgdesk-originals-"))
        folder = self._originals_dir / file["sha256"][:12]

        def opened(copy: ViewerCopy) -> None:
            # The copy is named and typed by its content (never an executable type), and its name is shown
            # without control or direction-changing characters: what the analyst reads is what opens.
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy.path))):
                window.statusBar().showMessage(
                    self.tr("No program is set up to open %1").replace("%1", copy.shown), 6000
                )

        Operation(self, lambda: copy_for_viewer(archive, file["sha256"], file["name"], folder)).success(opened).failure(
            window.background_failed
        ).run()
