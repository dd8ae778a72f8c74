"""`annotate`, `annotations`, `note`, `annotation-note`, `link`, `links`, `suggest-links`: notes and links.

Thin wrappers over esgdesk.notes: every rule (quote matching, duplicate links, re-anchoring) lives in the
services so the GUI behaves the same. Domain errors (quote not found, ambiguous quote, duplicate link) reach
main(), which prints them and exits 2.
"""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, open_archive, pad_left, print_json
from esgdesk.core.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    annotate = commands.add_parser("annotate", help=_("annotate a passage of a document, found by its quote"))
    annotate.add_argument("id", type=int, metavar="ID")
    annotate.add_argument("--quote", required=True, metavar="TEXT", help=_("the passage, exactly as in the text"))
    annotate.add_argument("--occurrence", type=int, metavar="N", help=_("which occurrence of a repeated quote (1…)"))
    annotate.add_argument("--note", required=True, metavar="TEXT", help=_("the note (Markdown)"))
    annotate.add_argument("--category", metavar="C", help=_("핵심, 근거, 질문, 후속조치 or a category you made"))
    annotate.add_argument("--json", action="store_true")
    annotate.set_defaults(handler=cmd_annotate)

    annotations = commands.add_parser(
        "annotations",
        help=_("list a document's annotations, or export/import all as W3C Web Annotations"),
        usage="esgdesk annotations ID [--json] | annotations export FILE | annotations import FILE",
    )
    annotations.add_argument("target", metavar="ID|export|import")
    annotations.add_argument("file", nargs="?", metavar="FILE")
    annotations.add_argument("--json", action="store_true")
    annotations.set_defaults(handler=cmd_annotations)

    note = commands.add_parser("note", help=_("show or set the note on a whole document (Markdown)"))
    note.add_argument("id", type=int, metavar="ID")
    _note_options(note)
    note.set_defaults(handler=cmd_note)

    annotation_note = commands.add_parser(
        "annotation-note", help=_("show or set the note of one annotation (its id from `annotations ID`)")
    )
    annotation_note.add_argument("id", type=int, metavar="ANNOTATION_ID")
    _note_options(annotation_note)
    annotation_note.set_defaults(handler=cmd_annotation_note)

    link = commands.add_parser("link", help=_("link a document to another with a typed relation"))
    link.add_argument("id", type=int, metavar="ID")
    link.add_argument("other", type=int, metavar="OTHER")
    link.add_argument(
        "--type",
        required=True,
        dest="relation",
        metavar="RELATION",
        help=_("follows-up, supersedes, corrects, same-programme, cites or related"),
    )
    link.add_argument("--note", default="", metavar="TEXT")
    link.add_argument("--json", action="store_true")
    link.set_defaults(handler=cmd_link)

    links = commands.add_parser("links", help=_("links from a document and backlinks to it"))
    links.add_argument("id", type=int, metavar="ID")
    links.add_argument("--json", action="store_true")
    links.set_defaults(handler=cmd_links)

    suggest = commands.add_parser("suggest-links", help=_("documents worth linking to this one, with reasons"))
    suggest.add_argument("id", type=int, metavar="ID")
    suggest.add_argument("--limit", type=int, default=20, metavar="N")
    suggest.add_argument("--dismiss", type=int, metavar="OTHER", help=_("never suggest OTHER for ID again"))
    suggest.add_argument("--json", action="store_true")
    suggest.set_defaults(handler=cmd_suggest_links)


