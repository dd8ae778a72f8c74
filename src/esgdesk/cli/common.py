"""What every command module shares: exit codes, opening the archive, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

from esgdesk.core.i18n import _

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 2


#: the commands that may make a new archive (only in a new or empty folder); every other command needs one
#: already and exits 2 with `no archive at …`, so a mistyped --archive creates nothing
CREATING_COMMANDS = frozenset({"import", "bundle import", "demo", "gui"})


def may_create(args: argparse.Namespace) -> bool:
    """Whether the command in `args` may make a new archive (see CREATING_COMMANDS)."""
    command = getattr(args, "command", None) or "gui"
    action = getattr(args, "bundle_action", None)
    return (f"{command} {action}" if action else command) in CREATING_COMMANDS


def open_archive(args: argparse.Namespace) -> Archive:
    """The archive named by --archive, ESGDESK_ARCHIVE or the default; made only by a creating command, and
    then said on stderr, as is anything opening did to keep the archive whole (a foreign -wal moved aside).
    Changes a killed process left in the queue are applied on the way in (library/opening.py)."""
    from esgdesk.core.paths import archive_location
    from esgdesk.library.opening import open_archive as open_for_use

    archive = open_for_use(archive_location(args.archive), lock_timeout=lock_timeout(), create=may_create(args))
    if archive.created:
        print(_("esgdesk: created a new archive at {path}", path=archive.root), file=sys.stderr)
    from esgdesk.core.outage import report_lost_connections

    report_lost_connections(archive.engine)  # a team server going away mid-command: one line, exit 2
    for notice in archive.notices:
        print(f"esgdesk: {notice}", file=sys.stderr)
    return archive


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


def printable(text: str) -> str:
    """`text` (a file name, a title from outside) safe to print on one line: no controls, no bidi overrides."""
    from esgdesk.library.originals import shown_name

    return shown_name(text)


def iso_or_none(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: Hangul and other wide characters take two, so `f"{x:<12}"`
    would misalign every Korean column."""
    return text + " " * max(0, width - _columns(text))


def pad_left(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal columns (a Korean label is as wide as its English one)."""
    return " " * max(0, width - _columns(text)) + text


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
