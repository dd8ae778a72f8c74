"""What every per-feature controller of the workbench shares: the window, the undoable-edit runner, the id map,
the side panel, and the small questions every edit asks first (which document, which passage, which documents).

Each feature (annotations, links, tags, collections, history) keeps its own behaviour in its own controller;
the workbench puts them together, owns the actions and menus, and keeps the side panel current.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QTabWidget

from esgdesk.library.browse import ScopeKind
from esgdesk.ui import commands
from esgdesk.ui.edits import EditRunner

if TYPE_CHECKING:
    from esgdesk.ui.annotations_panel import AnnotationsPanel
    from esgdesk.ui.main_window import MainWindow
    from esgdesk.ui.tags_panel import TagsPanel
    from esgdesk.ui.workbench import Workbench


class FeatureController(QObject):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench)
        self.bench = bench

    @property
    def window(self) -> MainWindow:
        return self.bench.window

    @property
    def edits(self) -> EditRunner:
        return self.bench.edits

    @property
    def ids(self) -> commands.Ids:
        # Replaced when another archive opens, so always read through the workbench.
        return self.bench.ids

    @property
    def panel(self) -> QTabWidget:
        return self.bench.panel

    @property
    def annotations(self) -> AnnotationsPanel:
        return self.bench.annotations

    @property
    def tags_panel(self) -> TagsPanel:
        return self.bench.tags_panel

    @property
    def extras(self) -> Any:
        return self.bench.extras

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        self.bench._open(dialog, accepted)

    def _need_document(self) -> int | None:
        return self.bench._need_document()

    def _need_span(self) -> tuple[int, tuple[int, int]] | None:
        return self.bench._need_span()

    def _selection_or_current(self) -> list[int]:
        return self.bench._selection_or_current()

    def _sidebar_choice(self, kind: ScopeKind) -> tuple[int, str] | None:
        return self.bench._sidebar_choice(kind)

    def _edit_applied(self, text: str) -> None:
        self.bench._edit_applied(text)
