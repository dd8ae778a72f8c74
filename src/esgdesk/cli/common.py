"""What every command module shares: exit codes, opening the archive, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from typing import Any

from esgdesk.core.archive import DEFAULT_LOCK_TIMEOUT, Archive
from esgdesk.core.outage import report_lost_connections
from esgdesk.core.paths import archive_location

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 2


def open_archive(args: argparse.Namespace) -> Archive:
    """The archive named by --archive, ESGDESK_ARCHIVE or the default; created when missing.

    A team archive's server going away mid-command becomes one line and exit 2 (esgdesk/core/outage.py)."""
    archive = Archive.open(archive_location(args.archive), lock_timeout=lock_timeout())
    report_lost_connections(archive.engine)
    return archive


def lock_timeout() -> float:
    """How long to wait for another writer; ESGDESK_LOCK_TIMEOUT (seconds) overrides the default."""
    try:
        return float(os.environ.get("ESGDESK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def printable(text: str) -> str:
    """`text` (a file name, a title from outside) safe to print on one line: no controls, no bidi overrides."""
    from esgdesk.library.originals import shown_name

    return shown_name(text)


def iso_or_none(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: Hangul and other wide characters take two, so `f"{x:<12}"`
    would misalign every Korean column."""
    used = sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
    return text + " " * max(0, width - used)
