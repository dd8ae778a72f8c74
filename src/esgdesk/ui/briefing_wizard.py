"""The briefing wizard: which documents, which template, which formats and where — then the export itself.

The last page runs `esgdesk.briefing.service.export_steps` for each chosen format as one Operation and shows its
progress; once the files are written it offers Open and Show in folder. The export only reads the archive, so
it runs beside the writer and never blocks an edit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from esgdesk.core.archive import Archive
from esgdesk.ui.operations import Operation

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def template_texts(name: str) -> tuple[str, str]:
    """A template's title and what it holds, in the interface language (the core's are Korean only)."""
    texts = {
        "regional-summary": (
            QCoreApplication.translate("Briefing", "Regional transition support"),
            QCoreApplication.translate(
                "Briefing", "Regions, years, industries and measures: a summary table, map, chart, details, sources"
            ),
        ),
        "digest": (
            QCoreApplication.translate("Briefing", "Document digest"),
            QCoreApplication.translate(
                "Briefing", "One section per document: metadata, gist, annotations, linked documents"
            ),
        ),
        "annotations": (
            QCoreApplication.translate("Briefing", "Annotations"),
            QCoreApplication.translate("Briefing", "Your highlights and notes, grouped by category, with citations"),
        ),
        "timeline": (
            QCoreApplication.translate("Briefing", "Timeline"),
            QCoreApplication.translate("Briefing", "Releases and programme years in date order"),
        ),
    }
    return texts.get(name, (name, ""))


@dataclass
class BriefingRequest:
    """What the wizard asks for; `selection` is the esgdesk.briefing.service.Selection to export."""

    selection: Any
    template: str
    formats: list[str]
    folder: Path
    title: str
    author: str = ""
    classification: str = ""
    language: str = "ko"
    written: list[Path] = field(default_factory=list)

    def output_for(self, fmt: str) -> Path:
        return self.folder / f"{safe_file_name(self.title)}.{fmt}"


def safe_file_name(title: str) -> str:
    """The title as a file name every platform accepts (Windows forbids <>:"/\\|?* and trailing dots)."""
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title).strip(" .")
    name = re.sub(r"\s+", " ", name)[:80].strip()
    return name or "briefing"


class SourcePage(QWizardPage):
    def __init__(self, selected: list[int], collections: list[str], query: str, collection: str | None) -> None:
        super().__init__()
        self.selected = selected
        self.setTitle(self.tr("Documents"))
        self.setSubTitle(self.tr("Which documents is the briefing about?"))
        self.from_selection = QRadioButton(self.tr("The %n selected documents", "", len(selected)), self)
        self.from_collection = QRadioButton(self.tr("A &collection:"), self)
        self.from_search = QRadioButton(self.tr("The results of a &search:"), self)
        group = QButtonGroup(self)
        for button in (self.from_selection, self.from_collection, self.from_search):
            group.addButton(button)
        self.collection = QComboBox(self)
        self.collection.setObjectName("wizardCollection")
        self.collection.setAccessibleName(self.tr("Collection"))
        self.collection.addItems(collections)
        if collection and collection in collections:
            self.collection.setCurrentText(collection)
        self.query = QLineEdit(query, self)
        self.query.setObjectName("wizardQuery")
        self.query.setAccessibleName(self.tr("Search"))
        self.query.setPlaceholderText(self.tr("e.g. 공정전환 region:충청북도"))
        self.from_selection.setEnabled(bool(selected))
        self.from_collection.setEnabled(bool(collections))
        if collection and collections:
            self.from_collection.setChecked(True)
        elif len(selected) > 1 or (selected and not query):
            self.from_selection.setChecked(True)
        elif query:
            self.from_search.setChecked(True)
        elif collections:
            self.from_collection.setChecked(True)
        else:
            self.from_search.setChecked(True)
        layout = QFormLayout(self)
        layout.addRow(self.from_selection)
        layout.addRow(self.from_collection, self.collection)
        layout.addRow(self.from_search, self.query)
        for button in (self.from_selection, self.from_collection, self.from_search):
            button.toggled.connect(self.completeChanged)
        self.query.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        if self.from_search.isChecked():
            return bool(self.query.text().strip())
        if self.from_collection.isChecked():
            return bool(self.collection.currentText())
        return bool(self.selected)

    def selection(self) -> Any:
        from esgdesk.briefing.service import Selection

        if self.from_collection.isChecked():
            return Selection(collection=self.collection.currentText())
        if self.from_search.isChecked():
            return Selection(query=self.query.text().strip())
        return Selection(ids=list(self.selected))

    def describe(self) -> str:
        if self.from_collection.isChecked():
            return self.collection.currentText()
        if self.from_search.isChecked():
            return self.query.text().strip()
        return ""


class TemplatePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        from esgdesk.briefing.templates import TEMPLATES

        self.setTitle(self.tr("Template"))
        self.setSubTitle(self.tr("What kind of briefing?"))
        self.list = QListWidget(self)
        self.list.setObjectName("wizardTemplates")
        self.list.setAccessibleName(self.tr("Templates"))
        for name in TEMPLATES:
            title, description = template_texts(name)
            item = QListWidgetItem(f"{title}\n{description}", self.list)
            item.setData(NAME_ROLE, name)
            item.setToolTip(description)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setCurrentRow(0)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.list.currentRowChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.list.currentItem() is not None

    def template(self) -> str:
        item = self.list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else "regional-summary"


class OutputPage(QWizardPage):
    def __init__(self, folder: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Output"))
        self.setSubTitle(self.tr("Formats, cover page and where to save the files."))
        self.docx = QCheckBox(self.tr("&Word (DOCX)"), self)
        self.docx.setChecked(True)
        self.pdf = QCheckBox(self.tr("&PDF"), self)
        self.pdf.setChecked(True)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("wizardTitle")
        self.author = QLineEdit(self)
        self.author.setObjectName("wizardAuthor")
        self.classification = QComboBox(self)
        self.classification.setObjectName("wizardClassification")
        self.classification.setEditable(True)
        self.classification.addItems(["", "대외비", "내부 검토용", "공개"])
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Korean (개조식 report style)"), "ko")
        self.language.addItem(self.tr("English (memo style)"), "en")
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("wizardFolder")
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.clicked.connect(self._browse)
        formats = QHBoxLayout()
        formats.addWidget(self.docx)
        formats.addWidget(self.pdf)
        formats.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        layout = QFormLayout(self)
        formats_label = QLabel(self.tr("Formats:"), self)
        formats_label.setBuddy(self.docx)
        layout.addRow(formats_label, formats)
        layout.addRow(self.tr("&Title:"), self.title_edit)
        layout.addRow(self.tr("&Author:"), self.author)
        layout.addRow(self.tr("&Classification:"), self.classification)
        layout.addRow(self.tr("&Language:"), self.language)
        # A row whose field is a layout gets no buddy, so its mnemonic would show as a literal "&".
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder)
        layout.addRow(folder_label, folder_row)
        for widget in (self.docx, self.pdf):
            widget.toggled.connect(self.completeChanged)
        self.title_edit.textChanged.connect(self.completeChanged)
        self.folder.textChanged.connect(self.completeChanged)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Export"))

        self.language.currentIndexChanged.connect(self._language_changed)
        self._default_title = ""

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, BriefingWizard) and self.title_edit.text() in ("", self._default_title):
            self._default_title = wizard.default_title(str(self.language.currentData()))
            self.title_edit.setText(self._default_title)

    def _language_changed(self, _index: int) -> None:
        # The cover title follows the packet's language until the user writes a title of their own.
        self.initializePage()

    def isComplete(self) -> bool:
        return (
            (self.docx.isChecked() or self.pdf.isChecked())
            and bool(self.title_edit.text().strip())
            and bool(self.folder.text().strip())
        )

    def formats(self) -> list[str]:
        return [fmt for fmt, box in (("docx", self.docx), ("pdf", self.pdf)) if box.isChecked()]

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the briefing in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)


