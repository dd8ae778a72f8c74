"""Writing a bundle: the chosen documents and everything they need, with their originals, as one zip."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel, col, select

from esgdesk import __version__
from esgdesk.core.i18n import _
from esgdesk.core.models import (
    Annotation,
    AnnotationCategory,
    Collection,
    CollectionItem,
    DismissedSuggestion,
    Document,
    DocumentFile,
    DocumentRevision,
    DocumentTag,
    Entity,
    Fact,
    Link,
    Mention,
    Organization,
    SavedSearch,
    SourceFile,
    Tag,
    TagRule,
)

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive
from esgdesk.library.bundle.manifest import (
    FILES_PREFIX,
    FORMAT,
    MANIFEST,
    MB,
    MODELS,
    VERSION,
    BundleError,
)


@dataclass
class ExportReport:
    path: Path
    documents: int
    files: int
    bytes: int
    selection: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "bundle": str(self.path),
            "documents": self.documents,
            "files": self.files,
            "bytes": self.bytes,
            "selection": self.selection,
            "notes": self.notes,
        }


# == export ================================================================================================


def export_bundle(archive: Archive, target: str | Path, query: str | None = None) -> ExportReport:
    """Write the archive (or the documents matching `query`) to `target` as a bundle, atomically."""
    target = Path(target).expanduser()
    doc_ids, selection, notes = _select_documents(archive, query)
    with archive.session() as session:  # one session = one read snapshot: the bundle is consistent
        tables = _collect(session, doc_ids, partial=query is not None)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": dt.datetime.now(dt.UTC).isoformat(),
        "generator": f"esgdesk {__version__}",
        "schema": archive.schema_revision(),
        "selection": selection,
        "tables": {key: [_dump(row) for row in rows] for key, rows in tables.items()},
    }
    size = _write_zip(archive, target, manifest, [row.sha256 for row in tables["files"]])  # type: ignore[attr-defined]
    return ExportReport(target, len(tables["documents"]), len(tables["files"]), size, selection, notes)


def _select_documents(archive: Archive, query: str | None) -> tuple[set[int] | None, dict[str, Any], list[str]]:
    """None means every document; a query goes to the search service."""
    if query is None:
        return None, {"query": None, "method": "all"}, []
    from esgdesk.search.service import index_for, matching_ids

    index_for(archive).repair()  # a stale index would silently leave documents out of the bundle
    return set(matching_ids(archive, query)), {"query": query, "method": "search"}, []


def _collect(session: Session, doc_ids: set[int] | None, partial: bool) -> dict[str, list[SQLModel]]:
    """The rows a bundle carries: everything, or what the chosen documents need (referenced rows included)."""

    def rows(model: type[SQLModel], *where: Any) -> list[SQLModel]:
        return list(session.exec(select(model).where(*where)))

    def of_docs(column: Any) -> Any:
        return col(column).in_(doc_ids) if doc_ids is not None else True

    out: dict[str, list[SQLModel]] = {}
    out["documents"] = rows(Document, of_docs(Document.id))
    out["document_files"] = rows(DocumentFile, of_docs(DocumentFile.document_id))
    file_ids = {row.source_file_id for row in out["document_files"]}  # type: ignore[attr-defined]
    out["files"] = rows(SourceFile, col(SourceFile.id).in_(file_ids))
    out["document_tags"] = rows(DocumentTag, of_docs(DocumentTag.document_id))
    out["document_revisions"] = rows(DocumentRevision, of_docs(DocumentRevision.document_id))
    out["mentions"] = rows(Mention, of_docs(Mention.document_id))
    out["facts"] = rows(Fact, of_docs(Fact.document_id))
    out["annotations"] = rows(Annotation, of_docs(Annotation.document_id))
    both = (of_docs(Link.source_id), of_docs(Link.target_id))
    out["links"] = rows(Link, *both)
    out["dismissed_suggestions"] = rows(
        DismissedSuggestion, of_docs(DismissedSuggestion.source_id), of_docs(DismissedSuggestion.target_id)
    )
    out["collection_items"] = rows(CollectionItem, of_docs(CollectionItem.document_id))
    out["annotation_categories"] = rows(AnnotationCategory)
    out["saved_searches"] = rows(SavedSearch)
    if not partial:
        for key in ("organizations", "tags", "tag_rules", "entities", "collections"):
            out[key] = rows(MODELS[key])
        return out
    _collect_referenced(session, out)
    return out


def _collect_referenced(session: Session, out: dict[str, list[SQLModel]]) -> None:
    """For a partial bundle: the organisations, tags, rules, entities and collections its rows point at."""
    org_ids = {d.ministry_id for d in out["documents"] if d.ministry_id}  # type: ignore[attr-defined]
    out["organizations"] = _with_ancestors(session, Organization, org_ids)
    tag_ids = {t.tag_id for t in out["document_tags"]}  # type: ignore[attr-defined]
    rule_ids = {t.rule_id for t in out["document_tags"] if t.rule_id}  # type: ignore[attr-defined]
    rules = session.exec(select(TagRule).where(col(TagRule.id).in_(rule_ids))).all()
    out["tag_rules"] = list(rules)
    tag_ids |= {rule.tag_id for rule in rules}
    out["tags"] = _with_ancestors(session, Tag, tag_ids)
    entity_ids = {m.entity_id for m in out["mentions"] if m.entity_id}  # type: ignore[attr-defined]
    entity_ids |= {f.region_id for f in out["facts"] if f.region_id}  # type: ignore[attr-defined]
    out["entities"] = _with_ancestors(session, Entity, entity_ids)
    collection_ids = {item.collection_id for item in out["collection_items"]}  # type: ignore[attr-defined]
    out["collections"] = list(session.exec(select(Collection).where(col(Collection.id).in_(collection_ids))).all())


def _with_ancestors(session: Session, model: Any, ids: set[int]) -> list[SQLModel]:
    found: dict[int, SQLModel] = {}
    pending = set(ids)
    while pending:
        rows = list(session.exec(select(model).where(col(model.id).in_(pending))))
        found.update({row.id: row for row in rows})
        pending = {row.parent_id for row in rows if row.parent_id and row.parent_id not in found}
    return [found[key] for key in sorted(found)]


def _write_zip(archive: Archive, target: Path, manifest: dict[str, Any], digests: list[str]) -> int:
    """Write beside `target` and rename into place, so a failed export never leaves half a bundle."""
    temp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
            data = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            bundle.writestr(MANIFEST, data)
            for digest in sorted(set(digests)):
                _add_original(archive, bundle, digest)
        os.replace(temp, target)
    except OSError as exc:
        raise BundleError(
            _("Cannot write the bundle {target}: {reason}", target=target, reason=exc.strerror or exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target.stat().st_size


def _add_original(archive: Archive, bundle: zipfile.ZipFile, digest: str) -> None:
    """Copy one original into the zip, checking its hash on the way: a damaged original is never exported."""
    path = archive.files.path_for(digest)
    if not path.is_file():
        raise BundleError(
            _("The original {digest} is missing from {folder}; run `esgdesk check`.", digest=digest, folder=path.parent)
        )
    hasher = hashlib.sha256()
    size = path.stat().st_size
    with path.open("rb") as source, bundle.open(FILES_PREFIX + digest, "w", force_zip64=size > 2**31 - 1) as out:
        for chunk in iter(lambda: source.read(MB), b""):
            hasher.update(chunk)
            out.write(chunk)
    if hasher.hexdigest() != digest:
        raise BundleError(_("The original {path} no longer matches its hash; run `esgdesk check`.", path=path))


def _dump(row: SQLModel) -> dict[str, Any]:
    return {column.name: _jsonable(getattr(row, column.key)) for column in row.__table__.columns}  # type: ignore[attr-defined]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
