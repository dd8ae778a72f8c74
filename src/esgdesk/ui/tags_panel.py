"""Tags and what a document is about: the tag editor with completion, the batch Tag… dialog, the rules manager,
and the document's entities (regions, ministries, programmes, industries) and extracted facts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.knowledge.tag_rules import FIELDS, MATCH_KINDS
from esgdesk.library.tagging import TagRow
from esgdesk.ui.operations import Operation

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


def split_tags(text: str) -> list[str]:
    """Several tags in one field, separated by commas (a tag path uses / for its levels)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def make_completer(parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel([], parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def entity_kind_label(kind: str) -> str:
    labels = {
        "region": QCoreApplication.translate("Entities", "Regions"),
        "organization": QCoreApplication.translate("Entities", "Ministries and organisations"),
        "programme": QCoreApplication.translate("Entities", "Programmes"),
        "industry": QCoreApplication.translate("Entities", "Industries"),
    }
    return labels.get(kind, kind)


class TagsPanel(QWidget):
    """The current document's tags (Add tags the whole selection), then its entities and facts."""

    addRequested = Signal(list)
    removeRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags = QListWidget(self)
        self.tags.setObjectName("documentTags")
        self.tags.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.field = QLineEdit(self)
        self.field.setObjectName("tagField")
        self.completer = make_completer(self.field)
        self.field.setCompleter(self.completer)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.tags_label = QLabel(self)
        self.tags_label.setBuddy(self.field)
        self.entities = QTreeWidget(self)
        self.entities.setObjectName("entityTree")
        self.entities.setHeaderHidden(True)
        self.entities.setWordWrap(True)
        self.entities_label = QLabel(self)
        self.entities_label.setBuddy(self.entities)

        add_row = QHBoxLayout()
        add_row.addWidget(self.field, 1)
        add_row.addWidget(self.add_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tags_label)
        top_layout.addLayout(add_row)
        top_layout.addWidget(self.tags, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        top_layout.addLayout(remove_row)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.entities_label)
        bottom_layout.addWidget(self.entities, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.field.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tags, self._remove)
        self._selection_size = 1
        self.retranslate()

    def retranslate(self) -> None:
        self.tags_label.setText(self.tr("&Tags"))
        self.tags.setAccessibleName(self.tr("Tags of this document"))
        self.field.setPlaceholderText(self.tr("Add a tag: 정책/공정전환 (commas for several)"))
        self.field.setAccessibleName(self.tr("New tag"))
        self.add_button.setText(self.tr("Add"))
        self._update_add_tooltip()
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected tags from this document (Delete)"))
        self.entities_label.setText(self.tr("&Entities and facts"))
        self.entities.setAccessibleName(self.tr("Entities and facts"))

    def set_known_tags(self, paths: list[str]) -> None:
        model = self.completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(paths)

    def set_selection_size(self, count: int) -> None:
        self._selection_size = max(count, 1)
        self._update_add_tooltip()

    def _update_add_tooltip(self) -> None:
        self.add_button.setToolTip(
            self.tr("Tag the %n selected documents (Enter)", "", self._selection_size)
            if self._selection_size > 1
            else self.tr("Tag this document (Enter)")
        )

    def show_tags(self, rows: list[TagRow]) -> None:
        self.tags.clear()
        for row in rows:
            item = QListWidgetItem(row.path, self.tags)
            item.setData(DATA_ROLE, row)
            if row.origin == "rule":
                item.setToolTip(self.tr("Attached by a tag rule"))
                font = item.font()
                font.setItalic(True)
                item.setFont(font)

    def tag_paths(self) -> list[str]:
        return [self.tags.item(i).text() for i in range(self.tags.count())]

    def show_knowledge(self, entities: list[dict[str, Any]], facts: list[dict[str, Any]]) -> None:
        self.entities.clear()
        for kind in ("region", "organization", "programme", "industry"):
            names = [str(e["name"]) for e in entities if e["kind"] == kind]
            if not names:
                continue
            group = QTreeWidgetItem(self.entities, [f"{entity_kind_label(kind)} ({len(names)})"])
            for name in names:
                QTreeWidgetItem(group, [name])
            group.setExpanded(True)
        if facts:
            group = QTreeWidgetItem(self.entities, [self.tr("Facts (%1)").replace("%1", str(len(facts)))])
            for fact in facts:
                parts = [str(fact["region"])]
                if fact.get("years"):
                    parts.append(", ".join(str(y) for y in fact["years"]))
                if fact.get("industries"):
                    parts.append(", ".join(str(i) for i in fact["industries"]))
                item = QTreeWidgetItem(group, [" · ".join(parts)])
                item.setToolTip(0, str(fact.get("sentence") or ""))
            group.setExpanded(True)
        if self.entities.topLevelItemCount() == 0:
            item = QTreeWidgetItem(self.entities, [self.tr("No regions, ministries or programmes recognised.")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _add(self) -> None:
        paths = split_tags(self.field.text())
        if paths:
            self.addRequested.emit(paths)
            self.field.clear()

    def _remove(self) -> None:
        paths = [item.text() for item in self.tags.selectedItems()]
        if paths:
            self.removeRequested.emit(paths)


class TagDialog(QDialog):
    """Tag…: one or more tags for every selected document, with completion from the archive's tags."""

    def __init__(self, count: int, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag documents"))
        label = QLabel(self.tr("Tags for the %n selected documents (commas for several):", "", count), self)
        self.field = QLineEdit(self)
        self.field.setObjectName("batchTagField")
        self.field.setAccessibleName(self.tr("Tags"))
        completer = make_completer(self.field)
        model = completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(known)
        self.field.setCompleter(completer)
        label.setBuddy(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.resize(420, 120)

    def paths(self) -> list[str]:
        return split_tags(self.field.text())


def match_kind_label(kind: str) -> str:
    labels = {
        "any": QCoreApplication.translate("Rules", "any word"),
        "all": QCoreApplication.translate("Rules", "all words"),
        "phrase": QCoreApplication.translate("Rules", "exact phrase"),
        "regex": QCoreApplication.translate("Rules", "regular expression"),
        "fuzzy": QCoreApplication.translate("Rules", "similar spelling"),
    }
    return labels.get(kind, kind)


def field_label(field: str) -> str:
    labels = {
        "all": QCoreApplication.translate("Rules", "everywhere"),
        "title": QCoreApplication.translate("Rules", "title"),
        "body": QCoreApplication.translate("Rules", "text"),
        "ministry": QCoreApplication.translate("Rules", "ministry"),
    }
    return labels.get(field, field)


class RulesDialog(QDialog):
    """The tag rules: add one (with a preview of what it would tag), remove one, or apply them all."""

    #: rules changed or tags were attached: the window should refresh its counts
    changed = Signal()

    def __init__(self, archive: Archive, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Tag rules"))
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("rulesTable")
        self.table.setAccessibleName(self.tr("Tag rules"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit(self)
        self.name.setObjectName("ruleName")
        self.tag = QLineEdit(self)
        self.tag.setObjectName("ruleTag")
        completer = make_completer(self.tag)
        model = completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(known)
        self.tag.setCompleter(completer)
        self.match = QComboBox(self)
        for kind in MATCH_KINDS:
            self.match.addItem(match_kind_label(kind), kind)
        self.pattern = QLineEdit(self)
        self.pattern.setObjectName("rulePattern")
        self.field = QComboBox(self)
        for field in FIELDS:
            self.field.addItem(field_label(field), field)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setToolTip(self.tr("Show which documents this rule would tag, without saving it"))
        self.add_button = QPushButton(self.tr("A&dd rule"), self)
        self.remove_button = QPushButton(self.tr("&Remove rule"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected rule and the tags it attached"))
        self.apply_button = QPushButton(self.tr("Appl&y all rules to the archive"), self)
        self.apply_button.setObjectName("applyRules")
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview = QListWidget(self)
        self.preview.setObjectName("rulePreview")
        self.preview.setAccessibleName(self.tr("Documents the rule would tag"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Tag:"), self.tag)
        form.addRow(self.tr("&Match:"), self.match)
        form.addRow(self.tr("Patt&ern:"), self.pattern)
        form.addRow(self.tr("&Field:"), self.field)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.add_button)
        row.addStretch(1)
        table_row = QHBoxLayout()
        table_row.addWidget(self.remove_button)
        table_row.addStretch(1)
        table_row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(table_row)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

        self.preview_button.clicked.connect(self.run_preview)
        self.pattern.returnPressed.connect(self.run_preview)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.apply_button.clicked.connect(self._apply)
        self.resize(720, 640)
        self.reload()

    def reload(self) -> None:
        from esgdesk.library.tagging import rules

        Operation(self, lambda: rules(self.archive)).success(self._show_rules).failure(self._failed).run()

    def _show_rules(self, rules: list[dict[str, object]]) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Tag"), self.tr("Match"), self.tr("Pattern"), self.tr("Field")]
        )
        self.table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            values = [
                str(rule["name"]),
                str(rule["tag"]),
                match_kind_label(str(rule["match"])),
                str(rule["pattern"]),
                field_label(str(rule["field"])),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(DATA_ROLE, rule["name"])
                self.table.setItem(row, column, item)

    def run_preview(self) -> None:
        from esgdesk.library.tagging import preview_rule

        kind, pattern, field = str(self.match.currentData()), self.pattern.text(), str(self.field.currentData())
        Operation(self, lambda: preview_rule(self.archive, kind, pattern, field)).success(self._show_preview).failure(
            self._failed
        ).run()

    def _show_preview(self, value: tuple[int, list[tuple[int, str]]]) -> None:
        total, shown = value
        self.preview_label.setText(self.tr("This rule would tag %n documents.", "", total))
        self.preview.clear()
        for _document_id, title in shown:
            QListWidgetItem(title, self.preview)

    def _add(self) -> None:
        from esgdesk.library.tagging import add_rule

        values = (
            self.name.text(),
            self.tag.text().strip(),
            str(self.match.currentData()),
            self.pattern.text(),
            str(self.field.currentData()),
        )

        def done(_result: object) -> None:
            self.name.clear()
            self.pattern.clear()
            self.preview_label.setText(self.tr("Rule added. It tags new imports; apply it to tag the archive too."))
            self.reload()
            self.changed.emit()

        Operation(self, lambda: add_rule(self.archive, *values), writer=True).success(done).failure(self._failed).run()

    def _remove(self) -> None:
        from esgdesk.library.tagging import remove_rule

        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        if item is None:
            return
        name = str(item.data(DATA_ROLE))

        def done(removed: int) -> None:
            self.preview_label.setText(self.tr("Rule removed with the %n tags it had attached.", "", removed))
            self.reload()
            self.changed.emit()

        Operation(self, lambda: remove_rule(self.archive, name), writer=True).success(done).failure(self._failed).run()

    def _apply(self) -> None:
        from esgdesk.library.tagging import apply_all_rules

        def done(added: int) -> None:
            self.preview_label.setText(self.tr("%n tags added.", "", added))
            self.changed.emit()

        Operation(self, lambda: apply_all_rules(self.archive), writer=True).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Tag rules"), str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
