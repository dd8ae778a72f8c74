"""`export`: a briefing packet (DOCX or PDF) from chosen documents, through one of the templates."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from esgdesk.cli.common import EXIT_CANNOT_RUN, EXIT_OK, open_archive
from esgdesk.core.i18n import _

#: the templates as `--help` lists them, written out so that starting esgdesk does not load the briefing
#: package (tests/cli/test_startup.py keeps them equal to esgdesk.briefing.templates.TEMPLATES)
TEMPLATES = {
    "regional-summary": "지역별 공정전환 지원 현황: 요약표, 지도, 차트, 지역별 세부, 출처",
    "digest": "문서 요약집: 문서별 메타데이터, 요지, 주석, 관련 문서",
    "annotations": "주석 모음: 분류(또는 태그)별 발췌와 인용",
    "timeline": "연대표: 문서 발표와 사업 연도 순",
}


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help=_("write a briefing packet (DOCX or PDF)"),
        description=_(
            "Templates: {templates}", templates="; ".join(f"{name} ({text})" for name, text in TEMPLATES.items())
        ),
    )
    export.add_argument(
        "--template", required=True, metavar="NAME", help=_("one of: {names}", names=", ".join(TEMPLATES))
    )
    export.add_argument("--format", dest="fmt", choices=("docx", "pdf"), help=_("default: from the file name"))
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--query", metavar="Q", help=_("the documents a search finds"))
    which.add_argument("--ids", metavar="ID,ID...", help=_("these documents, in this order"))
    which.add_argument("--collection", metavar="NAME", help=_("the documents of a collection, in its order"))
    export.add_argument("--title", help=_("the packet's title (default: the template's)"))
    export.add_argument("--author", default="", help=_("printed on the cover"))
    export.add_argument("--organisation", default="", help=_("printed on the cover"))
    export.add_argument("--date", metavar="YYYY-MM-DD", help=_("the date on the cover (default: today)"))
    export.add_argument(
        "--classification", default="", metavar="LABEL", help=_("e.g. 대외비; on the cover and every page")
    )
    export.add_argument("--language", choices=("ko", "en"), default="ko", help=_("the language of the fixed labels"))
    export.add_argument(
        "--style", choices=("gaejosik", "memo"), help=_("bullets and numbering (default: 개조식 for ko)")
    )
    export.add_argument("--group-by", choices=("category", "tag"), default="category", help=_("annotations template"))
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from esgdesk.briefing.service import Selection, export_steps
    from esgdesk.briefing.templates import TEMPLATES, PacketOptions

    if args.template not in TEMPLATES:
        print(
            _(
                "esgdesk: no briefing template named {name!r}; choose one of: {choices}",
                name=args.template,
                choices=", ".join(TEMPLATES),
            ),
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    output = Path(args.output)
    fmt = args.fmt or output.suffix.lower().lstrip(".")
    if fmt not in ("docx", "pdf"):
        print(_("esgdesk: say --format docx or pdf, or end the output name with .docx or .pdf"), file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        ids = _ids(args.ids)
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError as exc:
        print(f"esgdesk: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    options = PacketOptions(
        title=args.title,
        author=args.author,
        organisation=args.organisation,
        date=date,
        classification=args.classification,
        language=args.language,
        style=args.style,
        group_by=args.group_by,
    )
    selection = Selection(ids=ids, collection=args.collection, query=args.query)
    archive = open_archive(args)
    for step in export_steps(archive, args.template, fmt, output, selection, options):
        if step.output is not None:
            print(step.output)
        elif sys.stderr.isatty():
            print(f"[{step.done}/{step.total}] {step.message}", file=sys.stderr)
    return EXIT_OK


def _ids(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise ValueError(_("--ids takes document numbers separated by commas, not {text!r}", text=text)) from None
    if not ids:
        raise ValueError(_("--ids names no document"))
    return ids
