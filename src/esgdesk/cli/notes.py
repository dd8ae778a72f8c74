"""`annotate`, `annotations`, `note`, `link`, `links`, `suggest-links`: notes on passages and links between releases.

Thin wrappers over esgdesk.notes: every rule (quote matching, duplicate links, re-anchoring) lives in the
services so the GUI behaves the same. Domain errors (quote not found, ambiguous quote, duplicate link) reach
main(), which prints them and exits 2.
"""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, open_archive, print_json


def register(commands: argparse._SubParsersAction) -> None:
    annotate = commands.add_parser("annotate", help="annotate a passage of a document, found by its quote")
    annotate.add_argument("id", type=int, metavar="ID")
    annotate.add_argument("--quote", required=True, metavar="TEXT", help="the passage, exactly as in the text")
    annotate.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of a repeated quote (1…)")
    annotate.add_argument("--note", required=True, metavar="TEXT", help="the note (Markdown)")
    annotate.add_argument("--category", metavar="C", help="핵심, 근거, 질문, 후속조치 or a category you made")
    annotate.add_argument("--json", action="store_true")
    annotate.set_defaults(handler=cmd_annotate)

    annotations = commands.add_parser(
        "annotations",
        help="list a document's annotations, or export/import all as W3C Web Annotations",
        usage="esgdesk annotations ID [--json] | annotations export FILE | annotations import FILE",
    )
    annotations.add_argument("target", metavar="ID|export|import")
    annotations.add_argument("file", nargs="?", metavar="FILE")
    annotations.add_argument("--json", action="store_true")
    annotations.set_defaults(handler=cmd_annotations)

    note = commands.add_parser("note", help="show or set the note on a whole document (Markdown)")
    note.add_argument("id", type=int, metavar="ID")
    note.add_argument("--text", metavar="TEXT", help="the new note (omit to print the current one)")
    note.set_defaults(handler=cmd_note)

    link = commands.add_parser("link", help="link a document to another with a typed relation")
    link.add_argument("id", type=int, metavar="ID")
    link.add_argument("other", type=int, metavar="OTHER")
    link.add_argument(
        "--type",
        required=True,
        dest="relation",
        metavar="RELATION",
        help="follows-up, supersedes, corrects, same-programme, cites or related",
    )
    link.add_argument("--note", default="", metavar="TEXT")
    link.add_argument("--json", action="store_true")
    link.set_defaults(handler=cmd_link)

    links = commands.add_parser("links", help="links from a document and backlinks to it")
    links.add_argument("id", type=int, metavar="ID")
    links.add_argument("--json", action="store_true")
    links.set_defaults(handler=cmd_links)

    suggest = commands.add_parser("suggest-links", help="documents worth linking to this one, with reasons")
    suggest.add_argument("id", type=int, metavar="ID")
    suggest.add_argument("--limit", type=int, default=20, metavar="N")
    suggest.add_argument("--dismiss", type=int, metavar="OTHER", help="never suggest OTHER for ID again")
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
        print(f"annotation {view.id} on #{view.document_id} at {view.start}–{view.end}: “{view.quote}”")
    return EXIT_OK


def cmd_annotations(args: argparse.Namespace) -> int:
    if args.target in ("export", "import"):
        if not args.file:
            print(f"esgdesk: annotations {args.target} needs a FILE", file=sys.stderr)
            return EXIT_CANNOT_RUN
        return _export(args) if args.target == "export" else _import(args)
    try:
        document_id = int(args.target)
    except ValueError:
        print(f"esgdesk: “{args.target}” is neither a document id nor export/import", file=sys.stderr)
        return EXIT_CANNOT_RUN
    from esgdesk.notes.annotations import list_annotations

    views = list_annotations(open_archive(args), document_id)
    if args.json:
        print_json([view.as_json() for view in views])
        return EXIT_OK
    for view in views:
        flag = {"anchored": "", "moved": " (moved)", "fuzzy": " (approximate)", "orphaned": " (ORPHANED)"}
        category = f"[{view.category}] " if view.category else ""
        print(f"{view.id:>5}  {view.start:>6}–{view.end:<6} {category}“{view.quote}”{flag.get(view.status, '')}")
        for line in view.note.splitlines():
            print(f"       {line}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from esgdesk.notes.interchange import write_export

    count = write_export(open_archive(args), args.file)
    print(f"{count} annotations written to {args.file}", file=sys.stderr)
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
        f"{len(report.imported)} imported, {len(report.duplicates)} already there, {len(report.failed)} failed",
        file=sys.stderr,
    )
    for failure in report.failed:
        print(f"esgdesk: annotation {failure['index'] + 1}: {failure['error']}", file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def cmd_note(args: argparse.Namespace) -> int:
    from esgdesk.notes.annotations import get_document_note, set_document_note

    archive = open_archive(args)
    if args.text is None:
        text, _ = get_document_note(archive, args.id)
        if text:
            print(text)
        return EXIT_OK
    set_document_note(archive, args.id, args.text)
    return EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    from esgdesk.notes.links import create_link

    view = create_link(open_archive(args), args.id, args.other, args.relation, note=args.note)
    if args.json:
        print_json(view.as_json())
    else:
        print(f"#{args.id} {view.label} #{view.other_id} {view.other_title}")
    return EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    from esgdesk.notes.links import links_of

    found = links_of(open_archive(args), args.id)
    if args.json:
        print_json(found.as_json())
        return EXIT_OK
    for view in found.links + found.backlinks:
        note = f"  — {view.note}" if view.note else ""
        print(f"{view.label:>18}  #{view.other_id}  {view.other_title}{note}")
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
