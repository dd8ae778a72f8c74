"""`activity`: who did what in the archive, newest first — for a team archive, the shared log of changes.

Every writer (import, annotate, note, tag, link, …) adds an Activity row with its author (ESGDESK_AUTHOR or
the OS user) in the same transaction as the change, so the log never claims a change that was rolled back.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlmodel import col, select

from esgdesk.cli.common import EXIT_OK, iso_or_none, open_archive, pad, print_json
from esgdesk.core.models import Activity


def register(commands: argparse._SubParsersAction) -> None:
    activity = commands.add_parser("activity", help="list recent changes: who annotated, tagged, linked, imported")
    activity.add_argument("--limit", type=int, default=50, metavar="N", help="how many changes (default 50)")
    activity.add_argument("--author", metavar="NAME", help="only the changes of this author")
    activity.add_argument("--since", metavar="YYYY-MM-DD", help="only changes on or after this day (UTC)")
    activity.add_argument("--json", action="store_true")
    activity.set_defaults(handler=cmd_activity)


def recent_activity(
    archive: Any, limit: int = 50, author: str | None = None, since: dt.date | None = None
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
            "at": iso_or_none(row.at),
            "author": row.author,
            "action": row.action,
            "object": row.object_kind,
            "object_id": row.object_id,
            "summary": row.summary,
        }
        for row in rows
    ]


def cmd_activity(args: argparse.Namespace) -> int:
    since = dt.date.fromisoformat(args.since) if args.since else None
    with open_archive(args) as archive:
        entries = recent_activity(archive, args.limit, args.author, since)
    if args.json:
        print_json(entries)
        return EXIT_OK
    for entry in entries:
        at = (entry["at"] or "")[:19].replace("T", " ")
        target = f"{entry['object']} {entry['object_id']}" if entry["object_id"] is not None else entry["object"]
        who, action = pad(entry["author"] or "?", 12), pad(entry["action"], 18)
        print(f"{at}  {who}  {action}  {pad(target, 16)}  {entry['summary']}")
    return EXIT_OK
