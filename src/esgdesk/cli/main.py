"""The parser, the dispatch, and the handling every command shares (errors, pipes, encodings)."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from esgdesk import __version__
from esgdesk.cli import activity, app, briefing, demo, knowledge, library, maintenance, notes, safety, search, tags
from esgdesk.cli.common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _, set_language

__all__ = ["EXIT_CANNOT_RUN", "EXIT_OK", "EXIT_SOME_FAILED", "build_parser", "main"]

#: every module that adds commands; order is the order `esgdesk --help` lists them in
COMMAND_MODULES: tuple[ModuleType, ...] = (
    app,
    demo,
    library,
    search,
    knowledge,
    tags,
    notes,
    activity,
    safety,
    maintenance,
    briefing,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esgdesk",
        description="An offline archive of Korean policy press releases. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"esgdesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end in a temporary archive (import, Korean search, annotate, "
        "DOCX and PDF export, main window offscreen); exits 0 only if every step passed",
    )
    parser.add_argument(
        "--archive",
        metavar="DIR|URL",
        help="the archive folder, or postgresql://user@host/db?files=/shared/folder for a team archive "
        "(default: $ESGDESK_ARCHIVE, else the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("ko", "en"),
        help="the language of messages (default: the system locale, from LC_ALL, LC_MESSAGES or LANG)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    parser.set_defaults(handler=app.cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: in a frozen app the parse worker is this same executable started with
    # --multiprocessing-fork, and it must become the worker here, before argparse sees that option.
    multiprocessing.freeze_support()
    parser = build_parser()
    set_language(_lang_option(sys.argv[1:] if argv is None else list(argv)))  # for errors found while parsing
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help/--version
        return int(exc.code or 0)
    _use_utf8_when_piped()
    set_language(args.lang)  # None: the system locale
    if args.self_test:
        from esgdesk.selftest import main as self_test

        return self_test()
    try:
        return args.handler(args)
    except BrokenPipeError:  # `esgdesk list | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at interpreter exit
        return EXIT_OK
    except EsgdeskError as exc:
        print(f"esgdesk: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print(_("esgdesk: interrupted"), file=sys.stderr)
        return EXIT_CANNOT_RUN


def _lang_option(argv: list[str]) -> str | None:
    """The value of --lang before argparse has run (an argument's own check may already have to explain itself)."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None


def _use_utf8_when_piped() -> None:
    """Data piped to another program is UTF-8 on every platform (Windows would pick the ANSI code page)."""
    for stream in (sys.stdout, sys.stderr):
        # None in a windowed app on Windows (the frozen esgdesk-gui.exe has no console to write to).
        if stream is not None and not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
