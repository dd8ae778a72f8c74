"""`tag`, `untag` and `rules`: organising documents by hand and by rule."""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_OK, open_archive, print_json
from esgdesk.core.documents import get_document
from esgdesk.core.lock import current_user
from esgdesk.core.tags import attach_tag, detach_tag
from esgdesk.knowledge.tag_rules import (
    FIELDS,
    MATCH_KINDS,
    add_rule,
    apply_rules,
    list_rules,
    remove_rule,
    tag_entities,
)
from esgdesk.search.index import SearchIndex, index_documents


def register(commands: argparse._SubParsersAction) -> None:
    tag = commands.add_parser("tag", help="tag a document (levels separated by /: 정책/공정전환)")
    tag.add_argument("id", type=int, metavar="ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.set_defaults(handler=cmd_tag)

    untag = commands.add_parser("untag", help="remove tags from a document")
    untag.add_argument("id", type=int, metavar="ID")
    untag.add_argument("tags", nargs="+", metavar="TAG")
    untag.set_defaults(handler=cmd_untag)

    rules = commands.add_parser("rules", help="tag rules: list | add | remove | apply | entities")
    actions = rules.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the rules")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_rules_list)
    add = actions.add_parser("add", help="add a rule; it applies to new imports and with `rules apply`")
    add.add_argument("name")
    add.add_argument("--tag", required=True)
    add.add_argument("--match", choices=MATCH_KINDS, default="any")
    add.add_argument("--pattern", required=True)
    add.add_argument("--field", choices=FIELDS, default="all")
    add.set_defaults(handler=cmd_rules_add)
    remove = actions.add_parser("remove", help="remove a rule and the tags it attached")
    remove.add_argument("name")
    remove.add_argument("--keep-tags", action="store_true", help="keep the tags the rule attached")
    remove.set_defaults(handler=cmd_rules_remove)
    apply = actions.add_parser("apply", help="run rules over the whole archive")
    apply.add_argument("names", nargs="*", metavar="NAME", help="only these rules")
    apply.add_argument("--json", action="store_true")
    apply.set_defaults(handler=cmd_rules_apply)
    entities = actions.add_parser("entities", help="tag every document with its entities (region:충청북도)")
    entities.add_argument("--kind", default="region", choices=("region", "organization", "programme", "industry"))
    entities.set_defaults(handler=cmd_rules_entities)


def cmd_tag(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("tag"), archive.session() as session:
        get_document(session, args.id)
        for tag in args.tags:
            attach_tag(session, args.id, tag, author=current_user())
        session.commit()
    index_documents(archive, [args.id])  # `tag:` queries and the tags field see the change at once
    return EXIT_OK


def cmd_untag(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("untag"), archive.session() as session:
        get_document(session, args.id)
        for tag in args.tags:
            detach_tag(session, args.id, tag)
        session.commit()
    index_documents(archive, [args.id])
    return EXIT_OK


def cmd_rules_list(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.session() as session:
        rules = list_rules(session)
    if args.json:
        print_json(rules)
    for rule in [] if args.json else rules:
        print(f"{rule['name']}: {rule['match']} {rule['pattern']!r} in {rule['field']} → {rule['tag']}")
    return EXIT_OK


def cmd_rules_add(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("add a tag rule"), archive.session() as session:
        add_rule(session, args.name, args.tag, args.match, args.pattern, args.field)
        session.commit()
    return EXIT_OK


def cmd_rules_remove(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("remove a tag rule"), archive.session() as session:
        removed = remove_rule(session, args.name, remove_tags=not args.keep_tags)
        session.commit()
    if removed:
        SearchIndex(archive).repair()  # the rule's tags left documents the index still lists them under
    print(f"rule {args.name} removed, with {removed} tags it had attached", file=sys.stderr)
    return EXIT_OK


def cmd_rules_apply(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("apply tag rules"), archive.session() as session:
        matches = apply_rules(session, rule_names=args.names or None)
        session.commit()
    index_documents(archive, sorted({match.document_id for match in matches if match.added}))
    if args.json:
        print_json([{"rule": m.rule, "tag": m.tag, "id": m.document_id, "added": m.added} for m in matches])
    else:
        print(f"{sum(m.added for m in matches)} tags added ({len(matches)} matches)", file=sys.stderr)
    return EXIT_OK


def cmd_rules_entities(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    with archive.writing("tag entities"), archive.session() as session:
        added = tag_entities(session, args.kind)
        session.commit()
    if added:
        SearchIndex(archive).repair()
    print(f"{added} tags added", file=sys.stderr)
    return EXIT_OK
