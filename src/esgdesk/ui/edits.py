"""Undoable archive edits: each is a pair of service calls run on the writer thread, kept on a QUndoStack.

An edit is pushed only after its first run succeeded, so a refused change (a duplicate link, a taken name)
never sits on the stack as an undo that undoes nothing. Undo and redo go through the same single-thread writer
as every other write, so they happen in the order the user asked for them. Ids that a redo creates afresh
(a re-made annotation or link gets a new id) are kept in the edit's own state by the service call itself, on
the writer thread, so the next undo, queued behind it on that same thread, already sees them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from esgdesk.core.archive import Archive
from esgdesk.notes.errors import ConflictError
from esgdesk.ui.operations import Operation

#: a service call: gets the archive, returns whatever the caller wants back on success
Step = Callable[[Archive], Any]


class ArchiveEdit(QUndoCommand):
    """One edit the user can undo: `do` made it, `undo` takes it back, `do` again redoes it."""

    def __init__(self, runner: EditRunner, text: str, do: Step, undo: Step) -> None:
        super().__init__(text)
        self._runner = runner
        self._do = do
        self._undo = undo
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:  # QUndoStack.push calls redo; the first run happened before the push
            self._already_done = False
            return
        self._runner.run_step(self.text(), self._do)

    def undo(self) -> None:
        self._runner.run_step(self.text(), self._undo)


class EditRunner(QObject):
    """Runs edits on the writer thread and keeps the undo stack; the window refreshes on `applied`."""

    #: an edit, an undo or a redo reached the archive (the text names it)
    applied = Signal(str)
    #: an edit was refused or failed; the message is for the user
    failed = Signal(str)
    #: someone else saved the object first (a shared archive): the ConflictError, with both texts, to resolve
    conflicted = Signal(object)

    def __init__(self, archive: Callable[[], Archive | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.stack = QUndoStack(self)

    def perform(self, text: str, do: Step, undo: Step | None, on_done: Callable[[Any], None] | None = None) -> bool:
        """Run `do`; when it succeeds, push it with `undo` (None: not undoable) and call `on_done(result)`."""
        archive = self._archive()
        if archive is None:
            return False

        def succeeded(result: Any) -> None:
            if undo is not None:
                self.stack.push(ArchiveEdit(self, text, do, undo))
            if on_done is not None:
                on_done(result)
            self.applied.emit(text)

        Operation(self, lambda: do(archive), writer=True).success(succeeded).failure(self._failed).run()
        return True

    def run_step(self, text: str, step: Step) -> None:
        archive = self._archive()
        if archive is None:
            return
        Operation(self, lambda: step(archive), writer=True).success(lambda _r: self.applied.emit(text)).failure(
            self._failed
        ).run()

    def clear(self) -> None:
        """Forget the history (another archive is open: its edits cannot be undone in this one)."""
        self.stack.clear()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.conflicted.emit(exc)
            return
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.failed.emit(message)
