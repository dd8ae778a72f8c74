"""Annotations and document notes as the CLI and the GUI use them: create, edit, delete, list, categories.

Every change takes the archive's writer lock, records an Activity row and re-indexes the document for search
(annotation notes are searchable). Edits use optimistic concurrency: the caller passes the `version` it read and
gets a ConflictError when someone else saved in between, instead of silently overwriting their note.

Services return plain `AnnotationView`s, not ORM rows, so callers never touch a closed session.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import Activity, Annotation, AnnotationCategory, utcnow
from esgdesk.core.records import get_document
from esgdesk.core.text import nfc
from esgdesk.notes.anchoring import AnchorStatus, Selector, anchor_occurrence, make_selector
from esgdesk.notes.errors import ConflictError

log = logging.getLogger(__name__)

#: (name, colour, what it is for) — the analyst may recolour or redefine them; created on first use
DEFAULT_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("핵심", "#f4c430", "the point of the release"),
    ("근거", "#7cc576", "evidence: figures, legal basis, sources"),
    ("질문", "#6fa8dc", "something to ask or check"),
    ("후속조치", "#e67c73", "follow-up: what to do or watch next"),
)


@dataclass(frozen=True)
class AnnotationView:
    id: int
    document_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    category: str | None
    color: str | None
    status: str
    author: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def orphaned(self) -> bool:
        return self.status == AnchorStatus.ORPHANED

    @property
    def selector(self) -> Selector:
        return Selector(self.start, self.end, self.quote, self.prefix, self.suffix)

    def as_json(self) -> dict[str, Any]:
        """The `annotations --json` shape of the issue, plus status, colour and version for editors."""
        return {
            "id": self.id,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "note": self.note,
            "category": self.category,
            "orphaned": self.orphaned,
            "status": self.status,
            "color": self.color,
            "document_id": self.document_id,
            "author": self.author,
            "version": self.version,
        }


# -- reading ---------------------------------------------------------------------------------------------


def list_annotations(archive: Archive, document_id: int) -> list[AnnotationView]:
    """In reading order; orphaned annotations (no place in the text any more) come last."""
    with archive.session() as session:
        get_document(session, document_id)
        rows = session.exec(select(Annotation).where(Annotation.document_id == document_id)).all()
        views = [_view(session, row) for row in rows]
    return sorted(views, key=lambda v: (v.orphaned, v.start, v.end, v.id))


def get_annotation(archive: Archive, annotation_id: int) -> AnnotationView:
    with archive.session() as session:
        return _view(session, _annotation(session, annotation_id))


def list_categories(archive: Archive) -> list[AnnotationCategory]:
    with archive.writing(N_("annotation categories")), archive.session() as session:
        ensure_default_categories(session)
        session.commit()
        rows = session.exec(select(AnnotationCategory).order_by(col(AnnotationCategory.position))).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


# -- writing ---------------------------------------------------------------------------------------------


def create_annotation(
    archive: Archive,
    document_id: int,
    *,
    quote: str | None = None,
    occurrence: int | None = None,
    start: int | None = None,
    end: int | None = None,
    note: str = "",
    category: str | None = None,
    color: str | None = None,
    author: str | None = None,
) -> AnnotationView:
    """Annotate a passage given by its quote (and which occurrence) or by its span in the body."""
    with archive.writing(N_("annotate")), archive.session() as session:
        document = get_document(session, document_id)
        selector = _selector_for(document.body, quote, occurrence, start, end)
        category_row = resolve_category(session, category) if category else None
        who = author or current_user()
        row = Annotation(
            document_id=document_id,
            start=selector.start,
            end=selector.end,
            exact=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            note=nfc(note),
            category_id=category_row.id if category_row else None,
            color=color,
            author=who,
        )
        session.add(row)
        session.flush()
        record(session, who, "annotate", "annotation", row.id, f"#{document_id}: “{_short(selector.exact)}”")
        changes.record(session, changes.ANNOTATIONS, [document_id])
        session.commit()
        view = _view(session, row)
    reindex(archive, [document_id])
    return view


def update_annotation(
    archive: Archive,
    annotation_id: int,
    *,
    version: int,
    note: str | None = None,
    category: str | None = None,
    clear_category: bool = False,
    color: str | None = None,
    author: str | None = None,
) -> AnnotationView:
    """Change the note, category or colour of an annotation the caller read at `version`."""
    with archive.writing(N_("edit annotation")), archive.session() as session:
        row = _annotation(session, annotation_id, lock=True)
        check_version(
            "annotation", annotation_id, version, row.version,
            theirs=row.note if note is not None else None, yours=note,
            their_author=last_editor(session, "annotation", annotation_id) or row.author,
        )  # fmt: skip
        if note is not None:
            row.note = nfc(note)
        if category is not None:
            row.category_id = resolve_category(session, category).id
        elif clear_category:
            row.category_id = None
        if color is not None:
            row.color = color
        _touch(row)
        who = author or current_user()
        record(session, who, "edit-annotation", "annotation", annotation_id, f"#{row.document_id}")
        changes.record(session, changes.ANNOTATIONS, [row.document_id])
        session.commit()
        view = _view(session, row)
    reindex(archive, [view.document_id])
    return view


def move_annotation(
    archive: Archive, annotation_id: int, *, version: int, start: int, end: int, author: str | None = None
) -> AnnotationView:
    """Anchor an annotation to a span by hand (how an analyst settles an orphaned or fuzzy one)."""
    with archive.writing(N_("move annotation")), archive.session() as session:
        row = _annotation(session, annotation_id, lock=True)
        check_version(
            "annotation", annotation_id, version, row.version,
            their_author=last_editor(session, "annotation", annotation_id) or row.author,
        )  # fmt: skip
        document = get_document(session, row.document_id)
        selector = make_selector(document.body, start, end)
        _apply_selector(row, selector, AnchorStatus.ANCHORED)
        _touch(row)
        record(session, author or current_user(), "move-annotation", "annotation", annotation_id, selector.exact)
        session.commit()
        return _view(session, row)


def delete_annotation(
    archive: Archive, annotation_id: int, *, version: int | None = None, author: str | None = None
) -> None:
    """Delete an annotation; links that started or ended at it fall back to its whole document."""
    with archive.writing(N_("delete annotation")), archive.session() as session:
        row = _annotation(session, annotation_id, lock=True)
        if version is not None:
            check_version(
                "annotation", annotation_id, version, row.version,
                their_author=last_editor(session, "annotation", annotation_id) or row.author,
            )  # fmt: skip
        document_id = row.document_id
        session.delete(row)
        record(session, author or current_user(), "delete-annotation", "annotation", annotation_id, _short(row.exact))
        changes.record(session, changes.ANNOTATIONS, [document_id])
        session.commit()
    reindex(archive, [document_id])


def save_category(
    archive: Archive, name: str, color: str, description: str = "", position: int | None = None
) -> AnnotationCategory:
    """Create a category or change the colour and meaning of an existing one."""
    name = nfc(name).strip()
    if not name:
        raise EsgdeskError(_("A category needs a name."))
    with archive.writing(N_("annotation category")), archive.session() as session:
        ensure_default_categories(session)
        row = session.exec(select(AnnotationCategory).where(AnnotationCategory.name == name)).first()
        if row is None:
            count = len(session.exec(select(AnnotationCategory.id)).all())
            row = AnnotationCategory(name=name, color=color, position=count)
        row.color = color
        row.description = description
        if position is not None:
            row.position = position
        session.add(row)
        record(session, current_user(), "edit-category", "annotation_category", None, name)
        session.commit()
        session.refresh(row)
        session.expunge(row)
        return row


# -- document notes --------------------------------------------------------------------------------------


def get_document_note(archive: Archive, document_id: int) -> tuple[str, int]:
    """The Markdown note on a whole document and the document version to pass back when saving it."""
    with archive.session() as session:
        document = get_document(session, document_id)
        return document.note, document.version


def set_document_note(
    archive: Archive, document_id: int, text: str, *, version: int | None = None, author: str | None = None
) -> int:
    """Save the document's note; returns the new document version. `version` guards against lost edits."""
    with archive.writing(N_("edit note")), archive.session() as session:
        document = get_document(session, document_id, lock=True)
        if version is not None:
            check_version(
                "document note", document_id, version, document.version,
                theirs=document.note, yours=text, their_author=last_editor(session, "document", document_id),
            )  # fmt: skip
        document.note = nfc(text)
        document.version += 1
        document.updated_at = utcnow()
        session.add(document)
        record(session, author or current_user(), "edit-note", "document", document_id, _short(document.note))
        changes.record(session, changes.METADATA, [document_id])
        session.commit()
        new_version = document.version
    reindex(archive, [document_id])
    return new_version


