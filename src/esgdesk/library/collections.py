"""Collections: ordered sets of documents, each a briefing in the making (`export --collection NAME`).

The order is the `position` of each CollectionItem and is what a briefing follows, so every change keeps the
positions dense (0, 1, 2 …). Each function takes the archive's writer lock itself, so the CLI and the GUI's
writer thread call them the same way. Functions that change membership return what they changed, which is
exactly what an undo needs to put things back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.i18n import N_, _
from esgdesk.core.models import Collection, CollectionItem, Document
from esgdesk.core.text import normalize_line


@dataclass(frozen=True)
class CollectionView:
    id: int
    name: str
    description: str
    document_ids: tuple[int, ...]


def list_collections(archive: Archive) -> list[CollectionView]:
    """Every collection by name, each with its documents in briefing order."""
    with archive.session() as session:
        rows = session.exec(select(Collection).order_by(col(Collection.name))).all()
        return [_view(session, row) for row in rows]


def get_collection(archive: Archive, collection_id: int) -> CollectionView:
    with archive.session() as session:
        return _view(session, _collection(session, collection_id))


def create_collection(archive: Archive, name: str, description: str = "") -> CollectionView:
    clean = _name(name)
    with archive.writing(N_("create collection")), archive.session() as session:
        _refuse_taken(session, clean)
        row = Collection(name=clean, description=description)
        session.add(row)
        session.commit()
        session.refresh(row)
        return _view(session, row)


def rename_collection(archive: Archive, collection_id: int, name: str) -> CollectionView:
    clean = _name(name)
    with archive.writing(N_("rename collection")), archive.session() as session:
        row = _collection(session, collection_id)
        if row.name != clean:
            _refuse_taken(session, clean)
            row.name = clean
            session.add(row)
            session.commit()
            session.refresh(row)
        return _view(session, row)


def delete_collection(archive: Archive, collection_id: int) -> CollectionView:
    """Delete a collection (never its documents); returns what it held so it can be made again."""
    with archive.writing(N_("delete collection")), archive.session() as session:
        row = _collection(session, collection_id)
        view = _view(session, row)
        for item in session.exec(select(CollectionItem).where(CollectionItem.collection_id == collection_id)).all():
            session.delete(item)
        # Items go first, in their own flush: the database would cascade them and surprise the ORM otherwise.
        session.flush()
        session.delete(row)
        session.commit()
        return view


def add_documents(
    archive: Archive, collection_id: int, document_ids: Iterable[int], *, at: int | None = None
) -> list[int]:
    """Add documents (at the end, or before position `at`); returns the ids that were not there already."""
    wanted = list(dict.fromkeys(document_ids))
    with archive.writing(N_("add to collection")), archive.session() as session:
        _collection(session, collection_id)
        order = _order(session, collection_id)
        known = set(session.exec(select(Document.id).where(col(Document.id).in_(wanted))).all()) if wanted else set()
        missing = [str(i) for i in wanted if i not in known]
        if missing:
            raise NotFoundError(_("There is no document {ids} in this archive.", ids=", ".join(missing)))
        added = [i for i in wanted if i not in order]
        position = len(order) if at is None else max(0, min(at, len(order)))
        _write_order(session, collection_id, order[:position] + added + order[position:])
        session.commit()
        return added


def remove_documents(archive: Archive, collection_id: int, document_ids: Iterable[int]) -> list[tuple[int, int]]:
    """Take documents out; returns (position, id) of each removed one, for putting them back where they were."""
    unwanted = set(document_ids)
    with archive.writing(N_("remove from collection")), archive.session() as session:
        _collection(session, collection_id)
        order = _order(session, collection_id)
        removed = [(position, i) for position, i in enumerate(order) if i in unwanted]
        _write_order(session, collection_id, [i for i in order if i not in unwanted])
        session.commit()
        return removed


def restore_documents(archive: Archive, collection_id: int, removed: Sequence[tuple[int, int]]) -> None:
    """Put back what `remove_documents` returned, each at its old position."""
    with archive.writing(N_("restore to collection")), archive.session() as session:
        _collection(session, collection_id)
        order = _order(session, collection_id)
        for position, document_id in sorted(removed):
            if document_id not in order:
                order.insert(min(position, len(order)), document_id)
        _write_order(session, collection_id, order)
        session.commit()


def reorder(archive: Archive, collection_id: int, document_ids: Sequence[int]) -> list[int]:
    """Set the briefing order; returns the order before. Members left out keep their turn after the named ones."""
    with archive.writing(N_("reorder collection")), archive.session() as session:
        _collection(session, collection_id)
        before = _order(session, collection_id)
        named = [i for i in dict.fromkeys(document_ids) if i in before]
        _write_order(session, collection_id, named + [i for i in before if i not in named])
        session.commit()
        return before


# -- helpers ----------------------------------------------------------------------------------------------


def _name(name: str) -> str:
    clean = normalize_line(name)
    if not clean:
        raise EsgdeskError(_("A collection needs a name."))
    return clean


def _refuse_taken(session: Session, name: str) -> None:
    if session.exec(select(Collection.id).where(Collection.name == name)).first() is not None:
        raise EsgdeskError(_("There is a collection named “{name}” already.", name=name))


def _collection(session: Session, collection_id: int) -> Collection:
    row = session.get(Collection, collection_id)
    if row is None:
        raise NotFoundError(_("There is no collection {collection_id} in this archive.", collection_id=collection_id))
    return row


def _order(session: Session, collection_id: int) -> list[int]:
    statement = (
        select(CollectionItem.document_id)
        .where(CollectionItem.collection_id == collection_id)
        .order_by(col(CollectionItem.position), col(CollectionItem.document_id))
    )
    return list(session.exec(statement).all())


def _write_order(session: Session, collection_id: int, order: list[int]) -> None:
    existing = {
        item.document_id: item
        for item in session.exec(select(CollectionItem).where(CollectionItem.collection_id == collection_id)).all()
    }
    for document_id, item in existing.items():
        if document_id not in order:
            session.delete(item)
    for position, document_id in enumerate(order):
        item = existing.get(document_id) or CollectionItem(collection_id=collection_id, document_id=document_id)
        item.position = position
        session.add(item)


def _view(session: Session, row: Collection) -> CollectionView:
    assert row.id is not None
    return CollectionView(row.id, row.name, row.description, tuple(_order(session, row.id)))


def collection_count(archive: Archive) -> int:
    with archive.session() as session:
        return int(session.exec(select(func.count()).select_from(Collection)).one())
