"""A team archive on PostgreSQL: opened by URL, migrated once, many writers without lost edits or duplicates,
authors recorded, and carried to and from SQLite by bundles without loss.

Every test here needs the server named by ESGDESK_TEST_POSTGRES (tests/conftest.py); without it they skip.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import func, select

from esgdesk.core.archive import Archive
from esgdesk.core.db import head_revision
from esgdesk.core.errors import ArchiveError
from esgdesk.core.models import Activity, Document
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.bundle import export_bundle, import_bundle
from esgdesk.notes.annotations import create_annotation, get_document_note, set_document_note, update_annotation
from esgdesk.notes.errors import ConflictError
from esgdesk.search.service import close_index, search
from library.test_bundle import populate, snapshot

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_location: str) -> Iterator[Archive]:
    opened = Archive.open(postgres_location)
    yield opened
    close_index(opened)
    opened.close()


@pytest.fixture
def second_client(postgres_location: str) -> Iterator[Archive]:
    """Another analyst's esgdesk: its own engine, its own connections to the same server and folder."""
    opened = Archive.open(postgres_location)
    yield opened
    close_index(opened)
    opened.close()


def _import(archive: Archive, path: Path) -> None:
    report = run_import(archive, [path], limits=ImportLimits(parse_in_worker=False))
    assert not report.failed


def _race(*actions: Callable[[], object]) -> list[object]:
    """Run the actions at the same moment on threads; each result or the exception it raised."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[index] = action()
        except Exception as exc:  # handed back to the test
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_a_url_needs_the_shared_folder_of_originals(postgres_url: str, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ESGDESK_FILES", raising=False)
    with pytest.raises(ArchiveError, match="shared folder"):
        Archive.open(postgres_url)
    monkeypatch.setenv("ESGDESK_FILES", str(tmp_path / "from-env"))
    with Archive.open(postgres_url) as archive:
        assert archive.shared and archive.files.root == (tmp_path / "from-env").resolve()
        assert "postgresql://" in archive.location and archive.schema_revision() == head_revision()


def test_backups_of_a_team_archive_point_to_pg_dump(team: Archive) -> None:
    with pytest.raises(ArchiveError, match="pg_dump"):
        team.backup()


def test_two_first_openers_migrate_once(postgres_url: str, tmp_path: Path) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from esgdesk.core.db import postgres_url as driver_url

    admin = create_engine(driver_url(postgres_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS esgdesk_pytest_race WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE esgdesk_pytest_race"))
    url = make_url(postgres_url).set(database="esgdesk_pytest_race").render_as_string(hide_password=False)
    try:
        results = _race(*[lambda: Archive.open(f"{url}?files={tmp_path}").close() for _ in range(4)])
        assert all(result is None for result in results), results
        with Archive.open(f"{url}?files={tmp_path}") as archive:
            assert archive.schema_revision() == head_revision()
    finally:
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS esgdesk_pytest_race WITH (FORCE)"))
        admin.dispose()


def test_two_analysts_saving_one_note_never_lose_either(
    team: Archive, second_client: Archive, sample_path: Path
) -> None:
    _import(team, sample_path)
    with team.session() as session:
        doc_id = session.exec(select(Document.id).where(Document.kind == "press release")).one()
    for round_number in range(10):
        _, version = get_document_note(team, doc_id)
        mine, theirs = f"분석가 A {round_number}", f"분석가 B {round_number}"
        results = _race(
            lambda v=version, t=mine: set_document_note(team, doc_id, t, version=v, author="a"),
            lambda v=version, t=theirs: set_document_note(second_client, doc_id, t, version=v, author="b"),
        )
        saved = [r for r in results if isinstance(r, int)]
        conflicts = [r for r in results if isinstance(r, ConflictError)]
        assert len(saved) == 1 and len(conflicts) == 1, results
        winner = mine if isinstance(results[0], int) else theirs
        loser = theirs if winner == mine else mine
        assert get_document_note(second_client, doc_id) == (winner, version + 1)
        assert (conflicts[0].theirs, conflicts[0].yours) == (winner, loser)  # both shown to the second
        assert winner in str(conflicts[0]) and loser in str(conflicts[0])


def test_concurrent_annotation_edits_conflict_instead_of_overwriting(
    team: Archive, second_client: Archive, sample_path: Path
) -> None:
    _import(team, sample_path)
    with team.session() as session:
        doc_id = session.exec(select(Document.id).where(Document.kind == "press release")).one()
    view = create_annotation(team, doc_id, quote="충청북도는", note="초안")
    results = _race(
        lambda: update_annotation(team, view.id, version=view.version, note="A의 메모"),
        lambda: update_annotation(second_client, view.id, version=view.version, note="B의 메모"),
    )
    assert sum(isinstance(r, ConflictError) for r in results) == 1, results


def test_two_people_importing_one_release_at_once_make_one_document(
    team: Archive, second_client: Archive, sample_path: Path
) -> None:
    _race(lambda: _import(team, sample_path), lambda: _import(second_client, sample_path))
    with team.session() as session:
        hashes = session.exec(select(Document.content_hash)).all()
    assert len(hashes) == len(set(hashes)) >= 1
    assert search(team, "공정전환").total >= 1


def test_notes_do_not_wait_for_an_import_holding_the_lock(team: Archive, second_client: Archive, sample_path) -> None:  # type: ignore[no-untyped-def]
    _import(team, sample_path)
    _, version = get_document_note(team, 1)
    second_client.lock_timeout = 0.2
    with team.writing("import"):
        assert set_document_note(second_client, 1, "메모", version=version) == version + 1


def test_the_author_is_recorded_and_settable(team: Archive, sample_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ESGDESK_AUTHOR", "김분석")
    _import(team, sample_path)
    create_annotation(team, 1, quote="충청북도는", note="메모")
    with team.session() as session:
        authors = set(session.exec(select(Activity.author)).all())
        annotated = session.exec(select(func.count()).select_from(Activity).where(Activity.action == "annotate"))
        assert annotated.one() == 1
    assert authors == {"김분석"}


def test_a_bundle_carries_an_archive_to_postgres_and_back_unchanged(
    team: Archive, sample_path: Path, tmp_path: Path
) -> None:
    with Archive.open(tmp_path / "laptop") as laptop:
        populate(laptop, sample_path)
        before = snapshot(laptop)
        export_bundle(laptop, tmp_path / "to-team.esgd")
    import_bundle(team, tmp_path / "to-team.esgd")
    assert snapshot(team) == before
    export_bundle(team, tmp_path / "from-team.esgd")
    with Archive.open(tmp_path / "back") as back:
        import_bundle(back, tmp_path / "from-team.esgd")
        assert snapshot(back) == before
        assert search(back, "공정전환").total == search(team, "공정전환").total >= 1
