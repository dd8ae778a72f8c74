"""Fixtures for search tests: `add(...)` puts documents into the test's archive and indexes them."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from search_helpers import add_documents

from esgdesk.core.archive import Archive
from esgdesk.search.engine import ENGINE_ENV
from esgdesk.search.service import close_index

AddDocuments = Callable[..., list[int]]
#: a local archive on each search engine (tantivy, the default, and the FTS5 fallback), and a PostgreSQL team
#: archive when ESGDESK_TEST_POSTGRES names a server (tests/conftest.py)
ENGINES = ["tantivy", "fts5", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def _template_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, empty archive per session; each test gets a copy (migrating takes ~0.5 s a test)."""
    folder = tmp_path_factory.mktemp("template") / "archive"
    Archive.open(folder).close()
    return folder


@pytest.fixture(params=ENGINES)
def archive(
    request: pytest.FixtureRequest, _template_archive: Path, archive_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Archive]:
    """Every search test runs on a local archive with tantivy, with FTS5, and (marked `postgres`) on a
    PostgreSQL team archive."""
    if request.param == "postgres":
        opened = Archive.open(request.getfixturevalue("postgres_location"))
    else:
        monkeypatch.setenv(ENGINE_ENV, request.param)
        shutil.copytree(_template_archive, archive_dir)
        opened = Archive.open(archive_dir)
    yield opened
    close_index(opened)
    opened.close()


@pytest.fixture
def add(archive: Archive) -> AddDocuments:
    def _add(*docs: dict[str, Any] | str, index: bool = True) -> list[int]:
        return add_documents(archive, *docs, index=index)

    return _add
