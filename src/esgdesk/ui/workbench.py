"""The working surfaces of the main window: annotate, link, tag, collect, brief — every edit undoable.

The window owns the layout (list, reader, this controller's side panel); this controller owns the behaviour:
its actions and menus, the side panel's data for the document on show, the back/forward history, and turning
each request of a panel or dialog into an undoable edit (esgdesk.ui.commands) on the writer thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QColorDialog, QDialog, QInputDialog, QMenu, QMessageBox, QTabWidget, QWidget

from esgdesk.core.browse import ScopeKind
from esgdesk.ui import commands
from esgdesk.ui.about import show_about
from esgdesk.ui.annotations_panel import AnnotateDialog, AnnotationsPanel
from esgdesk.ui.authorship import apply_author
from esgdesk.ui.edits import EditRunner
from esgdesk.ui.links_panel import LinkDialog, LinksPanel
from esgdesk.ui.operations import Operation
from esgdesk.ui.tags_panel import TagDialog, TagsPanel

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow

#: how many suggested links the panel lists
SUGGESTIONS = 8


@dataclass
class DocumentExtras:
    """Everything the side panel shows for one document, read in one background job."""

    document_id: int
    annotations: list[Any] = field(default_factory=list)
    links: Any = None
    suggestions: list[Any] = field(default_factory=list)
    tags: list[Any] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    #: link id → (who made it, when): the links panel says who linked
    link_authors: dict[int, tuple[str | None, Any]] = field(default_factory=dict)


def load_extras(archive: Any, document_id: int) -> DocumentExtras:
    from esgdesk.core.browse import link_authors
    from esgdesk.core.tagging import document_tags
    from esgdesk.knowledge.store import document_entities, document_facts
    from esgdesk.notes.annotations import list_annotations
    from esgdesk.notes.links import links_of, suggest_links

    extras = DocumentExtras(document_id)
    extras.annotations = list_annotations(archive, document_id)
    extras.links = links_of(archive, document_id)
    extras.link_authors = link_authors(archive, [v.link_id for v in extras.links.links + extras.links.backlinks])
    extras.suggestions = suggest_links(archive, document_id, limit=SUGGESTIONS)
    extras.tags = document_tags(archive, document_id)
    with archive.session() as session:
        extras.entities = document_entities(session, document_id)
        extras.facts = document_facts(session, document_id)
    return extras


def _set_keys(action: QAction, *keys: QKeySequence) -> None:
    """Give an action its keys once each: a key bound twice to one action is ambiguous to Qt, which then
    triggers nothing. (The platform's StandardKey.Back is not used: on Linux it includes Backspace.)"""
    unique = list({key.toString(): key for key in keys if not key.isEmpty()}.values())
    action.setShortcuts(unique)


class Workbench(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.edits = EditRunner(lambda: window.archive, self)
        self.ids = commands.Ids()
        self.categories: list[Any] = []
        self.known_tags: list[Any] = []
        self.extras: DocumentExtras | None = None
        self._extras_generation = 0
        self._history: list[int] = []
        self._history_index = -1
        self._navigating = False
        self._last_category: str | None = None
        #: the annotation just made: selected in the panel once the panel shows it
        self._select_after_reload: int | None = None
        self.wizard: Any = None
        self.dialog: QDialog | None = None
        #: Library › Activity…: one window, kept while the main window lives
        self.activity_dialog: Any = None
        #: (annotation id, text): an unsaved note to put back in the editor once the panel shows that annotation
        self._restore_note: tuple[int, str] | None = None

        self.panel = QTabWidget(window)
        self.panel.setObjectName("documentPanel")
        # Three tabs in a narrow column: shorten their labels rather than hide one behind scroll arrows.
        self.panel.setUsesScrollButtons(False)
        self.panel.setElideMode(Qt.TextElideMode.ElideRight)
        self.annotations = AnnotationsPanel(self.panel)
        self.links_panel: LinksPanel
        self._make_actions()
        self.links_panel = LinksPanel(self.link_action, self.panel)
        self.tags_panel = TagsPanel(self.panel)
        self.panel.addTab(self.annotations, "")
        self.panel.addTab(self.links_panel, "")
        self.panel.addTab(self.tags_panel, "")

        reader = window.reader
        reader.set_context_actions(
            [self.highlight_action, self.annotate_action, None, self.link_action, self.reattach_action]
        )
        reader.annotationClicked.connect(self._passage_clicked)
        self.annotations.activated.connect(self._show_passage)
        self.annotations.noteSaveRequested.connect(self.save_note)
        self.annotations.categoryChangeRequested.connect(self.change_category)
        self.annotations.deleteRequested.connect(self.delete_annotation)
        self.annotations.reattachRequested.connect(self.reattach)
        self.links_panel.navigateRequested.connect(window.show_document)
        self.links_panel.deleteRequested.connect(self.delete_link)
        self.links_panel.acceptRequested.connect(self.accept_suggestion)
        self.links_panel.dismissRequested.connect(self.dismiss_suggestion)
        self.tags_panel.addRequested.connect(self.tag_selection)
        self.tags_panel.removeRequested.connect(self.untag_current)
        window.sidebar.documentsDropped.connect(self._dropped_on_sidebar)
        window.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        window.documentShown.connect(self._document_shown)
        window.archiveOpened.connect(self._archive_opened)
        self.edits.applied.connect(self._edit_applied)
        self.edits.failed.connect(self._edit_failed)
        self.edits.conflicted.connect(self._edit_conflicted)
        self.edits.stack.indexChanged.connect(lambda _i: self._update_actions())

    # -- actions and menus ----------------------------------------------------------------------------------

    def _action(self, shortcut: str | QKeySequence.StandardKey | None, slot: Any) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        stack = self.edits.stack
        self.undo_action = stack.createUndoAction(self.window)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self.window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.window.addAction(action)
        self.highlight_action = self._action("Ctrl+Shift+H", self.highlight)
        self.annotate_action = self._action("Ctrl+Shift+A", self.annotate)
        self.reattach_action = self._action(None, lambda: self.reattach(self.annotations.current_view()))
        self.link_action = self._action("Ctrl+K", self.link_to)
        self.tag_action = self._action("Ctrl+T", self.tag_dialog)
        self.collect_action = self._action("Ctrl+Shift+C", self.add_to_collection)
        self.back_action = self._action("Alt+Left", self.go_back)
        _set_keys(self.back_action, QKeySequence("Alt+Left"), QKeySequence("Ctrl+["))
        self.forward_action = self._action("Alt+Right", self.go_forward)
        _set_keys(self.forward_action, QKeySequence("Alt+Right"), QKeySequence("Ctrl+]"))
        self.new_collection_action = self._action("Ctrl+Shift+N", self.new_collection)
        self.arrange_action = self._action(None, self.arrange_collection)
        self.rename_collection_action = self._action(None, self.rename_collection)
        self.delete_collection_action = self._action(None, self.delete_collection)
        self.rename_tag_action = self._action(None, self.rename_tag)
        self.color_tag_action = self._action(None, self.color_tag)
        self.merge_tag_action = self._action(None, self.merge_tag)
        self.rules_action = self._action(None, self.manage_rules)
        self.briefing_action = self._action("Ctrl+Shift+E", self.build_briefing)
        self.activity_action = self._action(None, self.show_activity)
        self.shortcuts_action = self._action("Ctrl+/", self.show_shortcuts)
        _set_keys(
            self.shortcuts_action,
            QKeySequence("Ctrl+/"),
            QKeySequence("F1"),
        )
        self.focus_actions = [
            self._action("Ctrl+1", lambda: self.window.sidebar.setFocus()),
            self._action("Ctrl+2", lambda: self.window.table.setFocus()),
            self._action("Ctrl+3", lambda: self.window.reader.text.setFocus()),
            self._action("Ctrl+4", lambda: self._focus_tab(0)),
            self._action("Ctrl+5", lambda: self._focus_tab(1)),
            self._action("Ctrl+6", lambda: self._focus_tab(2)),
        ]
        self._update_actions()

    def install_menus(self) -> None:
        """Add Undo/Redo to Edit, and the Document, Library, View and Help menus."""
        window = self.window
        edit = window.edit_menu
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [self.undo_action, self.redo_action])
        edit.insertSeparator(first)
        self.document_menu = window.menuBar().addMenu("")
        self.document_menu.addActions([self.highlight_action, self.annotate_action, self.reattach_action])
        self.document_menu.addSeparator()
        self.document_menu.addActions([self.link_action, self.tag_action, self.collect_action])
        self.document_menu.addSeparator()
        self.document_menu.addActions([self.back_action, self.forward_action])
        self.library_menu = window.menuBar().addMenu("")
        self.library_menu.addActions([self.new_collection_action, self.arrange_action, self.rename_collection_action])
        self.library_menu.addAction(self.delete_collection_action)
        self.library_menu.addSeparator()
        self.library_menu.addActions([self.rename_tag_action, self.color_tag_action, self.merge_tag_action])
        self.library_menu.addAction(self.rules_action)
        self.library_menu.addSeparator()
        self.library_menu.addAction(self.briefing_action)
        self.library_menu.addSeparator()
        self.library_menu.addAction(self.activity_action)
        self.view_menu = window.menuBar().addMenu("")
        self.view_menu.addActions(self.focus_actions)
        self.help_menu = window.menuBar().addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.about_action = self.help_menu.addAction("", lambda: show_about(window))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def retranslate(self) -> None:
        self.document_menu.setTitle(self.tr("&Document"))
        self.library_menu.setTitle(self.tr("&Library"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About ESG Desk"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        texts = [
            (self.highlight_action, self.tr("&Highlight"), self.tr("Highlight the selected passage")),
            (self.annotate_action, self.tr("&Annotate…"), self.tr("Annotate the selected passage with a note")),
            (
                self.reattach_action,
                self.tr("Re-attach annotation to selection"),
                self.tr("Anchor the annotation chosen in the panel to the selected passage"),
            ),
            (self.link_action, self.tr("&Link to…"), self.tr("Link this document to another")),
            (self.tag_action, self.tr("&Tag…"), self.tr("Tag the selected documents")),
            (
                self.collect_action,
                self.tr("Add to &collection…"),
                self.tr("Add the selected documents to a collection"),
            ),
            (self.back_action, self.tr("&Back"), self.tr("The document read before")),
            (self.forward_action, self.tr("&Forward"), self.tr("The document read after")),
            (self.new_collection_action, self.tr("&New collection…"), ""),
            (self.arrange_action, self.tr("&Arrange collection…"), self.tr("Order the collection for a briefing")),
            (self.rename_collection_action, self.tr("Re&name collection…"), ""),
            (self.delete_collection_action, self.tr("&Delete collection"), ""),
            (self.rename_tag_action, self.tr("&Rename tag…"), ""),
            (self.color_tag_action, self.tr("Tag c&olour…"), ""),
            (self.merge_tag_action, self.tr("&Merge tag into…"), ""),
            (self.rules_action, self.tr("Tag r&ules…"), ""),
            (self.briefing_action, self.tr("Build a &briefing…"), self.tr("Export a DOCX or PDF briefing packet")),
            (
                self.activity_action,
                self.tr("Acti&vity…"),
                self.tr("Recent changes in the archive: who annotated, linked, tagged or imported what"),
            ),
            (self.shortcuts_action, self.tr("&Keyboard shortcuts"), ""),
        ]
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        focus_texts = [
            self.tr("Go to the &library"),
            self.tr("Go to the document &list"),
            self.tr("Go to the &reader"),
            self.tr("Go to &annotations"),
            self.tr("Go to lin&ks"),
            self.tr("Go to &tags and entities"),
        ]
        for action, text in zip(self.focus_actions, focus_texts, strict=True):
            action.setText(text)
        self.panel.setTabText(0, self.tr("Annotations"))
        self.panel.setTabText(1, self.tr("Links"))
        self.panel.setTabText(2, self.tr("Tags && entities"))
        self.panel.setTabToolTip(0, self.tr("The document's highlights and notes (Ctrl+4)"))
        self.panel.setTabToolTip(1, self.tr("Links, backlinks and suggestions (Ctrl+5)"))
        self.panel.setTabToolTip(2, self.tr("Tags, regions, ministries, programmes, industries, facts (Ctrl+6)"))
        self.panel.setAccessibleName(self.tr("Document panel"))
        self.annotations.retranslate()
        self.links_panel.retranslate()
        self.tags_panel.retranslate()
        if self.activity_dialog is not None:
            self.activity_dialog.retranslate()

    def toolbar_actions(self) -> list[QAction | None]:
        return [
            self.back_action,
            self.forward_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.highlight_action,
            self.annotate_action,
            self.link_action,
            self.tag_action,
            self.collect_action,
            None,
            self.briefing_action,
        ]

    def shortcut_actions(self) -> list[QAction]:
        """Every action with keys, for Help › Keyboard shortcuts (the window's own come first)."""
        own = [a for a in self.window.actions() if a.shortcuts()]
        menus = [a for menu in self.window.menuBar().findChildren(QMenu) for a in menu.actions() if a.shortcuts()]
        return list(dict.fromkeys(menus + own))

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self._history_index > 0)
        self.forward_action.setEnabled(0 <= self._history_index < len(self._history) - 1)

    def _focus_tab(self, index: int) -> None:
        self.panel.setCurrentIndex(index)
        target = {0: self.annotations.list, 1: self.links_panel.tree, 2: self.tags_panel.field}[index]
        if index == 0 and not self.annotations.views():
            target = self.panel.tabBar()
        target.setFocus()
        if index == 0 and self.annotations.list.currentRow() < 0 and self.annotations.list.count():
            self.annotations.list.setCurrentRow(0)

    # -- the archive and the document on show ---------------------------------------------------------------

    def _archive_opened(self, archive: Any) -> None:
        self.edits.clear()
        self.ids = commands.Ids()
        self._history, self._history_index = [], -1
        self._update_actions()
        self._load_categories()
        self._load_known_tags()
        if self.activity_dialog is not None and self.activity_dialog.isVisible():
            self.activity_dialog.refresh()

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
            self.window._background_failed
        ).run()

    def _load_known_tags(self) -> None:
        archive = self.window.archive
        if archive is None:
            return
        from esgdesk.core.tagging import all_tags

        def loaded(tags: list[Any]) -> None:
            self.known_tags = tags
            self.tags_panel.set_known_tags([tag.path for tag in tags])

        Operation(self, lambda: all_tags(archive)).success(loaded).failure(self.window._background_failed).run()

    def _document_shown(self, document_id: int) -> None:
        if not self._navigating:
            if 0 <= self._history_index < len(self._history) and self._history[self._history_index] == document_id:
                pass
            else:
                del self._history[self._history_index + 1 :]
                self._history.append(document_id)
                self._history_index = len(self._history) - 1
        self._navigating = False
        self._update_actions()
        self.tags_panel.set_selection_size(len(self.window.selected_ids()))
        if self.extras is None or self.extras.document_id != document_id:
            self.annotations.show_annotations([], self.categories)
            self.links_panel.clear()
        self.reload_extras(document_id)

    def reload_extras(self, document_id: int | None = None) -> None:
        archive = self.window.archive
        document_id = document_id if document_id is not None else self.document_id()
        if archive is None or document_id is None:
            return
        self._extras_generation += 1
        generation = self._extras_generation

        def loaded(extras: DocumentExtras) -> None:
            if generation != self._extras_generation:
                return
            self.extras = extras
            self.annotations.show_annotations(extras.annotations, self.categories)
            if self._select_after_reload is not None:
                self.annotations.select_annotation(self.ids.now("annotation", self._select_after_reload))
                self._select_after_reload = None
            self.window.reader.set_annotations(extras.annotations)
            self.links_panel.show_links(extras.links, extras.suggestions, extras.link_authors)
            self._put_back_unsaved_note()
            self.tags_panel.show_tags(extras.tags)
            self.tags_panel.show_knowledge(extras.entities, extras.facts)
            self.window.reader.update_tags([row.path for row in extras.tags])
            self.window.extrasLoaded.emit(document_id)

        Operation(self, lambda: load_extras(archive, document_id)).success(loaded).failure(
            self.window._background_failed
        ).run()

    def document_id(self) -> int | None:
        details = self.window.reader.details
        return int(details["id"]) if details is not None else None

    # -- after an edit --------------------------------------------------------------------------------------

    def _edit_applied(self, text: str) -> None:
        window = self.window
        window.statusBar().showMessage(text, 4000)
        window.model.invalidate()
        window._load_sidebar()
        if window.scope.kind in (ScopeKind.TAG, ScopeKind.COLLECTION):
            window._load_list()
        self._load_known_tags()
        self.reload_extras()
        if self.activity_dialog is not None and self.activity_dialog.isVisible():
            self.activity_dialog.refresh()

    def _edit_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, self.tr("Not done"), message)

    # -- edit conflicts on a shared archive -------------------------------------------------------------------

    def _edit_conflicted(self, conflict: Any) -> None:
        """Someone saved first: show what is saved now, and let the analyst resolve it with both texts in view."""
        self.reload_extras()
        if conflict.theirs is None or conflict.yours is None:
            # A category or a re-attachment: nothing to merge, the panel now shows their change.
            self._edit_failed(str(conflict).splitlines()[0])
            return
        archive = self.window.archive
        object_kind = {"document note": "document"}.get(conflict.kind, conflict.kind)
        if archive is None:
            return

        def who_saved() -> str | None:
            from esgdesk.core.browse import last_change

            return last_change(archive, object_kind, conflict.object_id)[0]

        # The exception names the annotation's creator; the log knows who saved the text now in place.
        Operation(self, who_saved).success(lambda who: self._resolve(conflict, who)).failure(
            lambda _exc: self._resolve(conflict, None)
        ).run()

    def _resolve(self, conflict: Any, who: str | None) -> None:
        from esgdesk.ui.conflict_dialog import KEEP_THEIRS, SAVE_MERGED, ConflictDialog

        dialog = ConflictDialog(conflict, who, self.window)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.dialog = None
            if dialog.choice == SAVE_MERGED:
                pair = commands.overwrite_text(
                    self.ids,
                    conflict.kind,
                    conflict.object_id,
                    conflict.actual_version,
                    dialog.merged_text(),
                    conflict.theirs or "",
                )
                self.edits.perform(self.tr("Merge note"), pair.do, pair.undo)
            elif dialog.choice == KEEP_THEIRS:
                self.window.statusBar().showMessage(self.tr("Kept the saved version; yours was dropped."), 6000)
            elif conflict.kind == "annotation":
                # Decided nothing: the analyst's text goes back into the editor, unsaved, over the fresh version.
                self._restore_note = (conflict.object_id, conflict.yours or "")
                self.reload_extras()

        dialog.finished.connect(finished)
        dialog.open()

    def _put_back_unsaved_note(self) -> None:
        if self._restore_note is None:
            return
        annotation_id, text = self._restore_note
        if self.annotations.select_annotation(annotation_id):
            self._restore_note = None
            self.annotations.note.set_text(text)
            self.panel.setCurrentIndex(0)

    def _need_document(self) -> int | None:
        document_id = self.document_id()
        if document_id is None:
            self.window.statusBar().showMessage(self.tr("Open a document first."), 5000)
        return document_id

    def _need_span(self) -> tuple[int, tuple[int, int]] | None:
        document_id = self._need_document()
        if document_id is None:
            return None
        span = self.window.reader.selected_span()
        if span is None:
            self.window.statusBar().showMessage(
                self.tr("Select a passage in the reader first (Shift+arrows, or find it with Ctrl+F)."), 6000
            )
            return None
        return document_id, span

    # -- annotations ----------------------------------------------------------------------------------------

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

    # -- links ----------------------------------------------------------------------------------------------

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

    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        index = self._history_index + step
        if 0 <= index < len(self._history):
            self._history_index = index
            self._navigating = True
            self._update_actions()
            self.window.show_document(self._history[index])

    # -- tags -----------------------------------------------------------------------------------------------

    def _selection_or_current(self) -> list[int]:
        ids = self.window.selected_ids()
        if not ids and self.document_id() is not None:
            ids = [self.document_id() or 0]
        return ids

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

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Open a dialog window-modally without a nested event loop; `self.dialog` is the one open now."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def untag_current(self, paths: list[str]) -> None:
        document_id = self._need_document()
        if document_id is not None:
            pair = commands.untag_documents([(document_id, path) for path in paths])
            self.edits.perform(self.tr("Remove tags"), pair.do, pair.undo)

    def _sidebar_choice(self, kind: ScopeKind) -> tuple[int, str] | None:
        items = self.window.sidebar.selectedItems()
        from esgdesk.ui.sidebar import SCOPE_ROLE

        scope = items[0].data(0, SCOPE_ROLE) if items else None
        if scope is None or scope.kind is not kind or scope.value is None:
            message = (
                self.tr("Select a tag in the library first.")
                if kind is ScopeKind.TAG
                else self.tr("Select a collection in the library first.")
            )
            self.window.statusBar().showMessage(message, 5000)
            return None
        return int(scope.value), items[0].text(0)

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

    # -- collections ----------------------------------------------------------------------------------------

    def _collections(self) -> list[tuple[int, str]]:
        data = self.window._sidebar_data
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
        from esgdesk.core import browse
        from esgdesk.core.collections import get_collection
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

        Operation(self, load).success(loaded).failure(self.window._background_failed).run()

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
            path = next((tag.path for tag in self.known_tags if tag.id == scope.value), None)
            if path is not None:
                pair = commands.tag_documents(ids, [path])
                self.edits.perform(self.tr("Tag %n documents", "", len(ids)), pair.do, pair.undo)

    def _sidebar_menu(self, position: Any) -> None:
        from esgdesk.ui.sidebar import SCOPE_ROLE

        sidebar = self.window.sidebar
        item = sidebar.itemAt(position)
        scope = item.data(0, SCOPE_ROLE) if item is not None else None
        menu = QMenu(sidebar)
        if scope is not None and scope.kind is ScopeKind.TAG:
            menu.addActions([self.rename_tag_action, self.color_tag_action, self.merge_tag_action])
            menu.addSeparator()
            menu.addAction(self.rules_action)
        elif scope is not None and scope.kind is ScopeKind.COLLECTION:
            menu.addActions([self.arrange_action, self.rename_collection_action, self.delete_collection_action])
            menu.addSeparator()
            menu.addAction(self.briefing_action)
        else:
            menu.addActions([self.new_collection_action, self.rules_action])
        menu.exec(sidebar.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- briefing and help ----------------------------------------------------------------------------------

    def build_briefing(self) -> Any:
        from esgdesk.ui.briefing_wizard import BriefingWizard

        window = self.window
        if window.archive is None:
            return None
        collection = None
        if window.scope.kind is ScopeKind.COLLECTION:
            collection = next((name for cid, name in self._collections() if cid == window.scope.value), None)
        wizard = BriefingWizard(
            window.archive,
            selected=window.selected_ids_with_text(),
            collections=[name for _id, name in self._collections()],
            query=window.query,
            collection=collection,
            folder=window.settings.export_folder,
            author=window.settings.author,
            parent=window,
        )
        wizard.exported.connect(lambda paths: self._exported(wizard, paths))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _exported(self, wizard: Any, paths: list[Any]) -> None:
        if wizard.request is not None:
            self.window.settings.export_folder = str(wizard.request.folder)
            if wizard.request.author:
                self.window.settings.author = wizard.request.author
                apply_author(wizard.request.author)
        self.window.statusBar().showMessage(
            self.tr("Briefing written: %1").replace("%1", ", ".join(map(str, paths))), 8000
        )

    def show_activity(self) -> Any:
        """Library › Activity…: the recent changes beside the main window (not modal), freshly read."""
        from esgdesk.ui.activity_view import ActivityDialog

        if self.activity_dialog is None:
            self.activity_dialog = ActivityDialog(lambda: self.window.archive, self.window)
            self.activity_dialog.openRequested.connect(self.window.show_document)
        dialog = self.activity_dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.refresh()
        return dialog

    def show_shortcuts(self) -> QWidget:
        from esgdesk.ui.shortcuts_dialog import ShortcutsDialog

        panel_keys = [
            (self.tr("Find in the reader, next match, previous match"), "Ctrl+F, Enter, Shift+Enter"),
            (self.tr("Select text in the reader"), "Shift+Arrows"),
            (self.tr("Save the note being edited"), "Ctrl+Return"),
            (self.tr("Remove the selected annotation, link or tag"), "Delete"),
            (self.tr("Move a document in a collection"), "Ctrl+Up, Ctrl+Down"),
            (self.tr("Switch between Write and Preview"), "Ctrl+Tab"),
            (self.tr("Open a menu"), "Alt / F10"),
        ]
        dialog = ShortcutsDialog(self.shortcut_actions(), panel_keys, self.window)
        dialog.open()
        return dialog
