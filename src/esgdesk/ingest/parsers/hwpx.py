"""HWPX documents: Hangul's zip-of-XML format (OWPML, KS X 6101), the successor of HWP 5.0.

The package resembles EPUB: a stored `mimetype` member (`application/hwp+zip`), `META-INF/container.xml`
pointing at `Contents/content.hpf` (an OPF package whose spine orders the sections), and the body in
`Contents/section0.xml`, `section1.xml` ... Hangul itself tolerates a missing `META-INF/manifest.xml`, and
so does this parser; without a usable `content.hpf` the sections are read in numeric order.

Section XML: `hs:sec` holds paragraphs `hp:p`, which hold runs `hp:run`, which hold text `hp:t` (with
`hp:lineBreak`, `hp:tab` ... inside it) and objects: tables `hp:tbl/hp:tr/hp:tc`, drawing objects whose
`hp:drawText/hp:subList` holds paragraphs, and `hp:ctrl` for headers, footers and notes. Elements are
matched by local name, because the namespace URIs changed between OWPML versions (2011, 2016 ...).

Files come from e-mail and the web, so the zip is read under size and ratio limits and the XML with
defusedxml (no DTDs, no entities).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XmlSyntaxError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from esgdesk.core.i18n import N_, _
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.parsers.hancom_symbols import map_private_use
from esgdesk.ingest.parsers.hwp import ParagraphText, clean_text, layout_table
from esgdesk.ingest.safe_zip import SafeZip, ZipLimitError

__all__ = ["HwpxParser"]

ZIP_MAGIC = b"PK\x03\x04"
HWPX_MIMETYPE = b"application/hwp+zip"
CONTENT_HPF = "Contents/content.hpf"

#: Limits for hostile input: the importer-wide container limits, plus a per-member cap.
_LIMITS = ImportLimits()
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_NESTING = 100

_SECTION_NAME = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)

#: Objects anchored in a paragraph whose text belongs after it rather than inside it.
_NOTE_OBJECTS = frozenset({"header", "footer", "footNote", "endNote"})
#: Elements that never hold document text (layout, alt text, hidden comments, field parameters ...).
_NO_TEXT = frozenset(
    {
        "secPr",
        "linesegarray",
        "shapeComment",
        "hiddenComment",
        "parameters",
        "script",
        "fieldBegin",
        "fieldEnd",
        "colPr",
        "pageNum",
        "autoNum",
        "newNum",
        "pageHiding",
        "bookmark",
        "indexmark",
    }
)
#: Inline elements inside `hp:t` and what they read as.
#: a line break inside a paragraph is U+2028 (LINE SEPARATOR), which the document forms join or split
_INLINE_CHARS = {"lineBreak": "\u2028", "tab": "\t", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}

_MSG_PASSWORD = N_(
    "the HWPX file is protected by a password; open it in Hangul, remove the password and import it again"
)


def _damaged(detail: str) -> ParseError:
    return ParseError(_("the HWPX file is damaged or incomplete ({detail})", detail=detail))


class TooLarge(ParseError):
    """A member exceeds the unpacking limits: never tolerated, unlike a merely damaged optional member."""


def _too_big(detail: str) -> ParseError:
    return TooLarge(_("the HWPX file is too large when unpacked ({detail}); it may be a zip bomb", detail=detail))


def local_name(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions have none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------------------------------
# The zip package, read under limits
# --------------------------------------------------------------------------------------------------


class Package:
    """Members of an HWPX zip, read through the importer's SafeZip (declared and actual sizes, ratio, total
    and member-count limits), with HWPX's own messages: a limit is never tolerated (TooLarge), while a
    damaged optional member may be done without."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = SafeZip(data, _LIMITS)  # module-level, so tests can tighten it
        except ParseError as exc:
            raise _damaged(str(exc)) from exc
        self.names = self._zip.names

    def close(self) -> None:
        self._zip.close()

    def read(self, name: str, limit: int | None = None) -> bytes:
        info = self._zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise ParseError(_(_MSG_PASSWORD))
        try:
            return self._zip.read(info, MAX_MEMBER_BYTES if limit is None else limit)
        except ZipLimitError as exc:
            raise _too_big(_("{name}: {exc}", name=name, exc=exc)) from exc
        except ParseError as exc:
            raise _damaged(_("{name}: {exc}", name=name, exc=exc)) from exc

    def xml(self, name: str) -> Element:
        return parse_xml(self.read(name), name)


