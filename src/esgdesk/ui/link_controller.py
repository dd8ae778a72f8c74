"""Links between documents: make one with the link dialog, remove one, accept or dismiss a suggestion."""

from __future__ import annotations

from typing import Any

from esgdesk.ui import commands
from esgdesk.ui.feature_controller import FeatureController
from esgdesk.ui.links_panel import LinkDialog


class LinkController(FeatureController):
    def link_to(self) -> None:
        document_id = self._need_document()
        archive = self.window.archive
        if document_id is None or archive is None:
            return
        title = str((self.window.reader.details or {}).get("title") or "")
        dialog = LinkDialog(archive, document_id, title, self.window)

        def accepted() -> None:
            target = dialog.target_id()
            if target is None:
                return
            pair = commands.create_link(
                self.ids, document_id, target, dialog.relation_key(), dialog.note.text(), dialog.target_annotation_id()
            )
            self.edits.perform(self.tr("Link"), pair.do, pair.undo, lambda _v: self.panel.setCurrentIndex(1))

        self._open(dialog, accepted)

    def delete_link(self, view: Any) -> None:
        document_id = self._need_document()
        if document_id is not None:
            pair = commands.delete_link(self.ids, view, document_id)
            self.edits.perform(self.tr("Remove link"), pair.do, pair.undo)

    def accept_suggestion(self, suggestion: Any) -> None:
        document_id = self._need_document()
        if document_id is not None:
            pair = commands.accept_suggestion(self.ids, suggestion, document_id)
            self.edits.perform(self.tr("Accept suggested link"), pair.do, pair.undo)

    def dismiss_suggestion(self, suggestion: Any) -> None:
        from esgdesk.notes.links import dismiss_suggestion

        document_id = self._need_document()
        if document_id is not None:
            # Not undoable: a dismissal only hides a suggestion, and the link can still be made by hand.
            self.edits.perform(
                self.tr("Dismiss suggestion"), lambda a: dismiss_suggestion(a, document_id, suggestion.id), None
            )
