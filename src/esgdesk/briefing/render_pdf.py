"""The packet as PDF (reportlab platypus), with NanumGothic embedded as a subset.

Korean lines break at the spaces between words (어절), as Korean documents set them — breaking between any two
syllables (reportlab's wordWrap="CJK") tore 의료|기기 and 필|요 apart in narrow table cells. A word wider than
its line — a URL, a long compound — is still cut wherever it must be (splitLongWords), so nothing overflows.
Headings feed the table of contents and the PDF outline (bookmarks); links inside the packet ([1] → 붙임 1)
are PDF link annotations. A two-pass build (multiBuild) fills in the table of contents' page numbers.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from esgdesk.briefing import packet as pk
from esgdesk.briefing.graphics import FONT_BOLD, FONT_REGULAR, register_fonts, to_drawing

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 22 * mm, 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
INDENT_STEP = 5 * mm

NAVY = colors.HexColor("#1f3864")
HEADER_FILL = colors.HexColor("#dce6f2")
GROUP_FILL = colors.HexColor("#f2f4f7")
RULE = colors.HexColor("#7f8c9d")
LINK = "#1f5fa8"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT_REGULAR, fontSize=10.5, leading=16, spaceAfter=3, splitLongWords=1)

    def style(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "small": style("small", fontSize=9, leading=13),
        "caption": style("caption", fontName=FONT_BOLD, fontSize=9.5, leading=13, alignment=TA_CENTER, spaceBefore=3),
        "attribution": style(
            "attribution", fontSize=8, leading=11, alignment=TA_RIGHT, textColor=colors.HexColor("#495057")
        ),
        "center": style("center", alignment=TA_CENTER),
        "lead": style("lead", fontSize=11.5, leading=18),
        "h1": style("h1", fontName=FONT_BOLD, fontSize=15, leading=21, spaceBefore=12, spaceAfter=8, textColor=NAVY),
        "h2": style("h2", fontName=FONT_BOLD, fontSize=12.5, leading=18, spaceBefore=9, spaceAfter=5),
        "h3": style("h3", fontName=FONT_BOLD, fontSize=11, leading=16, spaceBefore=6, spaceAfter=3, leftIndent=2 * mm),
        "cell": style("cell", fontSize=9, leading=12.5, spaceAfter=0),
        "cell_compact": style("cell_compact", fontSize=8.5, leading=11.5, spaceAfter=0),
        "head": style("head", fontName=FONT_BOLD, fontSize=9, leading=12, alignment=TA_CENTER, spaceAfter=0),
        "quote": style("quote", fontSize=9.5, leading=14, textColor=colors.HexColor("#212529"), spaceAfter=1),
        "citation": style("citation", fontSize=8.5, leading=12, textColor=colors.HexColor("#495057"), spaceAfter=1),
        "box_title": style("box_title", fontName=FONT_BOLD, fontSize=14, leading=20, alignment=TA_CENTER, spaceAfter=8),
        "toc_title": style(
            "toc_title", fontName=FONT_BOLD, fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=12
        ),
        "cover_label": style(
            "cover_label",
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#c92a2a"),
        ),
        "cover_title": style(
            "cover_title", fontName=FONT_BOLD, fontSize=24, leading=34, alignment=TA_CENTER, textColor=NAVY
        ),
        "cover_subtitle": style(
            "cover_subtitle", fontSize=13, leading=20, alignment=TA_CENTER, textColor=colors.HexColor("#343a40")
        ),
        "cover_meta": style("cover_meta", fontSize=12.5, leading=20, alignment=TA_CENTER),
    }


# -- inline text ------------------------------------------------------------------------------------------------


def markup(runs: list[pk.Run]) -> str:
    """Runs as reportlab's mini-HTML; links become <a> (external URLs and #anchors inside the packet)."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{escape(run.link, {chr(34): "&quot;"})}" color="{LINK}">{text}</a>'
        parts.append(text)
    return "".join(parts)


def _paragraph(paragraph: pk.Paragraph, styles: dict[str, ParagraphStyle]) -> Paragraph:
    style = styles.get(paragraph.style, styles["body"])
    text = markup(paragraph.runs)
    if paragraph.anchor:
        text = f'<a name="{paragraph.anchor}"/>' + text
    if paragraph.marker and paragraph.bullet is not None:
        marker_width = _marker_width(paragraph.marker, style)
        left = paragraph.bullet.indent * INDENT_STEP + marker_width
        style = ParagraphStyle(
            f"{style.name}-b{paragraph.bullet.indent}", parent=style, leftIndent=left, firstLineIndent=-marker_width
        )
        text = f"{escape(paragraph.marker)} {text}"
    return Paragraph(text, style)


def _marker_width(marker: str, style: ParagraphStyle) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = stringWidth(f"{marker} ", style.fontName, style.fontSize)
    return width


# -- blocks ------------------------------------------------------------------------------------------------------


