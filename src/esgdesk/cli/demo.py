"""`esgdesk demo [DIR]`: a demo archive from the bundled sample releases, a regional briefing, and the app.

Why a command rather than a folder of sample data: the first thing a new user does (the README's first command
is `pip install . && esgdesk demo`) should exercise the real pipeline — parse, extract regions and programmes,
index, render DOCX and PDF — so what they see is what their own releases will get, not a canned screenshot.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from esgdesk.cli.app import display_available
from esgdesk.cli.common import EXIT_OK, EXIT_SOME_FAILED
from esgdesk.core.i18n import _
from esgdesk.core.paths import resource_path

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

DEFAULT_DIR = "esgdesk-demo"
#: the briefing written beside the archive, in both formats
BRIEFING_NAME = "regional-summary"
#: kinds that are headlines from a board listing, not releases: counted, but kept out of the briefing
_HEADLINE_KINDS = frozenset({"listing item", "feed item"})
#: the classification line of the demo briefing while it includes releases written for the demo
DEMO_LABEL = "시연용 · 가상 보도자료 포함"


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser(
        "demo",
        help=_("make a demo archive from the bundled sample releases, with a regional briefing (PDF, DOCX)"),
        description=(
            _(
                "Imports the sample releases that ship with esgdesk into DIR/archive, prints the documents, regions "
                "and programmes found, writes the regional summary (지역별 공정전환 지원 현황) as PDF and DOCX into "
                "DIR, and opens the app on the demo archive when a display is present. Running it again adds nothing "
                "new. One sample is a real 2023 release of 산업통상자원부; the others were written for the demo and "
                "say so in their text. --archive is ignored: the demo always uses DIR/archive."
            )
        ),
    )
    demo.add_argument(
        "dir", nargs="?", default=DEFAULT_DIR, metavar="DIR", help=_("default: ./{folder}", folder=DEFAULT_DIR)
    )
    demo.add_argument("--no-gui", action="store_true", help=_("do not open the app afterwards"))
    demo.set_defaults(handler=cmd_demo)


def sample_paths() -> list[Path]:
    """The bundled releases, oldest first (their names start with the release date)."""
    folder = resource_path("samples")
    return sorted(path for path in folder.glob("*.txt") if path.is_file())


def cmd_demo(args: argparse.Namespace) -> int:
    from esgdesk.briefing.service import Selection, export_packet
    from esgdesk.briefing.templates import PacketOptions
    from esgdesk.library.importing import import_paths
    from esgdesk.library.opening import open_archive
    from esgdesk.search.service import close_index

    folder = Path(args.dir).expanduser().resolve()
    archive_dir = folder / "archive"
    samples = sample_paths()
    fictitious = [path for path in samples if "FICTITIOUS" in path.name]
    print(_("Demo archive: {path}", path=archive_dir))
    print(
        _(
            "Importing {count} bundled sample release(s) — {real} real, "
            "{fictitious} written for the demo and marked as fictitious in their text …",
            count=len(samples),
            real=len(samples) - len(fictitious),
            fictitious=len(fictitious),
        )
    )
    archive = open_archive(archive_dir)
    try:
        # The search index is filled as each document commits, as the app does, so `esgdesk search` and the
        # app's search box find the demo documents at once.
        report = import_paths(archive, samples)
        for failure in report.failed:
            print(
                _("esgdesk: cannot import {path}: {reason}", path=failure.path, reason=failure.error), file=sys.stderr
            )
        documents = _documents(archive)
        releases = [doc for doc in documents if doc["kind"] not in _HEADLINE_KINDS]
        headlines = len(documents) - len(releases)
        added = len(report.imported)
        print(
            _("{added} document(s) added, {duplicates} already there.", added=added, duplicates=len(report.duplicates))
            if added or report.duplicates
            else _("Nothing to add.")
        )
        print()
        print(
            _(
                "Documents: {releases} release(s), plus {headlines} headline(s) from a board listing",
                releases=len(releases),
                headlines=headlines,
            )
        )
        for doc in releases:
            published = doc["published"] or "----------"
            marker = "  " + _("[fictitious demo release]") if doc["fictitious"] else ""
            print(f"  #{doc['id']:<3} {published}  {doc['ministry'] or '-':<10}  {doc['title']}{marker}")
        regions, programmes = _regions_and_programmes(archive, [doc["id"] for doc in releases])
        print()
        print(
            _("Regions ({count}): {names}", count=len(regions), names=", ".join(_counted(regions)) or _("none found"))
        )
        print(
            _(
                "Programmes ({count}): {names}",
                count=len(programmes),
                names=", ".join(_counted(programmes)) or _("none found"),
            )
        )
        print()
        written: list[Path] = []
        if releases:
            selection = Selection(ids=[doc["id"] for doc in releases])
            # Printed on the cover and every page: a demo briefing forwarded by mistake must not pass the
            # invented releases off as government policy.
            options = PacketOptions(classification=DEMO_LABEL if fictitious else "")
            for fmt in ("pdf", "docx"):
                output = folder / f"{BRIEFING_NAME}.{fmt}"
                written.append(export_packet(archive, "regional-summary", fmt, output, selection, options))
            print(_("Regional summary (지역별 공정전환 지원 현황):"))
            for path in written:
                print(f"  {path}")
    finally:
        close_index(archive)
        archive.close()
    status = EXIT_SOME_FAILED if report.failed else EXIT_OK
    print()
    if args.no_gui:
        print(_("Open it later with: esgdesk --archive {path}", path=_quoted(archive_dir)))
        return status
    if not display_available():
        print(
            _(
                "No display is available here, so the app does not open. On a desktop, open the demo with:\n"
                "  esgdesk --archive {path}\n"
                "or search it from here: esgdesk --archive {path} search 공정전환",
                path=_quoted(archive_dir),
            )
        )
        return status
    print(_("Opening the app on the demo archive …"))
    from esgdesk.ui.app import run_app  # Qt only when the app is wanted

    code = run_app(str(archive_dir))
    return code or status


class _DemoDocument(TypedDict):
    id: int
    title: str
    kind: str
    published: str | None
    ministry: str | None
    fictitious: bool


def _documents(archive: Archive) -> list[_DemoDocument]:
    """Every document, oldest release first, with whether its text says it is a fictitious demo release."""
    from sqlmodel import col, select

    from esgdesk.core.models import Document, Organization, stored_id
    from esgdesk.knowledge.store import organization_name_at

    rows: list[_DemoDocument] = []
    with archive.session() as session:
        for document in session.exec(select(Document).order_by(col(Document.published), col(Document.id))):
            ministry = session.get(Organization, document.ministry_id) if document.ministry_id else None
            rows.append(
                {
                    "id": stored_id(document.id),
                    "title": document.title,
                    "kind": str(document.kind),
                    "published": document.published.isoformat() if document.published else None,
                    # the name on the release's date: 산업통상자원부 in 2023, not today's 산업통상부
                    "ministry": organization_name_at(ministry, document.published) if ministry else None,
                    "fictitious": "가상의 보도자료" in (document.body or "")[:400],
                }
            )
    return rows


def _regions_and_programmes(archive: Archive, document_ids: list[int]) -> tuple[Counter[str], Counter[str]]:
    """How many releases name each region and each programme (the regional briefing's rows and themes)."""
    from esgdesk.knowledge.store import document_entities

    regions: Counter[str] = Counter()
    programmes: Counter[str] = Counter()
    with archive.session() as session:
        for document_id in document_ids:
            for entity in document_entities(session, document_id):
                if entity["kind"] == "region":
                    regions[str(entity["name"])] += 1
                elif entity["kind"] == "programme":
                    programmes[str(entity["name"])] += 1
    return regions, programmes


def _counted(counter: Counter[str]) -> list[str]:
    return [name if count == 1 else f"{name} ×{count}" for name, count in counter.most_common()]


def _quoted(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if " " in text else text
