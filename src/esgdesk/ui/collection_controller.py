"""Collections (a briefing in the making): make one, add to it, arrange, rename, delete; drops on the sidebar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog

from esgdesk.library.browse import ScopeKind
from esgdesk.ui import commands
from esgdesk.ui.feature_controller import FeatureController
from esgdesk.ui.operations import Operation


class CollectionController(FeatureController):
    def _collections(self) -> list[tuple[int, str]]:
        data = self.window.lists.sidebar_data
        if data is None:
            return []
        return [(int(entry.scope.value or 0), entry.name) for entry in data.collections]

    def new_collection(self) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("New collection"), self.tr("Name:"))
        if ok and name.strip():
            ids = self.window.selected_ids()
            pair = commands.add_to_collection(self.ids, name.strip(), ids)
            self.edits.perform(self.tr("New collection"), pair.do, pair.undo)

    def add_to_collection(self) -> None:
        ids = self._selection_or_current()
        if not ids:
            self.window.statusBar().showMessage(self.tr("Select documents in the list first."), 5000)
            return
        existing = self._collections()
        names = [name for _id, name in existing]
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Add to collection"),
            self.tr("Add the %n selected documents to the collection (type a new name to make one):", "", len(ids)),
            names,
            0,
            True,
        )
        if ok and name.strip():
            self.add_documents_to(name.strip(), ids)

    def add_documents_to(self, name_or_id: str | int, ids: list[int]) -> None:
        existing = dict((name, cid) for cid, name in self._collections())
        target: int | str = name_or_id
        if isinstance(name_or_id, str) and name_or_id in existing:
            target = existing[name_or_id]
        pair = commands.add_to_collection(self.ids, target, ids)
        self.edits.perform(self.tr("Add %n documents to collection", "", len(ids)), pair.do, pair.undo)

    def arrange_collection(self) -> None:
        from esgdesk.library import browse
        from esgdesk.library.collections import get_collection
        from esgdesk.ui.collection_dialog import CollectionDialog

        chosen = self._sidebar_choice(ScopeKind.COLLECTION)
        archive = self.window.archive
        if chosen is None or archive is None:
            return
        collection_id, name = chosen

        def load() -> list[tuple[int, str]]:
            order = get_collection(archive, collection_id).document_ids
            rows = browse.document_rows(archive, order)
            return [(i, rows[i].title) for i in order if i in rows]

        def loaded(documents: list[tuple[int, str]]) -> None:
            dialog = CollectionDialog(name, documents, self.window)
            accepted = dialog.exec() == CollectionDialog.DialogCode.Accepted
            if accepted and dialog.order() != [i for i, _t in documents]:
                pair = commands.arrange_collection(self.ids, collection_id, dialog.order(), dialog.removed())
                self.edits.perform(self.tr("Arrange collection"), pair.do, pair.undo)

        Operation(self, load).success(loaded).failure(self.window.background_failed).run()

    def rename_collection(self) -> None:
        chosen = self._sidebar_choice(ScopeKind.COLLECTION)
        if chosen is None:
            return
        collection_id, name = chosen
        new, ok = QInputDialog.getText(self.window, self.tr("Rename collection"), self.tr("New name:"), text=name)
        if ok and new.strip() and new.strip() != name:
            pair = commands.rename_collection(self.ids, collection_id, new)
            self.edits.perform(self.tr("Rename collection"), pair.do, pair.undo)

    def delete_collection(self) -> None:
        chosen = self._sidebar_choice(ScopeKind.COLLECTION)
        if chosen is None:
            return
        collection_id, _name = chosen
        pair = commands.delete_collection(self.ids, collection_id)
        self.edits.perform(self.tr("Delete collection"), pair.do, pair.undo)

    def _dropped_on_sidebar(self, scope: Any, ids: list[int]) -> None:
        if scope.kind is ScopeKind.COLLECTION:
            self.add_documents_to(int(scope.value), ids)
        elif scope.kind is ScopeKind.TAG:
            path = next((tag.path for tag in self.bench.tagging.known_tags if tag.id == scope.value), None)
            if path is not None:
                pair = commands.tag_documents(ids, [path])
                self.edits.perform(self.tr("Tag %n documents", "", len(ids)), pair.do, pair.undo)
