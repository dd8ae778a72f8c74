"""Links between releases: the Link to… dialog, and the panel of links, backlinks and suggestions.

A link is one row read from both ends, so the panel shows a backlink with the relation's inverse label
("is followed by") — the reader of the earlier release sees that a later one follows it up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from esgdesk.core.archive import Archive
from esgdesk.notes.links import RELATIONS
from esgdesk.ui.authorship import byline, local_time
from esgdesk.ui.operations import Operation
from esgdesk.ui.tree_items import child_items, top_level_items

DATA_ROLE = Qt.ItemDataRole.UserRole + 1
#: how many hits the Link to… dialog lists for a search
LINK_SEARCH_LIMIT = 30
SEARCH_DELAY_MS = 200


def relation_label(key: str, inverse: bool = False) -> str:
    """The relation as the reader of one end sees it, in the interface language."""
    labels = {
        "follows_up": (
            QCoreApplication.translate("Links", "follows up"),
            QCoreApplication.translate("Links", "is followed by"),
        ),
        "supersedes": (
            QCoreApplication.translate("Links", "supersedes"),
            QCoreApplication.translate("Links", "is superseded by"),
        ),
        "corrects": (
            QCoreApplication.translate("Links", "corrects"),
            QCoreApplication.translate("Links", "is corrected by"),
        ),
        "same_programme": (
            QCoreApplication.translate("Links", "same programme"),
            QCoreApplication.translate("Links", "same programme"),
        ),
        "cites": (QCoreApplication.translate("Links", "cites"), QCoreApplication.translate("Links", "is cited by")),
        "related": (QCoreApplication.translate("Links", "related"), QCoreApplication.translate("Links", "related")),
    }
    pair = labels.get(key)
    if pair is None:
        relation = RELATIONS.get(key)
        return (relation.inverse_label if inverse else relation.label) if relation else key
    return pair[1] if inverse else pair[0]


class LinkDialog(QDialog):
    """Link to…: search the archive, pick a document (and, optionally, one of its annotated passages)."""

    def __init__(self, archive: Archive, source_id: int, source_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.source_id = source_id
        self._generation = 0
        self.setWindowTitle(self.tr("Link to…"))
        intro = QLabel(self.tr("Link “%1” to another document.").replace("%1", source_title), self)
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("linkSearch")
        self.search.setPlaceholderText(self.tr("Search the archive: words, title:, tag:, region: …"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search for the document to link"))
        self.results = QListWidget(self)
        self.results.setObjectName("linkResults")
        self.results.setAccessibleName(self.tr("Documents found"))
        self.passage = QComboBox(self)
        self.passage.setAccessibleName(self.tr("Passage"))
        self.relation = QComboBox(self)
        self.relation.setObjectName("linkRelation")
        self.relation.setAccessibleName(self.tr("Relation"))
        for key in RELATIONS:
            self.relation.addItem(relation_label(key), key)
        self.relation.setCurrentIndex(self.relation.findData("related"))
        self.note = QLineEdit(self)
        self.note.setObjectName("linkNote")
        self.note.setAccessibleName(self.tr("Note on the link"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Link"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("&Search:"), self.search)
        form.addRow(self.results)
        form.addRow(self.tr("&Passage:"), self.passage)
        form.addRow(self.tr("&Relation:"), self.relation)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.results.currentItemChanged.connect(self._target_changed)
        self._update_ok()
        self.resize(560, 520)

    # -- searching ----------------------------------------------------------------------------------------

    def _search_now(self) -> None:
        self._timer.stop()
        self.run_search()
        self.results.setFocus()

    def run_search(self) -> None:
        query = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self.results.clear()
            return
        archive, source_id = self.archive, self.source_id

        def work() -> list[tuple[int, str, str]]:
            from esgdesk.search.service import search

            result = search(archive, query, limit=LINK_SEARCH_LIMIT + 1)
            return [
                (hit.id, hit.title, hit.published.isoformat() if hit.published else "")
                for hit in result.hits
                if hit.id != source_id
            ][:LINK_SEARCH_LIMIT]

        Operation(self, work).success(lambda hits: self._show_hits(generation, hits)).failure(
            lambda exc: self._search_failed(generation, exc)
        ).run()

    def _show_hits(self, generation: int, hits: list[tuple[int, str, str]]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for document_id, title, published in hits:
            item = QListWidgetItem(f"{title}  ({published})" if published else title, self.results)
            item.setData(DATA_ROLE, document_id)
            item.setToolTip(title)
        self.status.setText(self.tr("%n documents found", "", len(hits)))
        if hits:
            self.results.setCurrentRow(0)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def _target_changed(self, *_args: object) -> None:
        self.passage.clear()
        self.passage.addItem(self.tr("The whole document"), None)
        target = self.target_id()
        self._update_ok()
        if target is None:
            return
        archive = self.archive

        def work() -> list[tuple[int, str]]:
            from esgdesk.notes.annotations import list_annotations

            return [(v.id, v.quote) for v in list_annotations(archive, target) if not v.orphaned]

        def loaded(passages: list[tuple[int, str]]) -> None:
            if self.target_id() != target:
                return
            for annotation_id, quote in passages:
                short = quote if len(quote) <= 60 else quote[:59] + "…"
                self.passage.addItem(f"“{short}”", annotation_id)

        Operation(self, work).success(loaded).run()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target_id() is not None)

    # -- the answer ---------------------------------------------------------------------------------------

    def target_id(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(DATA_ROLE)) if item is not None else None

    def target_title(self) -> str:
        item = self.results.currentItem()
        return item.toolTip() if item is not None else ""

    def relation_key(self) -> str:
        return str(self.relation.currentData())

    def target_annotation_id(self) -> int | None:
        value = self.passage.currentData()
        return int(value) if value is not None else None


class LinksPanel(QWidget):
    """Links from and to the document, and suggested links with their reasons."""

    navigateRequested = Signal(int)
    deleteRequested = Signal(object)
    acceptRequested = Signal(object)
    dismissRequested = Signal(object)

    def __init__(self, link_action: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("linkTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkToButton")
        self.link_button.clicked.connect(link_action.trigger)
        self._link_action = link_action
        self.delete_button = QPushButton(self)
        self.suggestions_label = QLabel(self)
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("suggestionList")
        self.suggestions.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("acceptSuggestion")
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("dismissSuggestion")
        self.suggestions_label.setBuddy(self.suggestions)

        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        suggestion_buttons = QHBoxLayout()
        suggestion_buttons.addWidget(self.accept_button)
        suggestion_buttons.addWidget(self.dismiss_button)
        suggestion_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions, 2)
        layout.addLayout(suggestion_buttons)

        self.tree.itemActivated.connect(self._activated)
        self.delete_button.clicked.connect(self._delete)
        self.accept_button.clicked.connect(lambda: self._suggestion(self.acceptRequested))
        self.dismiss_button.clicked.connect(lambda: self._suggestion(self.dismissRequested))
        self.suggestions.itemActivated.connect(lambda _item: self._suggestion(self.acceptRequested))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self._delete)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.suggestions, self._dismiss_current)
        self._links: Any = None
        self._suggestions: list[Any] = []
        self._authors: dict[int, tuple[str | None, Any]] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setAccessibleName(self.tr("Links and backlinks"))
        self.tree.setToolTip(self.tr("Enter opens the linked document; Delete removes the link"))
        self.link_button.setText(self.tr("Link to…"))
        self.link_button.setToolTip(self.tr("Link this document to another (Ctrl+K)"))
        self.delete_button.setText(self.tr("Remove link"))
        self.delete_button.setToolTip(self.tr("Remove the selected link (Delete)"))
        self.suggestions_label.setText(self.tr("S&uggested links"))
        self.suggestions.setAccessibleName(self.tr("Suggested links"))
        self.suggestions.setToolTip(self.tr("Enter accepts the suggestion; Delete dismisses it"))
        self.accept_button.setText(self.tr("&Accept"))
        self.accept_button.setToolTip(self.tr("Make this link"))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Never suggest this pair again"))
        self._fill()

    def show_links(
        self,
        links: Any,
        suggestions: list[Any],
        authors: dict[int, tuple[str | None, Any]] | None = None,
    ) -> None:
        """`authors`: link id → (who made it, when), from esgdesk.library.browse.link_authors."""
        self._links = links
        self._suggestions = list(suggestions)
        self._authors = dict(authors or {})
        self._fill()

    def clear(self) -> None:
        self.show_links(None, [])

    def _fill(self) -> None:
        self.tree.clear()
        if self._links is not None:
            groups: list[tuple[str, list[Any], Callable[[Any], str]]] = [
                (self.tr("Links"), self._links.links, lambda v: f"{relation_label(v.relation)} → {v.other_title}"),
                (
                    self.tr("Backlinks"),
                    self._links.backlinks,
                    lambda v: f"{relation_label(v.relation, inverse=True)} ← {v.other_title}",
                ),
            ]
            for title, views, text in groups:
                group = QTreeWidgetItem(self.tree, [f"{title} ({len(views)})"])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                for view in views:
                    line = text(view)
                    made = self._authors.get(view.link_id)
                    if made is not None:
                        line += "\n" + byline(made[0], made[1])
                    item = QTreeWidgetItem(group, [line])
                    item.setData(0, DATA_ROLE, view)
                    tips = [view.note or view.other_title]
                    if view.origin == "suggested":
                        tips.append(self.tr("(accepted suggestion)"))
                    if made is not None:
                        who = made[0] or self.tr("unknown author")
                        tips.append(self.tr("Linked by %1 on %2").replace("%2", local_time(made[1])).replace("%1", who))
                    item.setToolTip(0, "\n".join(tips))
                group.setExpanded(True)
        self.suggestions.clear()
        for suggestion in self._suggestions:
            entry = QListWidgetItem(f"{suggestion.title}\n{suggestion.reason}", self.suggestions)
            entry.setData(DATA_ROLE, suggestion)
            entry.setToolTip(
                self.tr("Would link as “%1”").replace("%1", relation_label(suggestion.relation, suggestion.reverse))
            )
        has_suggestions = bool(self._suggestions)
        self.accept_button.setEnabled(has_suggestions)
        self.dismiss_button.setEnabled(has_suggestions)
        if has_suggestions:
            self.suggestions.setCurrentRow(0)
        self.link_button.setEnabled(self._links is not None)

    def current_link(self) -> Any | None:
        item = self.tree.currentItem()
        return item.data(0, DATA_ROLE) if item is not None else None

    def link_items(self) -> list[str]:
        """Every link line as shown (tests and screen readers read the same text)."""
        lines: list[str] = []
        for group in top_level_items(self.tree):
            lines.extend(child.text(0) for child in child_items(group))
        return lines

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        view = item.data(0, DATA_ROLE)
        if view is not None:
            self.navigateRequested.emit(view.other_id)

    def _delete(self) -> None:
        view = self.current_link()
        if view is not None:
            self.deleteRequested.emit(view)

    def _dismiss_current(self) -> None:
        self._suggestion(self.dismissRequested)

    def _suggestion(self, signal: Any) -> None:
        item = self.suggestions.currentItem()
        if item is not None:
            signal.emit(item.data(DATA_ROLE))
