"""The `esgdesk` command line: a thin front over the same services the desktop app uses.

Exit status (DESIGN.md): 0 all went well; 1 some inputs failed (the rest were done and the failures reported);
2 the command could not run (usage, archive missing or locked, bad query). Messages go to stderr, data to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from esgdesk import __version__
from esgdesk.core.archive import DEFAULT_LOCK_TIMEOUT, Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.paths import archive_location

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esgdesk",
        description="An offline archive of Korean policy press releases. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"esgdesk {__version__}")
    parser.add_argument(
        "--archive",
        metavar="DIR",
        help="the archive folder (default: $ESGDESK_ARCHIVE, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app")
    gui.add_argument("--show", type=int, metavar="ID", help="open with this document selected")
    gui.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")

    imp = commands.add_parser("import", help="import files and folders (recursively)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")

    lst = commands.add_parser("list", help="list documents, newest first")
    lst.add_argument("--limit", type=int, metavar="N")
    lst.add_argument("--json", action="store_true")

    show = commands.add_parser("show", help="show one document")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")

    info = commands.add_parser("info", help="counts of what the archive holds")
    info.add_argument("--json", action="store_true")

    search = commands.add_parser("search", help="search the archive")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help/--version
        return int(exc.code or 0)
    handler = _HANDLERS.get(args.command or "gui")
    assert handler is not None
    _use_utf8_when_piped()
    try:
        return handler(args)
    except BrokenPipeError:  # `esgdesk list | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at interpreter exit
        return EXIT_OK
    except EsgdeskError as exc:
        print(f"esgdesk: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("esgdesk: interrupted", file=sys.stderr)
        return EXIT_CANNOT_RUN


def open_archive(args: argparse.Namespace) -> Archive:
    return Archive.open(archive_location(args.archive), lock_timeout=_lock_timeout())


def _lock_timeout() -> float:
    """How long to wait for another writer; ESGDESK_LOCK_TIMEOUT (seconds) overrides the default."""
    try:
        return float(os.environ.get("ESGDESK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


# -- commands --------------------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    if not _display_available() and not getattr(args, "screenshot", None):
        print(
            "esgdesk: no display is available, so the desktop app cannot open here.\n"
            "Use the command line instead: `esgdesk --help` lists the commands "
            "(import, list, show, search, info).",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    from esgdesk.ui.app import run_app  # Qt is imported only when the app is wanted

    return run_app(
        archive_location(args.archive),
        show_id=getattr(args, "show", None),
        screenshot=getattr(args, "screenshot", None),
    )


def cmd_import(args: argparse.Namespace) -> int:
    from esgdesk.ingest.pipeline import ImportPipeline, ImportReport

    archive = open_archive(args)
    report = ImportReport()
    progress_out = sys.stderr if (sys.stderr.isatty() and not args.json) else None
    for progress in ImportPipeline(archive).run(args.paths):
        report = progress.report
        if progress_out:
            _print_progress(progress_out, progress.done, progress.total, progress.path)
    if progress_out:
        progress_out.write("\n")
    if args.json:
        _print_json(report.as_json())
    else:
        for entry in report.imported:
            print(f"imported   #{entry.id}  {entry.title}")
        for duplicate in report.duplicates:
            print(f"duplicate  #{duplicate.id}  {duplicate.title}  ({duplicate.reason})")
        print(
            f"{len(report.imported)} imported, {len(report.duplicates)} duplicates, {len(report.failed)} failed",
            file=sys.stderr,
        )
    for failure in report.failed:
        print(f"esgdesk: cannot import {failure.path}: {failure.error}", file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from esgdesk.core.documents import list_documents

    documents = list_documents(open_archive(args), limit=args.limit)
    if args.json:
        _print_json([document.as_json() for document in documents])
        return EXIT_OK
    for document in documents:
        print(f"{document.id:>6}  {document.published or '----------'}  {document.kind:<13}  {document.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from esgdesk.core.documents import document_details

    details = document_details(open_archive(args), args.id)
    if args.json:
        _print_json(details)
        return EXIT_OK
    print(details["title"])
    for label, key in (
        ("kind", "kind"),
        ("ministry", "ministry"),
        ("department", "department"),
        ("published", "published"),
        ("source", "source_url"),
        ("source id", "source_id"),
    ):
        if details.get(key):
            print(f"{label:>10}: {details[key]}")
    if details["tags"]:
        print(f"{'tags':>10}: {', '.join(details['tags'])}")
    if details["regions"]:
        print(f"{'regions':>10}: {', '.join(details['regions'])}")
    for file in details["files"]:
        print(f"{'file':>10}: {file['name']} ({file['media_type']}, sha256 {file['sha256'][:12]}…)")
    print()
    print(details["body"])
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from esgdesk.core.documents import archive_counts

    counts = archive_counts(open_archive(args))
    if args.json:
        _print_json(counts)
    else:
        for key, value in counts.items():
            print(f"{key:>12}: {value}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from esgdesk.search.service import search

    result = search(open_archive(args), args.query, limit=args.limit)
    if args.json:
        _print_json(
            {
                "total": result.total,
                "hits": [
                    {
                        "id": hit.id,
                        "title": hit.title,
                        "published": hit.published.isoformat() if hit.published else None,
                        "score": round(hit.score, 4),
                        "snippet": hit.snippet,
                    }
                    for hit in result.hits
                ],
            }
        )
        return EXIT_OK
    print(f"{result.total} found", file=sys.stderr)
    for hit in result.hits:
        published = hit.published.isoformat() if hit.published else "----------"
        print(f"{hit.id:>6}  {published}  {hit.title}")
        if hit.snippet:
            print(f"        {hit.snippet}")
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "info": cmd_info,
    "search": cmd_search,
}


# -- output ----------------------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_progress(out: TextIO, done: int, total: int, path: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    name = os.path.basename(path)[:40]
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
    out.flush()


def _use_utf8_when_piped() -> None:
    """Data piped to another program is UTF-8 on every platform (Windows would pick the ANSI code page)."""
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _display_available() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


if __name__ == "__main__":
    sys.exit(main())
