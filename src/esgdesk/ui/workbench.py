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
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QStyle, QTabWidget, QWidget

from esgdesk.library.browse import ScopeKind
from esgdesk.ui import commands
from esgdesk.ui.about import show_about
from esgdesk.ui.annotation_controller import AnnotationController
from esgdesk.ui.annotations_panel import AnnotationsPanel
from esgdesk.ui.authorship import apply_author
from esgdesk.ui.collection_controller import CollectionController
from esgdesk.ui.edits import EditRunner
from esgdesk.ui.history_controller import HistoryController
from esgdesk.ui.link_controller import LinkController
from esgdesk.ui.links_panel import LinksPanel
from esgdesk.ui.operations import Operation
from esgdesk.ui.tag_controller import TagController
from esgdesk.ui.tags_panel import TagsPanel

if TYPE_CHECKING:
    from esgdesk.ui.main_window import MainWindow

#: how many suggested links the panel lists
SUGGESTIONS = 8
#: the side panel's least width when its tab labels need less
PANEL_MIN_WIDTH = 200
FRAME_METRIC = QStyle.PixelMetric.PM_DefaultFrameWidth


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
    from esgdesk.knowledge.store import document_entities, document_facts
    from esgdesk.library.browse import link_authors
    from esgdesk.library.tagging import document_tags
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
        self.extras: DocumentExtras | None = None
        self._extras_generation = 0
        # One controller per feature; this class puts them together with the actions, menus and side panel.
        self.annotating = AnnotationController(self)
        self.linking = LinkController(self)
        self.tagging = TagController(self)
        self.collecting = CollectionController(self)
        self.history = HistoryController(self)
        self.wizard: Any = None
        self.dialog: QDialog | None = None
        #: Library › Activity…: one window, kept while the main window lives
        self.activity_dialog: Any = None
        #: (annotation id, text): an unsaved note to put back in the editor once the panel shows that annotation
        self._restore_note: tuple[int, str] | None = None

        self.panel = QTabWidget(window)
        self.panel.setObjectName("documentPanel")
        # Three tabs in a narrow column: short labels, and the column never narrower than they need (no label is
        # elided, none hides behind scroll arrows; retranslate measures them in the language in use).
        self.panel.setUsesScrollButtons(False)
        self.panel.setElideMode(Qt.TextElideMode.ElideNone)
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
        reader.annotationClicked.connect(self.annotating._passage_clicked)
        self.annotations.activated.connect(self.annotating._show_passage)
        self.annotations.noteSaveRequested.connect(self.annotating.save_note)
        self.annotations.categoryChangeRequested.connect(self.annotating.change_category)
        self.annotations.deleteRequested.connect(self.annotating.delete_annotation)
        self.annotations.reattachRequested.connect(self.annotating.reattach)
        self.links_panel.navigateRequested.connect(window.show_document)
        self.links_panel.deleteRequested.connect(self.linking.delete_link)
        self.links_panel.acceptRequested.connect(self.linking.accept_suggestion)
        self.links_panel.dismissRequested.connect(self.linking.dismiss_suggestion)
        self.tags_panel.addRequested.connect(self.tagging.tag_selection)
        self.tags_panel.removeRequested.connect(self.tagging.untag_current)
        window.sidebar.documentsDropped.connect(self.collecting._dropped_on_sidebar)
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
        self.highlight_action = self._action("Ctrl+Shift+H", self.annotating.highlight)
        self.annotate_action = self._action("Ctrl+Shift+A", self.annotating.annotate)
        self.reattach_action = self._action(None, lambda: self.annotating.reattach(self.annotations.current_view()))
        self.link_action = self._action("Ctrl+K", self.linking.link_to)
        self.tag_action = self._action("Ctrl+T", self.tagging.tag_dialog)
        self.collect_action = self._action("Ctrl+Shift+C", self.collecting.add_to_collection)
        self.back_action = self._action("Alt+Left", self.history.go_back)
        _set_keys(self.back_action, QKeySequence("Alt+Left"), QKeySequence("Ctrl+["))
        self.forward_action = self._action("Alt+Right", self.history.go_forward)
        _set_keys(self.forward_action, QKeySequence("Alt+Right"), QKeySequence("Ctrl+]"))
        self.new_collection_action = self._action("Ctrl+Shift+N", self.collecting.new_collection)
        self.arrange_action = self._action(None, self.collecting.arrange_collection)
        self.rename_collection_action = self._action(None, self.collecting.rename_collection)
        self.delete_collection_action = self._action(None, self.collecting.delete_collection)
        self.rename_tag_action = self._action(None, self.tagging.rename_tag)
        self.color_tag_action = self._action(None, self.tagging.color_tag)
        self.merge_tag_action = self._action(None, self.tagging.merge_tag)
        self.rules_action = self._action(None, self.tagging.manage_rules)
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
        existing = edit.actions()
        if existing:
            edit.insertActions(existing[0], [self.undo_action, self.redo_action])
            edit.insertSeparator(existing[0])
        else:
            edit.addActions([self.undo_action, self.redo_action])
            edit.addSeparator()
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

    def _fit_panel_to_tabs(self) -> None:
        bar = self.panel.tabBar()
        tabs = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        self.panel.setMinimumWidth(max(PANEL_MIN_WIDTH, tabs + 2 * self.panel.style().pixelMetric(FRAME_METRIC) + 4))

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
        self.panel.setTabText(2, self.tr("Tags"))
        self.panel.setTabToolTip(0, self.tr("The document's highlights and notes (Ctrl+4)"))
        self.panel.setTabToolTip(1, self.tr("Links, backlinks and suggestions (Ctrl+5)"))
        self.panel.setTabToolTip(2, self.tr("Tags, regions, ministries, programmes, industries, facts (Ctrl+6)"))
        self.panel.setAccessibleName(self.tr("Document panel"))
        self._fit_panel_to_tabs()
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
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

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
        self.history.reset()
        self._update_actions()
        self.annotating._load_categories()
        self.tagging._load_known_tags()
        if self.activity_dialog is not None and self.activity_dialog.isVisible():
            self.activity_dialog.refresh()

    def _document_shown(self, document_id: int) -> None:
        self.history.record(document_id)
        self._update_actions()
        self.tags_panel.set_selection_size(len(self.window.selected_ids()))
        if self.extras is None or self.extras.document_id != document_id:
            self.annotations.show_annotations([], self.annotating.categories)
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
            self.annotations.show_annotations(extras.annotations, self.annotating.categories)
            if self.annotating._select_after_reload is not None:
                self.annotations.select_annotation(self.ids.now("annotation", self.annotating._select_after_reload))
                self.annotating._select_after_reload = None
            self.window.reader.set_annotations(extras.annotations)
            self.links_panel.show_links(extras.links, extras.suggestions, extras.link_authors)
            self._put_back_unsaved_note()
            self.tags_panel.show_tags(extras.tags)
            self.tags_panel.show_knowledge(extras.entities, extras.facts)
            self.window.reader.update_tags([row.path for row in extras.tags])
            self.window.extrasLoaded.emit(document_id)

        Operation(self, lambda: load_extras(archive, document_id)).success(loaded).failure(
            self.window.background_failed
        ).run()

    def document_id(self) -> int | None:
        details = self.window.reader.details
        return int(details["id"]) if details is not None else None

    # -- after an edit --------------------------------------------------------------------------------------

    def _edit_applied(self, text: str) -> None:
        window = self.window
        window.statusBar().showMessage(text, 4000)
        window.model.invalidate()
        window.lists.load_sidebar()
        if window.scope.kind in (ScopeKind.TAG, ScopeKind.COLLECTION):
            window.lists.load_list()
        self.tagging._load_known_tags()
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
            from esgdesk.library.browse import last_change

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

    # -- links ----------------------------------------------------------------------------------------------

    # -- tags -----------------------------------------------------------------------------------------------

    def _selection_or_current(self) -> list[int]:
        ids = self.window.selected_ids()
        if not ids and self.document_id() is not None:
            ids = [self.document_id() or 0]
        return ids

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Open a dialog window-modally without a nested event loop; `self.dialog` is the one open now."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

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

    # -- collections ----------------------------------------------------------------------------------------

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
            collection = next((name for cid, name in self.collecting._collections() if cid == window.scope.value), None)
        wizard = BriefingWizard(
            window.archive,
            selected=window.selected_ids_with_text(),
            collections=[name for _id, name in self.collecting._collections()],
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
