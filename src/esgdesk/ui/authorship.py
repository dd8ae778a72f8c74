"""Who made a change, as the GUI records and shows it.

Every service records `current_user()` (esgdesk.core.lock): ESGDESK_AUTHOR, else the OS user. The author name
in Preferences is the analyst's own choice of that name, so the app puts it into ESGDESK_AUTHOR — at start
and whenever the preference changes — and every edit, import, tag and link made from the GUI (on whichever
worker thread) carries it without each call passing it along. With the preference empty, the value the app
was started with (or the OS user) applies again.
"""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QCoreApplication

from esgdesk.core.lock import AUTHOR_VARIABLE, current_user

#: ESGDESK_AUTHOR as the app found it at start: what an emptied preference goes back to
_LAUNCH_AUTHOR = os.environ.get(AUTHOR_VARIABLE)


def apply_author(name: str) -> str:
    """Make `name` the author of the app's changes from now on; returns the author that now applies."""
    chosen = " ".join((name or "").split())
    if chosen:
        os.environ[AUTHOR_VARIABLE] = chosen
    elif _LAUNCH_AUTHOR is not None:
        os.environ[AUTHOR_VARIABLE] = _LAUNCH_AUTHOR
    else:
        os.environ.pop(AUTHOR_VARIABLE, None)
    return current_user()


def local_time(value: dt.datetime | str | None, with_time: bool = True) -> str:
    """A stored UTC timestamp in the analyst's local time; SQLite hands timestamps back without a zone."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def byline(author: str | None, when: dt.datetime | str | None, with_time: bool = False) -> str:
    """“kim · 2024-05-02”: who and when, either part left out when unknown."""
    who = author or QCoreApplication.translate("Authorship", "unknown author")
    stamp = local_time(when, with_time)
    return f"{who} · {stamp}" if stamp else who
