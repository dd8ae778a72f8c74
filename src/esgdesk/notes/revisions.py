"""Replacing a document's text (a corrected release, a better parser) without losing what was written on it.

The import pipeline calls `revise_document` when `import --update` brings a new text for a known source id. The
old text is kept as a DocumentRevision (so a moved or fuzzy annotation can be explained against what it
annotated), and every annotation is re-anchored on the new text; none is ever deleted. The caller commits, so
the revision and the rest of the import are one transaction.

Mentions and facts hold spans of the old text; the caller re-runs entity extraction after committing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from esgdesk.core.i18n import _
from esgdesk.core.models import Annotation, Document, DocumentRevision, utcnow
from esgdesk.core.text import nfc
from esgdesk.notes.anchoring import AnchorStatus, Selector, reanchor
from esgdesk.notes.annotations import record


@dataclass(frozen=True)
class AnchorChange:
    """What happened to one annotation; old_* describe it before the revision, new_* after."""

    annotation_id: int
    status: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_quote: str
    new_quote: str
    score: float

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.annotation_id,
            "status": self.status,
            "old": {"start": self.old_start, "end": self.old_end, "quote": self.old_quote},
            "new": {"start": self.new_start, "end": self.new_end, "quote": self.new_quote},
            "score": self.score,
        }


@dataclass
class RevisionReport:
    document_id: int
    revision_id: int | None
    old_version: int
    new_version: int
    anchored: list[AnchorChange] = field(default_factory=list)
    moved: list[AnchorChange] = field(default_factory=list)
    fuzzy: list[AnchorChange] = field(default_factory=list)
    orphaned: list[AnchorChange] = field(default_factory=list)

    @property
    def changes(self) -> list[AnchorChange]:
        return self.anchored + self.moved + self.fuzzy + self.orphaned

    def summary(self) -> str:
        return _(
            "{anchored} in place, {moved} moved, {fuzzy} re-anchored approximately, {orphaned} orphaned",
            anchored=len(self.anchored),
            moved=len(self.moved),
            fuzzy=len(self.fuzzy),
            orphaned=len(self.orphaned),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "revision_id": self.revision_id,
            "old_version": self.old_version,
            "new_version": self.new_version,
            **{
                status: [change.as_json() for change in getattr(self, status)]
                for status in ("anchored", "moved", "fuzzy", "orphaned")
            },
        }


def revise_document(
    session: Session,
    document: Document,
    new_title: str,
    new_body: str,
    new_content_hash: str,
    author: str | None,
) -> RevisionReport:
    """Keep the old text as a revision, put in the new one and re-anchor every annotation (no commit)."""
    assert document.id is not None
    revision = DocumentRevision(
        document_id=document.id,
        title=document.title,
        body=document.body,
        content_hash=document.content_hash,
        author=author,
    )
    session.add(revision)
    report = RevisionReport(document.id, None, document.version, document.version + 1)
    new_body = nfc(new_body)
    document.title = nfc(new_title)
    document.body = new_body
    document.content_hash = new_content_hash
    document.version += 1
    document.updated_at = utcnow()
    session.add(document)
    annotations = session.exec(select(Annotation).where(Annotation.document_id == document.id)).all()
    for annotation in annotations:
        change = _reanchor_row(annotation, new_body)
        getattr(report, change.status).append(change)
        session.add(annotation)
    session.flush()
    report.revision_id = revision.id
    record(session, author, "revise", "document", document.id, f"{document.title}: {report.summary()}")
    return report


def _reanchor_row(annotation: Annotation, body: str) -> AnchorChange:
    """Move one annotation onto the new text; an orphaned one keeps its old selector (and quote)."""
    assert annotation.id is not None
    old = Selector(annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix)
    result = reanchor(old, body)
    status = result.status
    if status == AnchorStatus.ANCHORED and annotation.anchor_status == AnchorStatus.FUZZY:
        status = AnchorStatus.FUZZY  # still awaiting the analyst's look; an unchanged text does not settle it
    new = result.selector
    if new != old or status != annotation.anchor_status:
        annotation.start, annotation.end = new.start, new.end
        annotation.exact, annotation.prefix, annotation.suffix = new.exact, new.prefix, new.suffix
        annotation.anchor_status = status
        annotation.version += 1
        annotation.updated_at = utcnow()
    return AnchorChange(
        annotation_id=annotation.id,
        status=result.status,
        old_start=old.start,
        old_end=old.end,
        new_start=new.start,
        new_end=new.end,
        old_quote=old.exact,
        new_quote=new.exact,
        score=result.score,
    )
