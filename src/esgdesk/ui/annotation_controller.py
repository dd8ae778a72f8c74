"""Highlights and annotated passages of the document on show: make, edit, re-anchor, delete — all undoable."""

from __future__ import annotations

from typing import Any

from esgdesk.ui import commands
from esgdesk.ui.annotations_panel import AnnotateDialog
from esgdesk.ui.feature_controller import FeatureController
from esgdesk.ui.operations import Operation


class AnnotationController(FeatureController):
    def __init__(self, bench: Any) -> None:
        super().__init__(bench)
        self.categories: list[Any] = []
        self._last_category: str | None = None
        #: the annotation just made: selected in the panel once the panel shows it
        self._select_after_reload: int | None = None

    def _load_categories(self) -> None:
        archive = self.window.archive
        if archive is None:
            return
        from esgdesk.notes.annotations import list_categories

        def loaded(categories: list[Any]) -> None:
            self.categories = categories
            if self._last_category is None and categories:
                self._last_category = categories[0].name
            if self.extras is not None:
                self.annotations.show_annotations(self.extras.annotations, self.categories)

        # list_categories creates the four defaults on first use, so it is a write.
        Operation(self, lambda: list_categories(archive), writer=True).success(loaded).failure(
            self.window.background_failed
        ).run()

    def highlight(self) -> None:
        chosen = self._need_span()
        if chosen is not None:
            document_id, (start, end) = chosen
            self._create_annotation(document_id, start, end, "", self._last_category)

    def annotate(self) -> None:
        chosen = self._need_span()
        if chosen is None:
            return
        document_id, (start, end) = chosen
        body = (self.window.reader.details or {}).get("body") or ""
        dialog = AnnotateDialog(body[start:end], self.categories, self._last_category, self.window)

        def accepted() -> None:
            category = dialog.category.current_name()
            self._last_category = category or self._last_category
            self._create_annotation(document_id, start, end, dialog.note.text(), category)

        self._open(dialog, accepted)

    def _create_annotation(self, document_id: int, start: int, end: int, note: str, category: str | None) -> None:
        pair, state = commands.create_annotation(self.ids, document_id, start, end, note, category)
        text = self.tr("Annotate") if note else self.tr("Highlight")

        def done(view: Any) -> None:
            self._select_after_reload = state["id"]
            self.panel.setCurrentIndex(0)

        self.edits.perform(text, pair.do, pair.undo, done)

    def save_note(self, view: Any, note: str) -> None:
        pair = commands.update_annotation(self.ids, view, note=note)
        self.edits.perform(self.tr("Edit note"), pair.do, pair.undo)

    def change_category(self, view: Any, category: str | None) -> None:
        pair = commands.update_annotation(self.ids, view, category=category)
        self._last_category = category or self._last_category
        self.edits.perform(self.tr("Change category"), pair.do, pair.undo)

    def delete_annotation(self, view: Any) -> None:
        pair = commands.delete_annotation(self.ids, view)
        self.edits.perform(self.tr("Delete annotation"), pair.do, pair.undo)

    def reattach(self, view: Any | None) -> None:
        if view is None:
            self.window.statusBar().showMessage(self.tr("Choose the annotation in the panel first."), 5000)
            return
        chosen = self._need_span()
        if chosen is not None:
            _document_id, (start, end) = chosen
            pair = commands.move_annotation(self.ids, view, start, end)
            self.edits.perform(self.tr("Re-attach annotation"), pair.do, pair.undo)

    def _show_passage(self, view: Any) -> None:
        if view is not None and not view.orphaned:
            self.window.reader.select_span(view.start, view.end)

    def _passage_clicked(self, annotation_id: int) -> None:
        self.panel.setCurrentIndex(0)
        self.annotations.select_annotation(annotation_id)
