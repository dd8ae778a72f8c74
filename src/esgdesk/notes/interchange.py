"""Annotations in and out as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

Export writes an AnnotationCollection whose items carry both selectors, the note as a Markdown TextualBody
(purpose commenting), the category as a TextualBody with purpose tagging, and as target source the document's
source URL or `urn:sha256:<content hash>`. What the W3C vocabulary has no word for (the document's source id
and hash, the category colour, the anchor status) goes in an `esgdesk` object, which JSON-LD processors ignore
and esgdesk reads back, so the round trip loses nothing.

Import finds each annotation's document by source id, source URL or content hash, re-anchors the selector on
that document's text (it may be a revised version) and skips annotations that are already there.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import Annotation, AnnotationCategory, Document
from esgdesk.core.text import nfc
from esgdesk.notes.anchoring import AnchorStatus, Selector, reanchor
from esgdesk.notes.annotations import record, reindex, resolve_category

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_SHA_URN = "urn:sha256:"


@dataclass
class ImportReport:
    imported: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "duplicates": self.duplicates, "failed": self.failed}


# -- export ----------------------------------------------------------------------------------------------


def export_annotations(archive: Archive, document_ids: list[int] | None = None) -> dict[str, Any]:
    """An AnnotationCollection of every annotation (or those of `document_ids`), by document and position."""
    with archive.session() as session:
        statement = select(Annotation, Document).join(Document, col(Document.id) == Annotation.document_id)
        if document_ids is not None:
            statement = statement.where(col(Annotation.document_id).in_(document_ids))
        statement = statement.order_by(col(Annotation.document_id), col(Annotation.start), col(Annotation.id))
        categories = {c.id: c for c in session.exec(select(AnnotationCategory)).all()}
        items = [_to_w3c(row, document, categories.get(row.category_id)) for row, document in session.exec(statement)]
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": "esgdesk annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_export(archive: Archive, path: str | Path) -> int:
    """Write the export to `path` (UTF-8 JSON); returns how many annotations it holds."""
    data = export_annotations(archive)
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise EsgdeskError(_("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)) from exc
    return int(data["total"])


def _to_w3c(row: Annotation, document: Document, category: AnnotationCategory | None) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if row.note:
        bodies.append({"type": "TextualBody", "value": row.note, "format": "text/markdown", "purpose": "commenting"})
    if category is not None:
        bodies.append({"type": "TextualBody", "value": category.name, "purpose": "tagging"})
    selector = Selector(row.start, row.end, row.exact, row.prefix, row.suffix)
    item: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "id": f"urn:esgdesk:annotation:{row.id}",
        "type": "Annotation",
        "motivation": "commenting" if row.note else "highlighting",
        "created": _iso(row.created_at),
        "modified": _iso(row.updated_at),
        "target": {
            "source": document.source_url or f"{_SHA_URN}{document.content_hash}",
            "selector": selector.to_w3c(),
        },
        "esgdesk": {
            "document_title": document.title,
            "source_id": document.source_id,
            "content_hash": document.content_hash,
            "anchor_status": row.anchor_status,
            "color": row.color,
            "category_color": category.color if category else None,
            "category_description": category.description if category else None,
        },
    }
    if row.author:
        item["creator"] = {"type": "Person", "name": row.author}
    if bodies:
        item["body"] = bodies if len(bodies) > 1 else bodies[0]
    return item


# -- import ----------------------------------------------------------------------------------------------


def read_import(path: str | Path) -> list[dict[str, Any]]:
    """The annotations in a file: a collection, a page, a list, or one annotation."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise EsgdeskError(_("Cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)) from exc
    except ValueError as exc:
        raise EsgdeskError(_("{path} is not JSON: {exc}", path=path, exc=exc)) from exc
    return annotation_items(data)


def annotation_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if not isinstance(data, dict):
        raise EsgdeskError(_("The file holds no Web Annotations."))
    kind = data.get("type")
    if kind == "AnnotationCollection":
        page = data.get("first") or {}
        items = list(page.get("items", [])) if isinstance(page, dict) else []
        return [item for item in items if isinstance(item, dict)]
    if kind == "AnnotationPage":
        return [item for item in data.get("items", []) if isinstance(item, dict)]
    if kind == "Annotation":
        return [data]
    raise EsgdeskError(_("The file holds no Web Annotations (expected an AnnotationCollection, page or list)."))