def cmd_annotate(args: argparse.Namespace) -> int:
    from esgdesk.notes.annotations import create_annotation

    view = create_annotation(
        open_archive(args),
        args.id,
        quote=args.quote,
        occurrence=args.occurrence,
        note=args.note,
        category=args.category,
    )
    if args.json:
        print_json(view.as_json())
    else:
        print(
            _(
                "annotation {id} on #{document} at {start}–{end}: “{quote}”",
                id=view.id,
                document=view.document_id,
                start=view.start,
                end=view.end,
                quote=view.quote,
            )
        )
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace) -> int:
    if args.target in ("export", "import"):
        if not args.file:
            print(_("esgdesk: annotations {action} needs a FILE", action=args.target), file=sys.stderr)
            return EXIT_CANNOT_RUN
        return _export(args) if args.target == "export" else _import(args)
    try:
        document_id = int(args.target)
    except ValueError:
        print(_("esgdesk: “{target}” is neither a document id nor export/import", target=args.target), file=sys.stderr)
        return EXIT_CANNOT_RUN
    from esgdesk.notes.annotations import list_annotations

    views = list_annotations(open_archive(args), document_id)
    if args.json:
        print_json([view.as_json() for view in views])
        return EXIT_OK
    for view in views:
        flag = {"anchored": "", "moved": _(" (moved)"), "fuzzy": _(" (approximate)"), "orphaned": _(" (ORPHANED)")}
        category = f"[{view.category}] " if view.category else ""
        print(f"{view.id:>5}  {view.start:>6}–{view.end:<6} {category}“{view.quote}”{flag.get(view.status, '')}")
        for line in view.note.splitlines():
            print(f"       {line}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from esgdesk.notes.interchange import write_export

    count = write_export(open_archive(args), args.file)
    print(_("{count} annotations written to {path}", count=count, path=args.file), file=sys.stderr)
    if args.json:
        print_json({"exported": count, "file": args.file})
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from esgdesk.notes.interchange import import_annotations, read_import

    items = read_import(args.file)
    report = import_annotations(open_archive(args), items)
    if args.json:
        print_json(report.as_json())
    print(
        _(
            "{imported} imported, {duplicates} already there, {failed} failed",
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            failed=len(report.failed),
        ),
        file=sys.stderr,
    )
    for failure in report.failed:
        print(
            _("esgdesk: annotation {number}: {reason}", number=failure["index"] + 1, reason=failure["error"]),
            file=sys.stderr,
        )
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def _note_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", metavar="TEXT", help=_("the new note (omit to print the current one)"))
    parser.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help=_(
            "save only if the note is still at version N (printed when reading it); needed to replace "
            "a note someone else wrote"
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print {id, note, version, author}"))


def cmd_note(args: argparse.Namespace) -> int:
    from esgdesk.notes.editing import DOCUMENT_NOTE

    return _note_command(args, DOCUMENT_NOTE)


def cmd_annotation_note(args: argparse.Namespace) -> int:
    from esgdesk.notes.editing import ANNOTATION_NOTE

    return _note_command(args, ANNOTATION_NOTE)


def _note_command(args: argparse.Namespace, kind: str) -> int:
    """Read a note (text on stdout, its version on stderr) or save one without overwriting an unseen text.

    A refused save (someone saved first, or the note is a colleague's and no version was named) is an
    EsgdeskError: main() prints it, with both texts, and exits 2. Why a one-shot save works this way:
    esgdesk/notes/editing.py.
    """
    from esgdesk.notes.editing import read_note, save_note_once

    archive = open_archive(args)
    if args.text is None:
        state = read_note(archive, kind, args.id)
        if args.json:
            print_json(state.as_json())
            return EXIT_OK
        if state.text:
            print(state.text)
        who = state.author or _("unknown")
        print(_("(version {version}, last saved by {who})", version=state.version, who=who), file=sys.stderr)
        return EXIT_OK
    state = save_note_once(archive, kind, args.id, args.text, expect_version=args.expect_version)
    if args.json:
        print_json(state.as_json())
    print(_("saved (version {version})", version=state.version), file=sys.stderr)
    return EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    from esgdesk.notes.links import create_link

    view = create_link(open_archive(args), args.id, args.other, args.relation, note=args.note)
    if args.json:
        print_json(view.as_json())
    else:
        print(f"#{args.id} {_(view.label)} #{view.other_id} {view.other_title}")
    return EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    from esgdesk.notes.links import links_of

    found = links_of(open_archive(args), args.id)
    if args.json:
        print_json(found.as_json())
        return EXIT_OK
    for view in found.links + found.backlinks:
        note = f"  — {view.note}" if view.note else ""
        print(f"{pad_left(_(view.label), 18)}  #{view.other_id}  {view.other_title}{note}")
    return EXIT_OK


def cmd_suggest_links(args: argparse.Namespace) -> int:
    from esgdesk.notes.links import dismiss_suggestion, suggest_links

    archive = open_archive(args)
    if args.dismiss is not None:
        dismiss_suggestion(archive, args.id, args.dismiss)
    suggestions = suggest_links(archive, args.id, limit=args.limit)
    if args.json:
        print_json([suggestion.as_json() for suggestion in suggestions])
        return EXIT_OK
    for suggestion in suggestions:
        print(f"{suggestion.score:>5.2f}  #{suggestion.id}  {suggestion.title}")
        print(f"       {suggestion.reason}")
    return EXIT_OK
