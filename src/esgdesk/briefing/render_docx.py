"""The packet as DOCX (python-docx), in the Korean font every Windows machine has.

Fonts: the DOCX names 맑은 고딕 (Malgun Gothic), which ships with Windows since Vista and with Office for Mac,
rather than embedding the bundled NanumGothic. Embedding (ECMA-376 obfuscated fonts) would add about 4 MB to
every packet, Word for Mac before 16.17 ignores embedded fonts, and Word drops them when a reader without the
font's embedding rights saves the file again — the packet is edited after the meeting. The font table
declares 맑은 고딕 with its English name, the Hangul charset (0x81) and a sans-serif family, so a Mac without it
substitutes Apple SD Gothic Neo and LibreOffice substitutes whatever Korean sans-serif font is installed
(NanumGothic on most Linux desktops). The PDF embeds NanumGothic and looks the same everywhere.

Word picks the font for Hangul from `w:rFonts w:eastAsia`, and the default template points every style at
theme fonts (`w:asciiTheme`, `w:eastAsiaTheme`) that win over explicit names; so the theme attributes are
removed and the font is set on the document defaults, on every style used and on every run, with
`w:lang w:eastAsia="ko-KR"`. Headings use Word's real Heading 1–3 styles so the table of contents, the
navigation pane and accessibility tools see the structure.

The table of contents lists the headings as links without page numbers, and says so: the pages a heading
falls on depend on the program and the fonts that lay the document out (Word, LibreOffice and Pages break
Korean lines differently), so numbers written at export would be wrong somewhere, and a field Word must
update on opening asks the reader a question before the meeting. It stays a TOC field, so a reader who wants
numbers presses F9 in Word.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph

from esgdesk.briefing import packet as pk
from esgdesk.briefing.graphics import to_png

#: the name Word and Windows use for Malgun Gothic; the font table gives its English name and charset
FONT = "맑은 고딕"
FONT_ENGLISH = "Malgun Gothic"
TEXT_WIDTH_MM = 170.0
INDENT_STEP_MM = 5.0
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x49, 0x50, 0x57)
LINK = RGBColor(0x1F, 0x5F, 0xA8)
HEADER_FILL = "DCE6F2"
GROUP_FILL = "F2F4F7"
QUOTE_FILL = "F5F7FA"
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

#: style → (size pt, bold, colour, space before pt, space after pt, alignment)
PARAGRAPH_LOOKS: dict[str, tuple[float, bool, RGBColor | None, float, float, WD_ALIGN_PARAGRAPH | None]] = {
    "body": (10.5, False, None, 0, 3, None),
    "small": (9, False, None, 0, 2, None),
    "caption": (9.5, True, None, 3, 3, WD_ALIGN_PARAGRAPH.CENTER),
    "attribution": (8, False, GREY, 0, 6, WD_ALIGN_PARAGRAPH.RIGHT),
    "center": (10.5, False, None, 0, 3, WD_ALIGN_PARAGRAPH.CENTER),
    "lead": (11.5, False, None, 0, 4, None),
}


# -- fonts and styles ------------------------------------------------------------------------------------------


def set_korean_font(rpr_parent: BaseOxmlElement, size: float | None = None) -> None:
    """맑은 고딕 for every script of a run or style, theme fonts removed, East Asian language ko-KR."""
    if hasattr(rpr_parent, "get_or_add_rPr"):
        rpr = rpr_parent.get_or_add_rPr()
    else:  # w:rPrDefault is a plain element in python-docx
        rpr = rpr_parent.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "ko-KR")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(round(size * 2)))


def _prepare_styles(document: DocxDocument) -> None:
    """맑은 고딕 and ko-KR on the document defaults and on every style the template defines."""
    styles_element = document.styles.element
    for fonts in styles_element.iter(qn("w:rFonts")):
        for attribute in THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        set_korean_font(rpr_default)
    for style in document.styles:
        if style.type in (1, 2):  # paragraph and character styles carry run properties
            set_korean_font(style.element)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.3
    for level, size in ((1, 15), (2, 12.5), (3, 11)):
        heading = document.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = NAVY if level == 1 else RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 8)
        heading.paragraph_format.space_after = Pt(6 if level == 1 else 4)
        heading.paragraph_format.keep_with_next = True
        if level == 3:
            heading.paragraph_format.left_indent = Mm(2)


# -- inline text --------------------------------------------------------------------------------------------------


def add_runs(
    paragraph: DocxParagraph,
    runs: list[pk.Run],
    size: float | None = None,
    color: RGBColor | None = None,
    quiet_links: bool = False,
) -> None:
    for run in runs:
        if run.link:
            _add_hyperlink(paragraph, run, size, quiet_links)
            continue
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None
        if color is not None:
            added.font.color.rgb = color
        set_korean_font(added._r, size)


def _add_hyperlink(paragraph: DocxParagraph, run: pk.Run, size: float | None, quiet: bool = False) -> None:
    """A w:hyperlink: to an external URL through a relationship, to a bookmark through w:anchor."""
    assert run.link, "add_runs makes hyperlinks of linked runs only"
    link = OxmlElement("w:hyperlink")
    if run.link.startswith("#"):
        link.set(qn("w:anchor"), run.link[1:])
    else:
        relationship = paragraph.part.relate_to(run.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link.set(qn("r:id"), relationship)
    link.set(qn("w:history"), "1")
    element = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = run.text
    text.set(qn("xml:space"), "preserve")
    element.append(text)
    link.append(element)
    paragraph._p.append(link)
    from docx.text.run import Run as DocxRun

    added = DocxRun(element, paragraph)
    if not quiet:  # table-of-contents entries are links that should not look like them
        added.font.color.rgb = LINK
        added.font.underline = True
    added.bold = run.bold or None
    set_korean_font(element, size)


class _Bookmarks:
    """w:bookmarkStart/End pairs need document-unique numeric ids."""

    def __init__(self) -> None:
        self.next_id = 1

    def add(self, paragraph: DocxParagraph, name: str) -> None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.next_id))
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)
        self.next_id += 1


# -- blocks ----------------------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, packet: pk.Packet) -> None:
        self.packet = packet
        self.document = Document()
        self.bookmarks = _Bookmarks()
        self._last_paragraph: DocxParagraph | None = None
        _prepare_styles(self.document)
        self._page_setup()

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)
        section.header_distance, section.footer_distance = Mm(10), Mm(8)
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_runs(header, [pk.Run(self.packet.header_text())], size=8, color=GREY)
        _bottom_border(header)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(footer, [pk.Run("- ")], size=9)
        _add_field(footer, "PAGE", "1", size=9)
        add_runs(footer, [pk.Run(" -")], size=9)

    # the cover -----------------------------------------------------------------------------------------------------

    def cover(self, cover: pk.Cover) -> None:
        if cover.classification:
            table = self.document.add_table(rows=1, cols=1)
            table.alignment = WD_TABLE_ALIGNMENT.RIGHT
            _table_grid(table, [Mm(32)])
            cell = table.cell(0, 0)
            _cell_borders(
                cell, {"top": (12, "C92A2A"), "bottom": (12, "C92A2A"), "left": (12, "C92A2A"), "right": (12, "C92A2A")}
            )
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(paragraph, [pk.Run(cover.classification, bold=True)], size=12, color=RGBColor(0xC9, 0x2A, 0x2A))
        self._spacer(62 if cover.classification else 70)
        title = self.document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(title, [pk.Run(cover.title, bold=True)], size=24, color=NAVY)
        if cover.subtitle:
            subtitle = self.document.add_paragraph()
            subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
            subtitle.paragraph_format.space_before = Pt(14)
            add_runs(subtitle, [pk.Run(cover.subtitle)], size=13)
        self._spacer(70)
        for text in (cover.date_text, cover.organisation, cover.author):
            if text:
                paragraph = self.document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                add_runs(paragraph, [pk.Run(text)], size=12.5)
        self.page_break()

    def _spacer(self, height_mm: float) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Mm(height_mm)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(1)

    # body blocks ---------------------------------------------------------------------------------------------------

    def block(self, block: pk.Block, previous: pk.Block | None) -> None:
        if isinstance(block, pk.Heading):
            self.heading(block, previous)
        elif isinstance(block, pk.Paragraph):
            self._last_paragraph = self.paragraph(block)
        elif isinstance(block, pk.Table):
            self.table(block)
        elif isinstance(block, pk.Figure):
            self.figure(block)
        elif isinstance(block, pk.Quote):
            if isinstance(previous, pk.Paragraph) and self._last_paragraph is not None:
                # "□ 분석 메모" introduces the box beneath it and must not stay behind at the foot of a page
                self._last_paragraph.paragraph_format.keep_with_next = True
            self.quote(block)
        elif isinstance(block, pk.SummaryBox):
            self.summary(block)
        elif isinstance(block, pk.TableOfContents):
            self.toc(block)
        else:
            self.page_break()

    def heading(self, heading: pk.Heading, previous: pk.Block | None) -> None:
        paragraph = self.document.add_paragraph(style=f"Heading {min(heading.level, 3)}")
        if heading.page_break and not isinstance(previous, pk.PageBreak):
            paragraph.paragraph_format.page_break_before = True
        add_runs(paragraph, [pk.Run(heading.text)])
        if heading.anchor:
            self.bookmarks.add(paragraph, heading.anchor)

    def paragraph(self, block: pk.Paragraph, container: _Cell | None = None) -> DocxParagraph:
        target = container if container is not None else self.document
        paragraph = target.add_paragraph()
        size, bold, color, before, after, alignment = PARAGRAPH_LOOKS.get(block.style, PARAGRAPH_LOOKS["body"])
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if alignment is not None:
            paragraph.alignment = alignment
        runs = [pk.Run(r.text, r.bold or bold, r.italic, r.link) for r in block.runs]
        if block.marker and block.bullet is not None:
            marker_mm = _marker_mm(block.marker, size)
            fmt.left_indent = Mm(block.bullet.indent * INDENT_STEP_MM + marker_mm)
            fmt.first_line_indent = Mm(-marker_mm)
            runs = [pk.Run(f"{block.marker} "), *runs]
        add_runs(paragraph, runs, size=size, color=color)
        if block.anchor:
            self.bookmarks.add(paragraph, block.anchor)
        return paragraph

    def table(self, table: pk.Table) -> None:
        if table.caption:
            self.paragraph(pk.Paragraph([pk.Run(table.caption)], style="caption"))
        size = 8.5 if table.compact else 9
        docx_table = self.document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
        docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
        docx_table.autofit = False
        total = sum(column.width for column in table.columns)
        widths = [Mm(TEXT_WIDTH_MM * column.width / total) for column in table.columns]
        _table_grid(docx_table, widths)
        header = docx_table.rows[0]
        _repeat_header(header)
        for index, column in enumerate(table.columns):
            cell = header.cells[index]
            _fill(cell, HEADER_FILL)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(paragraph, [pk.Run(column.title, bold=True)], size=9)
        # python-docx's table.cell() and row.cells rebuild the whole cell grid on every call, which made a
        # 100-document summary table quadratic (3 s of a 5 s export); rows without a vertical span are read
        # from their own w:tc elements instead, and only a table with a rowspan takes the slow, general path.
        has_rowspan = any(cell.rowspan > 1 for row in table.rows for cell in row.cells)
        for row_index, row in enumerate(table.rows, start=1):
            docx_row = docx_table.rows[row_index]
            _cant_split(docx_row)
            tcs = list(docx_row._tr.tc_lst)
            grid_column = 0
            for cell in row.cells:
                if has_rowspan:
                    target = docx_table.cell(row_index, grid_column)
                    end = docx_table.cell(row_index + cell.rowspan - 1, grid_column + cell.colspan - 1)
                else:
                    target = _Cell(tcs[grid_column], docx_table)
                    end = _Cell(tcs[grid_column + cell.colspan - 1], docx_table)
                if cell.colspan > 1 or cell.rowspan > 1:
                    target = target.merge(end)
                self._cell(target, cell, size)
                grid_column += cell.colspan
            if row.kind == "group":
                for tc in docx_row._tr.tc_lst:
                    _fill(_Cell(tc, docx_table), GROUP_FILL)
        _korean_table_borders(docx_table)
        for tc in docx_table._tbl.iter_tcs():
            _Cell(tc, docx_table).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self._gap(6)

    def _cell(self, target: _Cell, cell: pk.Cell, size: float) -> None:
        alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(
            cell.align, WD_ALIGN_PARAGRAPH.LEFT
        )
        for index, line in enumerate(cell.lines):
            paragraph = target.paragraphs[0] if index == 0 else target.add_paragraph()
            paragraph.alignment = alignment
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.15
            add_runs(paragraph, line, size=size)

    def figure(self, figure: pk.Figure) -> None:
        width = min(figure.width_mm, TEXT_WIDTH_MM)
        self.document.add_picture(io.BytesIO(to_png(figure.graphic)), width=Mm(width))
        picture_paragraph = self.document.paragraphs[-1]
        picture_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture_paragraph.paragraph_format.keep_with_next = True
        _alt_text(picture_paragraph, figure.graphic.description or figure.caption)
        if figure.caption:
            caption = self.paragraph(pk.Paragraph([pk.Run(figure.caption)], style="caption"))
            caption.paragraph_format.keep_with_next = bool(figure.attribution)
        if figure.attribution:
            self.paragraph(pk.Paragraph([pk.Run(figure.attribution)], style="attribution"))

    def quote(self, quote: pk.Quote) -> None:
        table = self._box(left_only=True)
        # a passage, its citation and the note are read together: the box moves to the next page whole
        _cant_split(table.rows[0])
        cell = table.cell(0, 0)
        first = cell.paragraphs[0]
        add_runs(first, [pk.Run(quote.text)], size=9.5)
        first.paragraph_format.space_after = Pt(1)
        citation = cell.add_paragraph()
        citation.paragraph_format.space_after = Pt(1)
        add_runs(citation, quote.citation, size=8.5, color=GREY)
        if quote.note:
            note = cell.add_paragraph()
            note.paragraph_format.space_after = Pt(0)
            add_runs(note, [pk.Run(f"{quote.note_label}:", bold=True), pk.Run(f" {quote.note}")], size=10.5)
        self._gap(4)

    def summary(self, box: pk.SummaryBox) -> None:
        table = self._box(left_only=False)
        cell = table.cell(0, 0)
        title = cell.paragraphs[0]
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(8)
        add_runs(title, [pk.Run(box.title, bold=True)], size=14)
        for paragraph in box.paragraphs:
            self.paragraph(paragraph, container=cell)

    def _box(self, left_only: bool) -> DocxTable:
        table: DocxTable = self.document.add_table(rows=1, cols=1)  # python-docx leaves add_table unannotated
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT if left_only else WD_TABLE_ALIGNMENT.CENTER
        width = Mm(TEXT_WIDTH_MM - (6 if left_only else 0))
        _table_grid(table, [width])
        cell = table.cell(0, 0)
        if left_only:
            _cell_borders(cell, {"left": (20, "1F5FA8")})
            _fill(cell, QUOTE_FILL)
        else:
            _cell_borders(cell, {side: (10, "1F3864") for side in ("top", "bottom", "left", "right")})
        _cell_margins(cell, 140, 160)
        return table

    def toc(self, block: pk.TableOfContents) -> None:
        """A TOC field whose result is the headings as links, without page numbers (see the module's docstring)."""
        title = self.document.add_paragraph(style="TOC Heading")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(0)
        title.paragraph_format.space_after = Pt(12)
        add_runs(title, [pk.Run(block.title, bold=True)], size=15, color=RGBColor(0, 0, 0))
        headings = self.packet.headings()
        begin = self.document.add_paragraph(style=_toc_style(self.document, 1))
        _field_char(begin, "begin")
        instruction = OxmlElement("w:r")
        text = OxmlElement("w:instrText")
        text.set(qn("xml:space"), "preserve")
        text.text = ' TOC \\o "1-3" \\h \\z \\u '
        instruction.append(text)
        begin._p.append(instruction)
        _field_char(begin, "separate")
        last = begin
        for index, heading in enumerate(headings):
            paragraph = (
                begin if index == 0 else self.document.add_paragraph(style=_toc_style(self.document, heading.level))
            )
            add_runs(
                paragraph,
                [pk.Run(heading.text, bold=heading.level == 1, link=f"#{heading.anchor}")],
                size=11 if heading.level == 1 else 10,
                quiet_links=True,
            )
            last = paragraph
        _field_char(last, "end")
        if block.note:  # part of the contents, outside the field so Word's F9 keeps it
            note = self.document.add_paragraph(style=_toc_style(self.document, 1))
            note.paragraph_format.space_before = Pt(10)
            add_runs(note, [pk.Run(block.note)], size=9)

    def page_break(self) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    def _gap(self, points: float) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = Pt(points)

    def properties(self, exported: dt.datetime) -> None:
        """Title, author and the export time (python-docx's template would say 2013 and "python-docx")."""
        core = self.document.core_properties
        core.title = self.packet.title
        core.author = self.packet.author or "esgdesk"
        core.last_modified_by = self.packet.author or "esgdesk"
        core.created = exported
        core.modified = exported
        for printed in core._element.findall(qn("cp:lastPrinted")):  # the template's 2013 print date
            core._element.remove(printed)
        core.revision = 1
        core.subject = self.packet.subject
        core.keywords = ", ".join(self.packet.keywords)
        core.language = "en-GB" if self.packet.language == "en" else "ko-KR"
        core.comments = "esgdesk briefing packet"


# -- OOXML details ---------------------------------------------------------------------------------------------------


def _marker_mm(marker: str, size: float) -> float:
    """The hanging indent of a bullet: the marker's width plus a space (Hangul and □ are one em wide)."""
    ems = sum(1.0 if ord(ch) > 0x2000 else 0.5 for ch in marker) + 0.35
    return ems * size * 0.3528


def _toc_style(document: DocxDocument, level: int) -> str:
    """TOC 1–3 paragraph styles (Word's names, so a refreshed TOC keeps the look)."""
    from docx.enum.style import WD_STYLE_TYPE

    name = f"TOC {level}"
    if name not in [style.name for style in document.styles]:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Mm(8 * (level - 1))
        style.paragraph_format.space_after = Pt(3)
        set_korean_font(style.element)
    return name


def _field_char(paragraph: DocxParagraph, kind: str) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    paragraph._p.append(run)


def _add_field(paragraph: DocxParagraph, instruction: str, placeholder: str, size: float) -> None:
    _field_char(paragraph, "begin")
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run.append(text)
    paragraph._p.append(run)
    _field_char(paragraph, "separate")
    add_runs(paragraph, [pk.Run(placeholder)], size=size)
    _field_char(paragraph, "end")


def _bottom_border(paragraph: DocxParagraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "ADB5BD")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _table_grid(table: DocxTable, widths: Sequence[Length]) -> None:
    """Fixed layout with explicit widths, so Word and LibreOffice agree on the columns."""
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    for index, column in enumerate(table.columns):
        column.width = widths[index]
        for cell in column.cells:
            cell.width = widths[index]


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    _cant_split(row)


def _cant_split(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _fill(cell: _Cell, color: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = tc_pr.find(qn("w:shd"))
    if shading is None:
        shading = OxmlElement("w:shd")
        tc_pr.append(shading)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)


def _cell_borders(cell: _Cell, sides: dict[str, tuple[int, str]]) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        if side in sides:
            size, color = sides[side]
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:color"), color)
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)


def _cell_margins(cell: _Cell, vertical: int, horizontal: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    margins = OxmlElement("w:tcMar")
    for side, value in (("top", vertical), ("bottom", vertical), ("left", horizontal), ("right", horizontal)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tc_pr.append(margins)


def _korean_table_borders(table: DocxTable) -> None:
    """The Korean report table: a heavy rule on top, a rule under the header, thin grey inside, open sides."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side, value, size, color in (
        ("top", "single", 12, "000000"),
        ("left", "nil", 0, "auto"),
        ("bottom", "single", 10, "000000"),
        ("right", "nil", 0, "auto"),
        ("insideH", "single", 4, "7F8C9D"),
        ("insideV", "single", 4, "7F8C9D"),
    ):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), value)
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:color"), color)
        borders.append(element)
    tbl_pr.append(borders)
    for cell in table.rows[0].cells:
        tc_pr = cell._tc.get_or_add_tcPr()
        cell_borders = OxmlElement("w:tcBorders")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "8")
        bottom.set(qn("w:color"), "000000")
        cell_borders.append(bottom)
        tc_pr.append(cell_borders)
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 50), ("bottom", 50), ("left", 80), ("right", 80)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _alt_text(paragraph: DocxParagraph, text: str) -> None:
    for doc_pr in paragraph._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)


def _declare_fonts(document: DocxDocument) -> None:
    """The font table entry that lets Word and LibreOffice substitute a Korean sans-serif font for 맑은 고딕."""
    font_table = next(
        (part for part in document.part.package.iter_parts() if str(part.partname) == "/word/fontTable.xml"), None
    )
    if font_table is None:
        return
    from lxml import etree

    root = etree.fromstring(font_table.blob)
    for existing in root.findall(qn("w:font")):
        if existing.get(qn("w:name")) == FONT:
            root.remove(existing)
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), FONT)
    for tag, value in (("w:altName", FONT_ENGLISH), ("w:panose1", "020B0503020000020004"), ("w:charset", "81"),
                       ("w:family", "swiss"), ("w:pitch", "variable")):  # fmt: skip
        child = etree.SubElement(font, qn(tag))
        child.set(qn("w:val"), value)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- entry point ------------------------------------------------------------------------------------------------------


def render_docx(packet: pk.Packet, output: Path, exported: dt.datetime | None = None) -> Path:
    """Write the packet to `output` as DOCX and return the path; ``exported`` (UTC) defaults to now."""
    writer = _Writer(packet)
    writer.cover(packet.cover)
    previous: pk.Block | None = pk.PageBreak()
    for block in packet.blocks:
        writer.block(block, previous)
        previous = block
    writer.properties(exported or dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None))
    _declare_fonts(writer.document)
    output.parent.mkdir(parents=True, exist_ok=True)
    writer.document.save(str(output))
    return output
