"""`activity`: who did what in the archive, newest first — for a team archive, the shared log of changes.

Every writer (import, annotate, note, tag, link, …) adds an Activity row with its author (ESGDESK_AUTHOR or
the OS user) in the same transaction as the change, so the log never claims a change that was rolled back.
"""

from __future__ import annotations

import argparse
import datetime as dt

from esgdesk.cli.common import EXIT_OK, open_archive, pad, print_json
from esgdesk.core.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    activity = commands.add_parser("activity", help=_("list recent changes: who annotated, tagged, linked, imported"))
    activity.add_argument("--limit", type=int, default=50, metavar="N", help=_("how many changes (default 50)"))
    activity.add_argument("--author", metavar="NAME", help=_("only the changes of this author"))
    activity.add_argument("--since", metavar="YYYY-MM-DD", help=_("only changes on or after this day (UTC)"))
    activity.add_argument("--json", action="store_true")
    activity.set_defaults(handler=cmd_activity)


def cmd_activity(args: argparse.Namespace) -> int:
    from esgdesk.library.activity import action_label, object_label, recent_activity

    since = dt.date.fromisoformat(args.since) if args.since else None
    with open_archive(args) as archive:
        entries = recent_activity(archive, args.limit, args.author, since)
    if args.json:
        print_json(entries)
        return EXIT_OK
    for entry in entries:
        at = (entry["at"] or "")[:19].replace("T", " ")
        what = object_label(entry["object"])
        target = f"{what} {entry['object_id']}" if entry["object_id"] is not None else what
        who, action = pad(entry["author"] or "?", 12), pad(action_label(entry["action"]), 18)
        print(f"{at}  {who}  {action}  {pad(target, 16)}  {entry['summary']}")
    return EXIT_OK
