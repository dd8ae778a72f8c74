"""A durable queue of changes: every write that the search index, entities, facts and rule tags depend on
records a row in the same transaction, and the rows are deleted once the derived state has followed, so a
crash after a commit can no longer leave a document unsearchable or without its entities.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # the full path: `import sqlmodel` does not show `sqlmodel.sql` to mypy
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_change")),
    )
    with op.batch_alter_table("pending_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_change_document_id"), ["document_id"], unique=False)
    # Documents already in an archive made before the queue get their derived state checked once: queueing
    # them all would re-extract every document on the first open, so `check` reports the gaps instead.


def downgrade() -> None:
    with op.batch_alter_table("pending_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_change_document_id"))
    op.drop_table("pending_change")
