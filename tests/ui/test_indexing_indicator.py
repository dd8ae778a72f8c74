"""“Indexing…” in the status bar while derived state lags behind: another process holds the writer lock when
the window opens the archive, so the queue waits; once the lock is free the window applies it and says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import open_window

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.lock import WriterLock
from esgdesk.library.opening import pending_changes
from esgdesk.ui.look import install_translation
from esgdesk.ui.operations import wait_for_background_work


def _queue_a_change(archive_dir: Path) -> None:
    """A write another process committed without applying it to the index (it still holds the lock)."""
    archive = Archive.open(archive_dir)
    try:
        with archive.session() as session:
            changes.record(session, changes.BODY, [1])
            session.commit()
        assert pending_changes(archive) == 1
    finally:
        archive.close()


@pytest.fixture
def held_lock(archive_dir: Path) -> Iterator[WriterLock]:
    _queue_a_change(archive_dir)
    lock = WriterLock(archive_dir, command="another esgdesk")
    lock.acquire(timeout=1)
    yield lock
    lock.release()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_indexing_shows_while_changes_wait_and_goes_when_applied(  # type: ignore[no-untyped-def]
    qtbot, archive_dir: Path, held_lock: WriterLock, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translation(app, language)
    window = open_window(qtbot, archive_dir, timeout=15_000)
    indicator = window.archives.indexing_label
    qtbot.waitUntil(indicator.isVisible, timeout=10_000)
    expected = "Indexing… (1 change waiting)" if language == "en" else "색인 중… (변경 1건 대기)"
    assert indicator.text() == expected
    # Counted on the writer thread (never the GUI thread), which cannot apply the queue while the lock is held.
    assert window.archives.pending == 1

    held_lock.release()  # the other process finished; the next check applies the queue itself
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=10_000)
    assert window.archive is not None and pending_changes(window.archive) == 0
    window.close()
    wait_for_background_work()
    window.archive.close()
