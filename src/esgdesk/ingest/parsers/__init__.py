"""The parser registry: every format registers here, and the highest score for a file wins.

Content sniffing beats file names (Paperless-ngx's ParserRegistry, Picard's guess_format): each parser's
`score` reads the bytes first, and the extension only breaks ties or rescues plain text.
"""

from __future__ import annotations

from esgdesk.core.i18n import _
from esgdesk.ingest.parsers.base import (
    Attachment,
    ParsedDocument,
    ParseError,
    Parser,
    SourceInput,
)

__all__ = [
    "Attachment",
    "ParseError",
    "ParsedDocument",
    "Parser",
    "ParserRegistry",
    "SourceInput",
    "default_registry",
]


class ParserRegistry:
    """An ordered set of parsers; `choose` returns the one most sure of a file."""

    def __init__(self, parsers: list[Parser] | None = None) -> None:
        self._parsers: list[Parser] = list(parsers or [])

    def register(self, parser: Parser) -> None:
        if not isinstance(parser, Parser):
            # English only, not _(): a parser registered without the Parser protocol: a programming error.
            raise TypeError(f"{parser!r} does not follow the Parser protocol")
        self._parsers.append(parser)

    @property
    def parsers(self) -> tuple[Parser, ...]:
        return tuple(self._parsers)

    def choose(self, source: SourceInput) -> Parser:
        best: tuple[int, Parser] | None = None
        for parser in self._parsers:
            score = parser.score(source)
            if score is not None and (best is None or score > best[0]):
                best = (score, parser)
        if best is None:
            raise ParseError(
                _("esgdesk cannot read this kind of file ({extension})", extension=source.suffix or "no extension")
            )
        return best[1]


def default_registry() -> ParserRegistry:
    """Every parser esgdesk ships. Imported lazily so a broken optional parser cannot stop the others."""
    registry = ParserRegistry()
    for parser in _load_builtin_parsers():
        registry.register(parser)
    return registry


def _load_builtin_parsers() -> list[Parser]:
    # One import per format module; each module exposes exactly one parser class.
    from esgdesk.ingest.parsers.docx import DocxParser
    from esgdesk.ingest.parsers.email import EmailParser
    from esgdesk.ingest.parsers.feed import FeedParser
    from esgdesk.ingest.parsers.html import HtmlParser
    from esgdesk.ingest.parsers.hwp import HwpParser
    from esgdesk.ingest.parsers.hwpx import HwpxParser
    from esgdesk.ingest.parsers.pdf import PdfParser
    from esgdesk.ingest.parsers.text import TextParser

    return [
        TextParser(),
        HtmlParser(),
        HwpParser(),
        HwpxParser(),
        PdfParser(),
        DocxParser(),
        FeedParser(),
        EmailParser(),
    ]