class ExportPage(QWizardPage):
    """Runs the export with a progress bar, then offers Open and Show in folder."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Export"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("wizardProgress")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("wizardFiles")
        self.files.setAccessibleName(self.tr("Written files"))
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("wizardOpen")
        self.open_button.setToolTip(self.tr("Open the selected file in its program"))
        self.show_button = QPushButton(self.tr("&Show in folder"), self)
        self.show_button.setObjectName("wizardShowFolder")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_file)
        self.show_button.clicked.connect(self.show_folder)
        self.files.itemActivated.connect(lambda _item: self.open_file())
        self._done = False
        self._set_buttons(False)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, BriefingWizard):
            self._done = False
            self.files.clear()
            self._set_buttons(False)
            wizard.start_export()

    def isComplete(self) -> bool:
        return self._done

    def _set_buttons(self, enabled: bool) -> None:
        self.open_button.setEnabled(enabled)
        self.show_button.setEnabled(enabled)

    def finish(self, written: list[Path], error: str | None) -> None:
        self._done = True
        for path in written:
            item = QListWidgetItem(str(path), self.files)
            item.setData(NAME_ROLE, str(path))
        if written:
            self.files.setCurrentRow(0)
            self.files.setFocus()
        self._set_buttons(bool(written))
        if error:
            self.status.setText(self.tr("The briefing could not be made: %1").replace("%1", error))
        else:
            self.status.setText(self.tr("Done: %n files written.", "", len(written)))
        self.completeChanged.emit()

    def current_path(self) -> Path | None:
        item = self.files.currentItem()
        return Path(str(item.data(NAME_ROLE))) if item is not None else None

    def open_file(self) -> None:
        path = self.current_path()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_folder(self) -> None:
        path = self.current_path()
        if path is not None:
            # Qt has no portable "reveal and select"; opening the folder works on Windows, macOS and Linux alike.
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class BriefingWizard(QWizard):
    """Documents → template → output → export. `exported` carries the written paths."""

    exported = Signal(list)

    def __init__(
        self,
        archive: Archive,
        *,
        selected: list[int],
        collections: list[str],
        query: str = "",
        collection: str | None = None,
        folder: str = "",
        author: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Build a briefing"))
        self.setObjectName("briefingWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.source_page = SourcePage(selected, collections, query, collection)
        self.template_page = TemplatePage()
        self.output_page = OutputPage(folder or str(Path.home() / "Documents"))
        self.output_page.author.setText(author)
        self.export_page = ExportPage()
        for page in (self.source_page, self.template_page, self.output_page, self.export_page):
            self.addPage(page)
        self.request: BriefingRequest | None = None
        self.resize(640, 500)

    def default_title(self, language: str = "ko") -> str:
        """The template's own title in the packet's language, then what the packet is about."""
        from esgdesk.briefing.labels import Labels
        from esgdesk.briefing.templates import get_template

        title = Labels(language)(get_template(self.template_page.template()).title_key)
        about = self.source_page.describe()
        return f"{title} — {about}" if about else title

    def build_request(self) -> BriefingRequest:
        page = self.output_page
        return BriefingRequest(
            selection=self.source_page.selection(),
            template=self.template_page.template(),
            formats=page.formats(),
            folder=Path(page.folder.text().strip()).expanduser(),
            title=page.title_edit.text().strip(),
            author=page.author.text().strip(),
            classification=page.classification.currentText().strip(),
            language=str(page.language.currentData()),
        )

    def start_export(self) -> None:
        request = self.request = self.build_request()
        archive = self.archive
        total = 3 * len(request.formats)
        self.export_page.progress.setRange(0, total)
        self.export_page.progress.setValue(0)
        self.export_page.status.setText(self.tr("Reading the selected documents…"))

        def work() -> Any:
            from esgdesk.briefing.service import export_steps
            from esgdesk.briefing.templates import PacketOptions

            options = PacketOptions(
                title=request.title,
                author=request.author,
                classification=request.classification,
                language=request.language,
                date=dt.date.today(),
            )
            written: list[Path] = []
            for number, fmt in enumerate(request.formats):
                for step in export_steps(
                    archive, request.template, fmt, request.output_for(fmt), request.selection, options
                ):
                    if step.output is not None:
                        written.append(step.output)
                    yield ("step", number * 3 + step.done, fmt)
            yield written

        def progressed(item: Any) -> None:
            if isinstance(item, tuple):
                _kind, done, fmt = item
                self.export_page.progress.setValue(min(done, total))
                self.export_page.status.setText(self.tr("Writing %1…").replace("%1", fmt.upper()))

        def succeeded(written: Any) -> None:
            paths = list(written) if isinstance(written, list) else []
            request.written = paths
            self.export_page.progress.setValue(total)
            self.export_page.finish(paths, None)
            self.exported.emit(paths)

        def failed(exc: BaseException) -> None:
            self.export_page.progress.setValue(0)
            self.export_page.finish([], str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

        Operation(self, work).progress(progressed).success(succeeded).failure(failed).run()
