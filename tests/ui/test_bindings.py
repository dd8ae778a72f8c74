"""The Qt bindings must not leak references to None: PySide6 6.12.0 on Python 3.11 does, and the app then
aborts after a few thousand Qt calls ("Fatal Python error: none_dealloc"). pyproject excludes it; this test
fails if a future pin lets such a release in again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) - before > -100
