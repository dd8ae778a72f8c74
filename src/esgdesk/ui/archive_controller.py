"""The archive's lifecycle in the window: open (or create) it off the GUI thread, switch to another, say when
it cannot be opened, show "indexing…" while its derived state catches up, and make the day's backup as the
window closes.

The window keeps `window.archive` (every controller reads it); this controller is the only one that sets it.

Opening applies the change queue when the writer lock is free. When another process holds the lock (a second
window, a CLI import) the search index and entities lag behind until that process, or this one, applies the
queue: the status bar says so, and the count is read again every INDEXING_POLL_MS on the writer thread (which
also applies the queue once the lock is free) — never on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from esgdesk.core.archive import Archive
from esgdesk.core.errors import ArchiveLockedError
from esgdesk.core.outage import watched
from esgdesk.library import browse
from esgdesk.library.opening import apply_pending_changes, missing_index_steps, open_archive, pending_changes
from esgdesk.ui.operations import Operation

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

#: how often the pending changes are counted again while there are some
INDEXING_POLL_MS = 1500


class ArchiveController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: "Indexing… (3 changes waiting)" in the status bar; hidden when nothing waits
        self.indexing_label = QLabel(window)
        self.indexing_label.setObjectName("indexingIndicator")
        self.indexing_label.setContentsMargins(0, 0, 12, 0)  # apart from the counts beside it
        self.indexing_label.hide()
        # Permanent, left of the counts: a temporary message ("Archive: …") would hide a normal status widget.
        window.statusBar().insertPermanentWidget(0, self.indexing_label)
        #: how many changes derived state has yet to follow, as last counted
        self.pending = 0
        #: (done, total) while the search index is being built in the background, else None
        self.index_build: tuple[int, int] | None = None
        self._index_operation: Operation | None = None
        self._checking = False
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.setInterval(INDEXING_POLL_MS)
        self._poll.timeout.connect(self.check_indexing)

    def open(self, location: str) -> None:
        """Open (or create) the archive at `location` off the GUI thread, then fill the window."""
        self.window.statusBar().showMessage(self.tr("Opening %1…").replace("%1", location))
        Operation(self, lambda: watched(open_archive(location))).success(self._opened).failure(self._failed).run()

    def _opened(self, archive: Archive) -> None:
        window = self.window
        previous, window.archive = window.archive, archive
        if previous is not None:
            previous.close()
        window.model.set_loader(lambda ids: browse.document_rows(archive, ids))
        window.statusBar().showMessage(self.tr("Archive: %1").replace("%1", archive.location), 4000)
        window.archiveOpened.emit(archive)
        window.refresh()
        self.check_indexing()
        self.build_missing_index(archive)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc)
        self.window.statusBar().clearMessage()
        self.window.reader.show_empty(self.tr("The archive could not be opened:") + "\n" + message)
        self.window.archiveFailed.emit(message)

    # -- indexing… ---------------------------------------------------------------------------------------

    def check_indexing(self) -> None:
        """Count the changes derived state has yet to follow (applying them when the writer lock is free)."""
        archive = self.window.archive
        if archive is None or self._checking:
            return
        self._checking = True

        def catch_up() -> int:
            if pending_changes(archive):
                apply_pending_changes(archive)  # a no-op while another process holds the writer lock
            return pending_changes(archive)

        def counted(pending: int) -> None:
            self._checking = False
            if archive is not self.window.archive:
                return  # another archive opened meanwhile; its own check is on its way
            caught_up = self.pending > 0 and pending == 0
            self.pending = pending
            self.retranslate()
            if pending:
                self._poll.start()
            elif caught_up:
                self.window.refresh()  # the search index now holds what was waiting

        def failed(exc: BaseException) -> None:
            self._checking = False
            self.window.background_failed(exc)

        Operation(self, catch_up, writer=True).success(counted).failure(failed).run()

    def build_missing_index(self, archive: Archive) -> None:
        """Build the search index on the writer thread when the archive has none (first open after an update
        that changed the search engine, or a deleted index folder), showing how far it has got."""
        if self._index_operation is not None:
            self._index_operation.cancel()  # the archive it was building for is no longer open

        def stepped(step: object) -> None:
            if archive is self.window.archive and isinstance(step, tuple):
                self.index_build = step
                self.retranslate()

        def built(_value: object) -> None:
            self._index_operation = None
            if archive is self.window.archive and self.index_build is not None:
                self.index_build = None
                self.retranslate()
                self.window.refresh()  # a search that was waiting for the index can run now

        def failed(exc: BaseException) -> None:
            self._index_operation = None
            if isinstance(exc, ArchiveLockedError) and archive is self.window.archive:
                # Another process is writing (a long CLI import): build once it is done, still saying so.
                QTimer.singleShot(INDEXING_POLL_MS, lambda: self._retry_index_build(archive))
                return
            self.index_build = None
            self.retranslate()
            self.window.background_failed(exc)

        operation = Operation(self, lambda: missing_index_steps(archive), writer=True)
        self._index_operation = operation.progress(stepped).success(built).failure(failed)
        operation.run()

    def _retry_index_build(self, archive: Archive) -> None:
        if archive is self.window.archive and self._index_operation is None:
            self.build_missing_index(archive)

    def retranslate(self) -> None:
        if self.index_build is not None:
            done, total = self.index_build
            percent = 100 * done // total if total else 0
            self.indexing_label.show()
            self.indexing_label.setText(self.tr("Building the search index… %1%").replace("%1", str(percent)))
            self.indexing_label.setToolTip(
                self.tr("Searches find everything once the index is built; the rest of the app works meanwhile.")
            )
            return
        self.indexing_label.setVisible(self.pending > 0)
        self.indexing_label.setText(self.tr("Indexing… (%n changes waiting)", "", self.pending))
        self.indexing_label.setToolTip(
            self.tr("Search results and entities do not include the latest changes until indexing finishes.")
        )

    def daily_backup(self) -> None:
        """At most one backup a day, when the archive changed (esgdesk.library.backup.backup_if_due).

        It runs as the window closes, when nothing waits for the GUI thread any more; a backup that fails
        (full disk, read-only folder) is logged and never keeps the app from closing."""
        archive = self.window.archive
        if archive is None:
            return
        from esgdesk.library.backup import backup_if_due

        try:
            backup_if_due(archive)
        except Exception:
            logger.exception("the daily backup failed")
