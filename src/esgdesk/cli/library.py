"""`import`, `list`, `show`, `info`: getting documents in and looking at them."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from esgdesk.cli.common import EXIT_OK, EXIT_SOME_FAILED, open_archive, pad, pad_left, print_json, printable
from esgdesk.core.errors import ArchiveError
from esgdesk.core.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    imp = commands.add_parser("import", help=_("import files and folders (recursively)"))
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument(
        "--update",
        action="store_true",
        help=_(
            "a release already archived under the same source id (newsId, address) gets the new text; "
            "its earlier text and file are kept and its annotations re-anchored"
        ),
    )
    imp.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    imp.set_defaults(handler=cmd_import)

    lst = commands.add_parser("list", help=_("list documents, newest first"))
    lst.add_argument("--limit", type=int, metavar="N")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help=_("show one document"))
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    info = commands.add_parser("info", help=_("counts of what the archive holds"))
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=cmd_info)


def cmd_import(args: argparse.Namespace) -> int:
    from esgdesk.ingest.pipeline import ImportPipeline, ImportReport

    archive = open_archive(args)
    report = ImportReport()
    progress_out = sys.stderr if (sys.stderr.isatty() and not args.json) else None
    try:
        for progress in ImportPipeline(archive, update=args.update).run(args.paths):
            report = progress.report
            if progress_out:
                print_progress(progress_out, progress.done, progress.total, progress.path)
    except ArchiveError:
        # The archive went away (a team server stopped, the disk vanished): what was committed is listed,
        # then main() prints the one line that says why the rest was not done, and exits 2.
        if progress_out:
            progress_out.write("\n")
        _print_import_report(report, args, summary=False)
        raise
    if progress_out:
        progress_out.write("\n")
    _print_import_report(report, args, summary=True)
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def _print_import_report(report: Any, args: argparse.Namespace, summary: bool) -> None:
    """The report as JSON (names escaped by JSON) or as lines, each name cleaned of controls (`printable`).

    A file name may hold a newline, an escape sequence or a right-to-left override: printed raw it would
    forge a line of the report ("imported #9 …") or rewrite the terminal; `printable` keeps it on its line.
    """
    if args.json:
        print_json(report.as_json(with_updates=args.update))
    else:
        for entry in report.imported:
            print(_("imported   #{id}  {title}", id=entry.id, title=printable(entry.title)))
        for updated in report.updated:
            print(
                _(
                    "updated    #{id}  {title}  (annotations: {summary})",
                    id=updated.id,
                    title=printable(updated.title),
                    summary=updated.revision.summary(),
                )
            )
        for duplicate in report.duplicates:
            print(
                _(
                    "duplicate  #{id}  {title}  ({reason})",
                    id=duplicate.id,
                    title=printable(duplicate.title),
                    reason=printable(duplicate.reason),
                )
            )
        if summary:
            print(
                _(
                    "{imported} imported, {duplicates} duplicates, {failed} failed",
                    imported=len(report.imported),
                    duplicates=len(report.duplicates),
                    failed=len(report.failed),
                ),
                file=sys.stderr,
            )
    for failure in report.failed:  # files that failed before the archive went away are still reported
        print(
            _("esgdesk: cannot import {path}: {reason}", path=printable(failure.path), reason=printable(failure.error)),
            file=sys.stderr,
        )


def cmd_list(args: argparse.Namespace) -> int:
    from esgdesk.core.models import kind_label
    from esgdesk.library.documents import list_documents

    documents = list_documents(open_archive(args), limit=args.limit)
    if args.json:
        print_json([document.as_json() for document in documents])
        return EXIT_OK
    for document in documents:
        kind = pad(kind_label(document.kind), 16)
        print(f"{document.id:>6}  {document.published or '----------'}  {kind}  {document.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from esgdesk.core.models import kind_label
    from esgdesk.library.documents import document_details

    details = document_details(open_archive(args), args.id)
    if args.json:
        print_json(details)
        return EXIT_OK
    print(details["title"])
    for label, key in (
        (_("kind"), "kind"),
        (_("ministry"), "ministry"),
        (_("department"), "department"),
        (_("published"), "published"),
        (_("source"), "source_url"),
        (_("source id"), "source_id"),
    ):
        if details.get(key):
            value = kind_label(details[key]) if key == "kind" else details[key]
            print(f"{pad_left(label, 10)}: {value}")
    if details["tags"]:
        print(f"{pad_left(_('tags'), 10)}: {', '.join(details['tags'])}")
    if details["regions"]:
        print(f"{pad_left(_('regions'), 10)}: {', '.join(details['regions'])}")
    for file in details["files"]:
        what = f"{printable(file['name'])} ({file['media_type']}, sha256 {file['sha256'][:12]}…)"
        print(f"{pad_left(_('file'), 10)}: {what}")
    print()
    print(details["body"])
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from esgdesk.library.documents import archive_counts

    counts = archive_counts(open_archive(args))
    if args.json:
        print_json(counts)
    else:
        labels = {
            "documents": _("documents"),
            "files": _("files"),
            "tags": _("tags"),
            "annotations": _("annotations"),
            "links": _("links"),
            "archive": _("archive"),
            "schema": _("schema"),
        }
        for key, value in counts.items():
            print(f"{pad_left(labels.get(key, key), 12)}: {value}")
    return EXIT_OK


def print_progress(out: TextIO, done: int, total: int, path: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    name = printable(os.path.basename(path))[:40]
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
    out.flush()
