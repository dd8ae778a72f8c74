"""Who did what: the recent changes of an archive, as the `activity` command prints them and the GUI lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import col, select

from esgdesk.core.archive import Archive
from esgdesk.core.models import Activity


def recent_activity(
    archive: Archive, limit: int = 50, author: str | None = None, since: dt.date | None = None
) -> list[dict[str, Any]]:
    """The newest changes as plain dicts (the `activity --json` shape), for the CLI and the GUI."""
    statement = select(Activity).order_by(col(Activity.at).desc(), col(Activity.id).desc()).limit(max(0, limit))
    if author:
        statement = statement.where(Activity.author == author)
    if since is not None:
        statement = statement.where(Activity.at >= dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC))
    with archive.session() as session:
        rows = session.exec(statement).all()
    return [
        {
            "id": row.id,
            "at": row.at.isoformat() if row.at is not None else None,
            "author": row.author,
            "action": row.action,
            "object": row.object_kind,
            "object_id": row.object_id,
            "summary": row.summary,
        }
        for row in rows
    ]
