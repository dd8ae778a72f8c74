"""Reading documents out of the archive: the lists, details and counts the CLI and the GUI both show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy
from sqlalchemy import func
from sqlmodel import Session, col, select

from esgdesk.core.archive import Archive
from esgdesk.core.models import (
    Annotation,
    Document,
    DocumentFile,
    DocumentTag,
    Entity,
    Link,
    Mention,
    Organization,
    SourceFile,
    Tag,
)
from esgdesk.core.records import get_document
from esgdesk.knowledge.store import document_entities, organization_name_at


@dataclass
class DocumentSummary:
    id: int
    title: str
    kind: str
    published: str | None
    ministry: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "published": self.published,
            "ministry": self.ministry,
        }


def list_documents(archive: Archive, limit: int | None = None) -> list[DocumentSummary]:
    """Newest first (undated documents last), then by id so the order is stable."""
    with archive.session() as session:
        # Five columns: SQLModel's `select` is typed for at most four, SQLAlchemy's for more (run by `execute`).
        statement = (
            sqlalchemy.select(
                col(Document.id), col(Document.title), col(Document.kind), col(Document.published), Organization
            )
            .join(Organization, col(Document.ministry_id) == Organization.id, isouter=True)
            .order_by(col(Document.published).is_(None), col(Document.published).desc(), col(Document.id).desc())
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [
            DocumentSummary(
                id=row[0],
                title=row[1],
                kind=row[2],
                published=_iso(row[3]),
                ministry=organization_name_at(row[4], row[3]) if row[4] else None,
            )
            for row in session.execute(statement)
        ]


def document_details(archive: Archive, document_id: int) -> dict[str, Any]:
    """Everything `show` prints about one document (DESIGN.md's JSON shape, plus `extra`)."""
    with archive.session() as session:
        document = get_document(session, document_id)
        ministry = session.get(Organization, document.ministry_id) if document.ministry_id else None
        return {
            "id": document.id,
            "title": document.title,
            "kind": document.kind,
            "ministry": organization_name_at(ministry, document.published) if ministry else None,
            "department": document.department,
            "published": _iso(document.published),
            "source_url": document.source_url,
            "source_id": document.source_id,
            "status": document.status,
            "partial": document.partial,
            "tags": document_tags(session, document_id),
            "regions": document_regions(session, document_id),
            "entities": document_entities(session, document_id),
            "files": document_files(session, document_id),
            "extra": document.extra,
            "body": document.body,
        }


def document_tags(session: Session, document_id: int) -> list[str]:
    statement = (
        select(Tag.name)
        .join(DocumentTag, col(DocumentTag.tag_id) == Tag.id)
        .where(DocumentTag.document_id == document_id)
    )
    return sorted(session.exec(statement))


def document_regions(session: Session, document_id: int) -> list[str]:
    """Canonical names of the regions the document mentions, in order of first mention."""
    statement = (
        select(Entity.name, func.min(Mention.start))
        .join(Mention, col(Mention.entity_id) == Entity.id)
        .where(Mention.document_id == document_id, Entity.kind == "region", col(Mention.ambiguous).is_(False))
        .group_by(Entity.name)
        .order_by(func.min(Mention.start))
    )
    return [row[0] for row in session.exec(statement)]


def document_files(session: Session, document_id: int) -> list[dict[str, Any]]:
    statement = (
        select(SourceFile, DocumentFile.role)
        .join(DocumentFile, col(DocumentFile.source_file_id) == SourceFile.id)
        .where(DocumentFile.document_id == document_id)
        .order_by(col(DocumentFile.added_at))
    )
    return [
        {"name": file.name, "sha256": file.sha256, "media_type": file.media_type, "size": file.size, "role": role}
        for file, role in session.exec(statement)
    ]


def archive_counts(archive: Archive) -> dict[str, Any]:
    with archive.session() as session:

        def count(model: type) -> int:
            return session.exec(select(func.count()).select_from(model)).one()

        return {
            "documents": count(Document),
            "files": count(SourceFile),
            "tags": count(Tag),
            "annotations": count(Annotation),
            "links": count(Link),
            "archive": archive.location,
            "schema": archive.schema_revision(),
        }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
