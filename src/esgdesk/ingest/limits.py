"""Limits on what the importer accepts, so a hostile or broken file costs a report line, not the machine."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    #: files larger than this are refused before they are read
    max_file_bytes: int = 200 * MB
    #: parse in a separate worker process, so a hang or a crash costs one file (tests may turn it off)
    parse_in_worker: bool = True
    #: a parser that takes longer than this on one file is stopped
    parse_timeout_seconds: float = 60.0
    #: the worker's address-space limit (Linux); a runaway parser fails alone
    worker_memory_bytes: int | None = 2 * 1024 * MB
    #: containers (zip, HWPX, DOCX, e-mail) may not unpack to more than this in all
    max_unpacked_bytes: int = 500 * MB
    #: … nor any member to more than this many times its compressed size
    max_compression_ratio: float = 200.0
    #: … nor hold more members than this
    max_members: int = 10_000
