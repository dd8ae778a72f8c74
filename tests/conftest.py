"""Fixtures every test shares: a fresh archive per test, and the user's real sample."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never look for a display in tests; set before any test module imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the project (read-only; CI lays it there too)
SHARED = PROJECT_ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "press-release-2023-04-28-motie-just-transition.txt"


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture
def archive(archive_dir: Path):
    from esgdesk.core.archive import Archive

    opened = Archive.open(archive_dir)
    yield opened
    opened.close()


@pytest.fixture
def sample_path() -> Path:
    assert SAMPLE.is_file(), f"the user's sample is missing: {SAMPLE}"
    return SAMPLE


@pytest.fixture(autouse=True)
def _no_user_archive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the developer's real archive: the default location points into tmp_path."""
    monkeypatch.setenv("ESGDESK_ARCHIVE", str(tmp_path / "default-archive"))
