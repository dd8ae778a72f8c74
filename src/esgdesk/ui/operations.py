"""The one way the GUI runs archive work: off the GUI thread, with results coming back as signals.

    Operation(self, lambda: search(archive, text)).success(self.show_hits).failure(self.show_error).run()
    Operation(self, lambda: pipeline.run(paths), writer=True).progress(self.step).success(self.done).run()

`work` is a plain function or a generator function from the core. A generator's yields become `progressed`
signals (TagStudio's FunctionIterator); its last yield is the result. The shape follows Anki's
CollectionOp/QueryOp: callbacks run on the GUI thread, `work` must never touch a widget.

Writers go through one single-thread pool, so two writes never race for the archive's lock; readers share a
small pool and use their own sessions (SQLite WAL lets them read while the writer writes).
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_readers: QThreadPool | None = None
_writer: QThreadPool | None = None
#: operations between run() and their last callback; held here so a parentless one is not collected early
_running: set[Operation] = set()


def _pool(writer: bool) -> QThreadPool:
    global _readers, _writer
    if writer:
        if _writer is None:
            _writer = QThreadPool()
            _writer.setMaxThreadCount(1)
        return _writer
    if _readers is None:
        _readers = QThreadPool()
        _readers.setMaxThreadCount(2)
    return _readers


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """Block until every operation has finished (on quit, and between tests)."""
    done = True
    for pool in (_readers, _writer):
        if pool is not None:
            done = pool.waitForDone(timeout_ms) and done
    return done


class Cancelled(Exception):
    """Raised inside work that noticed `Operation.cancelled` and stopped early."""


class Operation(QObject):
    """One piece of background work and its callbacks; deletes itself once it has reported."""

    _progress_signal = Signal(object)
    _success_signal = Signal(object)
    _failure_signal = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None, work: Callable[[], Any], *, writer: bool = False) -> None:
        super().__init__(parent)
        self._work = work
        self._writer = writer
        self._cancel = threading.Event()
        self._on_progress: list[Callable[[Any], None]] = []
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        # Bound slots of a QObject that lives on the GUI thread: emits from the worker arrive queued there.
        self._progress_signal.connect(self._deliver_progress)
        self._success_signal.connect(self._deliver_success)
        self._failure_signal.connect(self._deliver_failure)

    # -- building -----------------------------------------------------------------------------------------

    def progress(self, callback: Callable[[Any], None]) -> Self:
        self._on_progress.append(callback)
        return self

    def success(self, callback: Callable[[Any], None]) -> Self:
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Self:
        self._on_failure.append(callback)
        return self

    def run(self) -> Self:
        _running.add(self)
        _pool(self._writer).start(_Runnable(self))
        return self

    # -- control ------------------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask a generator to stop at its next yield; the work it finished stays done."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- on the worker thread -----------------------------------------------------------------------------

    def _execute(self) -> None:
        try:
            value = self._work()
            if inspect.isgenerator(value):
                value = self._drain(value)
        except BaseException as exc:  # every failure is reported, none kills the worker thread
            self._emit(self._failure_signal, exc)
        else:
            self._emit(self._success_signal, value)

    def _drain(self, generator: Any) -> Any:
        last = None
        try:
            for item in generator:
                last = item
                self._emit(self._progress_signal, item)
                if self._cancel.is_set():
                    break
        finally:
            generator.close()
        return last

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # The window that asked may have been closed; then nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    # -- on the GUI thread --------------------------------------------------------------------------------

    @Slot(object)
    def _deliver_progress(self, item: object) -> None:
        for callback in self._on_progress:
            callback(item)

    @Slot(object)
    def _deliver_success(self, value: object) -> None:
        try:
            for callback in self._on_success:
                callback(value)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        try:
            for callback in self._on_failure:
                callback(exc)
            if not self._on_failure:
                raise exc
        finally:
            self._finish()

    def _finish(self) -> None:
        _running.discard(self)
        self.finished.emit()
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        # The runnable holds the Python object, so the operation outlives a parent that forgets it.
        self._operation = operation

    def run(self) -> None:
        self._operation._execute()
