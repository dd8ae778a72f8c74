"""`esgdesk check [--repair]`: is everything the archive promises actually there and intact?

What is checked, and what `--repair` may do about it (it backs up the database first, holds the writer lock for
the whole run so no import changes things under it, and never deletes an original):

- the database: `PRAGMA integrity_check` and `foreign_key_check` — reported only; the cure is `esgdesk restore`;
- every original: present under files/ and matching its sha256 — a missing one found in the quarantine
  (files/orphans/, e.g. put there by an earlier repair before a restore) is moved back; a changed one is reported
  with its name and documents (only a copy of the file can fix it);
- stray files in files/: originals no row references (left by an import that died between storing the file and
  its commit — harmless) are moved to files/orphans/; `.incoming-*` temporary files of an interrupted write are
  removed (they are never a whole file); anything else unexpected is moved to the quarantine too;
- the search index (when esgdesk.search is installed): documents missing or stale in it are re-indexed, a
  missing index is rebuilt;
- annotations: one whose exact quote no longer sits at its span is reported; repair re-anchors it (or flags it
  orphaned, keeping quote and note);
- derived state: a document whose text yields entities but has none stored (an import killed before the change
  queue existed) is reported and repair re-extracts it; changes that failed to apply several times (the queue
  does not drain) are reported and repair retries them; changes still waiting are noted;
- every document except a reading-list item has at least one original file (reported only).

On a team archive (PostgreSQL) the database's backups are the server's business (pg_dump, the server's own
backups); `--repair` says so and repairs without a file backup.

A plain `check` writes nothing. While an import runs, its in-flight original may show as an orphan for a moment;
`--repair` waits for the writer lock, so it never sees that.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy
from sqlmodel import col, select

from esgdesk.core import changes
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import N_, _
from esgdesk.core.models import (
    Annotation,
    Document,
    DocumentFile,
    DocumentKind,
    Mention,
    PendingChange,
    SourceFile,
    stored_id,
)
from esgdesk.library import derived

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

QUARANTINE = "orphans"
TEMP_PREFIX = ".incoming-"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_BUCKET = re.compile(r"^[0-9a-f]{2}$")
#: at most this many ids are named in one message; the JSON report lists them all
_SHOWN_IDS = 20


@dataclass
class Problem:
    """One thing wrong, named by the file or document it concerns."""

    kind: str
    subject: str
    message: str
    repairable: bool = False
    repaired: bool = False
    outcome: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "message": self.message,
            "repairable": self.repairable,
            "repaired": self.repaired,
            "outcome": self.outcome,
            **({"details": self.details} if self.details else {}),
        }


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None
    repair: bool = False

    @property
    def remaining(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.repaired]

    @property
    def healthy(self) -> bool:
        """True when nothing is (left) wrong: with --repair, when every problem was repaired."""
        return not self.remaining

    def kinds(self) -> set[str]:
        return {problem.kind for problem in self.remaining}

    def as_json(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "repair": self.repair,
            "checked": self.checked,
            "problems": [problem.as_json() for problem in self.problems],
            "notes": self.notes,
            "backup": str(self.backup) if self.backup else None,
        }


def check_archive(archive: Archive, repair: bool = False) -> CheckReport:
    """Run every check; with `repair`, fix what can be fixed safely (after a backup, under the writer lock)."""
    derived.install()
    if not repair:
        return _run_checks(archive)
    with archive.writing(N_("check --repair")):
        report = _run_checks(archive)
        report.repair = True
        if any(problem.repairable for problem in report.problems):
            _repair(archive, report)
    return report


def _run_checks(archive: Archive) -> CheckReport:
    report = CheckReport()
    report.problems.extend(_database(archive))
    known = _originals(archive, report)
    report.problems.extend(_stray_files(archive, known))
    _search_index(archive, report)
    _anchors(archive, report)
    _without_originals(archive, report)
    _derived_state(archive, report)
    return report


# -- the database ------------------------------------------------------------------------------------------


def _database(archive: Archive) -> list[Problem]:
    """SQLite's own checks, on a plain connection (the ORM adds nothing here and could hide an error)."""
    problems: list[Problem] = []
    if archive.shared:  # a server checks its own pages (amcheck, data checksums); see docs/team-archive.md
        return problems
    try:
        connection = sqlite3.connect(archive.database_path, timeout=30)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check(100)")]
            foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return [Problem("integrity", str(archive.database_path), _("the database cannot be checked: {exc}", exc=exc))]
    if rows != ["ok"]:
        for row in rows:
            problems.append(
                Problem(
                    "integrity", str(archive.database_path), _("database damaged: {row} (restore a backup)", row=row)
                )
            )
    for table, rowid, parent, _fk in foreign:
        problems.append(
            Problem(
                "foreign-key",
                f"{table} row {rowid}",
                _("{table} row {rowid} points at a missing {parent} row", table=table, rowid=rowid, parent=parent),
            )
        )
    return problems


