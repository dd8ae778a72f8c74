"""The conflict dialog names the analyst the service found (who saved the version in place), even when the
window's own guess from the activity log names someone else (the creator, or whoever tagged the document)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from esgdesk.notes.errors import ConflictError
from esgdesk.ui.conflict_dialog import ConflictDialog


def test_the_dialog_names_who_saved_not_the_guess(qtbot) -> None:  # type: ignore[no-untyped-def]
    conflict = ConflictError("document note", 1, 2, 3, theirs="B의 메모", yours="A의 메모", their_author="analyst-B")
    dialog = ConflictDialog(conflict, "root")
    qtbot.addWidget(dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "analyst-B" in shown and "root" not in shown
    assert dialog.theirs.toPlainText() == "B의 메모" and dialog.yours.toPlainText() == "A의 메모"
