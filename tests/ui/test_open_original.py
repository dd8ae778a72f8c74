"""“Open original” on a file whose sender chose a spoofing name: the button shows the name without the
right-to-left override, and the viewer gets a copy typed by its content (.txt), never the sender's .js."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import run_import
from esgdesk.ui.main_window import MainWindow

SPOOFED = "보도자료_\u202etxt.js"  # shows as “보도자료_sj.txt”; Windows Script Host would run it
BODY = "탄소중립 지역 지원 보도자료\n\n산업통상자원부는 충청북도의 공정전환 지원 사업을 시작한다고 밝혔다.\n"


@pytest.fixture
def archive_dir(archive_dir: Path, tmp_path: Path) -> Path:
    source = tmp_path / "incoming" / SPOOFED
    source.parent.mkdir()
    source.write_text(BODY, encoding="utf-8")
    with Archive.open(archive_dir) as archive:
        report = run_import(archive, [source])
    assert report.imported, report.failed
    (archive_dir / "spoofed-id").write_text(str(report.imported[0].id))
    return archive_dir


def test_the_spoofed_name_is_shown_clean_and_opened_as_text(
    qtbot, window: MainWindow, archive_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    document_id = int((archive_dir / "spoofed-id").read_text())
    with qtbot.waitSignal(window.documentShown, timeout=10_000):
        window.show_document(document_id)
    buttons = [b for b in window.reader.findChildren(QPushButton) if b.objectName() == "openOriginal"]
    assert buttons
    label = buttons[0].text() + buttons[0].toolTip()
    assert "\u202e" not in label and "보도자료_txt.js" in label  # the real extension, readable
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    path = Path(opened[0].toLocalFile())
    assert path.name == "보도자료_txt.txt" and path.read_text(encoding="utf-8") == BODY
