"""Where imports start in the window: File ▸ Import files/folder, the first run's sample releases (offered on
the empty archive, remembered when declined), and files dropped on the window.

Each hands its paths to the one import flow (import_flow.ImportController: progress, then summary); when the
flow finishes, the list and sidebar reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from esgdesk.ui.empty_state import sample_release_paths
from esgdesk.ui.import_flow import ImportController

if TYPE_CHECKING:
    from esgdesk.ingest.pipeline import ImportReport
    from esgdesk.ui.main_window import MainWindow


class ImportActions(QObject):
    def __init__(self, window: MainWindow, flow: ImportController) -> None:
        super().__init__(window)
        self.window = window
        self.flow = flow
        flow.importFinished.connect(self._finished)
        panel = window.empty_panel
        panel.set_offer_samples(not window.settings.samples_declined)
        panel.importFilesRequested.connect(self.choose_files)
        panel.importFolderRequested.connect(self.choose_folder)
        panel.samplesRequested.connect(self.load_samples)
        panel.samplesDeclined.connect(self._samples_declined)

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import files"),
            "",
            self.tr(
                "Press releases (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;All files (*)"
            ),
        )
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        if self.window.archive is None:
            return False
        if not self.flow.start(paths):
            self.window.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return False
        self.window.empty_panel.set_busy(True)
        return True

    def load_samples(self) -> bool:
        """Import the bundled sample releases through the same flow as any import (progress, then summary)."""
        paths = [str(path) for path in sample_release_paths()]
        if not paths:
            self.window.statusBar().showMessage(
                self.tr("The sample releases are missing from this installation."), 8000
            )
            return False
        return self.import_paths(paths)

    def _samples_declined(self) -> None:
        # "Not now" on the first run hides the offer for good; File ▸ Import the sample releases stays.
        self.window.settings.samples_declined = True
        self.window.settings.sync()

    def _finished(self, report: ImportReport) -> None:
        window = self.window
        window.empty_panel.set_busy(False)
        window.statusBar().showMessage(
            self.tr("%1 imported, %2 duplicates, %3 failed")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.duplicates)))
            .replace("%3", str(len(report.failed))),
            8000,
        )
        window.search_bar.forget_last()
        window.model.invalidate()
        window.refresh()
        window.archives.check_indexing()

    # -- drops on the window ------------------------------------------------------------------------------

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()
