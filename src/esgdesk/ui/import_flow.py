"""Importing from the GUI: the pipeline generator on the writer thread, a progress dialog with Cancel, a summary.

The progress dialog is not modal: the analyst keeps reading while a folder of releases comes in. Cancel stops
after the file in hand; every document imported before that stays imported (each one is its own transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import FailedEntry, ImportProgress, ImportReport
from esgdesk.library.importing import import_pipeline
from esgdesk.ui.operations import Operation
from esgdesk.ui.reasons import translated_reason


class ImportController(QObject):
    """Runs one import at a time for a window and tells it when the archive has changed."""

    #: the report (possibly of a cancelled batch) once the batch has stopped
    importFinished = Signal(object)

    def __init__(self, window: QWidget, archive: Callable[[], Archive | None]) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self.operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self._last: ImportProgress | None = None

    @property
    def running(self) -> bool:
        return self.operation is not None

    def start(self, paths: list[str]) -> bool:
        """Import `paths` (files, folders, zips); False when another import is still running."""
        archive = self._archive()
        if archive is None or self.running or not paths:
            return False
        self._last = None
        dialog = QProgressDialog(self.tr("Reading the files…"), self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(460)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog
        pipeline = import_pipeline(archive)
        self.operation = (
            Operation(self, lambda: pipeline.run(list(paths)), writer=True)
            .progress(self._step)
            .success(self._finished)
            .failure(self._failed)
            .run()
        )
        return True

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.setLabelText(self.tr("Stopping after the current file…"))

    def _step(self, progress: ImportProgress) -> None:
        self._last = progress
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(progress.total)
        dialog.setValue(progress.done)
        dialog.setLabelText(
            self.tr("File %1 of %2\n%3")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.total))
            .replace("%3", Path(progress.path).name)
        )

    def _finished(self, last: ImportProgress | None) -> None:
        cancelled = self.operation.cancelled if self.operation else False
        self._close_progress()
        report = last.report if last is not None else ImportReport()
        total = last.total if last is not None else 0
        done = last.done if last is not None else 0
        if report.failed or report.duplicates or cancelled:
            self.summary_dialog = ImportSummaryDialog(report, cancelled and done < total, done, total, self._window)
            self.summary_dialog.show()
        self.importFinished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        report = self._last.report if self._last is not None else ImportReport()
        report.failed.append(FailedEntry(self.tr("(the import stopped)"), str(exc)))
        self.summary_dialog = ImportSummaryDialog(report, True, 0, 0, self._window)
        self.summary_dialog.show()
        self.importFinished.emit(report)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
        self.progress_dialog = None
        self.operation = None


class ImportSummaryDialog(QDialog):
    """What an import did: counts, then each failure with its reason, then each duplicate."""

    def __init__(
        self, report: ImportReport, stopped: bool, done: int, total: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(640, 360)
        self.report = report
        counts = (
            self.tr("%1 imported, %2 duplicates, %3 failed")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.duplicates)))
            .replace("%3", str(len(report.failed)))
        )
        if stopped and total:
            counts += "\n" + self.tr("Cancelled after %1 of %2 files.").replace("%1", str(done)).replace(
                "%2", str(total)
            )
        self.heading = QLabel(counts, self)
        self.heading.setObjectName("importCounts")
        self.details = QTreeWidget(self)
        self.details.setObjectName("importDetails")
        self.details.setColumnCount(2)
        self.details.setHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.details.setRootIsDecorated(True)
        self.details.setWordWrap(True)
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.details.header().setStretchLastSection(True)
        self._failure_items: list[QTreeWidgetItem] = []
        if report.failed:
            group = QTreeWidgetItem(self.details, [self.tr("Failed (%1)").replace("%1", str(len(report.failed)))])
            for failure in report.failed:
                reason = translated_reason(failure.error)
                item = QTreeWidgetItem(group, [Path(failure.path).name, reason])
                item.setToolTip(0, failure.path)
                item.setToolTip(1, reason if reason == failure.error else f"{reason}\n{failure.error}")
                self._failure_items.append(item)
            group.setExpanded(True)
        if report.duplicates:
            group = QTreeWidgetItem(
                self.details, [self.tr("Duplicates (%1)").replace("%1", str(len(report.duplicates)))]
            )
            for duplicate in report.duplicates:
                item = QTreeWidgetItem(group, [Path(duplicate.path).name, duplicate.reason])
                item.setToolTip(0, duplicate.path)
            group.setExpanded(True)
        self.details.setColumnWidth(0, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def failure_rows(self) -> list[tuple[str, str]]:
        """(file, reason) of each failure as shown, for tests and accessibility tools."""
        return [(item.toolTip(0), item.text(1)) for item in self._failure_items]
