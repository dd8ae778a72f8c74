"""`search`, `searches` and `reindex`: the query language over the archive's full-text index."""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_OK, open_archive, print_json
from esgdesk.cli.maintenance import warn_if_pending
from esgdesk.core.i18n import N_, _


def register(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser("search", help=_("search the archive (`esgdesk search --help` shows the syntax)"))
    search.description = _(
        'Words must all match; "exact phrase"; OR; -exclude; parentheses; fields title: tag: region: ministry: '
        "kind: date:2023 date:2023-01..2023-06 has:annotation has:link linked:ID."
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=_count, default=20, metavar="N", help=_("hits per page (default 20)"))
    search.add_argument(
        "--offset", type=_count, default=0, metavar="K", help=_("skip the first K hits (page 2 of 20: --offset 20)")
    )
    search.add_argument("--save", metavar="NAME", help=_("also keep the query as a saved search"))
    search.add_argument("--facets", action="store_true", help=_("with --json: add counts of tags, regions, …"))
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    searches = commands.add_parser("searches", help=_("list saved searches"))
    searches.add_argument("--delete", metavar="NAME", help=_("delete a saved search"))
    searches.add_argument("--json", action="store_true")
    searches.set_defaults(handler=cmd_searches)

    reindex = commands.add_parser("reindex", help=_("rebuild the search index from the documents"))
    reindex.set_defaults(handler=cmd_reindex)


def _count(value: str) -> int:
    """A non-negative whole number for --limit and --offset (argparse turns the error into exit 2)."""
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        raise argparse.ArgumentTypeError(_("{value!r} is not a whole number from 0 to 999999999", value=value))
    return int(value)


def cmd_search(args: argparse.Namespace) -> int:
    from esgdesk.library.browse import named_facets
    from esgdesk.search.service import save_search, search

    archive = open_archive(args)
    result = search(archive, args.query, limit=args.limit, offset=args.offset)
    warn_if_pending(archive)
    if args.save:
        save_search(archive, args.save, args.query)
    if args.json:
        data = {**result.as_dict(), "offset": args.offset, "limit": args.limit}
        if args.facets:
            data["facets"] = named_facets(archive, args.query)
        print_json(data)
        return EXIT_OK
    shown = (
        _(" (showing {first}–{last})", first=args.offset + 1, last=args.offset + len(result.hits))
        if result.hits and args.offset
        else ""
    )
    print(_("{count} found{shown}", count=result.total, shown=shown), file=sys.stderr)
    for hit in result.hits:
        published = hit.published.isoformat() if hit.published else "----------"
        print(f"{hit.id:>6}  {published}  {hit.title}")
        if hit.snippet:
            print(f"        {hit.snippet}")
    return EXIT_OK


def cmd_searches(args: argparse.Namespace) -> int:
    from esgdesk.core.errors import NotFoundError
    from esgdesk.search.service import delete_saved_search, list_saved_searches

    archive = open_archive(args)
    if args.delete:
        if not delete_saved_search(archive, args.delete):
            raise NotFoundError(_("There is no saved search {name!r}.", name=args.delete))
        return EXIT_OK
    saved = list_saved_searches(archive)
    if args.json:
        print_json([{"name": entry.name, "query": entry.query} for entry in saved])
        return EXIT_OK
    for entry in saved:
        print(f"{entry.name}: {entry.query}")
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    from esgdesk.search.index import SearchIndex

    archive = open_archive(args)
    progress_out = sys.stderr if sys.stderr.isatty() else None

    def report(done: int, total: int) -> None:
        if progress_out:
            progress_out.write("\r" + _("indexing {done}/{total}", done=done, total=total))
            progress_out.flush()

    with archive.writing(N_("rebuild the search index")), SearchIndex(archive) as index:
        count = index.rebuild(report)
    if progress_out:
        progress_out.write("\n")
    print(_("{count} documents indexed", count=count), file=sys.stderr)
    return EXIT_OK
