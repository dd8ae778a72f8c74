"""Who made a change, as the GUI records and shows it.

Every service records `current_user()` (esgdesk.core.lock). The author name in Preferences is the analyst's
own choice of that name, so the app sets it as the program's author (esgdesk.core.author) — at start and
whenever the preference changes, never by changing the environment — and every edit, import, tag and link made
from the GUI (on whichever worker thread) carries it. With the preference empty, ESGDESK_AUTHOR as the app was
started with (or the OS user) applies again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from esgdesk.core.author import set_program_author
from esgdesk.core.lock import current_user


def apply_author(name: str) -> str:
    """Make `name` the author of the app's changes from now on; returns the author that now applies."""
    set_program_author(name)
    return current_user()


def local_time(value: dt.datetime | str | None, with_time: bool = True) -> str:
    """A stored UTC timestamp in the analyst's local time; SQLite hands timestamps back without a zone."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return value  # not a timestamp: shown as stored rather than hidden
        return _local_stamp(parsed, with_time)
    return _local_stamp(value, with_time)


def _local_stamp(value: dt.datetime, with_time: bool) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def byline(author: str | None, when: dt.datetime | str | None, with_time: bool = False) -> str:
    """“kim · 2024-05-02”: who and when, either part left out when unknown."""
    who = author or QCoreApplication.translate("Authorship", "unknown author")
    stamp = local_time(when, with_time)
    return f"{who} · {stamp}" if stamp else who
