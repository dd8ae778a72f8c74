"""Parsing in a separate process, under a time limit and (where the OS allows) a memory limit.

A parser facing a hostile or broken file may loop, recurse or allocate without end; in the importer's own
process that would freeze the batch or the app. calibre runs extraction in worker processes with a time cap;
esgdesk does the same with one long-lived worker: a file that takes too long gets its worker killed and a
report line ("took longer than 60 s"), and the next file gets a fresh worker.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import sys
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection
from typing import Any

from esgdesk.core.i18n import _, current_language, set_language
from esgdesk.ingest.limits import cap_documents
from esgdesk.ingest.parsers import ParserRegistry, default_registry
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput

#: address-space cap for the worker; a zip bomb or runaway parser hits this and fails alone
DEFAULT_MEMORY_LIMIT = 2 * 1024 * 1024 * 1024


@dataclass
class ParseOutcome:
    parser_name: str
    media_type: str
    documents: list[ParsedDocument]


def parse_source(source: SourceInput, registry: ParserRegistry | None = None) -> ParseOutcome:
    """Choose the parser by content and run it; every failure becomes a ParseError with a readable reason."""
    parser = (registry or _default_registry()).choose(source)
    try:
        documents = parser.parse(source)
    except ParseError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ParseError(_("the file is too complex to read safely ({kind})", kind=type(exc).__name__)) from exc
    except Exception as exc:  # a parser bug must cost one file, never the batch
        raise ParseError(
            _(
                "the {reader} reader failed on this file ({kind}: {exc})",
                reader=parser.name,
                kind=type(exc).__name__,
                exc=exc,
            )
        ) from exc
    if not documents:
        raise ParseError(_("no text was found in the file"))
    cap_documents(documents)  # bounded work for every step after this one, whatever the format
    return ParseOutcome(parser.name, parser.media_types[0], documents)


@cache
def _default_registry() -> ParserRegistry:
    return default_registry()


class ParseWorker:
    """One worker process, reused across files and replaced when it is killed or dies."""

    def __init__(self, timeout: float, memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> None:
        self.timeout = timeout
        self.memory_limit = memory_limit
        self._context = multiprocessing.get_context("spawn")  # fork is unsafe next to Qt's threads
        self._process: Any = None
        self._connection: Connection | None = None

    def parse(self, source: SourceInput) -> ParseOutcome:
        connection = self._ensure_started()
        try:
            connection.send((current_language(), source))  # the worker's messages speak the caller's language
            if not connection.poll(self.timeout):
                self._kill()
                raise ParseError(
                    _("reading the file took longer than {seconds:g} s and was stopped", seconds=self.timeout)
                )
            kind, payload = connection.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as exc:
            self._kill()
            raise ParseError(_("the reader stopped while reading this file (out of memory, or a crash)")) from exc
        if kind == "error":
            raise ParseError(payload)
        outcome: ParseOutcome = payload  # the child sends ("ok", ParseOutcome) or ("error", message)
        return outcome

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.send(None)
        if self._process is not None:
            self._process.join(timeout=2)
        self._kill()

    def _ensure_started(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            self._kill()
            parent, child = self._context.Pipe()
            self._process = self._context.Process(
                target=_serve, args=(child, self.memory_limit), name="esgdesk-parser", daemon=True
            )
            self._process.start()
            child.close()
            self._connection = parent
        assert self._connection is not None
        return self._connection

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)
        if self._connection is not None:
            self._connection.close()
        self._process = None
        self._connection = None

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


_shared_workers: dict[tuple[float, int | None], ParseWorker] = {}


def shared_worker(timeout: float, memory_limit: int | None) -> ParseWorker:
    """A worker reused by every batch in this process: starting one costs about a second of imports."""
    key = (timeout, memory_limit)
    worker = _shared_workers.get(key)
    if worker is None:
        worker = _shared_workers[key] = ParseWorker(timeout, memory_limit)
        if len(_shared_workers) == 1:
            atexit.register(_close_shared_workers)
    return worker


def _close_shared_workers() -> None:
    for worker in _shared_workers.values():
        worker.close()
    _shared_workers.clear()


def _serve(connection: Connection, memory_limit: int | None) -> None:
    _limit_memory(memory_limit)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        language, source = request
        set_language(language)
        try:
            connection.send(("ok", parse_source(source)))
        except ParseError as exc:
            connection.send(("error", str(exc)))
        except MemoryError:
            connection.send(("error", _("the file needs more memory than esgdesk allows for one file")))


def _limit_memory(limit: int | None) -> None:
    # RLIMIT_AS is honoured on Linux; macOS ignores it and Windows has no resource module. There the time
    # limit and the parsers' own size limits still hold.
    if limit is None or not sys.platform.startswith("linux"):
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
