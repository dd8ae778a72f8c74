"""`search`: the query language over the archive's full-text index."""

from __future__ import annotations

import argparse
import sys

from esgdesk.cli.common import EXIT_OK, open_archive, print_json


def register(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser("search", help="search the archive")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from esgdesk.search.service import search

    result = search(open_archive(args), args.query, limit=args.limit)
    if args.json:
        print_json(
            {
                "total": result.total,
                "hits": [
                    {
                        "id": hit.id,
                        "title": hit.title,
                        "published": hit.published.isoformat() if hit.published else None,
                        "score": round(hit.score, 4),
                        "snippet": hit.snippet,
                    }
                    for hit in result.hits
                ],
            }
        )
        return EXIT_OK
    print(f"{result.total} found", file=sys.stderr)
    for hit in result.hits:
        published = hit.published.isoformat() if hit.published else "----------"
        print(f"{hit.id:>6}  {published}  {hit.title}")
        if hit.snippet:
            print(f"        {hit.snippet}")
    return EXIT_OK
