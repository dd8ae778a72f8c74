"""The archive's lifecycle in the window: open (or create) it off the GUI thread, switch to another, say when
it cannot be opened, and make the day's backup as the window closes.

The window keeps `window.archive` (every controller reads it); this controller is the only one that sets it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from esgdesk.core.archive import Archive
from esgdesk.core.outage import watched
from esgdesk.library import browse
from esgdesk.library.opening import open_archive
from esgdesk.ui.operations import Operation

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow

logger = logging.getLogger(__name__)


class ArchiveController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

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

    def _failed(self, exc: BaseException) -> None:
        message = str(exc)
        self.window.statusBar().clearMessage()
        self.window.reader.show_empty(self.tr("The archive could not be opened:") + "\n" + message)
        self.window.archiveFailed.emit(message)

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
