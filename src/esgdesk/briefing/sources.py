"""Reading what a packet needs out of the archive, once, into plain objects.

Templates work on these snapshots rather than on live SQLModel rows: a packet is built after the session has
closed, and a template cannot trigger a lazy query (or a write) by accident.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.i18n import _
from esgdesk.core.models import (
    Annotation,
    AnnotationCategory,
    Collection,
    CollectionItem,
    Document,
    DocumentTag,
    Entity,
    Fact,
    Link,
    Organization,
    Tag,
)
from esgdesk.knowledge.store import organization_name_at


class EmptySelectionError(EsgdeskError):
    """The selection named no document; a packet about nothing helps nobody."""


@dataclass
class SourceDoc:
    id: int
    title: str
    kind: str
    ministry: str
    department: str
    published: dt.date | None
    url: str
    source_id: str
    body: str
    note: str
    tags: list[str] = field(default_factory=list)
    #: the document's number in the packet's list of sources (붙임 1), from 1
    ref: int = 0
    #: budgets the document states for a programme as a whole ({text, krw, year, scope, programme})
    programme_amounts: list[dict] = field(default_factory=list)


@dataclass
class FactRow:
    id: int
    document_id: int
    region: str
    region_code: str | None
    #: the parent region's name and code when the knowledge module stored the entity tree
    parent_name: str | None
    parent_code: str | None
    years: list[int]
    industries: list[str]
    amounts: list[dict]
    sentence: str
    start: int
    end: int


@dataclass
class NoteRow:
    id: int
    document_id: int
    start: int
    end: int
    exact: str
    note: str
    category: str
    created: dt.datetime | None


@dataclass
class LinkRow:
    source_id: int
    target_id: int
    relation: str
    note: str
    other_title: str


@dataclass
class Sources:
    documents: list[SourceDoc]
    facts: list[FactRow]
    notes: list[NoteRow]
    links: list[LinkRow]

    def by_id(self) -> dict[int, SourceDoc]:
        return {doc.id: doc for doc in self.documents}


# -- which documents --------------------------------------------------------------------------------------------


def resolve_selection(
    archive: Archive, ids: list[int] | None = None, collection: str | None = None, query: str | None = None
) -> list[int]:
    """The documents a packet is about, in the order the user chose them (ids, collection) or ranked (query)."""
    if ids:
        with archive.session() as session:
            found = set(session.exec(select(Document.id).where(col(Document.id).in_(ids))).all())
        missing = [str(doc_id) for doc_id in ids if doc_id not in found]
        if missing:
            raise NotFoundError(_("no document with id {ids} in the archive", ids=", ".join(missing)))
        return list(dict.fromkeys(ids))
    if collection:
        return _collection_ids(archive, collection)
    if query:
        return _query_ids(archive, query)
    raise EmptySelectionError(_("say which documents the packet is about: --ids, --collection or --query"))


def _collection_ids(archive: Archive, name: str) -> list[int]:
    with archive.session() as session:
        found = session.exec(select(Collection).where(Collection.name == name)).first()
        if found is None:
            raise NotFoundError(_("no collection named {name!r}", name=name))
        items = session.exec(
            select(CollectionItem.document_id)
            .where(CollectionItem.collection_id == found.id)
            .order_by(col(CollectionItem.position))
        ).all()
    return list(items)


def _query_ids(archive: Archive, query: str) -> list[int]:
    from esgdesk.search.service import matching_ids

    return matching_ids(archive, query)


# -- what the documents hold ---------------------------------------------------------------------------------


def load_sources(archive: Archive, ids: list[int]) -> Sources:
    """Documents (in the given order), their facts, annotations and links."""
    if not ids:
        raise EmptySelectionError(_("the selection holds no documents"))
    with archive.session() as session:
        documents = _documents(session, ids)
        return Sources(documents, _facts(session, ids), _notes(session, ids), _links(session, ids))


def _documents(session: Session, ids: list[int]) -> list[SourceDoc]:
    rows = session.exec(
        select(Document, Organization)
        .join(Organization, col(Document.ministry_id) == col(Organization.id), isouter=True)
        .where(col(Document.id).in_(ids))
    ).all()
    tags: dict[int, list[str]] = defaultdict(list)
    for document_id, name in session.exec(
        select(DocumentTag.document_id, Tag.name)
        .join(Tag, col(Tag.id) == col(DocumentTag.tag_id))
        .where(col(DocumentTag.document_id).in_(ids))
        .order_by(col(Tag.name))
    ).all():
        tags[document_id].append(name)
    position = {doc_id: index for index, doc_id in enumerate(ids)}
    documents = [
        SourceDoc(
            id=document.id or 0,
            title=document.title,
            kind=document.kind,
            # the name on the release's date: a 2023 release came from 산업통상자원부, not today's 산업통상부
            ministry=organization_name_at(ministry, document.published) if ministry else (document.department or ""),
            department=document.department or "",
            published=document.published,
            url=document.source_url or "",
            source_id=document.source_id or "",
            body=document.body,
            note=document.note,
            tags=tags.get(document.id or 0, []),
            programme_amounts=_programme_amounts(document),
        )
        for document, ministry in rows
    ]
    documents.sort(key=lambda doc: position[doc.id])
    return documents


def _programme_amounts(document: Document) -> list[dict]:
    """Programme budgets of the text; extraction is pure and quick, and they belong to no region's row."""
    from esgdesk.knowledge.extract import extract

    return [amount.to_json() for amount in extract(document.body, document.published).programme_amounts]


