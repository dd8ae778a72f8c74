"""Benchmark: the document list over 100,000 documents — time to first paint, scrolling and sorting.

    QT_QPA_PLATFORM=offscreen python bench/gui_list.py [--documents 100000] [--keep DIR]

Documents are bulk-inserted with SQLAlchemy core into a temporary archive (the import pipeline would take far
longer and is not what is measured). Prints the figures; this is not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, DocumentTag, Organization, Tag
from esgdesk.library import browse

MINISTRIES = [
    "산업통상자원부",
    "환경부",
    "고용노동부",
    "기획재정부",
    "국토교통부",
    "해양수산부",
    "중소벤처기업부",
    "농림축산식품부",
]
WORDS = [
    "탄소중립",
    "공정전환",
    "지역",
    "산업",
    "지원",
    "녹색",
    "수소",
    "기후",
    "일자리",
    "전환",
    "사업",
    "확대",
    "추진",
]
TAGS = ["공정전환", "탄소중립", "ESG 공시", "수소", "재생에너지", "고용"]


def populate(archive: Archive, count: int) -> None:
    rng = random.Random(20240428)
    now = dt.datetime.now(dt.UTC)
    with archive.writing("bench"), archive.engine.begin() as connection:
        connection.execute(
            insert(Organization.__table__),
            [{"key": name, "name": name, "kind": "ministry", "names": [], "aliases": []} for name in MINISTRIES],
        )
        connection.execute(insert(Tag.__table__), [{"name": name, "created_at": now} for name in TAGS])
        batch: list[dict[str, object]] = []
        for number in range(1, count + 1):
            title = " ".join(rng.sample(WORDS, 5)) + f" {number}"
            batch.append(
                {
                    "title": title,
                    "body": title,
                    "kind": "press release",
                    "status": "new" if number % 3 else "reviewed",
                    "ministry_id": rng.randint(1, len(MINISTRIES)),
                    "published": dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3000)),
                    "content_hash": f"{number:064x}",
                    "partial": False,
                    "note": "",
                    "extra": {},
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 5000:
                connection.execute(insert(Document.__table__), batch)
                batch.clear()
        if batch:
            connection.execute(insert(Document.__table__), batch)
        connection.execute(
            insert(DocumentTag.__table__),
            [
                {"document_id": i, "tag_id": rng.randint(1, len(TAGS)), "origin": "manual", "created_at": now}
                for i in range(1, count + 1, 4)
            ],
        )


def timed(label: str, function):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = function()
    print(f"{label:<48} {1000 * (time.perf_counter() - start):9.1f} ms")
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="build the archive here and keep it")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="esgdesk-bench-"))
    try:
        archive = Archive.open(folder / "archive")
        if browse.sidebar(archive).total == 0:
            timed(f"bulk insert {args.documents:,} documents", lambda: populate(archive, args.documents))
        print(f"documents: {browse.sidebar(archive).total:,}")
        timed("core: ids, newest first", lambda: browse.document_ids(archive))
        timed("core: ids, by title", lambda: browse.document_ids(archive, sort=browse.SortKey.TITLE, descending=False))
        timed("core: ids, by ministry", lambda: browse.document_ids(archive, sort=browse.SortKey.MINISTRY))
        timed("core: ids, by tags", lambda: browse.document_ids(archive, sort=browse.SortKey.TAGS))
        timed("core: sidebar counts", lambda: browse.sidebar(archive))
        ids = browse.document_ids(archive)
        timed("core: one page of 200 rows", lambda: browse.document_rows(archive, ids[50_000:50_200]))
        archive.close()
        return measure_window(str(folder / "archive"))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def measure_window(location: str) -> int:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from esgdesk.ui.app import make_application
    from esgdesk.ui.main_window import MainWindow
    from esgdesk.ui.operations import wait_for_background_work

    app = make_application(sys.argv[:1])
    window = MainWindow()
    window.setProperty("saveLayout", False)
    painted: dict[str, float] = {}

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.model.rowCount() and "first" not in painted:
                painted["first"] = time.perf_counter()
            return False

    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    start = time.perf_counter()
    window.show()
    ready: dict[str, float] = {}
    window.ready.connect(lambda: ready.setdefault("at", time.perf_counter()))
    window.open_archive(location)
    while "first" not in painted and time.perf_counter() - start < 60:
        app.processEvents()
    print(f"{'window: open → list of 100k painted':<48} {1000 * (painted['first'] - start):9.1f} ms")
    while "at" not in ready and time.perf_counter() - start < 60:
        app.processEvents()
    print(f"{'window: open → ready (sidebar, list, reader)':<48} {1000 * (ready['at'] - start):9.1f} ms")
    print(f"{'  rows in the list':<48} {window.model.rowCount():9,}")

    def repaint() -> None:
        window.table.viewport().repaint()
        app.processEvents()

    timed("scroll to bottom + paint", lambda: (window.table.scrollToBottom(), repaint()))
    timed("scroll to top + paint", lambda: (window.table.scrollToTop(), repaint()))
    window.table.setFocus()
    window.table.selectRow(0)
    wait_for_background_work()
    app.processEvents()

    def page_downs() -> None:
        for _ in range(200):
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    window.table, QKeyEvent(kind, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
                )
            repaint()

    start_pages = window.model.pages_loaded
    elapsed_start = time.perf_counter()
    page_downs()
    elapsed = time.perf_counter() - elapsed_start
    print(f"{'200 page-downs, each painted':<48} {1000 * elapsed:9.1f} ms  ({1000 * elapsed / 200:.2f} ms each)")
    print(f"{'  pages of rows read while scrolling':<48} {window.model.pages_loaded - start_pages:9}")

    sorted_at: dict[str, float] = {}
    window.listLoaded.connect(lambda _n: sorted_at.setdefault("at", time.perf_counter()))
    sort_start = time.perf_counter()
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    blocked = time.perf_counter() - sort_start
    while "at" not in sorted_at and time.perf_counter() - sort_start < 60:
        app.processEvents()
    print(f"{'sort by title: GUI thread blocked':<48} {1000 * blocked:9.1f} ms")
    print(f"{'sort by title: new order on screen':<48} {1000 * (sorted_at['at'] - sort_start):9.1f} ms")
    wait_for_background_work()
    window.close()
    if window.archive is not None:
        window.archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
