"""The change queue itself: recorded with the write, kept until every subscriber applied it, never lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, PendingChange


@pytest.fixture
def registry() -> Iterator[list[tuple[str, list[int]]]]:
    """Only this test's subscribers, and the application's back afterwards."""
    saved = changes.subscribers()
    for subscriber in saved:
        changes.unsubscribe(subscriber.name)
    calls: list[tuple[str, list[int]]] = []
    yield calls
    for subscriber in changes.subscribers():
        changes.unsubscribe(subscriber.name)
    for subscriber in saved:
        changes.subscribe(subscriber.name, subscriber.kinds, subscriber.apply)


def _document(archive: Archive, title: str, kind: str = changes.ADDED, commit: bool = True) -> int:
    with archive.session() as session:
        document = Document(title=title, body="본문", content_hash=title)
        session.add(document)
        session.flush()
        changes.record(session, kind, [document.id])
        if commit:
            session.commit()
        else:
            session.rollback()
        return document.id or 0


def test_a_change_is_committed_with_its_write_or_not_at_all(archive: Archive, registry: list) -> None:
    _document(archive, "rolled back", commit=False)
    assert changes.pending_changes(archive) == 0
    _document(archive, "committed")
    assert changes.pending_changes(archive) == 1


def test_without_subscribers_the_queue_is_kept(archive: Archive, registry: list) -> None:
    _document(archive, "a")
    assert changes.drain(archive).applied == 0
    assert changes.pending_changes(archive) == 1


def test_each_subscriber_gets_the_kinds_it_follows_in_order(archive: Archive, registry: list) -> None:
    changes.subscribe("entities", {changes.ADDED, changes.BODY}, lambda a, ids: registry.append(("entities", ids)))
    changes.subscribe("index", changes.KINDS, lambda a, ids: registry.append(("index", ids)))
    added = _document(archive, "a")
    tagged = _document(archive, "b", kind=changes.TAGS)
    report = changes.drain(archive)
    assert report.applied == 2 and report.failed == 0
    assert registry == [("entities", [added]), ("index", [added, tagged])]
    assert changes.pending_changes(archive) == 0


def test_a_failing_document_stays_queued_with_its_reason_and_the_rest_is_applied(
    archive: Archive, registry: list
) -> None:
    good = _document(archive, "good")
    bad = _document(archive, "bad")

    def index(_archive: Archive, ids: list[int]) -> None:
        if bad in ids:
            raise RuntimeError("the index is on fire")
        registry.append(("index", ids))

    changes.subscribe("index", changes.KINDS, index)
    for _attempt in range(changes.MAX_ATTEMPTS):
        report = changes.drain(archive)
        assert report.failed == 1
    assert ("index", [good]) in registry
    with archive.session() as session:
        left = session.exec(select(PendingChange)).all()
    assert [(row.document_id, row.attempts) for row in left] == [(bad, changes.MAX_ATTEMPTS)]
    assert "on fire" in (left[0].last_error or "")
    assert changes.pending_changes(archive) == 0  # no longer "indexing…": check reports it instead
    assert [change.document_id for change in changes.stuck_changes(archive)] == [bad]
    assert changes.drain(archive).failed == 0  # a stuck change is not retried for ever


def test_an_unknown_kind_is_refused(archive: Archive, registry: list) -> None:
    with pytest.raises(ValueError), archive.session() as session:
        changes.record(session, "moved", [1])
    with pytest.raises(ValueError):
        changes.subscribe("x", {"moved"}, lambda a, ids: None)
