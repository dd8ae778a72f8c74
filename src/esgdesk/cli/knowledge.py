"""`facts`: what a release says about each region (years, industries, programmes, amounts)."""

from __future__ import annotations

import argparse
from typing import Any

from esgdesk.cli.common import EXIT_OK, open_archive, pad, print_json
from esgdesk.core.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    facts = commands.add_parser("facts", help=_("regions with their years, industries and amounts in one document"))
    facts.add_argument("id", type=int, metavar="ID")
    facts.add_argument("--json", action="store_true")
    facts.set_defaults(handler=cmd_facts)


def cmd_facts(args: argparse.Namespace) -> int:
    from esgdesk.core.records import get_document
    from esgdesk.knowledge.facts import amount_label
    from esgdesk.knowledge.store import document_facts, document_programme_amounts

    archive = open_archive(args)
    with archive.session() as session:
        get_document(session, args.id)
        facts = document_facts(session, args.id)
        budgets = document_programme_amounts(session, args.id)
    if args.json:
        print_json(facts)
        return EXIT_OK
    if not facts and not budgets:
        print(_("No region facts in document {id}.", id=args.id))
        return EXIT_OK
    widths = (14, 12, 34)
    header = (_("Region"), _("Years"), _("Industries"), _("Amounts"))
    print(" ".join(pad(title, width) for title, width in zip(header, widths, strict=False)) + header[-1])
    for fact in facts:
        row: dict[str, Any] = dict(fact)
        years = ", ".join(str(year) for year in row["years"]) or "-"
        industries = ", ".join(row["industries"]) or "-"
        amounts = ", ".join(amount_label(a, str(row["region"])) for a in row["amounts"]) or "-"
        print(f"{pad(str(fact['region']), widths[0])} {pad(years, widths[1])} {pad(industries, widths[2])} {amounts}")
    for budget in budgets:
        programme = budget.get("programme") or _("programme not named")
        print(_("Programme total: {amount} ({programme})", amount=amount_label(budget), programme=programme))
    return EXIT_OK
