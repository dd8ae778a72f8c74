"""An archive without a search index (last opened by a version with another search engine, or its index folder
deleted) gets one built in the background as the window opens it, with progress in the status bar; a search
made meanwhile says so instead of telling the user to run a command, and its results come when it is done."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import open_window

from esgdesk.core.archive import Archive
from esgdesk.core.lock import WriterLock
from esgdesk.search import service


def _has_index(archive_dir: Path) -> bool:
    archive = Archive.open(archive_dir, create=False)
    try:
        return service.index_for(archive).exists()
    finally:
        service.close_index(archive)
        archive.close()


def _delete_index(archive_dir: Path) -> None:
    for name in ("search-index", "search.sqlite"):
        path = archive_dir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    assert not _has_index(archive_dir)


def test_a_missing_index_is_built_in_the_background(  # type: ignore[no-untyped-def]
    qtbot, archive_dir: Path, monkeypatch: pytest.MonkeyPatch, type_text
) -> None:
    _delete_index(archive_dir)
    # As for an archive too large to be indexed during its first search (the sample archive has 24 documents).
    monkeypatch.setattr(service, "AUTO_REBUILD_LIMIT", 1)
    # Another esgdesk holds the writer lock at first, so the build waits and a search comes before it is done.
    other = WriterLock(archive_dir, command="another esgdesk")
    other.acquire(timeout=1)
    try:
        window = open_window(qtbot, archive_dir, timeout=15_000)
        label = window.archives.indexing_label
        qtbot.waitUntil(lambda: window.archives.index_build is not None, timeout=10_000)
        assert label.isVisible() and label.text().startswith("Building the search index…")
        type_text(window.search_bar.field, "충북")
        qtbot.waitUntil(window.search_bar.error_label.isVisible, timeout=10_000)
        assert "being built" in window.search_bar.error_label.text()
        assert "reindex" not in window.search_bar.error_label.text()
    finally:
        other.release()
    # With the lock free the build finishes, the window searches again and the results replace the message.
    qtbot.waitUntil(lambda: window.archives.index_build is None, timeout=30_000)
    qtbot.waitUntil(lambda: window.model.rowCount() >= 1, timeout=15_000)
    assert not window.search_bar.error_label.isVisible()
    assert not label.isVisible()
    assert _has_index(archive_dir)
