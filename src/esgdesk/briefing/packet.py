"""The briefing packet: what a template says, before any renderer decides how it looks.

Templates build a `Packet` (a flat list of blocks behind a cover); the DOCX and PDF renderers walk the same list.
Every string a reader sees is fixed here — heading numbers (Ⅰ. / 1. / 가.), bullet markers (□ ㅇ - ※), dates —
so both files carry the same text and a test can compare them through `Packet.text_blocks()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from esgdesk.briefing.graphics import Graphic

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
HANGUL_ORDER = "가나다라마바사아자차카타파하"


class Bullet(Enum):
    """개조식 bullet levels; the value is the marker printed before the text."""

    POINT = "□"
    SUB = "ㅇ"
    DETAIL = "-"
    REMARK = "※"

    @property
    def indent(self) -> int:
        """How deep the marker sits: □ at the margin, ㅇ and ※ one step in, - two steps in."""
        return {Bullet.POINT: 0, Bullet.SUB: 1, Bullet.DETAIL: 2, Bullet.REMARK: 1}[self]


#: Western memo style: the same levels with bullets an English reader expects
MEMO_MARKERS = {Bullet.POINT: "•", Bullet.SUB: "◦", Bullet.DETAIL: "–", Bullet.REMARK: "Note:"}


@dataclass(frozen=True)
class Run:
    """A piece of inline text. `link` is a URL, or `#name` for a place inside the packet (see `anchor`)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


