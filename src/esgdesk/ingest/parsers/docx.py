"""Word documents (.docx, Office Open XML): releases some ministries and most agencies send as Word files.

Read with python-docx, but not through its high-level `Paragraph.text`, which drops text that is in the
document: tracked insertions (`w:ins`), content controls (`w:sdt`), smart tags and simple fields. The body's
XML is walked in document order instead; paragraphs and tables interleave as they stand (a table's cells row
by row, cells separated by a tab, a row per line). Deleted text (`w:del`), field codes (`w:instrText`) and the
fallback copy of text boxes (`mc:Fallback`, a duplicate of `mc:Choice`) are skipped.

The core-properties title is kept in metadata["file_title"]; it is the title only when the text is not a
release form with its own headline (Word files carry the template's or first draft's title for years).

Headers and footers go to metadata["headers"] / metadata["footers"], not into the body: they repeat the
ministry's banner ("보도자료", logo text) and page numbers, and placed first they would be taken for the
headline by the release-metadata step; placed last they would break the duplicate check against the same
release in HWPX or PDF.

The package is a zip from e-mail or the web: member sizes and compression ratios are checked from the
central directory before python-docx inflates anything (CPython's zipfile never returns more than a member's
declared size, so the declared sizes bound memory), and any XML part with a DTD is refused (entity expansion,
external entities) before lxml sees it.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml.etree import _Element

from esgdesk.core.i18n import _
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.release_text import useful_file_title
from esgdesk.ingest.safe_zip import SafeZip, ZipLimitError

__all__ = ["DocxParser"]

ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT_PART = "word/document.xml"
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
#: small parts may compress very well (a page of empty table cells); the ratio counts above this size
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000
#: nested tables and content controls deeper than this are not real documents
MAX_DEPTH = 60

_ALT_CHUNK_TAG = qn("w:altChunk")
#: marks an altChunk's place among the lines until its text is read
_ALT_CHUNK = "\x00altChunk:"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _R, _T = qn("w:tr"), qn("w:tc"), qn("w:r"), qn("w:t")
_TAB, _BR, _CR, _NB_HYPHEN = qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_TXBX_CONTENT = qn("w:txbxContent")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: subtrees that hold no visible text of the paragraph
_SKIPPED = frozenset(
    {qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:delText"), qn("w:pPr"), qn("w:rPr"), _MC_FALLBACK}
)
#: containers whose children are blocks (paragraphs, tables) rather than runs
_BLOCK_CONTAINERS = frozenset({_SDT_CONTENT, qn("w:customXml"), qn("w:body"), qn("w:hdr"), qn("w:ftr")})


class DocxParser:
    name = "docx"
    media_types = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)

    def score(self, source: SourceInput) -> int | None:
        """A zip with `word/document.xml` is Word, whatever its name says (.doc, .zip, no extension)."""
        if source.data.startswith(ZIP_MAGIC):
            try:
                with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
                    names = set(archive.namelist())
            except Exception:
                names = set()
            if DOCUMENT_PART in names and "[Content_Types].xml" in names:
                return 100
        if source.suffix == ".docx":
            return 10
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        _check_package(source.data)
        try:
            word = docx.Document(io.BytesIO(source.data))
        except Exception as exc:
            raise ParseError(
                _("the Word file is damaged or not a .docx document ({reason})", reason=_reason(exc))
            ) from exc
        try:
            return [_read_document(word)]
        except RecursionError as exc:
            raise ParseError(_("the Word file is nested too deeply to read safely")) from exc
        except Exception as exc:
            raise ParseError(_("the Word file is damaged and cannot be read ({reason})", reason=_reason(exc))) from exc


# -- package safety --------------------------------------------------------------------------------------


def _check_package(data: bytes) -> None:
    """Refuse zip bombs and XML with DTDs before python-docx (zipfile + lxml) touches the content.

    Every part is read through `SafeZip`, the one zip guard (sizes checked as declared and again while
    inflating), so python-docx later inflates only parts known to be honest."""
    limits = ImportLimits(
        max_file_bytes=MAX_MEMBER_BYTES,
        max_unpacked_bytes=MAX_TOTAL_BYTES,
        max_compression_ratio=MAX_RATIO,
        max_members=MAX_MEMBERS,
    )
    try:
        package = SafeZip(data, limits)
    except ParseError as exc:
        if "members" in str(exc):
            raise ParseError(_("the Word file holds too many parts to be a document ({exc})", exc=exc)) from exc
        raise ParseError(_("the Word file is damaged (it is not a readable zip package)")) from exc
    try:
        if DOCUMENT_PART not in package.names:
            raise ParseError(_("the file is a zip package but not a Word document (no word/document.xml)"))
        for info in package.infos:
            if info.is_dir():
                continue
            try:
                content = package.read(info)
            except ZipLimitError as exc:
                if info.file_size > MAX_MEMBER_BYTES:
                    raise ParseError(
                        _("a part of the Word file unpacks to more than 100 MB ({name}); refused", name=info.filename)
                    ) from exc
                raise ParseError(
                    _("a part of the Word file is refused ({name}): {exc}", name=info.filename, exc=exc)
                ) from exc
            except ParseError as exc:
                raise ParseError(
                    _("the Word file is damaged (part {name} cannot be unpacked)", name=info.filename)
                ) from exc
            if info.filename.lower().endswith((".xml", ".rels")) and _DTD.search(_as_ascii_compatible(content)):
                raise ParseError(_("the Word file declares an XML DTD or entities, which esgdesk refuses for safety"))
    finally:
        package.close()


def _as_ascii_compatible(content: bytes) -> bytes:
    """UTF-16/32 XML would hide `<!DOCTYPE` from a byte search; re-encode it first."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(encoding, errors="replace").encode("utf-8")
    if content[:4] in (b"<\x00?\x00", b"<\x00!\x00"):
        return content.decode("utf-16-le", errors="replace").encode("utf-8")
    if content[:4] in (b"\x00<\x00?", b"\x00<\x00!"):
        return content.decode("utf-16-be", errors="replace").encode("utf-8")
    return content