# -- originals ---------------------------------------------------------------------------------------------


def _originals(archive: Archive, report: CheckReport) -> set[str]:
    """Every SourceFile present and intact; returns the digests the database knows."""
    with archive.session() as session:
        files = list(session.exec(select(SourceFile.id, SourceFile.sha256, SourceFile.name, SourceFile.size)))
        owners: dict[int, list[int]] = {}
        for document_id, owned_id in session.exec(select(DocumentFile.document_id, DocumentFile.source_file_id)):
            owners.setdefault(owned_id, []).append(document_id)
    known: set[str] = set()
    for file_id, digest, name, size in files:
        known.add(digest)
        problem = _check_original(archive, digest, name, size, owners.get(stored_id(file_id), []))
        if problem is not None:
            report.problems.append(problem)
    report.checked["originals"] = len(files)
    return known


def _check_original(archive: Archive, digest: str, name: str, size: int, documents: list[int]) -> Problem | None:
    try:
        path = archive.files.path_for(digest)
    except ValueError:
        return Problem(
            "bad-digest",
            name,
            _("the file {name!r} has no valid sha256 in the database ({digest!r})", name=name, digest=digest),
        )
    owners = _documents_text(documents)
    if not path.is_file():
        in_quarantine = _quarantine_dir(archive) / digest
        found = in_quarantine.is_file() and _sha256_of(in_quarantine) == digest
        hint = (
            _("it is in the quarantine and can be moved back") if found else _("restore it from a copy or re-import it")
        )
        return Problem(
            "missing-original",
            str(path),
            _("the original {name!r} of {owners} is missing ({hint})", name=name, owners=owners, hint=hint),
            repairable=found,
            details={"sha256": digest, "documents": documents},
        )
    actual = _sha256_of(path)
    if actual != digest:
        return Problem(
            "changed-original",
            str(path),
            _(
                "the original {name!r} of {owners} was changed on disk (sha256 {actual}…, expected {expected}…); "
                "restore it from a copy or re-import it",
                name=name,
                owners=owners,
                actual=actual[:12],
                expected=digest[:12],
            ),
            details={"sha256": digest, "actual": actual, "size": size, "documents": documents},
        )
    return None


def _stray_files(archive: Archive, known: set[str]) -> list[Problem]:
    """Files under files/ that no row references, and temporary files of interrupted writes."""
    problems: list[Problem] = []
    for path in _walk_store(archive.files.root):
        if path.name.startswith(TEMP_PREFIX):
            problems.append(
                Problem("temp-file", str(path), _("an unfinished write left a temporary file"), repairable=True)
            )
        elif _DIGEST.match(path.name) and path.parent.name == path.name[:2]:
            if path.name not in known:
                problems.append(
                    Problem(
                        "orphan-original",
                        str(path),
                        _("an original no document refers to (an interrupted import leaves these; harmless)"),
                        repairable=True,
                    )
                )
        else:
            problems.append(Problem("unknown-file", str(path), _("a file esgdesk did not put there"), repairable=True))
    return problems


