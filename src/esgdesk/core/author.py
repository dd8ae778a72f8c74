"""The author a program has chosen for its changes, held in the program rather than in its environment.

The GUI takes the analyst's name from its preferences and sets it here; `current_user()` (core/lock.py) reads
it before ESGDESK_AUTHOR and the OS user. Mutating `os.environ` for that, as the GUI did, changed what every
child process and every other thread saw, and is not safe while other threads read the environment.
"""

from __future__ import annotations

_chosen: str | None = None


def set_program_author(name: str | None) -> None:
    """Record `name` (spaces collapsed) as the author of this program's changes; None or blank clears it."""
    global _chosen
    cleaned = " ".join((name or "").split())
    _chosen = cleaned or None


def program_author() -> str | None:
    return _chosen
