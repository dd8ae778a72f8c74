"""`tag`, `untag` and `rules`: organising documents by hand and by rule, through the same library functions
the desktop app calls (library/tagging.py), which queue the index's changes in the same transaction."""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_OK, open_archive, print_json
from esgdesk.core.i18n import _

#: the rule choices, repeated here so that `--help` does not import the rules engine (kept equal by a test)
MATCH_KINDS = ("any", "all", "phrase", "regex", "fuzzy")
FIELDS = ("all", "title", "body", "ministry")


def register(commands: argparse._SubParsersAction) -> None:
    tag = commands.add_parser("tag", help=_("tag a document (levels separated by /: 정책/공정전환)"))
    tag.add_argument("id", type=int, metavar="ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.set_defaults(handler=cmd_tag)

    untag = commands.add_parser("untag", help=_("remove tags from a document"))
    untag.add_argument("id", type=int, metavar="ID")
    untag.add_argument("tags", nargs="+", metavar="TAG")
    untag.set_defaults(handler=cmd_untag)

    rules = commands.add_parser("rules", help=_("tag rules: list | add | remove | apply | entities"))
    actions = rules.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("list the rules"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_rules_list)
    add = actions.add_parser("add", help=_("add a rule; it applies to new imports and with `rules apply`"))
    add.add_argument("name")
    add.add_argument("--tag", required=True)
    add.add_argument("--match", choices=MATCH_KINDS, default="any")
    add.add_argument("--pattern", required=True)
    add.add_argument("--field", choices=FIELDS, default="all")
    add.set_defaults(handler=cmd_rules_add)
    remove = actions.add_parser("remove", help=_("remove a rule and the tags it attached"))
    remove.add_argument("name")
    remove.add_argument("--keep-tags", action="store_true", help=_("keep the tags the rule attached"))
    remove.set_defaults(handler=cmd_rules_remove)
    apply = actions.add_parser("apply", help=_("run rules over the whole archive"))
    apply.add_argument("names", nargs="*", metavar="NAME", help=_("only these rules"))
    apply.add_argument("--json", action="store_true")
    apply.set_defaults(handler=cmd_rules_apply)
    entities = actions.add_parser("entities", help=_("tag every document with its entities (region:충청북도)"))
    entities.add_argument("--kind", default="region", choices=("region", "organization", "programme", "industry"))
    entities.set_defaults(handler=cmd_rules_entities)


def cmd_tag(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import tag_documents

    tag_documents(open_archive(args), [args.id], args.tags)
    return EXIT_OK


def cmd_untag(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import untag_documents

    untag_documents(open_archive(args), [(args.id, tag) for tag in args.tags], missing_ok=False)
    return EXIT_OK


def cmd_rules_list(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import rules

    listed = rules(open_archive(args))
    if args.json:
        print_json(listed)
        return EXIT_OK
    for rule in listed:
        print(f"{rule['name']}: {rule['match']} {rule['pattern']!r} in {rule['field']} → {rule['tag']}")
    return EXIT_OK


def cmd_rules_add(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import add_rule

    add_rule(open_archive(args), args.name, args.tag, args.match, args.pattern, args.field)
    return EXIT_OK


def cmd_rules_remove(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import remove_rule

    removed = remove_rule(open_archive(args), args.name, remove_tags=not args.keep_tags)
    print(_("rule {name} removed, with {count} tags it had attached", name=args.name, count=removed), file=sys.stderr)
    return EXIT_OK


def cmd_rules_apply(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import apply_rules

    matches = apply_rules(open_archive(args), args.names or None)
    if args.json:
        print_json([{"rule": m.rule, "tag": m.tag, "id": m.document_id, "added": m.added} for m in matches])
    else:
        added = sum(m.added for m in matches)
        print(_("{added} tags added ({count} matches)", added=added, count=len(matches)), file=sys.stderr)
    return EXIT_OK


def cmd_rules_entities(args: argparse.Namespace) -> int:
    from esgdesk.library.tagging import tag_entities

    added = tag_entities(open_archive(args), args.kind)
    print(_("{count} tags added", count=added), file=sys.stderr)
    return EXIT_OK
