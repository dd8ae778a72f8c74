"""Who did what: the recent changes of an archive, as the `activity` command prints them and the GUI lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import col, select

from esgdesk.core.archive import Archive
from esgdesk.core.i18n import N_, _
from esgdesk.core.models import Activity

#: how each logged action reads (the log stores the action's code, so a team member in another language reads it
#: in theirs); the CLI's `activity` and the GUI's log window both show these
ACTION_LABELS: dict[str, str] = {
    "import": N_("imported"),
    "revise": N_("revised"),
    "annotate": N_("annotated"),
    "edit-annotation": N_("edited an annotation"),
    "move-annotation": N_("re-attached an annotation"),
    "delete-annotation": N_("deleted an annotation"),
    "edit-category": N_("edited a category"),
    "edit-note": N_("edited the note"),
    "link": N_("linked"),
    "edit-link": N_("edited a link note"),
    "unlink": N_("removed a link"),
    "dismiss-suggestion": N_("dismissed a suggestion"),
    "bundle-import": N_("imported a bundle"),
    "tag": N_("tagged"),
    "untag": N_("removed a tag"),
    "rename-tag": N_("renamed a tag"),
    "recolour-tag": N_("recoloured a tag"),
}
#: what the logged change was made to (capitalised: "tag" alone is already the verb of a writer's task)
OBJECT_LABELS: dict[str, str] = {
    "document": N_("Document"),
    "annotation": N_("Annotation"),
    "link": N_("Link"),
    "tag": N_("Tag"),
    "bundle": N_("Bundle"),
}


def action_label(action: str) -> str:
    """The action in the reader's language; one this version does not know (from a newer esgdesk) as logged."""
    return _(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def object_label(kind: str) -> str:
    return _(OBJECT_LABELS[kind]) if kind in OBJECT_LABELS else kind


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
