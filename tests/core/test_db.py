"""The schema revision read without Alembic must agree with what Alembic reads."""

from __future__ import annotations

from pathlib import Path

from alembic.runtime.migration import MigrationContext

from esgdesk.core import db
from esgdesk.core.archive import Archive


def test_head_revision_constant_is_the_newest_migration() -> None:
    # A new migration that forgets to move HEAD_REVISION would leave archives unupgraded: this catches it.
    assert db.scripted_head_revision() == db.HEAD_REVISION
    assert db.HEAD_REVISION in db.known_revisions()


def test_current_revision_reads_what_alembic_reads(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "archive", create=True)
    try:
        with archive.engine.connect() as connection:
            by_alembic = MigrationContext.configure(connection).get_current_revision()
        assert db.current_revision(archive.engine) == by_alembic == db.HEAD_REVISION
    finally:
        archive.close()


def test_current_revision_of_an_untouched_database_is_none(tmp_path: Path) -> None:
    engine = db.make_engine(db.sqlite_url(tmp_path / "empty.sqlite"))
    try:
        assert db.current_revision(engine) is None
    finally:
        engine.dispose()


def test_opening_a_current_archive_does_not_import_alembic(tmp_path: Path) -> None:
    # The point of HEAD_REVISION: a CLI command on an up-to-date archive never pays for Alembic's imports.
    import subprocess
    import sys

    Archive.open(tmp_path / "archive", create=True).close()
    code = (
        "import sys\n"
        "from esgdesk.core.archive import Archive\n"
        f"Archive.open({str(tmp_path / 'archive')!r}).close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
