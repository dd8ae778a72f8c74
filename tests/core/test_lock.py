"""Two writers never corrupt anything: the second waits briefly, then is told who holds the archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from esgdesk.core.archive import Archive
from esgdesk.core.errors import ArchiveLockedError
from esgdesk.core.lock import WriterLock

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from esgdesk.core.archive import Archive
    archive = Archive.open(sys.argv[1])
    with archive.writing("a long import"):
        print("locked", flush=True)
        sys.stdin.read()          # hold until the test closes our stdin
    """
)


@pytest.fixture
def lock_holder(archive_dir: Path):
    Archive.open(archive_dir).close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(archive_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    yield process
    if process.poll() is None:
        process.stdin.close()
        process.wait(timeout=10)


def test_a_second_writer_waits_then_names_the_holder(archive_dir: Path, lock_holder) -> None:
    lock = WriterLock(archive_dir, "test")
    started = time.monotonic()
    with pytest.raises(ArchiveLockedError) as raised:
        lock.acquire(timeout=0.5)
    assert time.monotonic() - started >= 0.5
    message = str(raised.value)
    assert "a long import" in message
    assert f"process {lock_holder.pid}" in message


def test_the_cli_exits_2_with_the_holder_when_locked(archive_dir: Path, lock_holder, sample_path: Path) -> None:
    env = {**os.environ, "ESGDESK_LOCK_TIMEOUT": "0.3"}
    result = subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive_dir), "import", str(sample_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "a long import" in result.stderr
    assert f"process {lock_holder.pid}" in result.stderr


def test_the_lock_is_free_again_when_the_holder_finishes(archive_dir: Path, lock_holder) -> None:
    lock_holder.stdin.close()
    lock_holder.wait(timeout=10)
    lock = WriterLock(archive_dir, "next")
    lock.acquire(timeout=1)
    lock.release()


def test_a_stale_lock_of_a_dead_process_is_taken_over(archive_dir: Path) -> None:
    Archive.open(archive_dir).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = {"pid": int(dead.stdout), "host": "here", "user": "someone", "command": "import", "since": "yesterday"}
    (archive_dir / "archive.lock").write_text(json.dumps(stale), encoding="utf-8")
    # A process killed while holding the lock: the OS released the lock, the file with its text remains.
    killed = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(archive_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert killed.stdout is not None and killed.stdout.readline().strip() == b"locked"
    killed.kill()
    killed.wait(timeout=10)
    lock = WriterLock(archive_dir, "after the crash")
    lock.acquire(timeout=1)
    assert lock.holder()["command"] == "after the crash"
    assert lock.holder()["pid"] == os.getpid()
    lock.release()


def test_the_lock_is_reentrant_within_one_process(archive) -> None:
    with archive.writing("outer"), archive.writing("inner"):
        pass
    with archive.writing("again"):
        pass


def test_a_hostile_lock_file_is_read_as_no_holder(tmp_path: Path) -> None:
    lock = WriterLock(tmp_path)
    for content in ("[" * 200_000, '"just a string"', "{not json"):
        lock.path.write_text(content, encoding="utf-8")
        assert lock.holder() == {}
        assert lock.describe_holder() == "holder unknown"