def parse_xml(data: bytes, name: str) -> Element:
    """Parse XML with DTDs, entities and external references forbidden (billion laughs, XXE)."""
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        return root
    except DefusedXmlException as exc:
        raise ParseError(
            _(
                "{name} uses XML features refused for safety (DTD or entities): {kind}",
                name=name,
                kind=type(exc).__name__,
            )
        ) from exc
    except XmlSyntaxError as exc:
        raise _damaged(_("{name} is not well-formed XML: {exc}", name=name, exc=exc)) from exc


# --------------------------------------------------------------------------------------------------
# Package structure: which sections, in which order; metadata
# --------------------------------------------------------------------------------------------------


def _hpf_path(package: Package) -> str | None:
    """The OPF package file: named by META-INF/container.xml, else the usual Contents/content.hpf."""
    if "META-INF/container.xml" in package.names:
        try:
            container = package.xml("META-INF/container.xml")
        except ParseError:
            container = None
        for element in container.iter() if container is not None else ():
            path = element.get("full-path", "")
            if local_name(element.tag) == "rootfile" and path.lower().endswith(".hpf") and path in package.names:
                return path
    return CONTENT_HPF if CONTENT_HPF in package.names else None


def _resolve(href: str, hpf: str, names: Iterable[str]) -> str | None:
    """A manifest href as a member name: Hancom writes package-root paths, OPF says relative to the hpf."""
    candidates = [href.lstrip("/"), posixpath.normpath(posixpath.join(posixpath.dirname(hpf), href))]
    return next((candidate for candidate in candidates if candidate in names), None)


def spine_sections(hpf: Element, hpf_name: str, names: Iterable[str]) -> list[str]:
    """Section members in the order of the OPF spine (manifest order if the spine names none)."""
    names = frozenset(names)
    items: dict[str, str] = {}
    manifest_order: list[str] = []
    spine: list[str] = []
    for element in hpf.iter():
        name = local_name(element.tag)
        if name == "item" and element.get("href"):
            items[element.get("id", "")] = element.get("href", "")
            manifest_order.append(element.get("href", ""))
        elif name == "itemref" and element.get("idref"):
            spine.append(element.get("idref", ""))
    hrefs = [items[idref] for idref in spine if idref in items] or manifest_order
    sections: list[str] = []
    for href in hrefs:
        member = _resolve(href, hpf_name, names)
        if member and _SECTION_NAME.search(member) and member not in sections:
            sections.append(member)
    return sections


def numbered_sections(names: Iterable[str]) -> list[str]:
    """`Contents/sectionN.xml` in numeric order: the fallback when the package lists nothing usable."""
    found = []
    for name in names:
        match = _SECTION_NAME.search(name)
        if match and name.startswith("Contents/"):
            found.append((int(match.group(1)), name))
    return [name for _, name in sorted(found)]


def hpf_metadata(hpf: Element) -> tuple[str | None, dict[str, object]]:
    """Title and the metadata Hangul writes into content.hpf (`opf:title`, `opf:meta name=...`)."""
    title: str | None = None
    metadata: dict[str, object] = {}
    keys = {"creator": "author", "subject": "subject", "keyword": "keywords", "description": "comments"}
    dates = {"CreatedDate": "created", "ModifiedDate": "modified"}
    for element in hpf.iter():
        name = local_name(element.tag)
        value = clean_text("".join(element.itertext())).strip()
        if not value:
            continue
        if name == "title" and title is None:
            title = value
        elif name == "meta":
            meta = element.get("name", "")
            if meta in keys:
                metadata[keys[meta]] = value
            elif meta in dates:
                metadata[dates[meta]] = value
    return title, metadata


# --------------------------------------------------------------------------------------------------
# Section text
# --------------------------------------------------------------------------------------------------


