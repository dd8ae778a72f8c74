"""Which files a batch means: paths given by the user, folders walked recursively, junk left out."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from esgdesk.core.i18n import _

#: editor locks, partial downloads and OS clutter that are never documents
_SKIPPED_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_SKIPPED_PREFIXES = (".", "~$", "~")
_SKIPPED_SUFFIXES = (".tmp", ".temp", ".part", ".crdownload", ".download", ".swp", ".bak~")


@dataclass(frozen=True)
class BatchEntry:
    """One input of a batch: a file to import, or a path that already failed (missing, unreadable)."""

    path: Path
    error: str | None = None


def expand_paths(paths: Sequence[str | Path]) -> Iterator[BatchEntry]:
    """Files in the order given; a folder contributes its files recursively, sorted, without hidden ones."""
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            yield BatchEntry(path, _("no such file or folder"))
        elif path.is_dir():
            yield from _walk(path)
        elif not path.is_file():
            yield BatchEntry(path, _("not a regular file (a device, pipe or socket)"))
        else:
            yield BatchEntry(path)


def _walk(folder: Path) -> Iterator[BatchEntry]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield BatchEntry(folder, _("the folder cannot be read ({reason})", reason=exc.strerror or exc))
        return
    for entry in entries:
        if is_skipped_name(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file():
            yield BatchEntry(path)


def is_skipped_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in _SKIPPED_NAMES or lowered.startswith(_SKIPPED_PREFIXES) or lowered.endswith(_SKIPPED_SUFFIXES)
