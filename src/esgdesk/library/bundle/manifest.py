"""The bundle's manifest: its format, the tables it carries, and the validation every row passes on import.

(The bundle format as a whole is described in esgdesk/library/bundle/__init__.py.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy.types as satypes
from pydantic_core import PydanticUndefined
from sqlmodel import SQLModel

from esgdesk.core.errors import EsgdeskError
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
from esgdesk.core.safe_json import loads_limited

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
_KEY_OF_TABLE = {model.__tablename__: key for key, model in TABLES}
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
    #: a member larger than a megabyte may not inflate more than this many times its compressed size
    max_ratio: float = 100.0
    #: a central directory larger than this is refused before the zip is even parsed
    max_central_directory_bytes: int = 64 * MB


# -- manifest validation -----------------------------------------------------------------------------------


def validate_tables(raw_tables: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every row typed like its column, ids unique, references pointing at rows of the bundle."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for key, model in TABLES:
        raw_rows = raw_tables.get(key, [])
        if not isinstance(raw_rows, list):
            raise BundleError(_("The bundle's manifest is malformed: tables.{key} is not a list; refused.", key=key))
        tables[key] = [_coerce_row(model, row, f"{key}[{index}]") for index, row in enumerate(raw_rows)]
    _check_ids_and_references(tables)
    for index, row in enumerate(tables["files"]):
        if not _SHA256.match(row["sha256"]):
            raise BundleError(
                _("The bundle's manifest is malformed: files[{index}].sha256 is not a sha256; refused.", index=index)
            )
    return tables


def _coerce_row(model: type[SQLModel], row: Any, where: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise BundleError(_("The bundle's manifest is malformed: {where} is not an object; refused.", where=where))
    out: dict[str, Any] = {}
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        if column.name not in row:
            if column.primary_key or (column.default is None and not column.nullable):
                raise BundleError(
                    _(
                        "The bundle's manifest is malformed: {where}.{column} is missing; refused.",
                        where=where,
                        column=column.name,
                    )
                )
            continue
        out[column.key] = _coerce_value(column, row[column.name], f"{where}.{column.name}")
    return out


def _coerce_value(column: Any, value: Any, where: str) -> Any:
    if value is None:
        if column.nullable and not column.primary_key:
            return None
        raise BundleError(_("The bundle's manifest is malformed: {where} may not be empty; refused.", where=where))
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
        raise BundleError(_("The bundle's manifest is malformed: {where} has the wrong type; refused.", where=where))
    return value


def _check_ids_and_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    ids: dict[str, set[int]] = {}
    for key, model in TABLES:
        if "id" in model.__table__.columns:  # type: ignore[attr-defined]
            seen = [row["id"] for row in tables[key]]
            ids[key] = set(seen)
            if len(ids[key]) != len(seen):
                raise BundleError(
                    _("The bundle's manifest is malformed: tables.{key} repeats an id; refused.", key=key)
                )
    for key, model in TABLES:
        for column_key, target in _references(model):
            for index, row in enumerate(tables[key]):
                value = row.get(column_key)
                if value is not None and value not in ids[target]:
                    raise BundleError(
                        _(
                            "The bundle's manifest is malformed: {key}[{index}].{column_key} points at a {target} row "
                            "the bundle does not hold; refused.",
                            key=key,
                            index=index,
                            column_key=column_key,
                            target=target,
                        )
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
                raise BundleError(
                    _("The bundle's manifest is malformed: tables.{key} has a parent cycle; refused.", key=key)
                )
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


def parse_manifest(raw: bytes) -> dict[str, Any]:
    """The manifest, parsed with a depth limit (a manifest nested 200,000 deep is refused, not a RecursionError)."""
    try:
        manifest = loads_limited(raw, what="the bundle's manifest")
    except EsgdeskError as exc:
        raise BundleError(str(exc)) from exc  # already translated, and says what was refused
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(_("The bundle's manifest is not an esgdesk bundle manifest; refused."))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError(_("The bundle's manifest has no valid version number; refused."))
    if version not in SUPPORTED_VERSIONS:
        newest = max(SUPPORTED_VERSIONS)
        hint = _("update esgdesk to import it") if version > newest else _("it is not a version esgdesk ever wrote")
        raise BundleError(
            _(
                "The bundle has manifest version {version}; this esgdesk reads version {newest} ({hint}).",
                version=version,
                newest=newest,
                hint=hint,
            )
        )
    if not isinstance(manifest.get("tables"), dict):
        raise BundleError(_("The bundle's manifest is malformed: `tables` is missing or not an object; refused."))
    return manifest


def column_default(model: type[SQLModel], name: str) -> Any:
    """The value a column gets when a (valid) manifest row leaves it out."""
    default = model.model_fields[name].default
    return None if default is PydanticUndefined else default
