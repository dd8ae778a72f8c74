"""An archive made by the first release opens in today's esgdesk: backed up first, upgraded, nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from esgdesk.core import db
from esgdesk.core.archive import Archive
from esgdesk.library.documents import archive_counts, document_details

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "archive-0001"


def test_a_first_schema_archive_is_backed_up_and_upgraded_intact(tmp_path: Path) -> None:
    old = tmp_path / "archive"
    shutil.copytree(FIXTURE, old)
    with sqlite3.connect(old / "archive.sqlite") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"

    with Archive.open(old) as archive:
        assert archive.schema_revision() == db.head_revision() != "0001"
        backups = list((old / "backups" / "safety").glob("*before-upgrade-0001*.sqlite"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as connection:  # the backup is the archive as it was
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
            assert connection.execute("SELECT count(*) FROM document").fetchone()[0] == 21
        counts = archive_counts(archive)
        assert (counts["documents"], counts["files"], counts["tags"], counts["annotations"], counts["links"]) == (
            21, 1, 2, 1, 1,
        )  # fmt: skip
        details = document_details(archive, 1)
        assert details["title"] == "탄소중립에 따른 위기, 지역 주도 준비 지원"
        assert details["tags"] == ["공정전환"]
        assert details["regions"][:2] == ["충청북도", "경상북도"]
        assert archive.files.read(details["files"][0]["sha256"]).startswith("탄소중립".encode())

    with Archive.open(old):  # opening again upgrades nothing and backs up nothing more
        pass
    assert len(list((old / "backups" / "safety").glob("*.sqlite"))) == 1


def test_the_upgraded_archive_works_for_new_features(tmp_path: Path) -> None:
    from sqlmodel import select

    from esgdesk.core.errors import EditConflictError
    from esgdesk.core.models import Tag
    from esgdesk.library.tagging import rename_tag

    shutil.copytree(FIXTURE, tmp_path / "archive")
    with Archive.open(tmp_path / "archive") as archive:
        with archive.session() as session:
            tag = session.exec(select(Tag).where(Tag.name == "공정전환")).one()
        assert tag.version == 1  # existing tags start at version 1
        rename_tag(archive, tag.id, "정의로운 전환", version=1)
        try:
            rename_tag(archive, tag.id, "다른 이름", version=1)
        except EditConflictError as conflict:
            from esgdesk.core.lock import current_user

            assert f"changed by {current_user()}" in str(conflict)  # who renamed it, from the activity log
        else:
            raise AssertionError("a stale version was accepted")


def test_a_bundle_written_before_tag_versions_still_imports(tmp_path: Path, archive, sample_path: Path) -> None:
    """Bundles outlive schemas: a manifest without the columns migration 0002 added imports with defaults."""
    import json
    import zipfile

    from esgdesk.core.tags import attach_tag
    from esgdesk.ingest.pipeline import run_import
    from esgdesk.library.bundle import export_bundle, import_bundle

    run_import(archive, [sample_path])
    with archive.writing("tag"), archive.session() as session:
        attach_tag(session, 1, "정책/공정전환")
        session.commit()
    bundle = export_bundle(archive, tmp_path / "new.esgd").path
    old_bundle = tmp_path / "old.esgd"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(old_bundle, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                for row in manifest["tables"]["tags"]:
                    del row["version"]
                data = json.dumps(manifest, ensure_ascii=False).encode()
            target.writestr(info, data)
    with Archive.open(tmp_path / "other") as other:
        import_bundle(other, old_bundle)
        assert document_details(other, 1)["tags"] == ["공정전환"]