# -- text ------------------------------------------------------------------------------------------------


def _read_document(word: WordDocument, nested: bool = False) -> ParsedDocument:
    warnings: list[str] = []
    lines = [
        _alt_chunk_text(word, line[len(_ALT_CHUNK) :], warnings, nested) if line.startswith(_ALT_CHUNK) else line
        for line in _block_lines(word.element.body, 0)
    ]
    document = ParsedDocument(body=_clean("\n".join(lines)), warnings=warnings, partial=bool(warnings))
    headers, footers = _headers_and_footers(word)
    if headers:
        document.metadata["headers"] = headers
    if footers:
        document.metadata["footers"] = footers
    _read_core_properties(word, document)
    return document


def _block_lines(container: _Element, depth: int) -> Iterator[str]:
    """Lines of a block container (body, header, content control) in document order."""
    if depth > MAX_DEPTH:
        return
    for child in container:
        if child.tag == _P:
            yield from _paragraph_lines(child, depth)
        elif child.tag == _TBL:
            yield from _table_lines(child, depth)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, depth + 1)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _block_lines(child, depth + 1)
        elif child.tag == _ALT_CHUNK_TAG:
            yield _ALT_CHUNK + (child.get(qn("r:id")) or "")


def _alt_chunk_text(word: WordDocument, relationship_id: str, warnings: list[str], nested: bool) -> str:
    """An altChunk: content Word merges in when it opens the file (an HTML page, a text, another .docx).
    HTML, plain text and Word chunks are read; anything else (RTF, MHT) leaves the document partial."""
    try:
        part = word.part.related_parts[relationship_id]
    except KeyError:
        warnings.append(_("an embedded part (altChunk) is missing from the Word file; its text is not included"))
        return ""
    content_type = (part.content_type or "").lower()
    blob: bytes = part.blob
    try:
        if "html" in content_type:
            from esgdesk.ingest.parsers.html import HtmlParser

            pages = HtmlParser().parse(SourceInput("chunk.html", blob))
            # the page reader takes a page's first line as its title: here it is the chunk's first line
            return "\n".join(_page_text(page.title, page.body) for page in pages)
        if content_type.startswith("text/plain"):
            return blob.decode("utf-8-sig", errors="replace")
        if "wordprocessingml" in content_type and not nested:
            _check_package(blob)
            return _read_document(docx.Document(io.BytesIO(blob)), nested=True).body
    except Exception as exc:
        warnings.append(
            _("an embedded part (altChunk, {kind}) could not be read: {reason}", kind=content_type, reason=_reason(exc))
        )
        return ""
    warnings.append(
        _(
            "an embedded part (altChunk, {kind}) cannot be read; its text is not included",
            kind=content_type or "unknown type",
        )
    )
    return ""


