"""The migrated schema is exactly the SQLModel metadata, so models and migrations never drift apart."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from esgdesk.core import db
from esgdesk.core.models import metadata


def test_migrated_schema_equals_the_models(archive) -> None:
    with archive.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_every_table_of_the_data_model_exists(archive) -> None:
    from sqlalchemy import inspect

    tables = set(inspect(archive.engine).get_table_names())
    expected = {
        "document", "source_file", "document_file", "document_revision", "organization", "tag", "document_tag",
        "tag_rule", "entity", "mention", "fact", "annotation", "annotation_category", "link",
        "dismissed_suggestion", "collection", "collection_item", "saved_search", "activity",
    }  # fmt: skip
    assert expected <= tables


def test_archive_is_at_the_newest_revision(archive) -> None:
    assert archive.schema_revision() == db.head_revision()
