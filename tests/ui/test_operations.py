"""The background adapter: a generator's yields arrive as progress on the GUI thread, then the result."""

from __future__ import annotations

import threading

import pytest

from esgdesk.ui.operations import Operation


def test_a_generator_reports_progress_then_its_last_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, bool]] = []
    results: list[object] = []
    worker_threads: list[threading.Thread] = []

    def work():  # type: ignore[no-untyped-def]
        worker_threads.append(threading.current_thread())
        yield from range(1, 4)

    operation = (
        Operation(None, work)
        .progress(lambda value: seen.append((value, threading.current_thread() is threading.main_thread())))
        .success(results.append)
    )
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.run()
    assert seen == [(1, True), (2, True), (3, True)]
    assert results == [3]
    assert worker_threads[0] is not threading.main_thread()


def test_a_failure_reaches_the_failure_callback(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("broken")

    operation = Operation(None, work).failure(errors.append)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.run()
    assert isinstance(errors[0], ValueError)


def test_cancel_stops_a_generator_at_its_next_yield(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    release = threading.Event()
    steps: list[int] = []

    def work():  # type: ignore[no-untyped-def]
        for step in range(100):
            started.set()
            release.wait(5)
            yield step

    operation = Operation(None, work).progress(steps.append)
    operation.run()
    assert started.wait(5)
    operation.cancel()
    with qtbot.waitSignal(operation.finished, timeout=5000):
        release.set()
    assert steps == [0]
    assert operation.cancelled


@pytest.mark.parametrize("writer", [True, False])
def test_plain_functions_run_on_either_pool(qtbot, writer: bool) -> None:  # type: ignore[no-untyped-def]
    results: list[object] = []
    operation = Operation(None, lambda: 42, writer=writer).success(results.append)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.run()
    assert results == [42]