def _walk_store(root: Path) -> Iterator[Path]:
    """Files of the store, without descending into the quarantine."""
    if not root.is_dir():
        return
    for entry in sorted(root.iterdir()):
        if entry.name == QUARANTINE and entry.is_dir():
            continue
        if entry.is_dir() and _BUCKET.match(entry.name):
            yield from (child for child in sorted(entry.iterdir()) if not child.is_dir())
        elif not entry.is_dir():
            yield entry


# -- search index and anchors --------------------------------------------------------------------------------


def _search_index(archive: Archive, report: CheckReport) -> None:
    from esgdesk.search.index import INDEX_NAME, SearchIndex

    where = str(archive.root / INDEX_NAME)
    if not archive.shared:
        local = SearchIndex(archive)  # the engine in use: search.sqlite (FTS5) or search-index/ (tantivy)
        where = str(local.path)
        present = local.exists()
        local.close()
        if not present:
            report.problems.append(Problem("search-index", where, _("the search index is missing"), repairable=True))
            return
    try:
        with SearchIndex(archive) as index:
            bad = index.check()
    except EsgdeskError as exc:
        report.problems.append(Problem("search-index", where, str(exc), repairable=True))
        return
    if bad:
        shown = ", ".join(str(doc_id) for doc_id in bad[:_SHOWN_IDS]) + (" …" if len(bad) > _SHOWN_IDS else "")
        report.problems.append(
            Problem(
                "search-index",
                where,
                _(
                    "{count} documents missing from or stale in the search index (ids {shown})",
                    count=len(bad),
                    shown=shown,
                ),
                repairable=True,
                details={"documents": bad},
            )
        )


def _anchors(archive: Archive, report: CheckReport) -> None:
    """An annotation's exact quote must sit at its span; orphaned ones are flagged already, so not a problem."""
    count = 0
    with archive.session() as session:
        # Six columns: SQLModel's `select` is typed for at most four, SQLAlchemy's for more (run by `execute`).
        rows = session.execute(
            sqlalchemy.select(
                col(Annotation.id),
                col(Annotation.document_id),
                col(Annotation.start),
                col(Annotation.end),
                col(Annotation.exact),
                col(Document.body),
            )
            .join(Document, col(Document.id) == Annotation.document_id)
            .where(col(Annotation.anchor_status) != "orphaned")
        )
        for annotation_id, document_id, start, end, exact, body in rows:
            count += 1
            if body[start:end] == exact:
                continue
            report.problems.append(
                Problem(
                    "annotation-anchor",
                    f"document {document_id}",
                    _(
                        "annotation {annotation_id} on document {document_id}: its quote “{quote}” "
                        "is no longer at {start}–{end}",
                        annotation_id=annotation_id,
                        document_id=document_id,
                        quote=_short(exact),
                        start=start,
                        end=end,
                    ),
                    repairable=True,
                    details={"annotation": annotation_id, "document": document_id},
                )
            )
    report.checked["annotations"] = count


def _without_originals(archive: Archive, report: CheckReport) -> None:
    """A document is its original's reading: one without any (e.g. from a hostile bundle) cannot be verified."""
    with archive.session() as session:
        has_file = select(DocumentFile.document_id).where(DocumentFile.document_id == Document.id).exists()
        rows = session.exec(
            select(Document.id, Document.title).where(Document.kind != DocumentKind.LISTING_ITEM, ~has_file)
        ).all()
    for document_id, title in rows:
        report.problems.append(
            Problem(
                "no-original",
                f"document {document_id}",
                _(
                    "document {id} “{title}” has no original file (import the file again to keep it with the text)",
                    id=document_id,
                    title=_short(title),
                ),
                details={"document": document_id},
            )
        )


