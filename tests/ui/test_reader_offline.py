"""Imported HTML is read without loading anything: no images, style sheets, scripts or frames, local or remote."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtGui import QTextImageFormat

from esgdesk.ui.main_window import MainWindow


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def tracker() -> Iterator[str]:
    """A web server on localhost that notes every request: the test's stand-in for a remote site."""
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _markup(base: str) -> str:
    return (
        f'<link rel="stylesheet" href="{base}/style.css">'
        f'<script src="{base}/tracker.js"></script>'
        f'<img src="{base}/pixel.png" width="1" height="1">'
        f'<iframe src="{base}/frame.html"></iframe>'
        f'<div style="background-image: url({base}/background.png)">'
    )


def _images(window: MainWindow) -> int:
    count = 0
    block = window.reader.text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if iterator.fragment().charFormat().isImageFormat():
                assert isinstance(iterator.fragment().charFormat().toImageFormat(), QTextImageFormat)
                count += 1
            iterator += 1
        block = block.next()
    return count


def test_an_imported_html_release_loads_nothing(qtbot, window: MainWindow, tracker: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "release.html"
    page.write_text(
        "<html><head><title>환경부, 석탄화력 폐지 지역 지원</title>"
        + _markup(tracker)
        + "</head><body><h1>환경부, 석탄화력 폐지 지역 지원</h1>"
        "<p>담당부서 : 환경부 기후변화정책과</p>"
        "<p>환경부는 2024년 5월 2일 충청남도 당진시의 석탄화력 발전소 폐지에 따른 지역 공정전환 지원을"
        " 확대한다고 밝혔다.</p><p>이번 지원은 지역 주도의 전환 계획을 돕기 위한 것이다.</p>"
        + _markup(tracker)
        + "</div></body></html>",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.imports.importFinished, timeout=30_000) as finished:
        assert window.import_paths([str(page)])
    report = finished.args[0]
    assert report.imported, report.failed
    document_id = report.imported[0].id
    qtbot.waitUntil(lambda: window.model.row_of(document_id) is not None, timeout=10_000)
    with qtbot.waitSignal(window.documentShown, timeout=10_000, check_params_cb=lambda shown: shown == document_id):
        window.show_document(document_id)
    qtbot.wait(500)  # time enough for a request to go out, were one ever made
    assert "석탄화력" in window.reader.text.toPlainText()
    assert _images(window) == 0
    assert _Recorder.requests == []


def test_markup_in_a_documents_text_is_shown_as_text(qtbot, window: MainWindow, tracker: str) -> None:  # type: ignore[no-untyped-def]
    markup = _markup(tracker)
    details = {
        "id": 999,
        "title": f"제목 {markup}",
        "ministry": markup,
        "source_url": f"{tracker}/source",
        "tags": [markup],
        "regions": [],
        "files": [],
        "body": f"본문 앞\n{markup}\n본문 뒤",
    }
    window.reader.show_document(details, ["본문"], [])
    qtbot.wait(500)
    assert markup in window.reader.text.toPlainText()  # the tags are characters on the page, not instructions
    assert _images(window) == 0
    # The source link is only a link: nothing is fetched until the analyst clicks it, and then by the browser.
    assert _Recorder.requests == []
