"""`facts`: what a release says about each region (years, industries, amounts)."""

from __future__ import annotations

import argparse

from esgdesk.cli.common import EXIT_OK, open_archive, pad, print_json


def register(commands: argparse._SubParsersAction) -> None:
    facts = commands.add_parser("facts", help="regions with their years, industries and amounts in one document")
    facts.add_argument("id", type=int, metavar="ID")
    facts.add_argument("--json", action="store_true")
    facts.set_defaults(handler=cmd_facts)


def cmd_facts(args: argparse.Namespace) -> int:
    from esgdesk.core.records import get_document
    from esgdesk.knowledge.store import document_facts

    archive = open_archive(args)
    with archive.session() as session:
        get_document(session, args.id)
        facts = document_facts(session, args.id)
    if args.json:
        print_json(facts)
        return EXIT_OK
    for fact in facts:
        years = ", ".join(str(year) for year in fact["years"]) or "-"
        industries = ", ".join(fact["industries"]) or "-"
        amounts = ", ".join(amount["text"] for amount in fact["amounts"]) or "-"
        print(f"{pad(fact['region'], 14)} {pad(years, 12)} {pad(industries, 28)} {amounts}")
    return EXIT_OK
