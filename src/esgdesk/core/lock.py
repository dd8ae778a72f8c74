"""One writer at a time: an OS file lock on `archive.lock`, with the holder written inside.

The operating system releases the lock when its process dies, so a lock left by a crashed esgdesk is taken
over without anyone deleting files by hand; the text inside (pid, host, user, command) only serves to tell the
waiting user who holds it. Readers never take the lock: SQLite's WAL lets them read while one process writes.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from esgdesk.core.errors import ArchiveLockedError

LOCK_FILE_NAME = "archive.lock"
#: Where the OS lock sits: far past the holder text, because Windows' byte-range locks also block reading.
_LOCK_OFFSET = 1 << 20


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some services, containers)
        return "unknown"


class WriterLock:
    """The archive's writer lock. Use as a context manager or call acquire/release."""

    def __init__(self, archive_dir: Path, command: str = "esgdesk") -> None:
        self.path = archive_dir / LOCK_FILE_NAME
        self.command = command
        self._handle: IO[str] | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, timeout: float = 5.0, poll: float = 0.1) -> None:
        """Take the lock, waiting up to `timeout` seconds for another writer to finish."""
        if self._handle is not None:
            self._depth += 1
            return
        deadline = time.monotonic() + timeout
        while True:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
            if _try_lock(handle):
                self._write_holder(handle)
                self._handle = handle
                self._depth = 1
                return
            handle.close()
            if time.monotonic() >= deadline:
                raise ArchiveLockedError(
                    f"The archive is being changed by another esgdesk ({self.describe_holder()}). "
                    "Wait for it to finish, or close that window, and try again."
                )
            time.sleep(poll)

    def release(self) -> None:
        if self._handle is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        handle, self._handle = self._handle, None
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        _unlock(handle)
        handle.close()

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def holder(self) -> dict[str, object]:
        """What the lock file says about its holder ({} when nothing is written)."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
            return json.loads(text) if text else {}
        except (OSError, ValueError):
            return {}

    def describe_holder(self) -> str:
        info = self.holder()
        if not info:
            return "holder unknown"
        return (
            f"{info.get('command', 'esgdesk')}, process {info.get('pid', '?')} of user "
            f"{info.get('user', '?')} on {info.get('host', '?')}, since {info.get('since', '?')}"
        )

    def _write_holder(self, handle: IO[str]) -> None:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": current_user(),
            "command": self.command,
            "since": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info, ensure_ascii=False))
        handle.flush()


@contextlib.contextmanager
def writer_lock(archive_dir: Path, command: str, timeout: float = 5.0) -> Iterator[WriterLock]:
    lock = WriterLock(archive_dir, command)
    lock.acquire(timeout=timeout)
    try:
        yield lock
    finally:
        lock.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            # flock, not lockf: POSIX record locks vanish when the process closes *any* descriptor of the
            # file, e.g. when it reads the holder text.
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
