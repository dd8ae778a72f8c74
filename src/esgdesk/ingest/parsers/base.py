"""The contract every parser follows.

A parser receives the raw bytes of one file (already read under the importer's size limit) and returns
format-free `ParsedDocument`s. It never touches the archive, the network or other files: that keeps parsers
testable with bytes alone and lets the pipeline run them under a time limit.

Parsers report problems by raising `ParseError` with a sentence a user understands ("the file is protected
by a password"), never a traceback. Anything else that escapes a parser is a bug and is reported as one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Protocol, runtime_checkable


class ParseError(Exception):
    """The file cannot be read as a document; the message says why, in words a user acts on."""


@dataclass(frozen=True)
class SourceInput:
    """One file as a parser sees it: its name (for hints only) and its bytes."""

    name: str
    data: bytes
    media_type_hint: str | None = None

    @property
    def suffix(self) -> str:
        return PurePath(self.name).suffix.lower()

    @property
    def head(self) -> bytes:
        return self.data[:4096]


@dataclass
class Attachment:
    """A file carried inside another (an e-mail's attachment, a page's saved HWPX): kept as an original."""

    name: str
    data: bytes


@dataclass
class ParsedDocument:
    """What a parser found in a file: text plus whatever metadata the format itself states.

    `metadata` uses these keys when known: department, ministry, published (datetime.date), source_url,
    source_id, author, embargo, contact, board_number, views, and `needs_ocr` (True for a scan with no text
    layer: the only kind of document the pipeline keeps without text). Anything else is kept too (stored as the
    document's extra metadata). Korean press-release fields found in the *text* are added later by
    `esgdesk.ingest.press_release`, so a parser only fills what its format knows.
    """

    body: str
    title: str | None = None
    kind: str = "press release"
    metadata: dict[str, object] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: True when only part of the text could be recovered (e.g. a preview of a distribution document).
    partial: bool = False
    #: Set by parsers of formats that carry an explicit date, so metadata extraction need not guess.
    published: dt.date | None = None


@runtime_checkable
class Parser(Protocol):
    """One file format. `score` looks at the content first and the name last (a lying extension loses)."""

    #: short, stable name shown in reports ("hwp", "text", "html")
    name: str

    @property
    def media_types(self) -> tuple[str, ...]:
        """The media types this parser produces documents for; the first is what the original is stored as.

        Read-only here, so a parser may declare its own as a plain class attribute such as `("text/plain",)`."""
        ...

    def score(self, source: SourceInput) -> int | None:
        """How sure this parser is that the file is its format: None for "not mine", higher is surer.

        Conventions: 100 for a magic-byte or container-structure match, 50 for a structural text match
        (an HTML tag soup, a feed root element), 10 for an extension match alone, 1 for "could be text".
        """
        ...

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        """The documents in the file, in reading order. Raises ParseError for unreadable input."""
        ...
