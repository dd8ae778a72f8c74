"""The user's sample imported into a fresh archive: document 1 is the 2023-04-28 MOTIE release."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from esgdesk.core.models import Document, DocumentKind

PROGRAMME = "「취약지역 공정전환 지원사업」"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive(request: pytest.FixtureRequest, archive_dir: Path):  # type: ignore[no-untyped-def]
    """Annotations, notes and links are tested on SQLite and (marked `postgres`) on a team archive."""
    from esgdesk.core.archive import Archive

    location = request.getfixturevalue("postgres_location") if request.param == "postgres" else archive_dir
    opened = Archive.open(location)
    yield opened
    from esgdesk.search.service import close_index

    close_index(opened)
    opened.close()


@pytest.fixture
def release_id(archive, sample_path: Path) -> int:
    from esgdesk.ingest.pipeline import run_import

    report = run_import(archive, [sample_path])
    assert not report.failed
    with archive.session() as session:
        release = session.exec(select(Document).where(Document.kind == DocumentKind.PRESS_RELEASE)).one()
        assert release.body.count(PROGRAMME) == 2
        assert release.id is not None
        return release.id


@pytest.fixture
def add_document(archive):
    """Write a document straight into the archive (what an import would have made); returns its id."""
    from esgdesk.core.text import content_hash, normalize_text

    def add(title: str, body: str, **fields: object) -> int:
        body = normalize_text(body)
        with archive.writing("test"), archive.session() as session:
            document = Document(title=title, body=body, content_hash=content_hash(body + title), **fields)
            session.add(document)
            session.commit()
            assert document.id is not None
            return document.id

    return add
