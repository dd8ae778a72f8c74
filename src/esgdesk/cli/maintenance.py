"""`reextract`: redo what esgdesk derives from a document's text (entities, facts, rule tags, its index entry)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from esgdesk.cli.common import EXIT_OK, EXIT_SOME_FAILED, open_archive
from esgdesk.core.i18n import _

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive


def register(commands: argparse._SubParsersAction) -> None:
    reextract = commands.add_parser(
        "reextract", help=_("redo entity and fact extraction, tag rules and indexing (all documents without IDS)")
    )
    reextract.add_argument("ids", nargs="*", type=int, metavar="ID")
    reextract.set_defaults(handler=cmd_reextract)


def cmd_reextract(args: argparse.Namespace) -> int:
    from esgdesk.library.opening import reextract

    report = reextract(open_archive(args), args.ids or None)
    print(_("{count} documents re-extracted", count=report.applied), file=sys.stderr)
    if report.failed:
        print(_("{count} failed; `esgdesk check` lists them", count=report.failed), file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


def warn_if_pending(archive: Archive) -> None:
    """Results may miss what another esgdesk has just committed: say so on stderr (data stays on stdout)."""
    from esgdesk.library.opening import pending_changes

    pending = pending_changes(archive)
    if pending:
        print(_("esgdesk: indexing… ({count} changes not yet searchable)", count=pending), file=sys.stderr)
