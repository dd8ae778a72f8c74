"""When a save meets someone else's newer save: both texts side by side, and the analyst decides.

On a shared archive two analysts can edit one note at once; the service refuses the second save with a
ConflictError carrying both texts. This dialog never picks for the user: keep theirs (yours is dropped only
because you said so), save a text merged by hand over theirs, or copy either text to paste elsewhere. Closing
it decides nothing — the workbench puts your text back in the editor, unsaved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: what the analyst chose; None until a button says
KEEP_THEIRS = "theirs"
SAVE_MERGED = "merged"


def merge_suggestion(theirs: str, yours: str) -> str:
    """The starting point for a hand merge: both texts, theirs first, neither shortened."""
    if not theirs.strip() or theirs.strip() in yours:
        return yours
    if not yours.strip() or yours.strip() in theirs:
        return theirs
    return theirs.rstrip() + "\n\n" + yours.strip()


class ConflictDialog(QDialog):
    """Theirs (saved now, by whom), yours (not saved), and an editable merge of the two."""

    def __init__(self, conflict: Any, who: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        theirs, yours = conflict.theirs or "", conflict.yours or ""
        # The service names the author of the version in place (from the activity log, under the row lock);
        # `who` is only a fallback for conflicts that do not carry one.
        who = conflict.their_author or who or self.tr("someone else")
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(
            self.tr(
                "%1 saved this note while you were editing it (you started from version %2, it is now at "
                "version %3). Nothing has been overwritten: choose what to keep."
            )
            .replace("%2", str(conflict.expected_version))
            .replace("%3", str(conflict.actual_version))
            .replace("%1", who),
            self,
        )
        intro.setWordWrap(True)
        self.theirs = self._pane(theirs, "conflictTheirs", self.tr("Saved now by %1").replace("%1", who))
        self.yours = self._pane(yours, "conflictYours", self.tr("Your version (not saved)"))
        self.merged = QPlainTextEdit(merge_suggestion(theirs, yours), self)
        self.merged.setObjectName("conflictMerged")
        self.merged.setTabChangesFocus(True)
        self.merged.setAccessibleName(self.tr("Merged text to save"))
        self.copy_theirs = QPushButton(self.tr("Copy &their text"), self)
        self.copy_theirs.setObjectName("copyTheirs")
        self.copy_theirs.clicked.connect(lambda: self._copy(theirs))
        self.copy_yours = QPushButton(self.tr("Copy y&our text"), self)
        self.copy_yours.setObjectName("copyYours")
        self.copy_yours.clicked.connect(lambda: self._copy(yours))

        grid = QGridLayout()
        their_label = QLabel(self.tr("Saved now by %1:").replace("%1", who), self)
        their_label.setBuddy(self.theirs)
        your_label = QLabel(self.tr("Your version (not saved):"), self)
        your_label.setBuddy(self.yours)
        grid.addWidget(their_label, 0, 0)
        grid.addWidget(your_label, 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.yours, 1, 1)
        grid.addWidget(self.copy_theirs, 2, 0)
        grid.addWidget(self.copy_yours, 2, 1)
        merged_label = QLabel(self.tr("&Merged by hand (saved over theirs):"), self)
        merged_label.setBuddy(self.merged)

        self.buttons = QDialogButtonBox(self)
        self.keep_button = self.buttons.addButton(self.tr("&Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepTheirs")
        self.keep_button.setToolTip(self.tr("Leave the saved note as it is and drop your version"))
        self.save_button = self.buttons.addButton(self.tr("&Save merged text"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveMerged")
        self.save_button.setToolTip(self.tr("Save the merged text over theirs (Ctrl+Return); it can be undone"))
        self.later_button = self.buttons.addButton(
            self.tr("Decide &later"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button.setToolTip(self.tr("Close; your version stays in the editor, not saved"))
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_THEIRS))
        self.save_button.clicked.connect(lambda: self._choose(SAVE_MERGED))
        self.later_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, lambda: self._choose(SAVE_MERGED))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 2)
        layout.addWidget(merged_label)
        layout.addWidget(self.merged, 2)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)
        self.merged.setFocus()
        self.resize(720, 560)

    def _pane(self, text: str, name: str, accessible: str) -> QPlainTextEdit:
        pane = QPlainTextEdit(text, self)
        pane.setObjectName(name)
        pane.setReadOnly(True)
        pane.setTabChangesFocus(True)
        pane.setAccessibleName(accessible)
        return pane

    def merged_text(self) -> str:
        return self.merged.toPlainText()

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == SAVE_MERGED:
            self.accept()
        else:
            self.reject()