def _derived_state(archive: Archive, report: CheckReport) -> None:
    """Entities missing from documents whose text has them, and a change queue that does not drain."""
    from esgdesk.knowledge.extract import extract

    with archive.session() as session:
        waiting = set(session.exec(select(PendingChange.document_id)).all())
        has_mention = select(Mention.document_id).where(Mention.document_id == Document.id).exists()
        candidates = session.exec(
            select(col(Document.id), col(Document.body), col(Document.published)).where(
                Document.kind != DocumentKind.LISTING_ITEM, Document.body != "", ~has_mention
            )
        ).all()
    missing = [
        stored_id(document_id)
        for document_id, body, published in candidates
        if document_id not in waiting and extract(body, published).mentions
    ]
    if missing:
        report.problems.append(
            Problem(
                "entities",
                _ids_text(missing),
                _(
                    "{count} documents have no entities although their text names some (ids {ids}); "
                    "`esgdesk reextract` or `check --repair` extracts them",
                    count=len(missing),
                    ids=_ids_text(missing),
                ),
                repairable=True,
                details={"documents": missing},
            )
        )
    stuck = changes.stuck_changes(archive)
    if stuck:
        ids = sorted({change.document_id for change in stuck})
        report.problems.append(
            Problem(
                "change-queue",
                _ids_text(ids),
                _(
                    "{count} changes to the search index or the entities failed {attempts} times (documents {ids}; "
                    "last error: {error})",
                    count=len(stuck),
                    attempts=changes.MAX_ATTEMPTS,
                    ids=_ids_text(ids),
                    error=stuck[-1].last_error or "?",
                ),
                repairable=True,
                details={"documents": ids},
            )
        )
    pending = changes.pending_changes(archive)
    if pending:
        report.notes.append(_("{count} changes are waiting to be applied (another esgdesk is working)", count=pending))


def _ids_text(ids: list[int]) -> str:
    shown = ", ".join(str(doc_id) for doc_id in ids[:_SHOWN_IDS])
    return shown + (" …" if len(ids) > _SHOWN_IDS else "")


# -- repair -------------------------------------------------------------------------------------------------


def _repair(archive: Archive, report: CheckReport) -> None:
    from esgdesk.library.backup import BackupError, create_backup

    if archive.shared:
        report.notes.append(
            _(
                "a team archive's database is backed up by its server (pg_dump or the server's own backups); "
                "repaired without a file backup"
            )
        )
    else:
        try:
            report.backup = create_backup(archive, reason="before-repair")
        except BackupError as exc:
            report.notes.append(_("nothing was repaired: the backup before repairing failed ({exc})", exc=exc))
            return
    repairs = {
        "temp-file": _remove_temp,
        "orphan-original": _quarantine,
        "unknown-file": _quarantine,
        "missing-original": _restore_from_quarantine,
    }
    for problem in report.problems:
        action = repairs.get(problem.kind)
        if problem.repairable and action is not None:
            _attempt(problem, lambda p=problem, a=action: a(archive, p))
    index_problems = [p for p in report.problems if p.kind == "search-index" and p.repairable]
    if index_problems:
        _attempt_all(index_problems, lambda: _repair_index(archive))
    derived_problems = [p for p in report.problems if p.kind in ("entities", "change-queue") and p.repairable]
    if derived_problems:
        _attempt_all(derived_problems, lambda: _repair_derived(archive, derived_problems))
    anchor_problems = [p for p in report.problems if p.kind == "annotation-anchor" and p.repairable]
    if anchor_problems:
        _attempt_all(anchor_problems, lambda: _reanchor(archive, anchor_problems))


def _attempt(problem: Problem, action: Any) -> None:
    try:
        problem.outcome = action()
        problem.repaired = True
    except (OSError, EsgdeskError, sqlite3.Error) as exc:
        problem.outcome = _("not repaired: {reason}", reason=exc)


