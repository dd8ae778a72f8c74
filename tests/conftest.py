"""Fixtures every test shares: a fresh archive per test, and the user's real sample."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never look for a display in tests; set before any test module imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The application put together as the CLI and the GUI do it: entities, tag rules and the search index follow the
# change queue (a test of the queue without subscribers unsubscribes them itself).
from esgdesk.library import derived
from fixture_paths import FIXTURES, PROJECT_ROOT, SAMPLE, fixture_path  # noqa: F401  (re-exported)

derived.install()


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture
def archive(archive_dir: Path):
    from esgdesk.core.archive import Archive

    opened = Archive.open(archive_dir)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _no_program_author() -> Iterator[None]:
    """A test that sets the GUI's author (core/author.py) leaves none behind for the next."""
    yield
    from esgdesk.core.author import set_program_author

    set_program_author(None)


@pytest.fixture
def sample_path() -> Path:
    assert SAMPLE.is_file(), f"the user's sample is missing: {SAMPLE}"
    return SAMPLE


@pytest.fixture(autouse=True)
def _no_user_archive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the developer's real archive: the default location points into tmp_path."""
    monkeypatch.setenv("ESGDESK_ARCHIVE", str(tmp_path / "default-archive"))


# -- team archives on PostgreSQL ------------------------------------------------------------------------------
#
# Tests marked `postgres` run against the server named by ESGDESK_TEST_POSTGRES (.ci/run starts one); without
# it they are skipped with that reason, so a developer without a server runs everything else.

POSTGRES_VARIABLE = "ESGDESK_TEST_POSTGRES"
#: the throwaway database the tests make beside the one the variable names (and drop at the end)
TEST_DATABASE = os.environ.get("ESGDESK_TEST_DATABASE", "esgdesk_pytest")  # several runs can share a server
ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"postgres: needs a PostgreSQL server named by {POSTGRES_VARIABLE}")


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    from esgdesk.core.db import postgres_url

    return create_engine(postgres_url(url), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated database on the test server (its URL, without `files`)."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from esgdesk.core.archive import Archive

    given = os.environ.get(POSTGRES_VARIABLE)
    if not given:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_VARIABLE}=postgresql://user@127.0.0.1:PORT/DB to run")
    admin = _admin_engine(given)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEST_DATABASE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {TEST_DATABASE} ENCODING 'UTF8' TEMPLATE template0"))
    url = make_url(given).set(database=TEST_DATABASE).render_as_string(hide_password=False)
    Archive.open(f"{url}?files={Path(os.environ.get('TMPDIR', '/tmp')) / f'{TEST_DATABASE}-files'}").close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEST_DATABASE} WITH (FORCE)"))
    admin.dispose()


def empty_postgres(url: str) -> None:
    """Empty every table but the schema's revision, and restart the ids (each test starts from id 1)."""
    from sqlalchemy import create_engine, text

    from esgdesk.core.db import postgres_url

    engine = create_engine(postgres_url(url))
    with engine.begin() as connection:
        tables = connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename NOT IN ('alembic_version', 'search_meta')"
            )
        ).scalars()
        names = ", ".join(f'"{name}"' for name in tables)
        if names:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session")
def postgres_reset(postgres_url: str):  # type: ignore[no-untyped-def]
    """`postgres_reset()` empties the test database (for fixtures of wider scope than a test)."""
    return lambda: empty_postgres(postgres_url)


@pytest.fixture
def postgres_location(postgres_url: str, tmp_path: Path) -> str:
    """An empty team archive's URL, its originals in this test's own folder."""
    empty_postgres(postgres_url)
    return f"{postgres_url}?files={tmp_path / 'shared-files'}"


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def location(engine_name: str, archive_dir: Path, request: pytest.FixtureRequest) -> str:
    """Where an archive of this engine lives: a folder, or an emptied database on the test server."""
    if engine_name == "postgres":
        return request.getfixturevalue("postgres_location")
    return str(archive_dir)
