"""Collections: ordered sets of documents that briefings follow; every change returns what undo needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import archive_with_documents

from esgdesk.briefing.sources import resolve_selection
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.models import Document
from esgdesk.library import collections


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = archive_with_documents(tmp_path / "archive", [f"본문 {n}" for n in range(1, 6)])
    yield opened
    opened.close()


def test_create_add_and_list_in_order(archive: Archive) -> None:
    made = collections.create_collection(archive, "  충북 브리핑 ")
    assert made.name == "충북 브리핑" and made.document_ids == ()
    assert collections.add_documents(archive, made.id, [3, 1, 3]) == [3, 1]
    assert collections.add_documents(archive, made.id, [1, 2]) == [2]  # 1 is there already
    assert collections.get_collection(archive, made.id).document_ids == (3, 1, 2)
    assert collections.add_documents(archive, made.id, [5], at=1) == [5]
    assert collections.get_collection(archive, made.id).document_ids == (3, 5, 1, 2)
    assert [c.name for c in collections.list_collections(archive)] == ["충북 브리핑"]
    # a briefing reads the collection in the same order
    assert resolve_selection(archive, collection="충북 브리핑") == [3, 5, 1, 2]


def test_remove_and_restore_put_documents_back_where_they_were(archive: Archive) -> None:
    made = collections.create_collection(archive, "A")
    collections.add_documents(archive, made.id, [1, 2, 3, 4])
    removed = collections.remove_documents(archive, made.id, [2, 4])
    assert removed == [(1, 2), (3, 4)]
    assert collections.get_collection(archive, made.id).document_ids == (1, 3)
    collections.restore_documents(archive, made.id, removed)
    assert collections.get_collection(archive, made.id).document_ids == (1, 2, 3, 4)


def test_reorder_returns_the_old_order(archive: Archive) -> None:
    made = collections.create_collection(archive, "A")
    collections.add_documents(archive, made.id, [1, 2, 3])
    assert collections.reorder(archive, made.id, [3, 1]) == [1, 2, 3]
    assert collections.get_collection(archive, made.id).document_ids == (3, 1, 2)  # 2 keeps its turn after


def test_rename_delete_and_refusals(archive: Archive) -> None:
    first = collections.create_collection(archive, "A")
    collections.create_collection(archive, "B")
    with pytest.raises(EsgdeskError, match="already"):
        collections.create_collection(archive, "B")
    with pytest.raises(EsgdeskError, match="already"):
        collections.rename_collection(archive, first.id, "B")
    with pytest.raises(EsgdeskError, match="name"):
        collections.create_collection(archive, "   ")
    with pytest.raises(NotFoundError):
        collections.add_documents(archive, first.id, [99])
    assert collections.rename_collection(archive, first.id, "C").name == "C"
    collections.add_documents(archive, first.id, [1, 2])
    gone = collections.delete_collection(archive, first.id)
    assert gone.document_ids == (1, 2)
    assert [c.name for c in collections.list_collections(archive)] == ["B"]
    with archive.session() as session:
        assert session.get(Document, 1) is not None  # deleting a collection never deletes documents
    with pytest.raises(NotFoundError):
        collections.get_collection(archive, first.id)
