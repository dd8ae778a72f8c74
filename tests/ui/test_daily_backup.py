"""Closing the app makes the day's backup (once a day, only after a change)."""

from __future__ import annotations

from pathlib import Path


def test_closing_the_window_backs_up_once_a_day(window, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    backups = archive_dir / "backups"
    before = {path.name for path in backups.glob("*.sqlite")}
    window.close()
    made = {path.name for path in backups.glob("*.sqlite")} - before
    assert len(made) == 1
    assert "daily" in made.pop()
    window.archives.daily_backup()  # a second close the same day adds nothing
    assert len({path.name for path in backups.glob("*.sqlite")} - before) == 1