def _attempt_all(problems: list[Problem], action: Any) -> None:
    try:
        outcome = action()
    except (OSError, EsgdeskError, sqlite3.Error) as exc:
        for problem in problems:
            problem.outcome = _("not repaired: {reason}", reason=exc)
        return
    for problem in problems:
        if not problem.outcome:
            problem.outcome = outcome
        problem.repaired = True


def _remove_temp(_archive: Archive, problem: Problem) -> str:
    Path(problem.subject).unlink(missing_ok=True)
    return _("removed")


def _quarantine(archive: Archive, problem: Problem) -> str:
    source = Path(problem.subject)
    target = _free_name(_quarantine_dir(archive) / source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, target)
    return _("moved to {path}", path=target)


def _restore_from_quarantine(archive: Archive, problem: Problem) -> str:
    digest = problem.details["sha256"]
    source = _quarantine_dir(archive) / digest
    target = archive.files.path_for(digest)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, target)
    return _("moved back from {path}", path=source)


def _repair_index(archive: Archive) -> str:
    from esgdesk.search.index import SearchIndex

    with SearchIndex(archive) as index:
        fixed = index.repair()
    return _("{count} documents re-indexed", count=fixed)


def _repair_derived(archive: Archive, problems: list[Problem]) -> str:
    """Queue the documents' text as changed (entities, rules, index follow) and retry stuck changes."""
    changes.retry_stuck(archive)
    ids = sorted(
        {doc_id for problem in problems if problem.kind == "entities" for doc_id in problem.details["documents"]}
    )
    with archive.session() as session:
        changes.record(session, changes.BODY, ids)
        session.commit()
    drained = changes.drain(archive)
    if drained.failed or changes.pending_changes(archive):
        raise EsgdeskError(_("{count} changes still fail; see the log", count=drained.failed))
    return _("{count} changes applied", count=drained.applied)


def _reanchor(archive: Archive, problems: list[Problem]) -> str:
    """Re-anchor through esgdesk.notes (its rules: exact, moved, fuzzy, else flagged orphaned with its quote)."""
    from esgdesk.notes.anchoring import Selector, reanchor

    outcomes: dict[str, int] = {}
    with archive.session() as session:
        for problem in problems:
            annotation = session.get(Annotation, problem.details["annotation"])
            document = session.get(Document, problem.details["document"])
            if annotation is None or document is None:
                continue
            old = Selector(annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix)
            result = reanchor(old, document.body)
            new = result.selector
            annotation.start, annotation.end, annotation.exact = new.start, new.end, new.exact
            annotation.prefix, annotation.suffix = new.prefix, new.suffix
            annotation.anchor_status = result.status
            session.add(annotation)
            problem.outcome = _("re-anchored ({status})", status=result.status)
            outcomes[result.status] = outcomes.get(result.status, 0) + 1
        session.commit()
    return ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items()))


# -- helpers --------------------------------------------------------------------------------------------------


def _quarantine_dir(archive: Archive) -> Path:
    return archive.files.root / QUARANTINE


def _free_name(path: Path) -> Path:
    """`path`, or `path.1`, `path.2` … when the quarantine already holds that name (never overwrite)."""
    candidate, number = path, 0
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.{number}")
    return candidate


def _sha256_of(path: Path) -> str:
    hasher = hashlib.sha256()
    with contextlib.suppress(OSError), path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def _documents_text(ids: list[int]) -> str:
    if not ids:
        return _("no document")
    shown = ", ".join(f"#{doc_id}" for doc_id in sorted(ids)[:5])
    if len(ids) == 1:
        return _("document {ids}", ids=shown)
    return _("documents {ids}", ids=shown + (" …" if len(ids) > 5 else ""))


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def exit_code(report: CheckReport) -> int:
    """0 healthy (or everything repaired), 1 problems remain."""
    return 0 if report.healthy else 1


__all__ = ["CheckReport", "Problem", "check_archive", "exit_code"]