# -- shared helpers (also used by revisions and interchange) -----------------------------------------------


def ensure_default_categories(session: Session) -> None:
    """Create 핵심/근거/질문/후속조치 the first time categories are needed (an empty table means never)."""
    if session.exec(select(AnnotationCategory.id)).first() is not None:
        return
    for position, (name, color, description) in enumerate(DEFAULT_CATEGORIES):
        session.add(AnnotationCategory(name=name, color=color, description=description, position=position))
    session.flush()


def resolve_category(session: Session, name: str, create_color: str | None = None) -> AnnotationCategory:
    """The category called `name` (case and width folded); with `create_color`, a missing one is made."""
    ensure_default_categories(session)
    wanted = nfc(name).strip()
    rows = session.exec(select(AnnotationCategory).order_by(col(AnnotationCategory.position))).all()
    for row in rows:
        if row.name.casefold() == wanted.casefold():
            return row
    if create_color is not None and wanted:
        row = AnnotationCategory(name=wanted, color=create_color, position=len(rows))
        session.add(row)
        session.flush()
        return row
    known = ", ".join(row.name for row in rows)
    raise NotFoundError(
        _("There is no annotation category “{wanted}”. Known categories: {known}.", wanted=wanted, known=known)
    )


def check_version(
    kind: str,
    object_id: int,
    expected: int,
    actual: int,
    *,
    theirs: str | None = None,
    yours: str | None = None,
    their_author: str | None = None,
) -> None:
    if expected != actual:
        raise ConflictError(kind, object_id, expected, actual, theirs=theirs, yours=yours, their_author=their_author)