def _page_text(title: str | None, body: str) -> str:
    """A page's text with its title line when the body does not already start with it."""
    if title and not body.startswith(title):
        return f"{title}\n{body}" if body else title
    return body


def _paragraph_lines(paragraph: _Element, depth: int) -> Iterator[str]:
    """The paragraph's own text, then the paragraphs of any text boxes anchored in it."""
    parts: list[str] = []
    boxes: list[_Element] = []
    _inline_text(paragraph, parts, boxes)
    yield "".join(parts)
    for box in boxes:
        yield from _block_lines(box, depth + 1)


def _inline_text(element: _Element, parts: list[str], boxes: list[_Element]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue  # comments and processing instructions have a non-string tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag == _TXBX_CONTENT:
            boxes.append(child)
        else:
            _inline_text(child, parts, boxes)


def _table_lines(table: _Element, depth: int) -> Iterator[str]:
    """A row per line, cells separated by tabs. Each `w:tc` once: merged cells are not repeated."""
    if depth > MAX_DEPTH:
        return
    for row in _children(table, _TR):
        cells = [_cell_text(cell, depth + 1) for cell in _children(row, _TC)]
        if any(cells):
            yield "\t".join(cells)


def _children(element: _Element, tag: str) -> Iterator[_Element]:
    """Direct children with `tag`, also those wrapped in content controls (`w:sdt`) or custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, qn("w:customXml")):
            yield from _children(child, tag)


def _cell_text(cell: _Element, depth: int) -> str:
    """A cell's paragraphs (and nested tables) on one line, so the row stays one line."""
    lines = _block_lines(cell, depth)
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def _headers_and_footers(word: WordDocument) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    for section in word.sections:
        for kind, found in (("header", headers), ("footer", footers)):
            for name in (kind, f"first_page_{kind}", f"even_page_{kind}"):
                part = getattr(section, name)
                if part.is_linked_to_previous:
                    continue
                lines = (normalize_line(_CONTROLS.sub(" ", line)) for line in _block_lines(part._element, 0))
                text = "\n".join(line for line in lines if line)
                if text and text not in found:
                    found.append(text)
    return headers, footers


def _read_core_properties(word: WordDocument, document: ParsedDocument) -> None:
    """Title, author and dates as the file states them. `created` is not the release date: metadata only."""
    try:
        properties = word.core_properties
        title, author = properties.title, properties.author
        created, modified = properties.created, properties.modified
        subject, keywords = properties.subject, properties.keywords
    except Exception:
        return
    title = normalize_line(_CONTROLS.sub("", title or ""))
    if title and useful_file_title(title):
        document.metadata["file_title"] = title  # the pipeline weighs it against the text's headline
    for key, value in (("author", author), ("subject", subject), ("keywords", keywords)):
        value = normalize_line(_CONTROLS.sub("", value or ""))
        if value:
            document.metadata[key] = value
    if created is not None:
        document.metadata["created"] = created
    if modified is not None:
        document.metadata["modified"] = modified


def _clean(text: str) -> str:
    return normalize_text(_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def _reason(exc: BaseException) -> str:
    text = normalize_line(str(exc))[:160]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
