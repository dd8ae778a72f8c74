"""Tags: tag and untag documents, rename, recolour and merge tags, and the rules that tag on import."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog

from esgdesk.library.browse import ScopeKind
from esgdesk.ui import commands
from esgdesk.ui.feature_controller import FeatureController
from esgdesk.ui.operations import Operation
from esgdesk.ui.tags_panel import TagDialog


class TagController(FeatureController):
    def __init__(self, bench: Any) -> None:
        super().__init__(bench)
        self.known_tags: list[Any] = []

    def _load_known_tags(self) -> None:
        archive = self.window.archive
        if archive is None:
            return
        from esgdesk.library.tagging import all_tags

        def loaded(tags: list[Any]) -> None:
            self.known_tags = tags
            self.tags_panel.set_known_tags([tag.path for tag in tags])

        Operation(self, lambda: all_tags(archive)).success(loaded).failure(self.window.background_failed).run()

    def tag_selection(self, paths: list[str]) -> None:
        ids = self._selection_or_current()
        if not ids:
            return
        pair = commands.tag_documents(ids, paths)
        text = self.tr("Tag %n documents", "", len(ids))
        self.edits.perform(text, pair.do, pair.undo)

    def tag_dialog(self) -> None:
        ids = self._selection_or_current()
        if not ids:
            self.window.statusBar().showMessage(self.tr("Select documents in the list first."), 5000)
            return
        dialog = TagDialog(len(ids), [tag.path for tag in self.known_tags], self.window)
        self._open(dialog, lambda: self.tag_selection(dialog.paths()) if dialog.paths() else None)

    def untag_current(self, paths: list[str]) -> None:
        document_id = self._need_document()
        if document_id is not None:
            pair = commands.untag_documents([(document_id, path) for path in paths])
            self.edits.perform(self.tr("Remove tags"), pair.do, pair.undo)

    def rename_tag(self) -> None:
        chosen = self._sidebar_choice(ScopeKind.TAG)
        if chosen is None:
            return
        tag_id, name = chosen
        new, ok = QInputDialog.getText(self.window, self.tr("Rename tag"), self.tr("New name:"), text=name)
        if ok and new.strip() and new.strip() != name:
            pair = commands.rename_tag(self.ids, tag_id, new)
            self.edits.perform(self.tr("Rename tag"), pair.do, pair.undo)

    def color_tag(self) -> None:
        chosen = self._sidebar_choice(ScopeKind.TAG)
        if chosen is None:
            return
        tag_id, _name = chosen
        current = next((tag.color for tag in self.known_tags if tag.id == tag_id), None)
        color = QColorDialog.getColor(QColor(current or "#6fa8dc"), self.window, self.tr("Tag colour"))
        if color.isValid():
            pair = commands.set_tag_color(self.ids, tag_id, color.name())
            self.edits.perform(self.tr("Tag colour"), pair.do, pair.undo)

    def merge_tag(self) -> None:
        chosen = self._sidebar_choice(ScopeKind.TAG)
        if chosen is None:
            return
        tag_id, _name = chosen
        others = [tag for tag in self.known_tags if tag.id != tag_id]
        if not others:
            return
        source = next((tag.path for tag in self.known_tags if tag.id == tag_id), _name)
        target, ok = QInputDialog.getItem(
            self.window,
            self.tr("Merge tag"),
            self.tr("Merge “%1” into:").replace("%1", source),
            [tag.path for tag in others],
            0,
            False,
        )
        if ok and target:
            target_id = next(tag.id for tag in others if tag.path == target)
            pair = commands.merge_tags(self.ids, tag_id, target_id)
            self.edits.perform(self.tr("Merge tags"), pair.do, pair.undo)

    def manage_rules(self) -> None:
        from esgdesk.ui.tags_panel import RulesDialog

        archive = self.window.archive
        if archive is None:
            return
        dialog = RulesDialog(archive, [tag.path for tag in self.known_tags], self.window)
        dialog.changed.connect(lambda: self._edit_applied(self.tr("Tag rules")))
        dialog.exec()