#: the logged actions that make a new version of each kind of object (what `version += 1` goes with)
VERSION_ACTIONS: dict[str, tuple[str, ...]] = {
    "document": ("import", "edit-note", "revise"),
    "annotation": ("annotate", "edit-annotation", "move-annotation"),
    "link": ("link", "edit-link"),
}


#: the logged actions that change the note text of each kind of object
NOTE_ACTIONS: dict[str, tuple[str, ...]] = {
    "document": ("edit-note",),
    "annotation": ("annotate", "edit-annotation"),
    "link": ("link", "edit-link"),
}


def last_editor(session: Session, kind: str, object_id: int, *, note_only: bool = False) -> str | None:
    """Who made the version of an object that is in place now, from the activity log.

    A row's own `author` is whoever created it: naming them in a conflict told the second analyst that the
    creator ("root") had just saved when a colleague had. The log row is written in the same transaction as
    the change, so under the row lock a save holds it is the author of exactly the version it conflicts with.
    With `note_only`, the author of the note's text as it is now (a revised body or a moved anchor aside).
    """
    actions = (NOTE_ACTIONS if note_only else VERSION_ACTIONS).get(kind, ())
    return session.exec(
        select(Activity.author)
        .where(Activity.object_kind == kind, Activity.object_id == object_id, col(Activity.action).in_(actions))
        .order_by(col(Activity.id).desc())
        .limit(1)
    ).first()


def record(session: Session, author: str | None, action: str, kind: str, object_id: int | None, summary: str) -> None:
    session.add(Activity(author=author, action=action, object_kind=kind, object_id=object_id, summary=summary))


#: how long a saved note waits for an import's writer lock before leaving its index update to that import
NOTE_INDEX_WAIT = 0.2


def reindex(archive: Archive, document_ids: list[int]) -> None:
    """Bring the search index up to date with these documents' committed changes, which the writes queued in
    their own transactions (core/changes.py): a change that cannot be applied now stays queued for the next
    open, and is never lost."""
    if document_ids:
        changes.follow(archive, wait=NOTE_INDEX_WAIT)


def view_of(session: Session, row: Annotation) -> AnnotationView:
    return _view(session, row)


def _view(session: Session, row: Annotation) -> AnnotationView:
    category = session.get(AnnotationCategory, row.category_id) if row.category_id else None
    assert row.id is not None
    return AnnotationView(
        id=row.id,
        document_id=row.document_id,
        start=row.start,
        end=row.end,
        quote=row.exact,
        prefix=row.prefix,
        suffix=row.suffix,
        note=row.note,
        category=category.name if category else None,
        color=row.color or (category.color if category else None),
        status=row.anchor_status,
        author=row.author,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _annotation(session: Session, annotation_id: int, lock: bool = False) -> Annotation:
    """`lock`: read FOR UPDATE, so that on a shared archive the version check and the write are one step."""
    row = session.get(Annotation, annotation_id, with_for_update=lock or None)
    if row is None:
        raise NotFoundError(_("There is no annotation {annotation_id} in this archive.", annotation_id=annotation_id))
    return row


def _selector_for(body: str, quote: str | None, occurrence: int | None, start: int | None, end: int | None) -> Selector:
    if quote is not None:
        return anchor_occurrence(body, quote, occurrence)
    if start is None or end is None:
        raise EsgdeskError(_("Say which passage to annotate: a quote, or a start and end offset."))
    return make_selector(body, start, end)


def _apply_selector(row: Annotation, selector: Selector, status: str) -> None:
    row.start, row.end = selector.start, selector.end
    row.exact, row.prefix, row.suffix = selector.exact, selector.prefix, selector.suffix
    row.anchor_status = status


def _touch(row: Annotation) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "DEFAULT_CATEGORIES",
    "AnnotationView",
    "create_annotation",
    "delete_annotation",
    "get_annotation",
    "get_document_note",
    "list_annotations",
    "list_categories",
    "move_annotation",
    "save_category",
    "set_document_note",
    "update_annotation",
]
