"""One writer at a time: an OS file lock on `archive.lock`, with the holder written inside.

The operating system releases the lock when its process dies, so a lock left by a crashed esgdesk is taken
over without anyone deleting files by hand; the text inside (pid, host, user, command) only serves to tell the
waiting user who holds it. Readers never take the lock: SQLite's WAL lets them read while one process writes.

A team archive on PostgreSQL must not let one analyst's import hold up everyone else's notes, so there
`SharedWriterLock` replaces the file: edits guarded by a version column (notes, annotations, links) take no lock
at all, and the commands that find-or-create shared rows (imports, tags, entities, categories) take a
session-level advisory lock for the few milliseconds of their transaction.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from esgdesk.core.errors import ArchiveLockedError
from esgdesk.core.i18n import _
from esgdesk.core.safe_json import UnsafeJsonError, loads_limited

LOCK_FILE_NAME = "archive.lock"
#: Where the OS lock sits: far past the holder text, because Windows' byte-range locks also block reading.
_LOCK_OFFSET = 1 << 20


#: who is recorded as the author of changes when set (Preferences sets it for the GUI); else the OS user
AUTHOR_VARIABLE = "ESGDESK_AUTHOR"


def current_user() -> str:
    """The author recorded on notes, tags, links and activity: the program's choice (the GUI's preference,
    core/author.py), else ESGDESK_AUTHOR, else the OS user."""
    from esgdesk.core.author import program_author

    chosen = program_author() or " ".join(os.environ.get(AUTHOR_VARIABLE, "").split())
    if chosen:
        return chosen
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
            try:
                handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
            except OSError as exc:
                raise ArchiveLockedError(
                    _(
                        "The archive's lock file cannot be opened ({reason}); is the folder read-only?",
                        reason=exc.strerror or exc,
                    )
                ) from exc
            if _try_lock(handle):
                self._write_holder(handle)
                self._handle = handle
                self._depth = 1
                return
            handle.close()
            if time.monotonic() >= deadline:
                raise ArchiveLockedError(
                    _(
                        "The archive is being changed by another esgdesk ({holder}). "
                        "Wait for it to finish, or close that window, and try again.",
                        holder=self.describe_holder(),
                    )
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
        """What the lock file says about its holder ({} when nothing is written, or nothing readable: the folder
        may have been copied from anywhere, so the file is read like any JSON from outside)."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
            found = loads_limited(text, what=str(self.path)) if text else {}
        except (OSError, ValueError, UnsafeJsonError):
            return {}
        return found if isinstance(found, dict) else {}

    def describe_holder(self) -> str:
        info = self.holder()
        if not info:
            return _("holder unknown")
        return _(
            "{command}, process {pid} of user {user} on {host}, since {since}",
            command=_(str(info.get("command") or "esgdesk")),  # written in English by the holder, read in ours
            pid=info.get("pid", "?"),
            user=info.get("user", "?"),
            host=info.get("host", "?"),
            since=info.get("since", "?"),
        )

    def _write_holder(self, handle: IO[str]) -> None:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": current_user(),
            "command": self.command,
            "since": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        # The text only tells a waiting user who holds the lock; on a full disk the lock itself still holds,
        # so a failed write must not turn into an error of the command that took it.
        with contextlib.suppress(OSError):
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


#: Commands whose every write is guarded by a version column or touches only rows of its own: on a shared
#: archive they run side by side; a conflict is found by the version check (under SELECT … FOR UPDATE).
UNLOCKED_COMMANDS = frozenset(
    {
        "annotate",
        "edit annotation",
        "move annotation",
        "delete annotation",
        "edit note",
        "edit link",
        "unlink",
        "set status",
        "dismiss suggestion",
    }
)
#: the advisory lock of everything else (imports, tags, rules, entities, categories, collections, …)
CATALOGUE_LOCK = "esgdesk:catalogue"


class SharedWriterLock:
    """The writer lock of a PostgreSQL archive: re-entrant per thread, a no-op for UNLOCKED_COMMANDS.

    Each thread that takes the lock holds it on a connection of its own, so a crashed client's lock ends with
    its connection. Waiting is polled with pg_try_advisory_lock so `timeout` is honoured as on SQLite.
    """

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.command = "esgdesk"
        self._local = threading.local()

    @property
    def held(self) -> bool:
        return getattr(self._local, "connection", None) is not None

    def acquire(self, timeout: float = 5.0, poll: float = 0.02, command: str | None = None) -> None:
        from esgdesk.core.db import advisory_key

        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            return
        if (command or self.command) in UNLOCKED_COMMANDS:
            self._local.depth = 1
            self._local.connection = None
            return
        connection = self.engine.connect()
        key = advisory_key(CATALOGUE_LOCK)
        deadline = time.monotonic() + timeout
        try:
            while not _sql_scalar(connection, "SELECT pg_try_advisory_lock(:key)", key):
                if time.monotonic() >= deadline:
                    raise ArchiveLockedError(
                        _(
                            "The team archive is being changed by another esgdesk ({holder}). "
                            "Wait for it to finish and try again.",
                            holder=self._describe(connection, key),
                        )
                    )
                time.sleep(poll)
        except BaseException:
            connection.close()
            raise
        self._local.connection = connection
        self._local.depth = 1

    def release(self) -> None:
        from esgdesk.core.db import advisory_key

        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            return
        self._local.depth = depth - 1
        if depth > 1:
            return
        connection, self._local.connection = getattr(self._local, "connection", None), None
        if connection is None:
            return
        try:
            _sql_scalar(connection, "SELECT pg_advisory_unlock(:key)", advisory_key(CATALOGUE_LOCK))
        finally:
            connection.close()

    @staticmethod
    def _describe(connection: Any, key: int) -> str:
        """Who holds the lock, from pg_locks and pg_stat_activity (advisory keys are split in two 32-bit ids)."""
        from sqlalchemy import text

        row = connection.execute(
            text(
                "SELECT a.usename, a.client_addr, a.application_name, a.backend_start FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.objid = (:key & 4294967295)::oid LIMIT 1"
            ),
            {"key": key},
        ).first()
        connection.commit()
        if row is None:
            return _("holder unknown")
        return _(
            "database user {user} from {host} ({program})",
            user=row[0],
            host=row[1] or _("this machine"),
            program=row[2] or _("unknown program"),
        )


def _sql_scalar(connection: Any, sql: str, key: int) -> object:
    from sqlalchemy import text

    value = connection.execute(text(sql), {"key": key}).scalar()
    connection.commit()
    return value


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