def runs_text(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


@dataclass
class Paragraph:
    """A paragraph; `marker` is the bullet text already chosen for the packet's style (□, •, …)."""

    runs: list[Run]
    bullet: Bullet | None = None
    marker: str = ""
    #: body | small | caption | attribution | lead | center
    style: str = "body"
    #: a name other blocks link to with Run(link="#name")
    anchor: str | None = None

    @property
    def text(self) -> str:
        body = runs_text(self.runs)
        return f"{self.marker} {body}" if self.marker else body


@dataclass
class Heading:
    """A numbered heading; `number` is set by the builder (Ⅰ., 1., 가., 붙임 1)."""

    level: int
    title: str
    number: str = ""
    anchor: str | None = None
    #: starts a new page (appendices and the main parts do)
    page_break: bool = False

    @property
    def text(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Cell:
    """A table cell: one or more lines of runs. Spans let a 시·도 label cover its 시·군·구 rows."""

    lines: list[list[Run]]
    colspan: int = 1
    rowspan: int = 1
    align: str = "left"

    @property
    def text(self) -> str:
        return "".join(runs_text(line) for line in self.lines)

    @classmethod
    def of(cls, text: str, align: str = "left", bold: bool = False) -> Cell:
        return cls([[Run(text, bold=bold)]] if text else [], align=align)


@dataclass
class Column:
    title: str
    #: relative width; the renderers scale the widths to the text column
    width: float


@dataclass
class TableRow:
    cells: list[Cell]
    #: body | group (a 시·도 heading row, shaded) | sub (a 시·군·구 row beneath its 시·도)
    kind: str = "body"


@dataclass
class Table:
    """A table whose header row repeats on every page it runs onto."""

    columns: list[Column]
    rows: list[TableRow]
    caption: str = ""
    #: small type for wide, wordy tables
    compact: bool = False


@dataclass
class Figure:
    """A drawing the PDF renderer draws as vectors and the DOCX renderer embeds as PNG."""

    graphic: Graphic
    caption: str = ""
    attribution: str = ""
    #: width on the page, in millimetres
    width_mm: float = 150.0


@dataclass
class Quote:
    """A passage from a source, with where it comes from and, optionally, the analyst's note on it."""

    text: str
    citation: list[Run]
    note: str = ""
    note_label: str = "메모"
    category: str = ""

    @property
    def citation_text(self) -> str:
        return runs_text(self.citation)

    @property
    def note_text(self) -> str:
        return f"{self.note_label}: {self.note}" if self.note else ""


@dataclass
class PageBreak:
    pass


@dataclass
class TableOfContents:
    title: str = "목차"
    #: said under a table of contents that shows no page numbers (the DOCX's; see render_docx)
    note: str = ""


@dataclass
class SummaryBox:
    """The one-page summary: a boxed block of bullets the reader can stop after."""

    title: str
    paragraphs: list[Paragraph]


Block = Paragraph | Heading | Table | Figure | Quote | PageBreak | TableOfContents | SummaryBox


@dataclass
class Cover:
    title: str
    subtitle: str = ""
    date_text: str = ""
    author: str = ""
    organisation: str = ""
    #: 대외비, 내부검토용 … printed boxed on the cover and in every page header
    classification: str = ""

    def lines(self) -> list[str]:
        """The cover's strings in reading order (the renderers print exactly these)."""
        return [
            text
            for text in (self.classification, self.title, self.subtitle, self.date_text, self.organisation, self.author)
            if text
        ]


@dataclass
class Packet:
    title: str
    cover: Cover
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    subject: str = ""
    language: str = "ko"
    classification: str = ""
    keywords: list[str] = field(default_factory=list)

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    def header_text(self) -> str:
        """The running header: title, and the classification when there is one."""
        return f"{self.title} | {self.classification}" if self.classification else self.title

    def text_blocks(self) -> Iterator[str]:
        """Every string of the packet in reading order, as both renderers print it (TOC and figures aside).

        The table of contents is left out because only the PDF knows page numbers; a figure's own labels are
        left out because the DOCX carries the figure as a picture.
        """
        yield from self.cover.lines()
        for block in self.blocks:
            yield from block_texts(block)


def block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, Paragraph | Heading):
        yield block.text
    elif isinstance(block, Table):
        if block.caption:
            yield block.caption
        yield from (column.title for column in block.columns)
        for row in block.rows:
            yield from (cell.text for cell in row.cells if cell.text)
    elif isinstance(block, Figure):
        yield from (text for text in (block.caption, block.attribution) if text)
    elif isinstance(block, Quote):
        yield from (text for text in (block.text, block.citation_text, block.note_text) if text)
    elif isinstance(block, SummaryBox):
        yield block.title
        yield from (paragraph.text for paragraph in block.paragraphs)


# -- building --------------------------------------------------------------------------------------------


def korean_date(value: dt.date | None) -> str:
    """Dates as Korean official documents print them: `2026. 11. 29.`"""
    return f"{value.year}. {value.month}. {value.day}." if value else "날짜 미상"


def heading_number(level: int, index: int, style: str) -> str:
    """Ⅰ. / 1. / 가. for 개조식; I. / 1. / a. for a Western memo."""
    if level == 1:
        return f"{ROMAN[index - 1] if index <= len(ROMAN) else index}." if style == "gaejosik" else f"{index}."
    if level == 2:
        return f"{index}."
    if style == "gaejosik":
        return f"{HANGUL_ORDER[(index - 1) % len(HANGUL_ORDER)]}."
    return f"{chr(ord('a') + (index - 1) % 26)}."


class PacketBuilder:
    """Appends blocks and numbers headings, so templates never count by hand."""

    def __init__(self, packet: Packet, style: str = "gaejosik") -> None:
        self.packet = packet
        self.style = style
        self._counters = [0, 0, 0]
        self._appendix = 0
        self._anchors = 0

    # headings ----------------------------------------------------------------------------------------

    def heading(self, level: int, title: str, anchor: str | None = None, page_break: bool = False) -> Heading:
        self._counters[level - 1] += 1
        for deeper in range(level, len(self._counters)):
            self._counters[deeper] = 0
        number = heading_number(level, self._counters[level - 1], self.style)
        heading = Heading(level, title, number, anchor or self.new_anchor(), page_break)
        self.packet.blocks.append(heading)
        return heading

    def appendix(self, title: str, label: str = "붙임") -> Heading:
        """붙임 1, 붙임 2 …: appendices have their own count and always start a page."""
        self._appendix += 1
        self._counters = [0, 0, 0]
        heading = Heading(1, title, f"{label} {self._appendix}", self.new_anchor(), page_break=True)
        self.packet.blocks.append(heading)
        return heading

    def new_anchor(self) -> str:
        self._anchors += 1
        return f"h{self._anchors}"

    # text ----------------------------------------------------------------------------------------------

    def marker(self, bullet: Bullet | None) -> str:
        if bullet is None:
            return ""
        return bullet.value if self.style == "gaejosik" else MEMO_MARKERS[bullet]

    def paragraph(self, *parts: str | Run, bullet: Bullet | None = None, style: str = "body") -> Paragraph:
        paragraph = self.make_paragraph(*parts, bullet=bullet, style=style)
        self.packet.blocks.append(paragraph)
        return paragraph

    def make_paragraph(self, *parts: str | Run, bullet: Bullet | None = None, style: str = "body") -> Paragraph:
        runs = [part if isinstance(part, Run) else Run(part) for part in parts if part]
        return Paragraph(runs, bullet, self.marker(bullet), style)

    def point(self, *parts: str | Run) -> Paragraph:
        return self.paragraph(*parts, bullet=Bullet.POINT)

    def sub(self, *parts: str | Run) -> Paragraph:
        return self.paragraph(*parts, bullet=Bullet.SUB)

    def detail(self, *parts: str | Run) -> Paragraph:
        return self.paragraph(*parts, bullet=Bullet.DETAIL)

    def remark(self, *parts: str | Run) -> Paragraph:
        return self.paragraph(*parts, bullet=Bullet.REMARK)

    def add(self, block: Block) -> Block:
        self.packet.blocks.append(block)
        return block

    def page_break(self) -> None:
        self.packet.blocks.append(PageBreak())
