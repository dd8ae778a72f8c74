"""Importing from the window: a batch with a bad file goes on, reports why, and the GUI keeps turning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from esgdesk.ui.main_window import MainWindow

RELEASE = """환경부, 충청남도 석탄화력 폐지 지역 공정전환 지원 확대

담당부서 : 환경부 기후변화정책과

환경부는 2024년 5월 2일 충청남도 당진시와 보령시의 석탄화력 발전소 폐지에 따른 지역 공정전환 지원을 확대한다고 밝혔다.
"""


def _batch(tmp_path: Path) -> list[str]:
    good = tmp_path / "release.txt"
    good.write_text(RELEASE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return [str(good), str(empty)]


def test_a_batch_with_a_bad_file_reports_the_failure(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = window.model.rowCount()
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(window.imports.importFinished, timeout=15_000) as finished:
        assert window.import_paths(_batch(tmp_path))
    timer.stop()
    report = finished.args[0]
    assert len(report.imported) == 1
    assert [Path(f.path).name for f in report.failed] == ["empty.txt"]
    dialog = window.imports.summary_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.failure_rows()
    assert rows[0][0].endswith("empty.txt") and "empty" in rows[0][1]
    assert "1 imported" in dialog.heading.text() and "1 failed" in dialog.heading.text()
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=5000)
    assert ticks, "the event loop did not turn while the import ran"
    dialog.close()


def test_dropping_files_on_the_window_imports_them(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path) for path in _batch(tmp_path)])
    enter = QDragEnterEvent(
        QPointF(50, 50).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.imports.importFinished, timeout=15_000) as finished:
        window.dropEvent(drop)
    assert len(finished.args[0].imported) == 1
    assert window.imports.summary_dialog is not None
    window.imports.summary_dialog.close()


def test_a_second_import_waits_for_the_first(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.imports.importFinished, timeout=15_000):
        assert window.import_paths(_batch(tmp_path))
        assert not window.import_paths(_batch(tmp_path))
    if window.imports.summary_dialog is not None:
        window.imports.summary_dialog.close()
