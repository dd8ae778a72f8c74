"""The import pipeline: sniff → parse → normalise → metadata → duplicate check → store original → commit.

Each document is its own transaction, so an import that dies leaves every document either fully there or
absent. A batch never stops on a bad file: each failure becomes one report entry with a reason a person
understands, and the next file is read.

The batch is a generator of progress events (`ImportProgress`), which the CLI prints and the GUI turns into
signals; `run_import` drains it for callers that only want the report.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import mimetypes
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sqlmodel import Session, col, select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.files import safe_file_name
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import (
    Activity,
    Document,
    DocumentFile,
    DocumentKind,
    SourceFile,
    utcnow,
)
from esgdesk.core.text import content_hash, normalize_line, normalize_text
from esgdesk.ingest.duplicates import documents_with_title, find_duplicate, news_id_from_file_name
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers import ParsedDocument, ParseError, ParserRegistry, SourceInput, default_registry
from esgdesk.ingest.release_text import complete_release_metadata
from esgdesk.ingest.safe_zip import SafeZip, is_zip
from esgdesk.ingest.sources import BatchEntry, expand_paths, is_skipped_name
from esgdesk.ingest.worker import ParseOutcome, parse_source, shared_worker
from esgdesk.knowledge.store import organization_for
from esgdesk.notes.revisions import RevisionReport, revise_document

#: metadata keys that have columns of their own; everything else goes to Document.extra
_COLUMN_KEYS = frozenset({"department", "ministry", "source_url", "source_id"})

#: kinds that are only a title and a date by nature (a board row, a feed entry without description)
_KINDS_WITHOUT_BODY = frozenset({DocumentKind.LISTING_ITEM, DocumentKind.FEED_ITEM})

logger = logging.getLogger(__name__)

#: the queued changes (entities, tag rules, index: core/changes.py) are drained every this many documents …
AFTER_COMMIT_BATCH = 50
#: … or for what is there after this many seconds
AFTER_COMMIT_SECONDS = 1.0
#: zips inside zips are unpacked this many levels deep
MAX_ZIP_DEPTH = 3
#: an e-mail's attachments beyond this many are kept out (a mail bomb is not a release)
MAX_ATTACHMENTS = 100
#: which attachment's text stands for a mailed release: the most faithful format first
_TEXT_PREFERENCE = {"hwpx": 0, "hwp": 1, "docx": 2, "pdf": 3, "html": 4, "text": 5}


@dataclass(frozen=True)
class Original:
    """A file to keep with a document, and in which role (the file itself, or its attachment)."""

    source: SourceInput
    media_type: str
    role: str


@dataclass
class ImportedEntry:
    id: int
    title: str
    path: str
    kind: str
    merged_listing_items: list[int] = field(default_factory=list)


@dataclass
class UpdatedEntry:
    """A release revised by `import --update`, with what happened to its annotations."""

    id: int
    title: str
    path: str
    revision: RevisionReport


@dataclass
class DuplicateEntry:
    path: str
    title: str
    id: int
    reason: str


@dataclass
class FailedEntry:
    path: str
    error: str


@dataclass
class ImportReport:
    imported: list[ImportedEntry] = field(default_factory=list)
    updated: list[UpdatedEntry] = field(default_factory=list)
    duplicates: list[DuplicateEntry] = field(default_factory=list)
    failed: list[FailedEntry] = field(default_factory=list)

    def as_json(self, with_updates: bool = False) -> dict[str, list[dict[str, object]]]:
        """DESIGN.md's report; `updated` is there only for `import --update`, so plain imports keep the
        three-key shape scripts rely on."""
        report: dict[str, list[dict[str, object]]] = {
            "imported": [
                {"id": e.id, "title": e.title, "path": e.path, "kind": e.kind, "merged": e.merged_listing_items}
                for e in self.imported
            ],
            "updated": [
                {"id": e.id, "title": e.title, "path": e.path, "annotations": e.revision.as_json()}
                for e in self.updated
            ],
            "duplicates": [{"path": e.path, "title": e.title, "id": e.id, "reason": e.reason} for e in self.duplicates],
            "failed": [{"path": e.path, "error": e.error} for e in self.failed],
        }
        if not with_updates:
            del report["updated"]
        return report


@dataclass
class ImportProgress:
    """One step of a batch: `done` of `total` files handled (total grows while folders are walked)."""

    done: int
    total: int
    path: str
    report: ImportReport


class ImportPipeline:
    """One batch import. Use `run` (a generator of progress) or the `run_import` shortcut."""

    def __init__(
        self,
        archive: Archive,
        registry: ParserRegistry | None = None,
        limits: ImportLimits | None = None,
        update: bool = False,
    ) -> None:
        self.archive = archive
        self.registry = registry or default_registry()
        self.limits = limits or ImportLimits()
        self.author = current_user()
        #: `import --update`: a release with a known source id replaces the text of the archived one
        self.update = update
        self._committed_since_drain = 0
        self._last_flush = time.monotonic()
        # A custom registry (tests, plug-ins) cannot be sent to the worker, so it parses in this process.
        self._isolate = self.limits.parse_in_worker and registry is None

    # -- the batch -------------------------------------------------------------------------------------

    def run(self, paths: Sequence[str | Path]) -> Iterator[ImportProgress]:
        report = ImportReport()
        entries = list(expand_paths(paths))
        disk_full = False
        try:
            for done, entry in enumerate(entries, start=1):
                if disk_full:
                    report.failed.append(FailedEntry(str(entry.path), _("not imported: {reason}", reason=_(DISK_FULL))))
                else:
                    try:
                        self._import_entry(entry, report)
                    except _DiskFull:
                        disk_full = True  # every document so far is whole; the rest is reported, not attempted
                self._flush_after_commit(force=False)
                yield ImportProgress(done=done, total=len(entries), path=str(entry.path), report=report)
        finally:
            # also when the batch is cancelled (the generator closed); after a crash the next open drains
            self._flush_after_commit(force=True)

    def _import_entry(self, entry: BatchEntry, report: ImportReport) -> None:
        if entry.error:
            report.failed.append(FailedEntry(str(entry.path), entry.error))
            return
        try:
            data = self._read(entry.path)
        except ParseError as exc:
            report.failed.append(FailedEntry(str(entry.path), str(exc)))
            return
        self._import_blob(str(entry.path), SourceInput(name=entry.path.name, data=data), report, depth=0)

    def _import_blob(self, path: str, source: SourceInput, report: ImportReport, depth: int) -> None:
        """One file's bytes: a zip of files is unpacked and each member imported; anything else is parsed."""
        if is_zip(source.data) and not self._claimed_by_a_format(source):
            self._import_zip(path, source, report, depth)
            return
        try:
            outcome = self._parse(source)
        except ParseError as exc:
            report.failed.append(FailedEntry(path, str(exc)))
            return
        for document in outcome.documents:
            _source_id_from_file_name(document, source.name)
            try:
                originals = [Original(source, outcome.media_type, "original")]
                if document.attachments:
                    document, originals = self._with_attachments(document, originals)
                self._import_document(document, originals, path, report)
            except ParseError as exc:
                report.failed.append(FailedEntry(path, str(exc)))
            except EsgdeskError:
                raise  # a locked or broken archive stops the batch: nothing further could be stored
            except Exception as exc:  # a bug in esgdesk must cost this file, not the batch
                if _disk_is_full(exc):
                    report.failed.append(FailedEntry(path, _(DISK_FULL)))
                    raise _DiskFull from exc
                logger.exception("importing %s failed", path)
                report.failed.append(
                    FailedEntry(
                        path, _("esgdesk failed on this file ({kind}: {exc})", kind=type(exc).__name__, exc=exc)
                    )
                )

    def _claimed_by_a_format(self, source: SourceInput) -> bool:
        """HWPX and DOCX are zips too; a parser that recognises the package by its members owns it."""
        return any((parser.score(source) or 0) >= 100 for parser in self.registry.parsers)

    def _import_zip(self, path: str, source: SourceInput, report: ImportReport, depth: int) -> None:
        if depth >= MAX_ZIP_DEPTH:
            report.failed.append(FailedEntry(path, _("zip files nested this deep are not unpacked")))
            return
        try:
            archive_zip = SafeZip(source.data, self.limits)
        except ParseError as exc:
            report.failed.append(FailedEntry(path, str(exc)))
            return
        try:
            for member in archive_zip.members():
                member_path = f"{path}/{member.name}"
                if is_skipped_name(PurePosixPath(member.name).name):
                    continue
                if member.data is None:
                    report.failed.append(FailedEntry(member_path, member.error or _("the member cannot be read")))
                elif not member.data:
                    report.failed.append(FailedEntry(member_path, _("the file is empty")))
                else:
                    member_source = SourceInput(name=PurePosixPath(member.name).name, data=member.data)
                    self._import_blob(member_path, member_source, report, depth + 1)
        finally:
            archive_zip.close()

    def _with_attachments(
        self, container: ParsedDocument, originals: list[Original]
    ) -> tuple[ParsedDocument, list[Original]]:
        """An e-mail with its release attached is one document: the attachment's text, all files kept.

        The most faithful attachment gives the text (HWPX, HWP, DOCX, PDF, page, text — in that order); the
        message itself is kept as metadata. Attachments that cannot be read are noted, not fatal.
        """
        candidates: list[tuple[int, ParsedDocument]] = []
        for attachment in container.attachments[:MAX_ATTACHMENTS]:
            attached = SourceInput(name=attachment.name, data=attachment.data)
            try:
                outcome = self._parse(attached)
            except ParseError as exc:
                container.warnings.append(
                    _("attachment {name} could not be read: {exc}", name=attachment.name, exc=exc)
                )
                originals.append(Original(attached, _guess_media_type(Path(attachment.name)), "attachment"))
                continue
            originals.append(Original(attached, outcome.media_type, "attachment"))
            for document in outcome.documents:
                if document.body.strip():
                    candidates.append((_TEXT_PREFERENCE.get(outcome.parser_name, 99), document))
        container.attachments = []
        if not candidates:
            return container, originals
        primary = min(candidates, key=lambda candidate: candidate[0])[1]
        primary.metadata.setdefault("message_subject", container.title)
        primary.metadata.setdefault("message_text", container.body)
        for key in ("from", "to", "sent"):
            if key in container.metadata:
                primary.metadata.setdefault(f"message_{key}", container.metadata[key])
        primary.warnings.extend(container.warnings)
        if primary.published is None:
            primary.published = container.published
        return primary, originals

    def _read(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
            if size > self.limits.max_file_bytes:
                limit_mb = self.limits.max_file_bytes // (1024 * 1024)
                raise ParseError(
                    _(
                        "the file is larger than the {limit_mb} MB import limit ({size:,} bytes)",
                        limit_mb=limit_mb,
                        size=size,
                    )
                )
            with path.open("rb") as handle:
                data = handle.read(self.limits.max_file_bytes + 1)
        except PermissionError as exc:
            raise ParseError(_("the file cannot be read: permission denied")) from exc
        except IsADirectoryError as exc:
            raise ParseError(_("this is a folder, not a file")) from exc
        except OSError as exc:
            raise ParseError(_("the file cannot be read ({reason})", reason=exc.strerror or exc)) from exc
        if len(data) > self.limits.max_file_bytes:
            raise ParseError(_("the file grew past the import limit while it was read"))
        if not data:
            raise ParseError(_("the file is empty"))
        return data

    def _parse(self, source: SourceInput) -> ParseOutcome:
        if not self._isolate:
            return parse_source(source, self.registry)
        worker = shared_worker(self.limits.parse_timeout_seconds, self.limits.worker_memory_bytes)
        return worker.parse(source)

    # -- one document ----------------------------------------------------------------------------------

    def _import_document(
        self, parsed: ParsedDocument, originals: list[Original], path: str, report: ImportReport
    ) -> None:
        prepared = _prepare(parsed, fallback_title=Path(originals[0].source.name).stem)
        if not prepared.body and prepared.kind not in _KINDS_WITHOUT_BODY and not parsed.metadata.get("needs_ocr"):
            # An empty document helps nobody; only a scan (kept for later OCR) is worth archiving without text.
            raise ParseError(_("the document holds no text"))
        with self.archive.writing(N_("import")), self.archive.session() as session:
            duplicate = find_duplicate(session, prepared, _number_skeleton(parsed))
            if duplicate is not None and self.update and duplicate.kind == "same_source":
                revision = self._revise(session, duplicate.existing, prepared, parsed, originals)
                changes.record(session, changes.BODY, [duplicate.existing.id])
                session.commit()
                report.updated.append(UpdatedEntry(duplicate.existing.id or 0, prepared.title, path, revision))
                self._after_commit([duplicate.existing.id or 0])
                return
            if duplicate is not None:
                existing = duplicate.existing
                text_changed = completed = False
                if duplicate.same_release_in_another_form or _new_format(session, existing, originals):
                    completed = True
                    # The same release in another format: one document, every original kept, the better
                    # text and any metadata the first copy lacked taken from the new one. (The same text in
                    # the same format — a re-encoded copy — adds nothing.)
                    for original in originals:
                        self._attach_original(session, existing, original)
                    text_changed = _complete_from(existing, prepared, parsed, session, self.author)
                if prepared.kind == DocumentKind.LISTING_ITEM and existing.kind != DocumentKind.LISTING_ITEM:
                    _remember_listing(existing, prepared)
                    session.add(existing)
                if text_changed:
                    changes.record(session, changes.BODY, [existing.id])
                elif completed:  # a department or ministry the first copy lacked is searchable too
                    changes.record(session, changes.METADATA, [existing.id])
                session.commit()
                report.duplicates.append(DuplicateEntry(path, prepared.title, existing.id or 0, duplicate.reason))
                if text_changed or completed:
                    self._after_commit([existing.id or 0])
                return
            document = prepared
            document.author = self.author
            document.ministry_id = _organization_id(session, parsed.metadata.get("ministry"), document.published)
            session.add(document)
            session.flush()
            if document.kind != DocumentKind.LISTING_ITEM:
                for original in originals:
                    self._attach_original(session, document, original)
            merged = _merge_listing_items(session, document)
            changes.record(session, changes.ADDED, [document.id])
            changes.record(session, changes.DELETED, merged)
            session.add(
                Activity(
                    author=self.author,
                    action="import",
                    object_kind="document",
                    object_id=document.id,
                    summary=document.title,
                )
            )
            session.commit()
            assert document.id is not None
            report.imported.append(ImportedEntry(document.id, document.title, path, document.kind, merged))
        self._after_commit([document.id])

    def _after_commit(self, document_ids: list[int]) -> None:
        """The change is in the queue already (same transaction); count it towards the next drain."""
        self._committed_since_drain += len(document_ids)

    def _flush_after_commit(self, force: bool) -> None:
        """Drain the change queue: entities, tag rules and the index follow what was committed.

        Batched (every AFTER_COMMIT_BATCH documents or AFTER_COMMIT_SECONDS): each subscriber runs one
        transaction for the batch instead of one per document, which roughly doubles import speed; a document
        is searchable at most a second after it is listed. Nothing is lost between drains: the queue rows were
        committed with the documents, and the next open drains what a killed import left."""
        if not self._committed_since_drain:
            return
        due = (
            self._committed_since_drain >= AFTER_COMMIT_BATCH
            or time.monotonic() - self._last_flush >= AFTER_COMMIT_SECONDS
        )
        if not (force or due):
            return
        self._committed_since_drain = 0
        self._last_flush = time.monotonic()
        try:
            changes.follow(self.archive)  # a busy lock: its holder or the next open drains
        except Exception as exc:
            if not _disk_is_full(exc):
                raise
            # Derived state only (index, entities): the documents are committed and whole, and their changes
            # stay queued; the next open brings them up to date once there is room.
            logger.warning("after-import step skipped, the disk is full: %s", exc)

    def _revise(
        self,
        session: Session,
        existing: Document,
        prepared: Document,
        parsed: ParsedDocument,
        originals: list[Original],
    ) -> RevisionReport:
        """`import --update`: the new text replaces the old, which is kept as a revision with its file."""
        for link in session.exec(select(DocumentFile).where(DocumentFile.document_id == existing.id)).all():
            if link.role == "original":
                link.role = "revision"
                session.add(link)
        for original in originals:
            self._attach_original(session, existing, original)
        report = revise_document(session, existing, prepared.title, prepared.body, prepared.content_hash, self.author)
        for column in ("published", "department", "source_url"):
            if getattr(prepared, column) is not None:
                setattr(existing, column, getattr(prepared, column))
        ministry_id = _organization_id(session, parsed.metadata.get("ministry"), existing.published)
        existing.ministry_id = ministry_id or existing.ministry_id
        existing.extra = {**existing.extra, **prepared.extra}
        session.add(existing)
        return report

    def _attach_original(self, session: Session, document: Document, original: Original) -> None:
        source = original.source
        digest = self.archive.files.store(source.data)
        stored = session.exec(select(SourceFile).where(SourceFile.sha256 == digest)).first()
        if stored is None:
            stored = SourceFile(
                sha256=digest, name=safe_file_name(source.name), media_type=original.media_type, size=len(source.data)
            )
            session.add(stored)
            session.flush()
        # Both are in the database by now: the document was flushed by the caller, the file just above.
        assert document.id is not None and stored.id is not None
        link = session.get(DocumentFile, (document.id, stored.id))
        if link is None:
            session.add(DocumentFile(document_id=document.id, source_file_id=stored.id, role=original.role))
        elif original.role == "original" and link.role != "original":
            link.role = "original"  # a file kept earlier now gives the document its text
            session.add(link)


DISK_FULL = N_("the disk holding the archive is full; free some space and import this again")


class _DiskFull(Exception):
    """Raised inside a batch when nothing more can be stored; `run` turns it into report lines."""


def _disk_is_full(error: BaseException) -> bool:
    """SQLite says "database or disk is full", the OS says ENOSPC; either way the batch cannot go on."""
    exc: BaseException | None = error
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def run_import(
    archive: Archive,
    paths: Sequence[str | Path],
    *,
    registry: ParserRegistry | None = None,
    limits: ImportLimits | None = None,
    update: bool = False,
) -> ImportReport:
    """Import `paths` and return the report (for callers that need no progress)."""
    report = ImportReport()
    for progress in ImportPipeline(archive, registry=registry, limits=limits, update=update).run(paths):
        report = progress.report
    return report


# -- helpers ---------------------------------------------------------------------------------------------


def _prepare(parsed: ParsedDocument, fallback_title: str) -> Document:
    """A Document row (not yet added) from what a parser found, normalised and hashed."""
    if parsed.kind != DocumentKind.LISTING_ITEM:
        complete_release_metadata(parsed)
    body = normalize_text(parsed.body)
    title = normalize_line(parsed.title or "") or _title_from_body(body) or fallback_title
    metadata = parsed.metadata
    extra = {key: _jsonable(value) for key, value in metadata.items() if key not in _COLUMN_KEYS and value is not None}
    if parsed.warnings:
        extra["warnings"] = list(parsed.warnings)
    published = parsed.published
    stated = metadata.get("published")
    if published is None and isinstance(stated, dt.date):
        published = stated
    kind = parsed.kind
    if kind == DocumentKind.PRESS_RELEASE and not _states_a_release(metadata, published):
        kind = DocumentKind.OTHER  # a memo or a form is not a press release just because it is a document
    if parsed.kind == DocumentKind.LISTING_ITEM:
        digest = content_hash(f"{DocumentKind.LISTING_ITEM}\n{title}\n{published}")
    else:
        digest = content_hash(body) if body else content_hash(f"{parsed.kind}\n{title}\n{published}")
    return Document(
        title=title,
        body=body,
        kind=kind,
        department=_optional_line(metadata.get("department")),
        published=published,
        source_url=_optional_line(metadata.get("source_url")),
        source_id=_optional_line(metadata.get("source_id")),
        content_hash=digest,
        partial=parsed.partial,
        extra=extra,
    )


def _states_a_release(metadata: dict[str, object], published: dt.date | None) -> bool:
    """A release names its department or ministry, or carries a korea.kr id; a dated headline alone will do."""
    return bool(metadata.get("department") or metadata.get("ministry") or metadata.get("source_id") or published)


def _new_format(session: Session, existing: Document, originals: list[Original]) -> bool:
    """Whether the new file is of a format the document has no original in yet (a PDF beside an HWPX)."""
    statement = (
        select(SourceFile.media_type)
        .join(DocumentFile, col(DocumentFile.source_file_id) == SourceFile.id)
        .where(DocumentFile.document_id == existing.id)
    )
    known = set(session.exec(statement))
    return bool(known) and originals[0].media_type not in known


def _complete_from(
    existing: Document, new: Document, parsed: ParsedDocument, session: Session, author: str | None
) -> bool:
    """Fill what the archived copy of a release lacks from another copy of it (a page gives the newsId, an
    HWPX gives the full text where the page only said "이 자료는 … 전재하여 제공함"). True if the text changed."""
    for column in ("source_url", "source_id", "department", "published"):
        if getattr(existing, column) is None and getattr(new, column) is not None:
            setattr(existing, column, getattr(new, column))
    if existing.ministry_id is None:
        existing.ministry_id = _organization_id(session, parsed.metadata.get("ministry"), existing.published)
    text_changed = False
    if existing.extra.get("text_is_placeholder") and new.body and not new.extra.get("text_is_placeholder"):
        revise_document(session, existing, existing.title, new.body, new.content_hash, author)
        existing.extra = {key: value for key, value in existing.extra.items() if key != "text_is_placeholder"}
        text_changed = True
    elif not existing.body and new.body:
        # a PDF kept for OCR (its text layer unreadable) takes the text, headline and kind of its HWP twin
        revise_document(session, existing, new.title, new.body, new.content_hash, author)
        existing.kind = new.kind
        text_changed = True
    existing.updated_at = utcnow()
    session.add(existing)
    return text_changed


def _merge_listing_items(session: Session, document: Document) -> list[int]:
    """A full release absorbs the reading-list items announcing it: their board data moves into it."""
    if document.kind == DocumentKind.LISTING_ITEM:
        return []
    merged: list[int] = []
    for item in documents_with_title(session, document.title, exclude_kind=None):
        if item.kind != DocumentKind.LISTING_ITEM or item.id == document.id:
            continue
        _remember_listing(document, item)
        merged.append(item.id or 0)
        session.delete(item)
    if merged:
        session.add(document)
    return merged


def _remember_listing(document: Document, item: Document) -> None:
    listings = list(document.extra.get("listings", []))
    entry = {
        "board": item.extra.get("board"),
        "board_number": item.extra.get("board_number"),
        "views": item.extra.get("views"),
        "posted": item.published.isoformat() if item.published else None,
    }
    if entry not in listings:
        listings.append(entry)
    document.extra = {**document.extra, "listings": listings}
    document.updated_at = utcnow()


def _organization_id(session: Session, name: object, published: dt.date | None) -> int | None:
    """The ministry as one Organization row across its renamings (see esgdesk.knowledge.store)."""
    organization = organization_for(session, name if isinstance(name, str) else None, published)
    return organization.id if organization else None


def _source_id_from_file_name(document: ParsedDocument, name: str) -> None:
    """korea.kr names a release's files by its newsId: the file's own name is one of its own fields."""
    if document.kind != DocumentKind.LISTING_ITEM and not document.metadata.get("source_id"):
        news_id = news_id_from_file_name(name)
        if news_id:
            document.metadata["source_id"] = news_id


def _number_skeleton(parsed: ParsedDocument) -> list[str] | None:
    skeleton = parsed.metadata.get("number_skeleton")
    return [str(number) for number in skeleton] if isinstance(skeleton, list) else None


def _title_from_body(body: str) -> str | None:
    for line in body.split("\n"):
        line = normalize_line(line)
        if line:
            return line[:200]
    return None


def _optional_line(value: object) -> str | None:
    if value is None:
        return None
    text = normalize_line(str(value))
    return text or None


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return value


def _guess_media_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