def _facts(session: Session, ids: list[int]) -> list[FactRow]:
    facts = session.exec(select(Fact).where(col(Fact.document_id).in_(ids)).order_by(col(Fact.id))).all()
    region_ids = {fact.region_id for fact in facts if fact.region_id}
    entities = {e.id: e for e in session.exec(select(Entity).where(col(Entity.id).in_(region_ids))).all()}
    parent_ids = {e.parent_id for e in entities.values() if e.parent_id}
    parents = {e.id: e for e in session.exec(select(Entity).where(col(Entity.id).in_(parent_ids))).all()}
    rows = []
    for fact in facts:
        entity = entities.get(fact.region_id) if fact.region_id else None
        parent = parents.get(entity.parent_id) if entity and entity.parent_id else None
        rows.append(
            FactRow(
                id=fact.id or 0,
                document_id=fact.document_id,
                region=fact.region,
                region_code=fact.region_code or (entity.code if entity else None),
                parent_name=parent.name if parent else None,
                parent_code=parent.code if parent else None,
                years=list(fact.years),
                industries=list(fact.industries),
                amounts=list(fact.amounts),
                sentence=fact.sentence,
                start=fact.start,
                end=fact.end,
            )
        )
    return rows


def _notes(session: Session, ids: list[int]) -> list[NoteRow]:
    rows = session.exec(
        select(Annotation, AnnotationCategory.name)
        .join(AnnotationCategory, col(Annotation.category_id) == col(AnnotationCategory.id), isouter=True)
        .where(col(Annotation.document_id).in_(ids))
        .order_by(col(Annotation.document_id), col(Annotation.start))
    ).all()
    return [
        NoteRow(a.id or 0, a.document_id, a.start, a.end, a.exact, a.note, category or "", a.created_at)
        for a, category in rows
    ]


def _links(session: Session, ids: list[int]) -> list[LinkRow]:
    rows = []
    for link in session.exec(
        select(Link).where(col(Link.source_id).in_(ids) | col(Link.target_id).in_(ids)).order_by(col(Link.id))
    ).all():
        for this, other, relation in (
            (link.source_id, link.target_id, link.relation),
            (link.target_id, link.source_id, f"~{link.relation}"),
        ):
            if this in ids:
                target = session.get(Document, other)
                rows.append(LinkRow(this, other, relation, link.note, target.title if target else f"#{other}"))
    return rows
