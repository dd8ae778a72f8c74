"""What a newcomer meets: documents with text first, a reader whose text stays readable, errors in place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlmodel import select
from ui_helpers import open_window

from esgdesk.core.models import Document, DocumentKind
from esgdesk.library import browse
from esgdesk.library.browse import Scope, ScopeKind
from esgdesk.ui.main_window import MainWindow


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(color: QColor) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _kinds(window: MainWindow) -> dict[int, str]:
    assert window.archive is not None
    with window.archive.session() as session:
        return {int(d.id or 0): d.kind for d in session.exec(select(Document)).all()}


def _open(qtbot, window: MainWindow, document_id: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.documentShown, timeout=10_000, check_params_cb=lambda shown: shown == document_id):
        window.show_document(document_id)


def test_the_first_view_lists_documents_with_text_and_reads_the_newest(qtbot, archive_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, archive_dir, timeout=10_000)
    kinds = _kinds(window)
    listed = window.model.ids()
    assert listed and all(kinds[i] != DocumentKind.LISTING_ITEM for i in listed)
    assert any(kind == DocumentKind.LISTING_ITEM for kind in kinds.values()), "the fixture has headlines"
    assert window.reader.details is not None and window.reader.details["body"].strip()
    assert window.scope == Scope(ScopeKind.DOCUMENTS)
    window.close()


def test_a_release_after_a_headline_is_in_the_normal_text_colour(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    kinds = _kinds(window)
    headline = next(i for i, kind in kinds.items() if kind == DocumentKind.LISTING_ITEM)
    release = next(i for i, kind in kinds.items() if kind != DocumentKind.LISTING_ITEM)
    _open(qtbot, window, headline)
    assert "File › Import files" in window.reader.text.toPlainText()  # it says how to get the release
    _open(qtbot, window, release)
    cursor = window.reader.text.textCursor()
    cursor.setPosition(5)
    colour = cursor.charFormat().foreground().color()
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    # No explicit grey left over: the release is drawn in the palette's text colour, readable on its base.
    assert not cursor.charFormat().hasProperty(cursor.charFormat().Property.ForegroundBrush) or colour == text
    assert _contrast(text, palette.color(QPalette.ColorRole.Base)) >= 4.5


def test_a_bad_query_says_so_under_the_bar_and_clears_the_old_results(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.listLoaded, timeout=10_000):
        window.search_bar.set_query("탄소")
    assert window.model.rowCount() > 0
    with qtbot.waitSignal(window.listLoaded, timeout=10_000) as loaded:
        window.search_bar.set_query('"탄소')
    assert loaded.args == [0] and window.model.rowCount() == 0
    assert window.search_bar.error_label.isVisibleTo(window) and window.search_bar.error_label.text()
    assert window.search_bar.count_label.text() == ""


def test_a_province_counts_its_cities(window: MainWindow) -> None:
    assert window.archive is not None
    data = browse.sidebar(window.archive)
    for province in data.regions:
        if province.children:
            assert province.count >= max(child.count for child in province.children)
    ministries = {entry.name for entry in data.ministries}
    table = {row.ministry for row in browse.document_rows(window.archive, window.model.ids()).values() if row.ministry}
    assert table <= ministries, "the table names every ministry as the sidebar does"


def test_show_with_an_unknown_id_exits_2_with_a_message(archive_dir: Path, tmp_path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "esgdesk",
            "--archive",
            str(archive_dir),
            "gui",
            "--show",
            "99999",
            "--screenshot",
            str(tmp_path / "s.png"),
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 2
    assert "99999" in result.stderr
    assert "propagateSizeHints" not in result.stderr


def test_the_core_speaks_the_language_of_the_gui() -> None:
    from PySide6.QtCore import QCoreApplication

    from esgdesk.core.i18n import current_language
    from esgdesk.ui.look import install_translation

    app = QCoreApplication.instance()
    assert app is not None
    install_translation(app, "ko")
    assert current_language() == "ko"
    install_translation(app, "en")
    assert current_language() == "en"


def test_the_wizard_leaves_headlines_out_of_the_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel

    kinds = _kinds(window)
    rows = {window.model.id_at(row): row for row in range(window.model.rowCount())}
    headline = next(i for i in rows if kinds[i] == DocumentKind.LISTING_ITEM)
    release = next(i for i in rows if kinds[i] != DocumentKind.LISTING_ITEM)
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for document_id in (headline, release):
        selection.select(window.model.index(rows[document_id], 0), flags)
    wizard = window.workbench.build_briefing()
    try:
        assert wizard.source_page.from_selection.isChecked()
        assert wizard.source_page.selected == [release]
    finally:
        wizard.reject()