class SectionWalker:
    """Reads the text of a section element in reading order."""

    def __init__(self, bullets: dict[str, str] | None = None) -> None:
        self.too_deep = False
        #: bullet marks by paraPr id (see `paragraph_bullets`)
        self.bullets = bullets or {}

    def paragraphs(self, container: Element, depth: int = 0) -> list[str]:
        """The paragraphs directly in `container` (a section or a subList), as text."""
        if self._deep(depth):
            return []
        out: list[str] = []
        for child in container:
            name = local_name(child.tag)
            if name == "p":
                out.append(self.paragraph(child, depth + 1))
            elif name == "switch":
                branch = _switch_branch(child)
                if branch is not None:
                    out.extend(self.paragraphs(branch, depth + 1))
        return out

    def paragraph(self, para: Element, depth: int) -> str:
        builder = ParagraphText()
        for child in para:
            self._inline(child, builder, depth + 1)
        text = builder.result()
        mark = self.bullets.get(para.get("paraPrIDRef") or "")
        return f"{mark} {text}" if mark and text.strip() else text

    def _deep(self, depth: int) -> bool:
        if depth > MAX_NESTING:
            self.too_deep = True
            return True
        return False

    def _inline(self, element: Element, builder: ParagraphText, depth: int) -> None:
        """One child of a paragraph or run: text, an object placed at its position, or a note."""
        if self._deep(depth):
            return
        name = local_name(element.tag)
        if name in _NO_TEXT or not name:
            return
        if name == "run":
            for child in element:
                self._inline(child, builder, depth + 1)
        elif name == "t":
            _text_element(element, builder)
        elif name == "ctrl":
            for child in element:
                child_name = local_name(child.tag)
                if child_name in _NOTE_OBJECTS:
                    builder.note(self.object_text(child, depth + 1))
                elif child_name not in _NO_TEXT:
                    builder.block(self.object_text(child, depth + 1))
        elif name == "switch":
            branch = _switch_branch(element)
            if branch is not None:
                for child in branch:
                    self._inline(child, builder, depth + 1)
        elif name == "dutmal":  # ruby text: the main text reads inline, the annotation is dropped
            main = next((c for c in element if local_name(c.tag) == "mainText"), None)
            if main is not None:
                builder.text("".join(main.itertext()))
        elif name == "tbl":
            builder.block(self.table(element, depth + 1))
        else:  # drawing objects, containers, pictures with captions, equations, form controls
            builder.block(self.object_text(element, depth + 1))

    def object_text(self, element: Element, depth: int) -> str:
        """Every paragraph inside an object (text box, header, note, group ...), in document order."""
        if self._deep(depth):
            return ""
        blocks: list[str] = []
        for child in element:
            name = local_name(child.tag)
            if name in _NO_TEXT or not name:
                continue
            if name == "subList":
                blocks.extend(self.paragraphs(child, depth + 1))
            elif name == "p":
                blocks.append(self.paragraph(child, depth + 1))
            elif name == "tbl":
                blocks.append(self.table(child, depth + 1))
            elif name == "switch":
                branch = _switch_branch(child)
                if branch is not None:
                    blocks.append(self.object_text(branch, depth + 1))
            else:
                blocks.append(self.object_text(child, depth + 1))
        return "\n".join(block for block in blocks if block.strip())

    def table(self, table: Element, depth: int) -> str:
        """Caption, then cells row by row (`hp:tr/hp:tc`), laid out like the HWP parser does."""
        if self._deep(depth):
            return ""
        caption = ""
        rows: list[list[str]] = []
        for child in table:
            name = local_name(child.tag)
            if name == "caption":
                caption = self.object_text(child, depth + 1)
            elif name == "tr":
                rows.append(
                    [clean_text(self.object_text(cell, depth + 2)) for cell in child if local_name(cell.tag) == "tc"]
                )
        parts = [caption, layout_table(rows)]
        return "\n".join(part for part in parts if part.strip())


def _switch_branch(switch: Element) -> Element | None:
    """`hp:switch` holds alternative renderings of the same content: read one (the first case)."""
    children = list(switch)
    for wanted in ("case", "default"):
        branch = next((c for c in children if local_name(c.tag) == wanted), None)
        if branch is not None:
            return branch
    return None


def _text_element(element: Element, builder: ParagraphText) -> None:
    """`hp:t`: its text, inline elements (line breaks, tabs ...) and their tails.

    Tracked changes mark deletions with empty `deleteBegin`/`deleteEnd` elements around text that is
    still in the file; that text is not part of the current document and is skipped (until the end of
    the paragraph at most, so a damaged marker cannot swallow the rest of the document).
    """
    if element.text and not builder.deleting:
        builder.text(element.text)
    for child in element:
        name = local_name(child.tag)
        if name == "deleteBegin":
            builder.deleting = True
        elif name == "deleteEnd":
            builder.deleting = False
        elif not builder.deleting:
            builder.text(_INLINE_CHARS.get(name, ""))
        if child.tail and not builder.deleting:
            builder.text(child.tail)


