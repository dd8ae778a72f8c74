"""Portable bundles: an archive, or part of it, as one `.esgd` file to carry to another machine or colleague.

A bundle is a zip holding `manifest.json` and every original under `files/<sha256>`:

    {"format": "esgdesk-bundle", "version": 1, "created": ..., "generator": "esgdesk 0.1", "schema": "0001",
     "selection": {"query": null | "...", "method": "all" | "search"},
     "tables": {"documents": [{...every column...}], "files": [...], "document_files": [...], "tags": [...], ...}}

Why flat tables with the archive's own column names and ids: every field round-trips without a hand-written
mapping per feature, a later column is one more key, and ids inside the bundle are only labels that import
remaps. The manifest's `version` changes only when an older esgdesk could not read the bundle correctly; an
unknown version is refused rather than half understood.

Import merges into the open archive and is all or nothing:
1. the zip is checked before anything is decompressed (member names, member count, declared sizes and ratios),
   then the manifest is read with a size cap and validated row by row (types, ids, references);
2. every original is read (with caps on the bytes actually produced, never the sizes the zip declares) and its
   sha256 and size compared with the manifest — a single mismatch refuses the whole bundle;
3. only then, under the writer lock and in one transaction, rows are merged: documents recognised by content
   hash, tags by name within their parent (the hierarchy kept), organisations by key, entities by kind and key,
   rule/collection/category/saved search by name, annotations and links by what they say; new ids are remapped.
   Originals are written (verified again) before the commit; if anything fails the transaction rolls back and the
   originals written by this import are removed, so nothing stays referenced or half there.
Importing the same bundle twice therefore adds nothing.

Documents that are already in the archive (same text) keep their own originals, entities and revisions — as an
ordinary import of the same text would — but gain the bundle's tags, annotations, links and collection places.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy.types as satypes
from pydantic_core import PydanticUndefined
from sqlmodel import Session, SQLModel, col, select

from esgdesk import __version__
from esgdesk.core import changes
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _
from esgdesk.core.lock import current_user
from esgdesk.core.models import (
    Activity,
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

FORMAT = "esgdesk-bundle"
VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"
MB = 1024 * 1024

#: manifest key → table, in the order rows are merged (referenced tables first)
TABLES: tuple[tuple[str, type[SQLModel]], ...] = (
    ("organizations", Organization),
    ("tags", Tag),
    ("tag_rules", TagRule),
    ("annotation_categories", AnnotationCategory),
    ("entities", Entity),
    ("documents", Document),
    ("files", SourceFile),
    ("document_files", DocumentFile),
    ("document_tags", DocumentTag),
    ("document_revisions", DocumentRevision),
    ("mentions", Mention),
    ("facts", Fact),
    ("annotations", Annotation),
    ("links", Link),
    ("dismissed_suggestions", DismissedSuggestion),
    ("collections", Collection),
    ("collection_items", CollectionItem),
    ("saved_searches", SavedSearch),
)
MODELS = dict(TABLES)
_KEY_OF_TABLE = {model.__tablename__: key for key, model in TABLES}  # type: ignore[attr-defined]
#: rows derived from a document's text: merged only for documents the bundle adds
_DERIVED = frozenset({"document_revisions", "mentions", "facts", "document_files"})
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")


class BundleError(EsgdeskError):
    """A bundle cannot be written or is refused on import; the message says why."""


@dataclass(frozen=True)
class BundleLimits:
    """What an imported bundle may cost. Checked against the bytes actually read, not the sizes declared."""

    max_members: int = 200_000
    max_total_bytes: int = 8 * 1024 * MB
    max_member_bytes: int = 256 * MB
    max_manifest_bytes: int = 512 * MB
    #: a member may not inflate more than this many times its compressed size…
    max_ratio: float = 100.0
    #: …once it is larger than this (tiny members compress absurdly well and are harmless)
    ratio_floor_bytes: int = 1 * MB
    #: a central directory larger than this is refused before the zip is even parsed
    max_central_directory_bytes: int = 64 * MB


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


@dataclass
class ImportReport:
    bundle: Path
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    files_written: int = 0
    document_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "bundle": str(self.bundle),
            "added": self.added,
            "matched": self.matched,
            "files_written": self.files_written,
            "documents": self.document_ids,
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
        return list(session.exec(select(model).where(*where)))  # type: ignore[call-overload]

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
    out["tag_rules"] = list(session.exec(select(TagRule).where(col(TagRule.id).in_(rule_ids))))
    tag_ids |= {rule.tag_id for rule in out["tag_rules"]}  # type: ignore[attr-defined]
    out["tags"] = _with_ancestors(session, Tag, tag_ids)
    entity_ids = {m.entity_id for m in out["mentions"] if m.entity_id}  # type: ignore[attr-defined]
    entity_ids |= {f.region_id for f in out["facts"] if f.region_id}  # type: ignore[attr-defined]
    out["entities"] = _with_ancestors(session, Entity, entity_ids)
    collection_ids = {item.collection_id for item in out["collection_items"]}  # type: ignore[attr-defined]
    out["collections"] = list(session.exec(select(Collection).where(col(Collection.id).in_(collection_ids))))


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
        raise BundleError(f"Cannot write the bundle {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target.stat().st_size


def _add_original(archive: Archive, bundle: zipfile.ZipFile, digest: str) -> None:
    """Copy one original into the zip, checking its hash on the way: a damaged original is never exported."""
    path = archive.files.path_for(digest)
    if not path.is_file():
        raise BundleError(f"The original {digest} is missing from {path.parent}; run `esgdesk check`.")
    hasher = hashlib.sha256()
    size = path.stat().st_size
    with path.open("rb") as source, bundle.open(FILES_PREFIX + digest, "w", force_zip64=size > 2**31 - 1) as out:
        for chunk in iter(lambda: source.read(MB), b""):
            hasher.update(chunk)
            out.write(chunk)
    if hasher.hexdigest() != digest:
        raise BundleError(f"The original {path} no longer matches its hash; run `esgdesk check`.")


def _dump(row: SQLModel) -> dict[str, Any]:
    return {column.name: _jsonable(getattr(row, column.key)) for column in row.__table__.columns}  # type: ignore[attr-defined]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


# == reading a bundle safely ===============================================================================


@dataclass
class _Bundle:
    """A bundle that passed every check: its validated rows and the zip members of its originals."""

    path: Path
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    members: dict[str, zipfile.ZipInfo]


def read_bundle(path: str | Path, limits: BundleLimits | None = None) -> _Bundle:
    """Open and fully verify a bundle (names, sizes, manifest, every checksum) without touching any archive."""
    limits = limits or BundleLimits()
    path = Path(path).expanduser()
    if not path.is_file():
        raise BundleError(f"No bundle at {path}.")
    _check_central_directory(path, limits)
    try:
        with zipfile.ZipFile(path) as bundle:
            members = _check_members(bundle, limits)
            if MANIFEST not in members:
                raise BundleError(f"{path.name} is not an esgdesk bundle: it has no {MANIFEST}.")
            budget = _Budget(limits.max_total_bytes)
            raw = _read_member(bundle, members[MANIFEST], limits.max_manifest_bytes, limits, budget)
            manifest = _parse_manifest(raw)
            tables = validate_tables(manifest["tables"])
            _verify_originals(bundle, tables["files"], members, limits, budget)
    except zipfile.BadZipFile as exc:
        raise BundleError(f"{path.name} is damaged or not a zip file ({exc}).") from exc
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    return _Bundle(path, manifest, tables, members)


def _check_central_directory(path: Path, limits: BundleLimits) -> None:
    """Refuse a zip whose directory alone is huge, before zipfile loads every entry of it into memory."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # a Python without this helper: the member count is checked after opening
        return
    try:
        with path.open("rb") as handle:
            record = end_record(handle)
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    if not record:
        raise BundleError(f"{path.name} is not a zip file, so not an esgdesk bundle.")
    entries, directory_size = record[zipfile._ECD_ENTRIES_TOTAL], record[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if entries > limits.max_members:
        raise BundleError(f"{path.name} holds {entries:,} members, more than the {limits.max_members:,} allowed.")
    if directory_size > limits.max_central_directory_bytes:
        raise BundleError(f"{path.name} has an implausibly large directory ({directory_size:,} bytes); refused.")


def _check_members(bundle: zipfile.ZipFile, limits: BundleLimits) -> dict[str, zipfile.ZipInfo]:
    """Every member name safe and expected, every declared size within the limits (a first, cheap screen)."""
    infos = bundle.infolist()
    if len(infos) > limits.max_members:
        raise BundleError(f"The bundle holds {len(infos):,} members, more than the {limits.max_members:,} allowed.")
    members: dict[str, zipfile.ZipInfo] = {}
    declared_total = 0
    for info in infos:
        _check_member_name(info.filename)
        if info.is_dir():
            if info.filename != FILES_PREFIX:
                raise BundleError(f"The bundle holds an unexpected folder {info.filename!r}; refused.")
            continue
        if info.filename != MANIFEST and not _is_original_name(info.filename):
            raise BundleError(f"The bundle holds an unexpected member {info.filename!r}; refused.")
        if info.filename in members:
            raise BundleError(f"The bundle holds {info.filename!r} twice; refused.")
        if info.flag_bits & 0x1:
            raise BundleError(f"{info.filename!r} is encrypted; esgdesk bundles never are. Refused.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(f"{info.filename!r} uses an unsupported compression method; refused.")
        _check_ratio(info.filename, info.file_size, info.compress_size, limits)
        declared_total += info.file_size
        members[info.filename] = info
    if declared_total > limits.max_total_bytes:
        raise BundleError(
            f"The bundle would unpack to {declared_total:,} bytes, more than the {limits.max_total_bytes:,} allowed."
        )
    return members


def _check_member_name(name: str) -> None:
    """Names that could climb out of a folder are refused outright, even though import never uses them as paths."""
    reason = None
    if "\\" in name:
        reason = "contains a backslash"
    elif name.startswith("/"):
        reason = "is an absolute path"
    elif _DRIVE.match(name):
        reason = "names a drive"
    elif any(part in ("..", ".") for part in name.split("/")):
        reason = "climbs out of the bundle (..)"
    elif any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        reason = "contains control characters"
    if reason:
        raise BundleError(f"The bundle member {name!r} {reason}; refused.")


def _is_original_name(name: str) -> bool:
    return name.startswith(FILES_PREFIX) and bool(_SHA256.match(name[len(FILES_PREFIX) :]))


def _check_ratio(name: str, size: int, compressed: int, limits: BundleLimits) -> None:
    if size > limits.ratio_floor_bytes and size > limits.max_ratio * max(compressed, 1):
        raise BundleError(
            f"{name!r} inflates {size / max(compressed, 1):,.0f} times (more than {limits.max_ratio:,.0f}); "
            "it looks like a zip bomb. Refused."
        )


class _Budget:
    """Bytes that may still be decompressed from this bundle, across all its members."""

    def __init__(self, total: int) -> None:
        self.left = total

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise BundleError("The bundle unpacks to more data than allowed; refused.")


def _stream_member(
    bundle: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, limits: BundleLimits, budget: _Budget
) -> Iterator[bytes]:
    """The member's bytes in chunks, stopping at the cap, the ratio or the budget — whatever the header says."""
    produced = 0
    with bundle.open(info) as handle:
        while chunk := handle.read(256 * 1024):
            produced += len(chunk)
            if produced > cap or produced > info.file_size:
                raise BundleError(f"{info.filename!r} is larger than allowed or than it claims; refused.")
            _check_ratio(info.filename, produced, info.compress_size, limits)
            budget.spend(len(chunk))
            yield chunk


def _read_member(
    bundle: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, limits: BundleLimits, budget: _Budget
) -> bytes:
    return b"".join(_stream_member(bundle, info, cap, limits, budget))


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(f"The bundle's manifest is not valid JSON ({exc}); refused.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("The bundle's manifest is not an esgdesk bundle manifest; refused.")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError("The bundle's manifest has no valid version number; refused.")
    if version not in SUPPORTED_VERSIONS:
        newest = max(SUPPORTED_VERSIONS)
        hint = "update esgdesk to import it" if version > newest else "it is not a version esgdesk ever wrote"
        raise BundleError(f"The bundle has manifest version {version}; this esgdesk reads version {newest} ({hint}).")
    if not isinstance(manifest.get("tables"), dict):
        raise BundleError("The bundle's manifest is malformed: `tables` is missing or not an object; refused.")
    return manifest


def _verify_originals(
    bundle: zipfile.ZipFile,
    files: list[dict[str, Any]],
    members: dict[str, zipfile.ZipInfo],
    limits: BundleLimits,
    budget: _Budget,
) -> None:
    """Every original listed is present with the right size and sha256, and nothing unlisted rides along."""
    listed = {FILES_PREFIX + row["sha256"] for row in files}
    extra = sorted(set(members) - listed - {MANIFEST})
    if extra:
        raise BundleError(f"The bundle holds originals its manifest does not list ({extra[0]}); refused.")
    for row in files:
        name = FILES_PREFIX + row["sha256"]
        info = members.get(name)
        if info is None:
            raise BundleError(f"The original {row['name']!r} ({name}) is missing from the bundle; refused.")
        hasher = hashlib.sha256()
        size = 0
        for chunk in _stream_member(bundle, info, limits.max_member_bytes, limits, budget):
            hasher.update(chunk)
            size += len(chunk)
        if hasher.hexdigest() != row["sha256"] or size != row["size"]:
            raise BundleError(
                f"The original {row['name']!r} ({name}) does not match its checksum; the bundle was changed "
                "or damaged. Nothing was imported."
            )


# -- manifest validation -----------------------------------------------------------------------------------


def validate_tables(raw_tables: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every row typed like its column, ids unique, references pointing at rows of the bundle."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for key, model in TABLES:
        raw_rows = raw_tables.get(key, [])
        if not isinstance(raw_rows, list):
            raise BundleError(f"The bundle's manifest is malformed: tables.{key} is not a list; refused.")
        tables[key] = [_coerce_row(model, row, f"{key}[{index}]") for index, row in enumerate(raw_rows)]
    _check_ids_and_references(tables)
    for index, row in enumerate(tables["files"]):
        if not _SHA256.match(row["sha256"]):
            raise BundleError(f"The bundle's manifest is malformed: files[{index}].sha256 is not a sha256; refused.")
    return tables


def _coerce_row(model: type[SQLModel], row: Any, where: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise BundleError(f"The bundle's manifest is malformed: {where} is not an object; refused.")
    out: dict[str, Any] = {}
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        if column.name not in row:
            if column.primary_key or (column.default is None and not column.nullable):
                raise BundleError(f"The bundle's manifest is malformed: {where}.{column.name} is missing; refused.")
            continue
        out[column.key] = _coerce_value(column, row[column.name], f"{where}.{column.name}")
    return out


def _coerce_value(column: Any, value: Any, where: str) -> Any:
    if value is None:
        if column.nullable and not column.primary_key:
            return None
        raise BundleError(f"The bundle's manifest is malformed: {where} may not be empty; refused.")
    kind = column.type
    if isinstance(kind, satypes.TypeDecorator):  # e.g. a UTC-aware DateTime: validate as what it stores
        kind = kind.impl
    try:
        if isinstance(kind, satypes.Boolean):
            ok = isinstance(value, bool)
        elif isinstance(kind, satypes.Integer):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(kind, satypes.DateTime):
            return dt.datetime.fromisoformat(value)
        elif isinstance(kind, satypes.Date):
            return dt.date.fromisoformat(value)
        elif isinstance(kind, satypes.String):
            ok = isinstance(value, str)
        else:  # JSON columns hold any JSON value
            ok = True
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise BundleError(f"The bundle's manifest is malformed: {where} has the wrong type; refused.")
    return value


def _check_ids_and_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    ids: dict[str, set[int]] = {}
    for key, model in TABLES:
        if "id" in model.__table__.columns:  # type: ignore[attr-defined]
            seen = [row["id"] for row in tables[key]]
            ids[key] = set(seen)
            if len(ids[key]) != len(seen):
                raise BundleError(f"The bundle's manifest is malformed: tables.{key} repeats an id; refused.")
    for key, model in TABLES:
        for column_key, target in _references(model):
            for index, row in enumerate(tables[key]):
                value = row.get(column_key)
                if value is not None and value not in ids[target]:
                    raise BundleError(
                        f"The bundle's manifest is malformed: {key}[{index}].{column_key} points at a "
                        f"{target} row the bundle does not hold; refused."
                    )
    _check_no_cycles(tables)


def _references(model: type[SQLModel]) -> list[tuple[str, str]]:
    """(column key, manifest table) for every foreign key, read from the schema itself."""
    found = []
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        for foreign_key in column.foreign_keys:
            found.append((column.key, _KEY_OF_TABLE[foreign_key.column.table.name]))
    return found


def _check_no_cycles(tables: dict[str, list[dict[str, Any]]]) -> None:
    for key in ("organizations", "tags", "entities"):
        _depth_order(tables[key], key)


def _depth_order(rows: list[dict[str, Any]], key: str) -> list[list[dict[str, Any]]]:
    """Rows of a self-referencing table in levels, parents before children; a cycle is malformed."""
    by_id = {row["id"]: row for row in rows}
    depth: dict[int, int] = {}
    for row in rows:
        chain: list[int] = []
        current: dict[str, Any] | None = row
        while current is not None and current["id"] not in depth:
            if current["id"] in chain:
                raise BundleError(f"The bundle's manifest is malformed: tables.{key} has a parent cycle; refused.")
            chain.append(current["id"])
            parent = current.get("parent_id")
            current = by_id.get(parent) if parent is not None else None
        base = depth[current["id"]] + 1 if current is not None else 0
        for offset, row_id in enumerate(reversed(chain)):
            depth[row_id] = base + offset
    levels: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        levels.setdefault(depth[row["id"]], []).append(row)
    return [levels[level] for level in sorted(levels)]


# == import ================================================================================================


def import_bundle(archive: Archive, path: str | Path, limits: BundleLimits | None = None) -> ImportReport:
    """Merge a bundle into `archive`: verified whole first, then one transaction (see the module docstring)."""
    bundle = read_bundle(path, limits)
    report = ImportReport(bundle.path)
    try:
        with archive.writing("import a bundle"), archive.session() as session:
            _merge_and_commit(archive, session, bundle, report, limits)
    except OSError as exc:  # e.g. a full disk while taking the lock or writing the database
        raise BundleError(f"The bundle could not be imported ({exc.strerror or exc}); nothing was changed.") from exc
    report.notes.extend(_follow_changes(archive))
    return report


def _merge_and_commit(
    archive: Archive, session: Session, bundle: _Bundle, report: ImportReport, limits: BundleLimits | None
) -> None:
    """One transaction: merge rows, write originals, commit — or roll back and remove what was written."""
    written: list[Path] = []
    try:
        merger = _Merger(session, bundle.tables, report)
        merger.merge()
        report.files_written = _write_originals(archive, bundle, merger.files_needed, written, limits)
        if report.added_total:
            session.add(
                Activity(
                    author=current_user(),
                    action="bundle-import",
                    object_kind="bundle",
                    summary=f"{bundle.path.name}: {report.added.get('documents', 0)} documents added",
                )
            )
        # derived state follows through the queue, committed with the rows: a kill after this commit leaves
        # the index and the entities to the next open, never missing for ever
        changes.record(session, changes.ADDED, merger.new_documents)
        changes.record(session, changes.TAGS, merger.touched_documents - merger.new_documents)
        session.commit()
    except BaseException as exc:
        session.rollback()
        for created in written:
            with contextlib.suppress(OSError):
                created.unlink()
        if isinstance(exc, Exception) and not isinstance(exc, EsgdeskError | OSError):
            raise BundleError(f"The bundle could not be imported ({exc}); nothing was changed.") from exc
        raise
    report.document_ids = sorted(merger.touched_documents)


def _write_originals(
    archive: Archive, bundle: _Bundle, digests: set[str], written: list[Path], limits: BundleLimits | None
) -> int:
    """Store the originals the new rows reference, each verified again as it is written (the zip could have
    changed since it was checked). Files that were not there before are remembered for cleanup on failure."""
    limits = limits or BundleLimits()
    count = 0
    with zipfile.ZipFile(bundle.path) as zipped:
        for digest in sorted(digests):
            target = archive.files.path_for(digest)
            if target.is_file():
                continue
            info = bundle.members[FILES_PREFIX + digest]
            data = _read_member(zipped, info, limits.max_member_bytes, limits, _Budget(limits.max_member_bytes))
            stored = archive.files.store(data)
            written.append(target)
            if stored != digest:
                raise BundleError(f"The original {digest} changed while it was imported; nothing was imported.")
            count += 1
    return count


def _follow_changes(archive: Archive) -> list[str]:
    """Index and extract what the bundle brought; what fails stays queued for the next open and `check`."""
    report = changes.follow(archive)
    if report.failed:
        return [
            _(
                "{count} changes could not be applied to the search index or the entities yet; `esgdesk check` "
                "lists them",
                count=report.failed,
            )
        ]
    return []


class _Merger:
    """Merges validated bundle rows into a session; `ids[table][bundle id]` is the id in the archive."""

    def __init__(self, session: Session, tables: dict[str, list[dict[str, Any]]], report: ImportReport) -> None:
        self.session = session
        self.tables = tables
        self.report = report
        self.ids: dict[str, dict[int, int]] = {key: {} for key, _ in TABLES}
        self.new_documents: set[int] = set()
        self.touched_documents: set[int] = set()
        self.files_needed: set[str] = set()

    def merge(self) -> None:
        self._by_key("organizations", ("key",), levels=True)
        self._by_key("tags", ("parent_id", "name"), levels=True)
        self._by_key("tag_rules", ("name",))
        self._by_key("annotation_categories", ("name",))
        self._by_key("entities", ("kind", "key"), levels=True)
        self._by_key("documents", ("content_hash",))
        self._files()
        self._pairs("document_files", ("document_id", "source_file_id"))
        self._pairs("document_tags", ("document_id", "tag_id"))
        for key in ("document_revisions", "mentions", "facts"):
            self._derived(key)
        self._by_key("annotations", ("document_id", "start", "end", "exact", "note"))
        self._by_key("links", ("source_id", "target_id", "relation"))
        self._pairs("dismissed_suggestions", ("source_id", "target_id"))
        self._by_key("collections", ("name",))
        self._pairs("collection_items", ("collection_id", "document_id"))
        self._by_key("saved_searches", ("name",))
        self.session.flush()

    # -- strategies --------------------------------------------------------------------------------------

    def _by_key(self, key: str, natural: tuple[str, ...], levels: bool = False) -> None:
        """Match each row to an existing one by its natural key (after remapping), else insert it.

        Only the key columns of existing rows are loaded: an archive of 100,000 documents needs no bodies here.
        """
        model = MODELS[key]
        columns = [getattr(model, name) for name in ("id", *natural)]
        existing = {tuple(row[1:]): row[0] for row in self.session.exec(select(*columns))}  # type: ignore[call-overload]
        groups = _depth_order(self.tables[key], key) if levels else [self.tables[key]]
        for group in groups:
            for row in group:
                fields = self._remap(model, row)
                wanted = tuple(fields.get(name, _default(model, name)) for name in natural)
                found = existing.get(wanted)
                if found is None:
                    found = existing[wanted] = self._insert(key, model, fields)
                    if key == "documents":
                        self.new_documents.add(found)
                else:
                    self._count(self.report.matched, key)
                self.ids[key][row["id"]] = found
                if key == "documents":
                    self.touched_documents.add(found)

    def _files(self) -> None:
        """Only originals of documents the bundle adds: a duplicate document keeps its own originals."""
        needed = {
            row["source_file_id"]
            for row in self.tables["document_files"]
            if self.ids["documents"][row["document_id"]] in self.new_documents
        }
        rows = [row for row in self.tables["files"] if row["id"] in needed]
        existing = {sha: file_id for file_id, sha in self.session.exec(select(SourceFile.id, SourceFile.sha256))}
        for row in rows:
            found = existing.get(row["sha256"])
            if found is None:
                found = self._insert("files", SourceFile, self._remap(SourceFile, row))
                existing[row["sha256"]] = found
            else:
                self._count(self.report.matched, "files")
            self.ids["files"][row["id"]] = found
            self.files_needed.add(row["sha256"])

    def _pairs(self, key: str, primary: tuple[str, str]) -> None:
        """Association rows: added when the pair is not there yet (rows of skipped parents are skipped)."""
        model = MODELS[key]
        for row in self.tables[key]:
            if key in _DERIVED and self.ids["documents"][row["document_id"]] not in self.new_documents:
                continue
            fields = self._remap(model, row)
            if any(fields.get(name) is None for name in primary):
                continue
            if self.session.get(model, tuple(fields[name] for name in primary)) is None:
                self._insert(key, model, fields)
                self._touch(key, fields)
            else:
                self._count(self.report.matched, key)

    def _derived(self, key: str) -> None:
        """Rows derived from a document's text, for documents the bundle adds (ids of nothing else refer here)."""
        model = MODELS[key]
        for row in self.tables[key]:
            if self.ids["documents"][row["document_id"]] in self.new_documents:
                self._insert(key, model, self._remap(model, row), flush=False)

    # -- helpers -----------------------------------------------------------------------------------------

    def _remap(self, model: type[SQLModel], row: dict[str, Any]) -> dict[str, Any]:
        fields = {name: value for name, value in row.items() if name != "id"}
        for column_key, target in _references(model):
            value = fields.get(column_key)
            if value is not None:
                fields[column_key] = self.ids[target].get(value)
        return fields

    def _insert(self, key: str, model: type[SQLModel], fields: dict[str, Any], flush: bool = True) -> int:
        obj = model(**fields)
        self.session.add(obj)
        if flush:
            self.session.flush()
        self._count(self.report.added, key)
        self._touch(key, fields)
        return getattr(obj, "id", 0) or 0

    def _touch(self, key: str, fields: dict[str, Any]) -> None:
        """Remember documents whose indexed values may change (tags and notes are searchable)."""
        names = ("source_id", "target_id") if key in ("links", "dismissed_suggestions") else ("document_id",)
        for name in names:
            if fields.get(name):
                self.touched_documents.add(fields[name])

    @staticmethod
    def _count(counter: dict[str, int], key: str) -> None:
        counter[key] = counter.get(key, 0) + 1


def _default(model: type[SQLModel], name: str) -> Any:
    """The value a column gets when a (valid) manifest row leaves it out."""
    default = model.model_fields[name].default
    return None if default is PydanticUndefined else default


def describe(report: ImportReport) -> Iterable[str]:
    """Human lines for the CLI: what was added and what was already there."""
    if not report.added_total:
        yield "nothing new: everything in the bundle is already in the archive"
    for key, count in sorted(report.added.items()):
        yield f"added {count} {key.replace('_', ' ')}"
    for key, count in sorted(report.matched.items()):
        yield f"already there: {count} {key.replace('_', ' ')}"