class _HeadingParagraph(Paragraph):
    """A heading that knows its TOC level and bookmark key (read in afterFlowable)."""

    def __init__(self, heading: pk.Heading, style: ParagraphStyle) -> None:
        text = escape(heading.text)
        if heading.anchor:
            text = f'<a name="{heading.anchor}"/>{text}'
        super().__init__(text, style)
        self.toc_level = heading.level - 1
        self.toc_text = heading.text
        self.toc_key = heading.anchor or heading.text


def _table(table: pk.Table, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    cell_style = styles["cell_compact" if table.compact else "cell"]
    total = sum(column.width for column in table.columns)
    widths = [TEXT_WIDTH * column.width / total for column in table.columns]
    data: list[list[object]] = [[Paragraph(escape(column.title), styles["head"]) for column in table.columns]]
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black),
        ("INNERGRID", (0, 1), (-1, -1), 0.4, RULE),
        ("LINEAFTER", (0, 0), (-2, 0), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for row_index, row in enumerate(table.rows, start=1):
        cells: list[object] = []
        column = 0
        for cell in row.cells:
            align = {"center": TA_CENTER, "right": TA_RIGHT}.get(cell.align, TA_LEFT)
            style = ParagraphStyle(f"{cell_style.name}-{cell.align}", parent=cell_style, alignment=align)
            cells.append(Paragraph("<br/>".join(markup(line) for line in cell.lines), style))
            if cell.colspan > 1 or cell.rowspan > 1:
                commands.append(
                    ("SPAN", (column, row_index), (column + cell.colspan - 1, row_index + cell.rowspan - 1))
                )
            cells.extend("" for _ in range(cell.colspan - 1))
            column += cell.colspan
        cells.extend("" for _ in range(len(table.columns) - column))
        data.append(cells)
        if row.kind == "group":
            commands.append(("BACKGROUND", (0, row_index), (-1, row_index), GROUP_FILL))
    flowable = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    flowable.setStyle(TableStyle(commands))
    out: list[Flowable] = []
    if table.caption:
        out.append(Paragraph(escape(table.caption), styles["caption"]))
        out.append(Spacer(1, 2))
    out.append(flowable)
    out.append(Spacer(1, 8))
    return out


def _figure(figure: pk.Figure, styles: dict[str, ParagraphStyle]) -> Flowable:
    width = min(figure.width_mm * mm, TEXT_WIDTH)
    drawing = to_drawing(figure.graphic, scale=width / figure.graphic.width)
    drawing.hAlign = "CENTER"
    parts: list[Flowable] = [drawing]
    if figure.caption:
        parts.append(Paragraph(escape(figure.caption), styles["caption"]))
    if figure.attribution:
        parts.append(Paragraph(escape(figure.attribution), styles["attribution"]))
    parts.append(Spacer(1, 6))
    return KeepTogether(parts)


def _boxed(content: list[Flowable], border: colors.Color, fill: colors.Color | None, left_only: bool) -> Table:
    table = Table(
        [[content]], colWidths=[TEXT_WIDTH - (6 * mm if left_only else 0)], hAlign="RIGHT" if left_only else "CENTER"
    )
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),  # a Table selects its cell font even for Paragraphs
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    commands.append(
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, border) if left_only else ("BOX", (0, 0), (-1, -1), 1.2, border)
    )
    if fill is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), fill))
    table.setStyle(TableStyle(commands))
    return table


def _quote(quote: pk.Quote, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    content: list[Flowable] = [
        Paragraph(escape(quote.text), styles["quote"]),
        Paragraph(markup(quote.citation), styles["citation"]),
    ]
    if quote.note:
        content.append(Paragraph(f"<b>{escape(quote.note_label)}:</b> {escape(quote.note)}", styles["body"]))
    return [_boxed(content, colors.HexColor("#1f5fa8"), colors.HexColor("#f5f7fa"), left_only=True), Spacer(1, 6)]


def _summary(box: pk.SummaryBox, styles: dict[str, ParagraphStyle]) -> Flowable:
    content: list[Flowable] = [Paragraph(escape(box.title), styles["box_title"])]
    content += [_paragraph(paragraph, styles) for paragraph in box.paragraphs]
    return _boxed(content, NAVY, None, left_only=False)


def _toc(block: pk.TableOfContents, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    )  # fmt: skip
    toc.levelStyles = [
        ParagraphStyle(
            "toc1", parent=styles["body"], fontName=FONT_BOLD, fontSize=11, leading=18, leftIndent=0, firstLineIndent=0
        ),
        ParagraphStyle("toc2", parent=styles["body"], fontSize=10, leading=15, leftIndent=8 * mm, firstLineIndent=0),
        ParagraphStyle("toc3", parent=styles["body"], fontSize=9.5, leading=14, leftIndent=16 * mm, firstLineIndent=0),
    ]
    return [Paragraph(escape(block.title), styles["toc_title"]), toc]


def _cover(cover: pk.Cover, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if cover.classification:
        label = Table(
            [[Paragraph(escape(cover.classification), styles["cover_label"])]], colWidths=[32 * mm], hAlign="RIGHT"
        )
        label.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
                    ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#c92a2a")),
                ]
            )
        )
        story += [label]
    story.append(Spacer(1, 62 * mm if cover.classification else 70 * mm))
    story.append(Paragraph(escape(cover.title), styles["cover_title"]))
    story.append(Spacer(1, 6 * mm))
    if cover.subtitle:
        story.append(Paragraph(escape(cover.subtitle), styles["cover_subtitle"]))
    story.append(Spacer(1, 70 * mm))
    for text in (cover.date_text, cover.organisation, cover.author):
        if text:
            story.append(Paragraph(escape(text), styles["cover_meta"]))
    return story


