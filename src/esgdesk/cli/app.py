"""`esgdesk gui` (and `esgdesk` alone): the desktop app, or a plain word where no display exists."""

from __future__ import annotations

import argparse
import os
import sys

from esgdesk.cli.common import EXIT_CANNOT_RUN
from esgdesk.core.i18n import _
from esgdesk.core.paths import archive_location


def register(commands: argparse._SubParsersAction) -> None:
    gui = commands.add_parser("gui", help=_("open the desktop app"))
    gui.add_argument("--show", type=int, metavar="ID", help=_("open with this document selected"))
    gui.add_argument("--screenshot", metavar="PNG", help=_("render the main window to PNG and exit"))
    gui.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    if not display_available() and not getattr(args, "screenshot", None):
        print(
            _(
                "esgdesk: no display is available, so the desktop app cannot open here.\n"
                "Try `esgdesk demo --no-gui`: it builds a demo archive from the bundled sample releases and writes "
                "a regional briefing (PDF and DOCX).\n"
                "Use the command line instead: `esgdesk --help` lists the commands "
                "(import, list, show, search, info, export)."
            ),
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    from esgdesk.ui.app import run_app  # Qt is imported only when the app is wanted

    return run_app(
        archive_location(args.archive),
        show_id=getattr(args, "show", None),
        screenshot=getattr(args, "screenshot", None),
    )


def display_available() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
