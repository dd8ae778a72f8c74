"""What the list area shows while the archive holds no documents: how to import, and the bundled samples.

A panel in place of the empty table rather than a dialog: on first run the newcomer sees the offer where the
documents will appear, can ignore it and import their own files instead, and is never blocked by a modal
question. Declining is remembered (AppSettings.samples_declined); the import hints stay.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from esgdesk.core.paths import resource_path


def sample_release_paths() -> list[Path]:
    """The bundled sample releases, without the folder's README (it describes them; it is not a release)."""
    folder = resource_path("samples")
    if not folder.is_dir():
        return []
    return [
        path
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith(".") and path.name.lower() != "readme.md"
    ]


class EmptyArchivePanel(QWidget):
    """The list area of an empty archive: a heading, the ways to import, and (until declined) the samples."""

    importFilesRequested = Signal()
    importFolderRequested = Signal()
    samplesRequested = Signal()
    samplesDeclined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyArchivePanel")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.import_files_button = QPushButton(self)
        self.import_files_button.clicked.connect(self.importFilesRequested)
        self.import_folder_button = QPushButton(self)
        self.import_folder_button.clicked.connect(self.importFolderRequested)
        import_row = QHBoxLayout()
        import_row.addStretch(1)
        import_row.addWidget(self.import_files_button)
        import_row.addWidget(self.import_folder_button)
        import_row.addStretch(1)

        # The offer sits in its own frame so it reads as a separate, optional step below the import hints.
        self.samples_box = QFrame(self)
        self.samples_box.setObjectName("samplesOffer")
        self.samples_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.samples_text = QLabel(self.samples_box)
        self.samples_text.setWordWrap(True)
        self.samples_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.load_samples_button = QPushButton(self.samples_box)
        self.load_samples_button.setObjectName("loadSamples")
        self.load_samples_button.setDefault(True)
        self.load_samples_button.clicked.connect(self.samplesRequested)
        self.decline_button = QPushButton(self.samples_box)
        self.decline_button.setObjectName("declineSamples")
        self.decline_button.setFlat(True)
        self.decline_button.clicked.connect(self._decline)
        # One above the other: side by side, the Korean labels clip in a list pane of 300 pixels (1024×700).
        samples_row = QVBoxLayout()
        samples_row.addWidget(self.load_samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        samples_row.addWidget(self.decline_button, 0, Qt.AlignmentFlag.AlignHCenter)
        samples_layout = QVBoxLayout(self.samples_box)
        samples_layout.setContentsMargins(16, 12, 16, 12)
        samples_layout.addWidget(self.samples_text)
        samples_layout.addLayout(samples_row)

        column = QWidget(self)
        column.setMaximumWidth(460)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 0, 24, 0)
        column_layout.setSpacing(12)
        column_layout.addWidget(self.heading)
        column_layout.addWidget(self.hint)
        column_layout.addLayout(import_row)
        column_layout.addSpacing(12)
        column_layout.addWidget(self.samples_box)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("This archive is empty"))
        self.hint.setText(
            self.tr("Import press releases (HWP, HWPX, PDF, DOCX, HTML, text or zip), or drop files and folders here.")
        )
        self.import_files_button.setText(self.tr("Import files…"))
        self.import_folder_button.setText(self.tr("Import folder…"))
        self.samples_text.setText(
            self.tr(
                "New to esgdesk? Try it on the four sample releases that come with it. One is real: "
                "산업통상자원부's release of 28 April 2023 on the just transition. The other three are invented "
                "for the demo — their names, places and amounts are made up, and their file names say FICTITIOUS."
            )
        )
        self.load_samples_button.setText(self.tr("Load the sample releases"))
        self.decline_button.setText(self.tr("Not now"))
        self._fit_wrapped_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_wrapped_labels()

    def _fit_wrapped_labels(self) -> None:
        """A word-wrapped label in nested layouts gets the height of its first width; ask it again for the
        width it has now, or the last lines of the samples' sentence are cut off in a narrow pane."""
        for label in (self.heading, self.hint, self.samples_text):
            width = max(label.width(), 220)
            label.setMinimumHeight(label.heightForWidth(width))

    def set_offer_samples(self, offer: bool) -> None:
        """Show the samples' offer (first run) or only the import hints (declined, or no samples bundled)."""
        self.samples_box.setVisible(offer and bool(sample_release_paths()))

    def set_busy(self, busy: bool) -> None:
        """While an import runs the buttons would only say "already running"; grey them instead."""
        for button in (
            self.import_files_button,
            self.import_folder_button,
            self.load_samples_button,
            self.decline_button,
        ):
            button.setEnabled(not busy)

    def _decline(self) -> None:
        self.samples_box.hide()
        self.samplesDeclined.emit()