# --------------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------------


class HwpxParser:
    """HWPX (OWPML) documents."""

    name = "hwpx"
    media_types: tuple[str, ...] = ("application/hwp+zip",)

    def score(self, source: SourceInput) -> int | None:
        data = source.data
        if not data.startswith(ZIP_MAGIC):
            return None
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.getinfo("mimetype").file_size < 256:
                    with archive.open("mimetype") as member:
                        if member.read(256).strip() == HWPX_MIMETYPE:
                            return 100
                if "Contents/section0.xml" in names or CONTENT_HPF in names:
                    return 100
                return None
        except Exception:  # a damaged zip: claim it if its stored mimetype says HWPX
            return 100 if b"mimetype" + HWPX_MIMETYPE in data[:256] else None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        try:
            package = Package(source.data)
            try:
                return [self._parse_package(package)]
            finally:
                package.close()
        except ParseError:
            raise
        except (MemoryError, RecursionError) as exc:
            raise ParseError(
                _("the HWPX file is too large or too deeply nested to import ({kind})", kind=type(exc).__name__)
            ) from exc
        except Exception as exc:  # zipfile and expat raise many types on damaged files
            raise _damaged(_("{kind}: {exc}", kind=type(exc).__name__, exc=exc)) from exc

    def _parse_package(self, package: Package) -> ParsedDocument:
        _refuse_encrypted(package)
        title: str | None = None
        metadata: dict[str, object] = {}
        warnings: list[str] = []
        sections: list[str] = []
        hpf_name = _hpf_path(package)
        if hpf_name is not None:
            try:
                hpf = package.xml(hpf_name)
            except TooLarge:
                raise
            except ParseError:
                warnings.append(
                    _("{hpf_name} could not be read; sections were read in numeric order", hpf_name=hpf_name)
                )
            else:
                title, metadata = hpf_metadata(hpf)
                sections = spine_sections(hpf, hpf_name, package.names)
        if not sections:
            sections = numbered_sections(package.names)
        if not sections:
            raise _damaged(_("no Contents/sectionN.xml"))
        walker = SectionWalker(_header_bullets(package, warnings))
        texts = [clean_text("\n".join(walker.paragraphs(package.xml(name)))) for name in sections]
        if walker.too_deep:
            warnings.append(_("objects nested too deeply were skipped"))
        body = clean_text("\n".join(texts))
        if not body.strip():
            warnings.append(_("the document contains no text"))
        if title:
            metadata["file_title"] = title  # the pipeline weighs it against the text's headline
        return ParsedDocument(
            body=body,
            metadata=metadata,
            warnings=warnings,
            partial=walker.too_deep,
        )


def paragraph_bullets(header: Element) -> dict[str, str]:
    """Bullet marks by paraPr id from Contents/header.xml: `<hh:paraPr id><hh:heading type="BULLET" idRef>`
    and `<hh:bullet id char>`. A bulleted paragraph prints its mark without it being in the text; readers and
    the 보도자료 form's sub-headlines need it. Automatic numbering is not emitted yet."""
    marks: dict[str, str] = {}
    for element in header.iter():
        if local_name(element.tag) == "bullet" and element.get("id"):
            mark = map_private_use(element.get("char") or "").strip()
            if mark:
                marks[element.get("id") or ""] = mark
    bullets: dict[str, str] = {}
    for element in header.iter():
        if local_name(element.tag) != "paraPr":
            continue
        for child in element.iter():
            if local_name(child.tag) == "heading" and child.get("type") == "BULLET":
                bullet = marks.get(child.get("idRef") or "")
                if bullet:
                    bullets[element.get("id") or ""] = bullet
                break
    return bullets


def _header_bullets(package: Package, warnings: list[str]) -> dict[str, str]:
    name = "Contents/header.xml"
    if name not in package.names:
        return {}
    try:
        return paragraph_bullets(package.xml(name))
    except TooLarge:
        raise
    except ParseError:
        warnings.append(_("Contents/header.xml could not be read; bullet marks are missing"))
        return {}


def _refuse_encrypted(package: Package) -> None:
    """Password-protected HWPX keeps encrypted members and declares them in META-INF/manifest.xml."""
    name = "META-INF/manifest.xml"
    if name in package.names:
        manifest = package.read(name, limit=4 * 1024 * 1024)
        if b"encryption-data" in manifest:
            raise ParseError(_(_MSG_PASSWORD))
