"""`check`, `backup`, `restore`, `bundle export|import`: keeping the archive whole and carrying it elsewhere."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from esgdesk.cli.common import EXIT_OK, lock_timeout, open_archive, print_json
from esgdesk.core.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help=_("check the archive's database, originals, index and annotations"))
    check.add_argument("--repair", action="store_true", help=_("fix what can be fixed safely (backs up first)"))
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=cmd_check)

    backup = commands.add_parser("backup", help=_("back up the archive's database into backups/"))
    backup.add_argument("--keep", type=int, metavar="N", help=_("keep the newest N backups (default 10)"))
    backup.add_argument("--list", action="store_true", help=_("list the backups instead of making one"))
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help=_("replace the archive's database with a backup"))
    restore.add_argument("backup", metavar="BACKUP", help=_("a backup file, or its name in backups/"))
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=cmd_restore)

    bundle = commands.add_parser("bundle", help=_("export or import a portable bundle (.esgd)"))
    actions = bundle.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help=_("write the archive, or the documents matching --query, to FILE"))
    export.add_argument("file", metavar="FILE")
    export.add_argument("--query", metavar="Q")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_bundle_export)
    imp = actions.add_parser("import", help=_("merge a bundle into the archive (all or nothing)"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_bundle_import)


def cmd_check(args: argparse.Namespace) -> int:
    from esgdesk.library.check import check_archive, exit_code

    report = check_archive(open_archive(args), repair=args.repair)
    if args.json:
        print_json(report.as_json())
    else:
        for problem in report.problems:
            status = f" → {problem.outcome}" if problem.outcome else ""
            print(f"{problem.kind}: {problem.message} [{problem.subject}]{status}", file=sys.stderr)
        for note in report.notes:
            print(_("note: {note}", note=note), file=sys.stderr)
        if report.backup:
            print(_("backed up first to {path}", path=report.backup), file=sys.stderr)
        print(_check_summary(report), file=sys.stderr)
    return exit_code(report)


def _check_summary(report: object) -> str:
    problems = report.problems  # type: ignore[attr-defined]
    remaining = report.remaining  # type: ignore[attr-defined]
    if not problems:
        return _("the archive is healthy")
    if report.repair:  # type: ignore[attr-defined]
        return _(
            "{count} problems found, {repaired} repaired, {remaining} remain",
            count=len(problems),
            repaired=len(problems) - len(remaining),
            remaining=len(remaining),
        )
    return _("{count} problems found; `esgdesk check --repair` fixes the repairable ones", count=len(problems))


def cmd_backup(args: argparse.Namespace) -> int:
    from esgdesk.library.backup import SAFETY_FOLDER, all_backups, keep_setting, make_backup

    archive = open_archive(args)
    if args.list:  # the user's backups and esgdesk's safety copies (backups/safety/), newest first
        backups = all_backups(archive.backups_dir)
        if args.json:
            print_json([info.as_json() for info in backups])
        for info in [] if args.json else backups:
            where = f"{SAFETY_FOLDER}/" if info.safety and info.path.parent.name == SAFETY_FOLDER else ""
            print(f"{info.made:%Y-%m-%d %H:%M:%S}  {info.reason:<24}  {where}{info.path.name}")
        return EXIT_OK
    made = make_backup(archive, reason="manual", keep=args.keep)
    path = made.path
    if args.json:
        print_json({"backup": str(path), "size": path.stat().st_size, "removed": [str(p) for p in made.removed]})
    else:
        print(path)
    for old in made.removed:  # rotation deletes a backup the user made only when it says so
        print(
            _(
                "removed the old backup {path} (keeping the newest {keep}; --keep N changes that)",
                path=old.name,
                keep=keep_setting(args.keep),
            ),
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from esgdesk.core.paths import archive_location
    from esgdesk.library.backup import resolve_backup, restore, restore_archive

    location = archive_location(args.archive)
    if "://" in str(location):
        archive = open_archive(args)
        result = restore(archive, resolve_backup(archive, args.backup))
    else:  # not through open_archive: a restore must work when the database cannot be read
        result = restore_archive(Path(location), args.backup, lock_timeout=lock_timeout())
    if args.json:
        print_json(result.as_json())
    else:
        print(_("restored {path}", path=result.restored), file=sys.stderr)
        if result.safety_backup:
            print(_("the state before the restore is kept in {path}", path=result.safety_backup), file=sys.stderr)
        if result.set_aside:
            print(_("the damaged database was moved to {path}", path=result.set_aside), file=sys.stderr)
    for note in result.notes:
        print(_("note: {note}", note=note), file=sys.stderr)
    return EXIT_OK


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from esgdesk.library.bundle import export_bundle

    report = export_bundle(open_archive(args), Path(args.file), query=args.query)
    if args.json:
        print_json(report.as_json())
    else:
        print(
            _(
                "{documents} documents, {originals} originals, {size:,} bytes → {path}",
                documents=report.documents,
                originals=report.files,
                size=report.bytes,
                path=report.path,
            )
        )
    for note in report.notes:
        print(_("note: {note}", note=note), file=sys.stderr)
    return EXIT_OK


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from esgdesk.library.bundle import describe, import_bundle

    report = import_bundle(open_archive(args), Path(args.file))
    if args.json:
        print_json(report.as_json())
    else:
        for line in describe(report):
            print(line)
    for note in report.notes:
        print(_("note: {note}", note=note), file=sys.stderr)
    return EXIT_OK
