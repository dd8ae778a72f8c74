"""Changes announced, not called: a durable queue of writes that derived state follows, and its subscribers.

Every write that the search index, the extracted entities and facts or the rule tags depend on calls `record`
in its own transaction, so the change is committed with the write or not at all (calibre's dirtied-rows queue).
The application registers subscribers with `subscribe` where it is put together (esgdesk/library/derived.py);
`drain` hands each subscriber the documents changed in the kinds it cares about and deletes the rows only when
every subscriber has applied them. A process that dies after a commit therefore leaves rows behind, and the
next process that opens the archive and holds the writer lock brings the derived state up to date.

The core calls no service: it knows subscribers only as callables.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, update
from sqlmodel import Session, col, select

from esgdesk.core.errors import ArchiveLockedError
from esgdesk.core.i18n import N_
from esgdesk.core.models import PendingChange, utcnow
from esgdesk.core.outage import ServerUnavailableError

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

log = logging.getLogger(__name__)

#: a document was imported (its text, metadata and originals are new)
ADDED = "added"
#: its text changed (a revision, a better copy of the same release)
BODY = "body"
#: title, ministry, department, date or its own note changed
METADATA = "metadata"
#: a tag was added, removed, renamed or merged
TAGS = "tags"
#: an annotation (its note is searchable) was added, edited or deleted
ANNOTATIONS = "annotations"
#: the document is gone
DELETED = "deleted"
KINDS = frozenset({ADDED, BODY, METADATA, TAGS, ANNOTATIONS, DELETED})

#: a change that failed this many drains is left for `check` to report instead of being retried for ever
MAX_ATTEMPTS = 3
#: changes applied per round (one transaction per subscriber per round)
BATCH = 200

Apply = Callable[["Archive", list[int]], None]


@dataclass(frozen=True)
class Subscriber:
    """Derived state that follows some kinds of change: `apply(archive, document_ids)` must be idempotent,
    because a crash between applying and deleting the queue rows makes the next drain apply them again."""

    name: str
    kinds: frozenset[str]
    apply: Apply


_subscribers: list[Subscriber] = []


def subscribe(name: str, kinds: Iterable[str], apply: Apply) -> None:
    """Register (or replace, by name) a subscriber; subscribers run in the order they were first registered."""
    wanted = frozenset(kinds)
    unknown = wanted - KINDS
    if unknown:
        # English only, not _(): a kind our own code registers or emits is unknown: a programming error.
        raise ValueError(f"unknown change kinds: {sorted(unknown)}")
    subscriber = Subscriber(name, wanted, apply)
    for position, existing in enumerate(_subscribers):
        if existing.name == name:
            _subscribers[position] = subscriber
            return
    _subscribers.append(subscriber)


def unsubscribe(name: str) -> None:
    _subscribers[:] = [subscriber for subscriber in _subscribers if subscriber.name != name]


def subscribers() -> tuple[Subscriber, ...]:
    return tuple(_subscribers)


def record(session: Session, kind: str, document_ids: Iterable[int | None]) -> None:
    """Queue a change in `session`'s transaction (the caller commits it with the write it describes)."""
    if kind not in KINDS:
        # English only, not _(): a kind our own code registers or emits is unknown: a programming error.
        raise ValueError(f"unknown change kind: {kind}")
    ids = sorted({int(document_id) for document_id in document_ids if document_id is not None})
    if not ids:
        return
    now = utcnow()
    session.execute(
        insert(PendingChange),
        [{"document_id": document_id, "kind": kind, "created_at": now, "attempts": 0} for document_id in ids],
    )


def pending_changes(archive: Archive) -> int:
    """How many changes derived state has not followed yet (a search shows "indexing…" while this is not 0)."""
    with archive.session() as session:
        statement = select(func.count()).select_from(PendingChange).where(col(PendingChange.attempts) < MAX_ATTEMPTS)
        return int(session.exec(statement).one())


def stuck_changes(archive: Archive) -> list[PendingChange]:
    """Changes that failed MAX_ATTEMPTS drains: the queue does not drain for them (`check` reports them)."""
    with archive.session() as session:
        statement = select(PendingChange).where(col(PendingChange.attempts) >= MAX_ATTEMPTS)
        return list(session.exec(statement.order_by(col(PendingChange.id))).all())