# -- the document ---------------------------------------------------------------------------------------------------


class _PacketDoc(BaseDocTemplate):
    def __init__(self, filename: str, packet: pk.Packet) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=packet.title,
            author=packet.author or "esgdesk",
            subject=packet.subject,
            keywords=", ".join(packet.keywords),
            creator="esgdesk",
            # the canvas otherwise selects Helvetica on every page, a font no PDF of ours embeds
            initialFontName=FONT_REGULAR,
            lang="en-GB" if packet.language == "en" else "ko-KR",
        )
        self.packet = packet
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="text")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame]),
                PageTemplate(id="body", frames=[frame], onPage=self._decorate),
            ]
        )

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, 8)
        canvas.setFillColor(colors.HexColor("#6c757d"))
        top = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, self.packet.header_text())
        canvas.setStrokeColor(colors.HexColor("#adb5bd"))
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        canvas.setFont(FONT_REGULAR, 9)
        canvas.setFillColor(colors.black)
        canvas.drawCentredString(PAGE_WIDTH / 2, 10 * mm, f"- {doc.page} -")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _HeadingParagraph):
            key = flowable.toc_key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.toc_text, key, level=flowable.toc_level, closed=flowable.toc_level > 0)
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, key))


def story(packet: pk.Packet) -> list[Flowable]:
    styles = _styles()
    flowables: list[Flowable] = [*_cover(packet.cover, styles), NextPageTemplate("body"), PageBreak()]
    previous: pk.Block | None = None
    for block in packet.blocks:
        rendered = _block(block, previous, styles)
        if isinstance(block, pk.Figure) and isinstance(previous, pk.Heading):
            # a figure's heading moves with it rather than stay alone at the foot of the page
            heading = flowables.pop()
            rendered = [KeepTogether([heading, *rendered[0]._content])]
        if isinstance(block, pk.Quote) and isinstance(previous, pk.Paragraph) and flowables:
            # "□ 분석 메모" introduces the box beneath it and must not stay behind at the foot of a page
            flowables[-1].keepWithNext = True
        flowables.extend(rendered)
        previous = block
    _presize_contents(flowables, packet)
    return flowables


def _presize_contents(flowables: list[Flowable], packet: pk.Packet) -> None:
    """Give the table of contents its headings before the first pass, so that pass lays out final pages.

    multiBuild otherwise lays out pass 1 with an empty contents page, finds the real one a page or two longer,
    shifts every page in pass 2 and needs a pass 3 to confirm the numbers: a full extra layout of a 100-document
    packet. With the entries known up front (only the page numbers unknown, which change no line breaks) pass 2
    normally confirms pass 1. If it does not, multiBuild simply runs another pass, as before.
    """
    entries = [(heading.level - 1, heading.text, 0, heading.anchor or heading.text) for heading in packet.headings()]
    for flowable in flowables:
        if isinstance(flowable, TableOfContents):
            flowable._entries = list(entries)


def _block(block: pk.Block, previous: pk.Block | None, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if isinstance(block, pk.Heading):
        out: list[Flowable] = []
        if block.page_break and not isinstance(previous, pk.PageBreak):
            out.append(PageBreak())
        else:
            out.append(CondPageBreak(40 * mm))  # never strand a heading at the foot of a page
        out.append(_HeadingParagraph(block, styles[f"h{min(block.level, 3)}"]))
        return out
    if isinstance(block, pk.Paragraph):
        return [_paragraph(block, styles)]
    if isinstance(block, pk.Table):
        return _table(block, styles)
    if isinstance(block, pk.Figure):
        return [_figure(block, styles)]
    if isinstance(block, pk.Quote):
        return _quote(block, styles)
    if isinstance(block, pk.SummaryBox):
        return [_summary(block, styles)]
    if isinstance(block, pk.TableOfContents):
        return _toc(block, styles)
    return [PageBreak()]


def render_pdf(packet: pk.Packet, output: Path) -> Path:
    """Write the packet to `output` as PDF and return the path."""
    register_fonts()
    output.parent.mkdir(parents=True, exist_ok=True)
    document = _PacketDoc(str(output), packet)
    document.multiBuild(story(packet))
    return output
