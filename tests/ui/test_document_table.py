"""The document list's model, tested without a window (Vorta's way): set the ids, ask data()."""

from __future__ import annotations

from PySide6.QtCore import Qt

from esgdesk.core.archive import Archive
from esgdesk.library import browse
from esgdesk.library.browse import SortKey
from esgdesk.library.documents import document_details
from esgdesk.ui.document_table import COLUMNS, ID_ROLE, DocumentTableModel

TITLE = "탄소중립에 따른 위기, 지역 주도 준비 지원"


def _model(archive: Archive) -> DocumentTableModel:
    return DocumentTableModel(lambda ids: browse.document_rows(archive, ids))


def test_rows_come_from_the_archive(archive: Archive) -> None:
    model = _model(archive)
    ids = browse.document_ids(archive)
    model.set_ids(ids)
    assert model.rowCount() == len(ids) > 0
    assert model.columnCount() == len(COLUMNS)
    row = model.row_of(1)
    assert row is not None
    assert model.data(model.index(row, COLUMNS.index(SortKey.TITLE))) == TITLE
    assert model.data(model.index(row, COLUMNS.index(SortKey.PUBLISHED))) == "23.04.28"
    tooltip = model.data(model.index(row, COLUMNS.index(SortKey.PUBLISHED)), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "2023-04-28"  # the short date in the cell, the whole one in its tooltip
    ministry = document_details(archive, 1)["ministry"]
    assert ministry and model.data(model.index(row, COLUMNS.index(SortKey.MINISTRY))) == ministry
    assert model.data(model.index(row, 0), ID_ROLE) == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_rows_are_read_a_page_at_a_time_and_cached(archive: Archive) -> None:
    calls: list[list[int]] = []

    def loader(ids):  # type: ignore[no-untyped-def]
        calls.append(list(ids))
        return browse.document_rows(archive, ids)

    model = DocumentTableModel(loader)
    model.PAGE_SIZE = 5
    model.set_ids(browse.document_ids(archive))
    assert calls == []  # setting ids reads nothing
    model.data(model.index(0, 0))
    model.data(model.index(3, 2))
    assert len(calls) == 1 and len(calls[0]) == 5
    model.data(model.index(7, 0))
    assert len(calls) == 2 and len(calls[1]) == 5


def test_unknown_ids_and_invalid_indexes_do_not_fail(archive: Archive) -> None:
    model = _model(archive)
    model.set_ids([999_999])
    assert model.data(model.index(0, 0)) == "…"
    assert model.data(model.index(5, 0)) is None


def test_sorting_asks_its_owner_for_ids(qtbot, archive: Archive) -> None:  # type: ignore[no-untyped-def]
    model = _model(archive)
    with qtbot.waitSignal(model.sortRequested) as blocker:
        model.sort(COLUMNS.index(SortKey.TITLE), Qt.SortOrder.AscendingOrder)
    assert blocker.args == [SortKey.TITLE, False]
    ids = browse.document_ids(archive, sort=SortKey.TITLE, descending=False)
    model.set_ids(ids)
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert titles == sorted(titles)