def import_annotations(archive: Archive, items: list[dict[str, Any]], author: str | None = None) -> ImportReport:
    """Add the annotations to the matching documents; each item is reported imported, duplicate or failed."""
    report = ImportReport()
    touched: set[int] = set()
    with archive.writing(N_("import annotations")), archive.session() as session:
        for index, item in enumerate(items):
            try:
                outcome = _import_one(session, item, author)
            except (KeyError, TypeError, ValueError) as exc:
                report.failed.append(
                    {"index": index, "error": _("not a readable Web Annotation ({reason})", reason=exc)}
                )
                continue
            except EsgdeskError as exc:
                report.failed.append({"index": index, "error": str(exc)})
                continue
            kind, entry = outcome
            getattr(report, kind).append({"index": index, **entry})
            if kind == "imported":
                touched.add(entry["document_id"])
        record(
            session, author or current_user(), "import-annotations", "annotation", None,
            f"{len(report.imported)} imported, {len(report.duplicates)} already there, {len(report.failed)} failed",
        )  # fmt: skip
        changes.record(session, changes.ANNOTATIONS, touched)
        session.commit()
    if touched:
        reindex(archive, sorted(touched))
    return report


def _import_one(session: Session, item: dict[str, Any], author: str | None) -> tuple[str, dict[str, Any]]:
    if item.get("type") != "Annotation":
        raise ValueError(_("type is not Annotation"))
    target = item["target"]
    target = target[0] if isinstance(target, list) else target
    if isinstance(target, str):
        raise EsgdeskError(_("The annotation targets a whole resource, not a passage; nothing to anchor."))
    selector = Selector.from_w3c(target["selector"])
    extra = item.get("esgdesk") or {}
    document = _find_document(session, str(target.get("source", "")), extra)
    if document is None:
        raise EsgdeskError(
            _(
                "No document in this archive matches {source} (“{quote}”).",
                source=target.get("source"),
                quote=selector.exact[:30],
            )
        )
    note, category_name = _bodies(item.get("body"))
    placed = reanchor(selector, document.body)
    duplicate = _existing(session, document.id or 0, placed.selector, selector, note)
    if duplicate is not None:
        return "duplicates", {"id": duplicate, "document_id": document.id}
    category = None
    if category_name:
        category = resolve_category(session, category_name, create_color=extra.get("category_color") or "#cccccc")
        if extra.get("category_description") and not category.description:
            category.description = extra["category_description"]
    status = placed.status
    if status == AnchorStatus.ANCHORED and extra.get("anchor_status") in (AnchorStatus.FUZZY, AnchorStatus.ORPHANED):
        status = extra["anchor_status"]  # still flagged as it was in the exporting archive
    created = _parse_time(item.get("created"))
    row = Annotation(
        document_id=document.id or 0,
        start=placed.selector.start,
        end=placed.selector.end,
        exact=placed.selector.exact,
        prefix=placed.selector.prefix,
        suffix=placed.selector.suffix,
        note=note,
        category_id=category.id if category else None,
        color=extra.get("color"),
        anchor_status=status,
        author=(item.get("creator") or {}).get("name") or author or current_user(),
        created_at=created or dt.datetime.now(dt.UTC),
        updated_at=_parse_time(item.get("modified")) or created or dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return "imported", {"id": row.id, "document_id": document.id, "status": status}


def _find_document(session: Session, source: str, extra: dict[str, Any]) -> Document | None:
    """By source id first (the same release even if revised), then source URL, then exact text hash."""
    if extra.get("source_id"):
        found = session.exec(select(Document).where(Document.source_id == extra["source_id"])).first()
        if found is not None:
            return found
    hashes = [h for h in (source.removeprefix(_SHA_URN) if source.startswith(_SHA_URN) else None,) if h]
    if extra.get("content_hash"):
        hashes.append(extra["content_hash"])
    for digest in hashes:
        found = session.exec(select(Document).where(Document.content_hash == digest)).first()
        if found is not None:
            return found
    if source and not source.startswith("urn:"):
        return session.exec(select(Document).where(Document.source_url == source)).first()
    return None


def _bodies(body: Any) -> tuple[str, str | None]:
    """(Markdown note, category name) from the annotation's bodies; a bare string body is the note."""
    items = body if isinstance(body, list) else [body] if body else []
    notes, category = [], None
    for entry in items:
        if isinstance(entry, str):
            notes.append(entry)
        elif isinstance(entry, dict) and entry.get("purpose") == "tagging" and category is None:
            category = nfc(str(entry.get("value", "")))
        elif isinstance(entry, dict):
            notes.append(str(entry.get("value", "")))
    return nfc("\n\n".join(n for n in notes if n)), category


def _existing(session: Session, document_id: int, placed: Selector, original: Selector, note: str) -> int | None:
    rows = session.exec(select(Annotation).where(Annotation.document_id == document_id, Annotation.note == note)).all()
    for row in rows:
        if row.exact in (placed.exact, original.exact) and row.start in (placed.start, original.start):
            return row.id
    return None


def _source_of(document: Document) -> str:
    return document.source_url or f"{_SHA_URN}{document.content_hash}"


def _iso(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
