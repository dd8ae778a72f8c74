"""The tantivy index shared by processes: one writer, readers that reload and never wait, a killed indexing run
healed by the next open, and `reindex` replacing an index that a reader holds open (the release workflow runs
this file on Windows, where memory-mapped files cannot be deleted while mapped)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from search_helpers import add_documents

from esgdesk.core.archive import Archive
from esgdesk.search.engine import ENGINE_ENV
from esgdesk.search.service import close_index, index_for, matching_ids, search_ids
from esgdesk.search.tantivy_index import CURRENT, TantivyIndex

tantivy = pytest.importorskip("tantivy")

#: a child that indexes the given documents and SIGKILLs itself after `kill_after` of them were handed to tantivy
KILLED_CHILD = r"""
import os, signal, sys
from esgdesk.core.archive import Archive
from esgdesk.search import tantivy_index

archive = Archive.open(sys.argv[1])
mode, kill_after = sys.argv[2], int(sys.argv[3])
made = tantivy_index._Doc.tantivy_document
count = 0

def dying(self):
    global count
    count += 1
    if count > kill_after:
        os.kill(os.getpid(), signal.SIGKILL)
    return made(self)

tantivy_index._Doc.tantivy_document = dying
index = tantivy_index.TantivyIndex(archive)
if mode == "update":
    index.update(range(1, 100_000))
else:
    index.rebuild()
"""

#: a child that holds the archive's writer lock until its stdin closes
LOCK_HOLDER = r"""
import sys
from esgdesk.core.archive import Archive

archive = Archive.open(sys.argv[1])
with archive.writing("hold the lock for a test"):
    print("locked", flush=True)
    sys.stdin.read()
"""

needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


@pytest.fixture
def archive(archive_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    monkeypatch.setenv(ENGINE_ENV, "tantivy")
    opened = Archive.open(archive_dir)
    yield opened
    close_index(opened)
    opened.close()


def _bodies(count: int, word: str) -> list[str]:
    return [f"{word} 지원 사업 {n}호 " + "지역 산업 전환 대책. " * 30 for n in range(count)]


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)


@needs_sigkill
def test_a_run_killed_while_indexing_is_healed_by_the_next_open(archive: Archive) -> None:
    first = add_documents(archive, *_bodies(50, "탄소"))
    close_index(archive)
    later = add_documents(archive, *_bodies(400, "수소"), index=False)
    child = _run(KILLED_CHILD, str(archive.root), "update", "300")
    assert child.returncode == -signal.SIGKILL, child.stderr
    survivor = TantivyIndex(archive)
    assert survivor.indexed_ids() == set(first)  # the last commit is intact; the killed batch never committed
    survivor.close()
    # the next process's first search heals the difference, without `check --repair`
    assert sorted(matching_ids(archive, "수소")) == later
    assert sorted(matching_ids(archive, "탄소")) == first
    assert index_for(archive).check() == []


@needs_sigkill
def test_a_rebuild_killed_halfway_leaves_the_last_index_in_use(archive: Archive) -> None:
    ids = add_documents(archive, *_bodies(300, "탄소"))
    close_index(archive)
    child = _run(KILLED_CHILD, str(archive.root), "rebuild", "200")
    assert child.returncode == -signal.SIGKILL, child.stderr
    folder = archive.root / "search-index"
    assert len([entry for entry in folder.iterdir() if entry.is_dir()]) == 2  # the half-built generation is left
    assert sorted(matching_ids(archive, "탄소")) == ids  # … but never used
    index_for(archive).rebuild()
    assert len([entry for entry in folder.iterdir() if entry.is_dir()]) == 1  # and the next writer deletes it
    assert sorted(matching_ids(archive, "탄소")) == ids


def test_a_reader_sees_another_writers_commits_without_reopening(archive: Archive) -> None:
    (first,) = add_documents(archive, "탄소 중립")
    reader = TantivyIndex(root=archive.root)
    searcher = reader.searcher()
    assert searcher is not None and searcher.num_docs == 1
    (second,) = add_documents(archive, "탄소 감축")  # indexed through this process's writer instance
    searcher = reader.searcher()
    assert searcher is not None and searcher.num_docs == 2
    child = _run(
        "import sys\nfrom esgdesk.core.archive import Archive\nfrom esgdesk.search.tantivy_index import TantivyIndex\n"
        "archive = Archive.open(sys.argv[1])\nTantivyIndex(archive).remove([int(sys.argv[2])])",
        str(archive.root),
        str(first),
    )
    assert child.returncode == 0, child.stderr
    assert reader.indexed_ids() == {second}  # another process's commit, seen by the open reader
    reader.close()


def test_a_search_never_waits_for_the_writer(archive: Archive) -> None:
    ids = add_documents(archive, *_bodies(20, "탄소"))
    close_index(archive)
    add_documents(archive, "탄소 추가", index=False)  # something for the reader's heal to want the lock for
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(archive.root)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        archive.lock_timeout = 60
        started = time.monotonic()
        _total, found = search_ids(archive, "탄소")
        assert time.monotonic() - started < 10  # far below the lock timeout: the search did not wait for the lock
        assert set(ids) <= set(found)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_reindex_replaces_an_index_that_a_reader_holds_open(archive: Archive) -> None:
    """A reader (the GUI) keeps the old generation open; `reindex` builds a new folder, switches CURRENT, and
    renames and deletes the old one — which Windows refuses while the reader maps it. Neither the rebuild nor the
    reader fails; the reader moves to the new index on its next search, and the old folder goes once released."""
    (old,) = add_documents(archive, "탄소 중립")
    reader = TantivyIndex(root=archive.root)
    held = reader.searcher()
    assert held is not None and held.num_docs == 1
    folder = archive.root / "search-index"
    generation = (folder / CURRENT).read_text().split()[1]
    (new,) = add_documents(archive, "탄소 감축", index=False)

    writer = TantivyIndex(archive)
    assert writer.rebuild() == 2  # renames and deletes the old generation while the reader maps it
    current = (folder / CURRENT).read_text().split()[1]
    assert current != generation
    left = sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
    if sys.platform == "win32":
        assert set(left) <= {current, generation, generation + ".old"}  # Windows may refuse while it is mapped
    else:
        assert left == [current]
    assert reader.indexed_ids() == {old, new}  # the reader reopened on the new generation
    assert held.search(_everything(), limit=10).count == 1  # type: ignore[attr-defined]  # an old searcher still reads
    reader.close()
    del held
    writer.collect_garbage()
    assert sorted(entry.name for entry in folder.iterdir() if entry.is_dir()) == [current]  # released: gone
    writer.close()
    assert sorted(matching_ids(archive, "탄소")) == [old, new]


def _everything() -> tantivy.Query:
    return tantivy.Query.all_query()
