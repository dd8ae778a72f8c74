"""Back and forward through the documents read, as a browser does."""

from __future__ import annotations

from typing import Any

from esgdesk.ui.feature_controller import FeatureController


class HistoryController(FeatureController):
    def __init__(self, bench: Any) -> None:
        super().__init__(bench)
        self._history: list[int] = []
        self._history_index = -1
        self._navigating = False

    def reset(self) -> None:
        self._history, self._history_index = [], -1

    def can_go_back(self) -> bool:
        return self._history_index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._history_index < len(self._history) - 1

    def record(self, document_id: int) -> None:
        """The reader shows `document_id`: a new step, unless Back or Forward brought it there."""
        if not self._navigating:
            on_show = 0 <= self._history_index < len(self._history) and self._history[self._history_index]
            if on_show != document_id:
                del self._history[self._history_index + 1 :]
                self._history.append(document_id)
                self._history_index = len(self._history) - 1
        self._navigating = False

    def _update_actions(self) -> None:
        self.bench._update_actions()

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
