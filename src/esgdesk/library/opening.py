"""Opening an archive for the CLI and the GUI: the derived state is brought up to date on the way in.

A process that was killed, lost the writer lock or failed while applying changes leaves them in the queue;
the next process to open the archive applies them if it can take the writer lock at once, and otherwise
leaves them to the process that holds it (searches say "indexing…" meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from esgdesk.core import changes
from esgdesk.core.archive import DEFAULT_LOCK_TIMEOUT, Archive
from esgdesk.core.errors import ArchiveLockedError
from esgdesk.core.i18n import N_
from esgdesk.library import derived

#: how long opening waits for another process's writer lock before leaving the queue to it (seconds)
DRAIN_LOCK_WAIT = 0.2


def open_archive(location: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, *, create: bool = True) -> Archive:
    """Open (or, with `create`, make in a new or empty folder) an archive and apply what the queue holds."""
    archive = Archive.open(location, lock_timeout=lock_timeout, create=create)
    clear_interrupted_writes(archive)
    apply_pending_changes(archive)
    return archive


def clear_interrupted_writes(archive: Archive) -> int:
    """Remove the temporary originals a killed writer left, when the writer lock is free: with the lock held
    nobody else is writing, so what is in files/incoming/ belongs to no one."""
    if archive.shared or not archive.files.incoming.is_dir() or not any(archive.files.incoming.iterdir()):
        return 0
    saved = archive.lock_timeout
    archive.lock_timeout = DRAIN_LOCK_WAIT
    try:
        with archive.writing(N_("clear interrupted writes")):
            archive.lock_timeout = saved
            return archive.files.clear_incoming()
    except ArchiveLockedError:
        return 0
    finally:
        archive.lock_timeout = saved


def apply_pending_changes(archive: Archive) -> changes.DrainReport:
    """Drain the change queue when anything is in it and the writer lock is free."""
    derived.install()
    if not changes.pending_changes(archive):
        return changes.DrainReport()
    return changes.drain(archive, lock_timeout=DRAIN_LOCK_WAIT)


def pending_changes(archive: Archive) -> int:
    """Changes the search index or the entities have not followed yet (the GUI shows "indexing…")."""
    return changes.pending_changes(archive)


def reextract(archive: Archive, document_ids: list[int] | None = None) -> changes.DrainReport:
    """Redo entity and fact extraction, tag rules and indexing for these documents (all when None): queued
    as text changes, so a kill halfway leaves the rest in the queue for the next open."""
    from sqlmodel import col, select

    from esgdesk.core.errors import NotFoundError
    from esgdesk.core.i18n import _
    from esgdesk.core.models import Document

    derived.install()
    with archive.writing(N_("reextract")), archive.session() as session:
        if document_ids is None:
            ids = list(session.exec(select(Document.id)).all())
        else:
            found = set(session.exec(select(Document.id).where(col(Document.id).in_(document_ids))).all())
            missing = [document_id for document_id in document_ids if document_id not in found]
            if missing:
                raise NotFoundError(_("no document with id {ids}", ids=", ".join(map(str, missing))))
            ids = list(document_ids)
        changes.record(session, changes.BODY, ids)
        session.commit()
    return changes.drain(archive)


def missing_index_steps(archive: Archive) -> Iterator[tuple[int, int]]:
    """Build the search index of a local archive that has none, as (done, total) steps; nothing if it has one.

    An archive last opened by a version with another search engine, or whose index folder was deleted, has no
    index: the CLI builds a small one on the first search and asks for `esgdesk reindex` for a large one, while
    the GUI runs these steps on its writer thread as soon as the archive is open, with progress in the status
    bar. Searches keep answering from whatever index exists until the new one is complete.
    """
    if archive.shared:
        return
    from esgdesk.search.service import index_for

    index = index_for(archive)
    if index.exists():
        return
    yield (0, 0)  # building has begun, even while it still waits for another process's writer lock
    yield from index.rebuild_steps()
