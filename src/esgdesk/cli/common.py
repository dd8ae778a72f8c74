"""What every command module shares: exit codes, opening the archive, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 2


def open_archive(args: argparse.Namespace) -> Archive:
    """The archive named by --archive, ESGDESK_ARCHIVE or the default; created when missing. Changes a killed
    process left in the queue are applied on the way in (library/opening.py)."""
    from esgdesk.core.paths import archive_location
    from esgdesk.library.opening import open_archive as open_for_use

    return open_for_use(archive_location(args.archive), lock_timeout=lock_timeout())


def lock_timeout() -> float:
    """How long to wait for another writer; ESGDESK_LOCK_TIMEOUT (seconds) overrides the default."""
    from esgdesk.core.archive import DEFAULT_LOCK_TIMEOUT

    try:
        return float(os.environ.get("ESGDESK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def iso_or_none(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: Hangul and other wide characters take two, so `f"{x:<12}"`
    would misalign every Korean column."""
    used = sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
    return text + " " * max(0, width - used)
