"""Reading and merging a bundle: checks, then one all-or-nothing transaction (the format and the order of the
checks are described once, in esgdesk/library/bundle/__init__.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import zipfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel, select

from esgdesk.core import changes
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import (
    Activity,
    SourceFile,
)
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParseError
from esgdesk.ingest.safe_zip import SafeZip, central_directory

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive
from esgdesk.library.bundle.manifest import (
    _DERIVED,
    _DRIVE,
    _SHA256,
    FILES_PREFIX,
    MANIFEST,
    MODELS,
    TABLES,
    BundleError,
    BundleLimits,
    _depth_order,
    _references,
    column_default,
    parse_manifest,
    validate_tables,
)


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


# == reading a bundle safely ===============================================================================


@dataclass
class _Bundle:
    """A bundle that passed every check: its validated rows and the zip members of its originals."""

    path: Path
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    members: dict[str, zipfile.ZipInfo]


def read_bundle(path: str | Path, limits: BundleLimits | None = None) -> _Bundle:
    """Open and fully verify a bundle (names, sizes, manifest, every checksum) without touching any archive.

    Every member is read through the one zip guard (esgdesk.ingest.safe_zip), with the bundle's limits."""
    limits = limits or BundleLimits()
    path = Path(path).expanduser()
    if not path.is_file():
        raise BundleError(_("No bundle at {path}.", path=path))
    _check_central_directory(path, limits)
    try:
        with closing(_open_zip(path, limits)) as bundle:
            members = _check_members(bundle.infos, limits)
            for info in members.values():  # every declared size and ratio, before anything is inflated
                _screen(bundle, info, limits)
            if MANIFEST not in members:
                raise BundleError(
                    _("{name} is not an esgdesk bundle: it has no {MANIFEST}.", name=path.name, MANIFEST=MANIFEST)
                )
            raw = _read(bundle, members[MANIFEST], limits.max_manifest_bytes)
            manifest = parse_manifest(raw)
            tables = validate_tables(manifest["tables"])
            _verify_originals(bundle, tables["files"], members, limits)
    except OSError as exc:
        raise BundleError(_("Cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)) from exc
    return _Bundle(path, manifest, tables, members)


def _open_zip(path: Path, limits: BundleLimits) -> SafeZip:
    zip_limits = ImportLimits(
        max_members=limits.max_members,
        max_file_bytes=limits.max_member_bytes,
        max_unpacked_bytes=limits.max_total_bytes,
        max_compression_ratio=limits.max_ratio,
    )
    try:
        return SafeZip(path, zip_limits)
    except ParseError as exc:
        raise BundleError(_("{name} is damaged or not a zip file ({exc}).", name=path.name, exc=exc)) from exc


def _read(bundle: SafeZip, info: zipfile.ZipInfo, cap: int) -> bytes:
    """A member's bytes under the zip guard's limits (declared sizes, ratio while inflating, total)."""
    try:
        return bundle.read(info, limit=cap)
    except ParseError as exc:
        raise BundleError(_("{name!r}: {exc}. Refused.", name=info.filename, exc=exc)) from exc


def _screen(bundle: SafeZip, info: zipfile.ZipInfo, limits: BundleLimits) -> None:
    cap = limits.max_manifest_bytes if info.filename == MANIFEST else limits.max_member_bytes
    try:
        bundle.check_declared(info, cap)
    except ParseError as exc:
        raise BundleError(_("{name!r}: {exc}. Refused.", name=info.filename, exc=exc)) from exc


def _check_central_directory(path: Path, limits: BundleLimits) -> None:
    """Refuse a zip whose directory alone is huge, before zipfile loads every entry of it into memory."""
    try:
        with path.open("rb") as handle:
            declared = central_directory(handle)
    except OSError as exc:
        raise BundleError(_("Cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)) from exc
    if declared is None:
        raise BundleError(_("{name} is not a zip file, so not an esgdesk bundle.", name=path.name))
    entries, directory_size = declared
    if entries > limits.max_members:
        raise BundleError(
            _(
                "{name} holds {entries:,} members, more than the {limit:,} allowed.",
                name=path.name,
                entries=entries,
                limit=limits.max_members,
            )
        )
    if directory_size > limits.max_central_directory_bytes:
        raise BundleError(
            _(
                "{name} has an implausibly large directory ({directory_size:,} bytes); refused.",
                name=path.name,
                directory_size=directory_size,
            )
        )


def _check_members(infos: list[zipfile.ZipInfo], limits: BundleLimits) -> dict[str, zipfile.ZipInfo]:
    """Every member name safe and expected, every declared size within the limits (a first, cheap screen)."""
    if len(infos) > limits.max_members:
        raise BundleError(
            _(
                "The bundle holds {count:,} members, more than the {limit:,} allowed.",
                count=len(infos),
                limit=limits.max_members,
            )
        )
    members: dict[str, zipfile.ZipInfo] = {}
    declared_total = 0
    for info in infos:
        _check_member_name(info.filename)
        if info.is_dir():
            if info.filename != FILES_PREFIX:
                raise BundleError(_("The bundle holds an unexpected folder {name!r}; refused.", name=info.filename))
            continue
        if info.filename != MANIFEST and not _is_original_name(info.filename):
            raise BundleError(_("The bundle holds an unexpected member {name!r}; refused.", name=info.filename))
        if info.filename in members:
            raise BundleError(_("The bundle holds {name!r} twice; refused.", name=info.filename))
        if info.flag_bits & 0x1:
            raise BundleError(_("{name!r} is encrypted; esgdesk bundles never are. Refused.", name=info.filename))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(_("{name!r} uses an unsupported compression method; refused.", name=info.filename))
        declared_total += info.file_size
        members[info.filename] = info
    if declared_total > limits.max_total_bytes:
        raise BundleError(
            _(
                "The bundle would unpack to {declared_total:,} bytes, more than the {limit:,} allowed.",
                declared_total=declared_total,
                limit=limits.max_total_bytes,
            )
        )
    return members


def _check_member_name(name: str) -> None:
    """Names that could climb out of a folder are refused outright, even though import never uses them as paths."""
    reason = None
    if "\\" in name:
        reason = _("contains a backslash")
    elif name.startswith("/"):
        reason = _("is an absolute path")
    elif _DRIVE.match(name):
        reason = _("names a drive")
    elif any(part in ("..", ".") for part in name.split("/")):
        reason = _("climbs out of the bundle (..)")
    elif any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        reason = _("contains control characters")
    if reason:
        raise BundleError(_("The bundle member {name!r} {reason}; refused.", name=name, reason=reason))


def _is_original_name(name: str) -> bool:
    return name.startswith(FILES_PREFIX) and bool(_SHA256.match(name[len(FILES_PREFIX) :]))


def _verify_originals(
    bundle: SafeZip, files: list[dict[str, Any]], members: dict[str, zipfile.ZipInfo], limits: BundleLimits
) -> None:
    """Every original listed is present with the right size and sha256, and nothing unlisted rides along."""
    listed = {FILES_PREFIX + row["sha256"] for row in files}
    extra = sorted(set(members) - listed - {MANIFEST})
    if extra:
        raise BundleError(_("The bundle holds originals its manifest does not list ({name}); refused.", name=extra[0]))
    for row in files:
        name = FILES_PREFIX + row["sha256"]
        info = members.get(name)
        if info is None:
            raise BundleError(
                _(
                    "The original {original!r} ({name}) is missing from the bundle; refused.",
                    original=row["name"],
                    name=name,
                )
            )
        data = _read(bundle, info, limits.max_member_bytes)
        if hashlib.sha256(data).hexdigest() != row["sha256"] or len(data) != row["size"]:
            raise BundleError(
                _(
                    "The original {original!r} ({name}) does not match its checksum; "
                    "the bundle was changed or damaged. Nothing was imported.",
                    original=row["name"],
                    name=name,
                )
            )


# == import ================================================================================================


def import_bundle(archive: Archive, path: str | Path, limits: BundleLimits | None = None) -> ImportReport:
    """Merge a bundle into `archive`: verified whole first, then one transaction (see the module docstring)."""
    bundle = read_bundle(path, limits)
    report = ImportReport(bundle.path)
    try:
        with archive.writing(N_("import a bundle")), archive.session() as session:
            _merge_and_commit(archive, session, bundle, report, limits)
    except OSError as exc:  # e.g. a full disk while taking the lock or writing the database
        raise BundleError(
            _("The bundle could not be imported ({reason}); nothing was changed.", reason=exc.strerror or exc)
        ) from exc
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
                    # stored as written, in the importer's language (like a commit message)
                    summary=_(
                        "{bundle}: {count} documents added",
                        bundle=bundle.path.name,
                        count=report.added.get("documents", 0),
                    ),
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
            raise BundleError(_("The bundle could not be imported ({exc}); nothing was changed.", exc=exc)) from exc
        raise
    report.document_ids = sorted(merger.touched_documents)


def _write_originals(
    archive: Archive, bundle: _Bundle, digests: set[str], written: list[Path], limits: BundleLimits | None
) -> int:
    """Store the originals the new rows reference, each verified again as it is written (the zip could have
    changed since it was checked). Files that were not there before are remembered for cleanup on failure."""
    limits = limits or BundleLimits()
    count = 0
    with closing(_open_zip(bundle.path, limits)) as zipped:
        for digest in sorted(digests):
            target = archive.files.path_for(digest)
            if target.is_file():
                continue
            info = bundle.members[FILES_PREFIX + digest]
            data = _read(zipped, info, limits.max_member_bytes)
            stored = archive.files.store(data)
            written.append(target)
            if stored != digest:
                raise BundleError(
                    _("The original {digest} changed while it was imported; nothing was imported.", digest=digest)
                )
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
        existing = {tuple(row[1:]): row[0] for row in self.session.exec(select(*columns))}
        groups = _depth_order(self.tables[key], key) if levels else [self.tables[key]]
        for group in groups:
            for row in group:
                fields = self._remap(model, row)
                wanted = tuple(fields.get(name, column_default(model, name)) for name in natural)
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


#: what describe() calls each table's rows (marked for the catalogue; translated where shown)
_ROWS_NAMED = {
    "organizations": N_("organizations"),
    "tags": N_("tags"),
    "tag_rules": N_("tag rules"),
    "annotation_categories": N_("annotation categories"),
    "entities": N_("entities"),
    "documents": N_("documents"),
    "files": N_("files"),
    "document_files": N_("document files"),
    "document_tags": N_("document tags"),
    "document_revisions": N_("document revisions"),
    "mentions": N_("mentions"),
    "facts": N_("facts"),
    "annotations": N_("annotations"),
    "links": N_("links"),
    "dismissed_suggestions": N_("dismissed suggestions"),
    "collections": N_("collections"),
    "collection_items": N_("collection items"),
    "saved_searches": N_("saved searches"),
}


def describe(report: ImportReport) -> Iterable[str]:
    """Human lines for the CLI: what was added and what was already there."""
    if not report.added_total:
        yield _("nothing new: everything in the bundle is already in the archive")
    for key, count in sorted(report.added.items()):
        yield _("added {count} {rows}", count=count, rows=_(_ROWS_NAMED.get(key, key)))
    for key, count in sorted(report.matched.items()):
        yield _("already there: {count} {rows}", count=count, rows=_(_ROWS_NAMED.get(key, key)))