def retry_stuck(archive: Archive) -> int:
    """Give stuck changes another chance (after the cause was fixed); returns how many."""
    with archive.writing(N_("retry changes")), archive.session() as session:
        result = session.exec(
            update(PendingChange).where(col(PendingChange.attempts) >= MAX_ATTEMPTS).values(attempts=0)
        )
        session.commit()
        return int(result.rowcount or 0)


@dataclass
class DrainReport:
    applied: int = 0
    failed: int = 0
    #: not drained because another process holds the writer lock (it drains what it committed)
    busy: bool = False


def drain(archive: Archive, lock_timeout: float | None = None) -> DrainReport:
    """Apply every pending change through the subscribers, under the writer lock.

    With no subscriber registered nothing is applied and the queue is kept (a program that did not put the
    application together must not throw the changes away). With `lock_timeout`, a lock held elsewhere is not
    an error: that process drains, and the report says `busy`."""
    report = DrainReport()
    if not _subscribers:
        return report
    saved_timeout = archive.lock_timeout
    if lock_timeout is not None:
        archive.lock_timeout = lock_timeout
    try:
        with archive.writing(N_("apply changes")):
            archive.lock_timeout = saved_timeout
            last_id: int | None = 0
            while last_id is not None:
                last_id = _drain_round(archive, report, last_id)
    except ArchiveLockedError:
        if lock_timeout is None:
            raise
        report.busy = True
    finally:
        archive.lock_timeout = saved_timeout
    return report


def follow(archive: Archive, wait: float | None = None) -> DrainReport:
    """After a committed write: apply the queue now if the writer lock comes within `wait` seconds (default:
    the archive's lock timeout). Never raises for a busy lock — the write is committed and its change queued,
    and the process holding the lock, or the next open, applies it."""
    return drain(archive, lock_timeout=archive.lock_timeout if wait is None else wait)


def _drain_round(archive: Archive, report: DrainReport, after_id: int) -> int | None:
    """One batch of the changes queued after `after_id` (each change is tried once per drain); returns the last
    id tried, or None when nothing is left to try."""
    with archive.session() as session:
        statement = (
            select(PendingChange)
            .where(col(PendingChange.attempts) < MAX_ATTEMPTS, col(PendingChange.id) > after_id)
            .order_by(col(PendingChange.id))
            .limit(BATCH)
        )
        rows = [(row.id or 0, row.document_id, row.kind) for row in session.exec(statement).all()]
    if not rows:
        return None
    last_id = rows[-1][0]
    try:
        _apply(archive, rows)
    except Exception as exc:
        if isinstance(exc, ServerUnavailableError):
            raise  # the server went away: nothing to retry per document; the rows stay queued for the next run
        log.warning("applying %d changes failed (%s); trying them one document at a time", len(rows), exc)
        for document_id in sorted({row[1] for row in rows}):
            one = [row for row in rows if row[1] == document_id]
            try:
                _apply(archive, one)
            except Exception as single:
                log.warning("derived state of document %d not updated: %s", document_id, single)
                _failed(archive, [row[0] for row in one], str(single))
                report.failed += len(one)
            else:
                _done(archive, [row[0] for row in one])
                report.applied += len(one)
        return last_id
    _done(archive, [row[0] for row in rows])
    report.applied += len(rows)
    return last_id


def _apply(archive: Archive, rows: Sequence[tuple[int, int, str]]) -> None:
    for subscriber in _subscribers:
        ids = sorted({document_id for _, document_id, kind in rows if kind in subscriber.kinds})
        if ids:
            subscriber.apply(archive, ids)


def _done(archive: Archive, change_ids: list[int]) -> None:
    with archive.session() as session:
        session.execute(delete(PendingChange).where(col(PendingChange.id).in_(change_ids)))
        session.commit()


def _failed(archive: Archive, change_ids: list[int], reason: str) -> None:
    with archive.session() as session:
        session.execute(
            update(PendingChange)
            .where(col(PendingChange.id).in_(change_ids))
            .values(attempts=PendingChange.attempts + 1, last_error=reason[:500])
        )
        session.commit()
