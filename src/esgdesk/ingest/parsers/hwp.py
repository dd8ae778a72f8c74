"""HWP 5.0 documents (Hangul word processor, the format most Korean ministries still publish in).

An HWP 5.0 file is an OLE compound file. The parts that matter here:

- `FileHeader`: the signature `HWP Document File`, the version and a flag word (compressed, password,
  distribution document, DRM ...).
- `BodyText/Section0..N`: the text, as a stream of binary records; raw deflate (no zlib header) when the
  "compressed" flag is set.
- `ViewText/Section0..N`: in distribution documents (배포용 문서) the body is here instead, AES-128 encrypted
  with a key hidden in the stream's first record; `BodyText` then only holds a notice.
- `PrvText`: a UTF-16 preview of the first page or so, which Hangul writes for every file.
- `\\x05HwpSummaryInformation`: an OLE property set with title, author and dates.

The record layout and control characters follow Hancom's published "한글 문서 파일 형식 5.0" specification.
Every failure surfaces as `ParseError`: these files arrive by e-mail and from the web, so the parser assumes
every length field may lie.

The text helpers at the top (`clean_text`, `layout_table`, `ParagraphText`) are shared with the HWPX parser,
which lays out the same kinds of content (tables, text boxes, headers) from XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import olefile
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from esgdesk.core.i18n import N_, _
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.parsers.hancom_symbols import map_private_use

__all__ = ["HwpParser", "ParagraphText", "clean_text", "layout_table"]

# --------------------------------------------------------------------------------------------------
# Text helpers shared with the HWPX parser
# --------------------------------------------------------------------------------------------------

#: C0/C1 controls other than tab and newline, plus DEL.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalise extracted text: NFC, private-use symbols mapped (esgdesk.ingest.parsers.hancom_symbols) or
    dropped, no control characters, tidy lines.

    NFC matters for search: Hangul can arrive as conjoining jamo, which would never match a query typed as
    syllables. Trailing spaces are trimmed per line and runs of blank lines collapse to one, because Hangul
    documents use empty paragraphs for vertical spacing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = map_private_use(text)
    text = _CONTROLS.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def layout_table(rows: list[list[str]]) -> str:
    """Lay out a table as text, cells in reading order (row by row, left to right).

    A row whose cells are all one line becomes one line with cells separated by tabs, which reads like the
    table and keeps a row's values together for search snippets. When any cell holds several paragraphs
    (common in press releases, where a one-cell table frames a whole summary), the row's cells are written
    one after another on their own lines instead, so no paragraph structure is lost.
    """
    lines: list[str] = []
    for row in rows:
        cells = [cell.strip("\n") for cell in row]
        if not any(cell.strip() for cell in cells):
            continue
        if all("\n" not in cell for cell in cells):
            lines.append("\t".join(cells).rstrip())
        else:
            lines.extend(cell for cell in cells if cell.strip())
    return "\n".join(lines)


class ParagraphText:
    """Assembles one paragraph: its inline text, the objects anchored in it, and its notes.

    Tables and text boxes sit at a character position inside a paragraph; their text is placed there as a
    block of its own lines. Headers, footers, footnotes and endnotes are also anchored in a paragraph but
    are not part of its sentence, so they follow the paragraph.
    """

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._inline: list[str] = []
        self._notes: list[str] = []
        #: HWPX tracked changes: text between deleteBegin and deleteEnd is not part of the current text.
        self.deleting = False

    def text(self, text: str) -> None:
        if text:
            self._inline.append(text)

    def block(self, text: str) -> None:
        self._flush()
        if text.strip():
            self._lines.append(text)

    def note(self, text: str) -> None:
        if text.strip():
            self._notes.append(text)

    def result(self) -> str:
        self._flush()
        return "\n".join(self._lines + self._notes)

    def _flush(self) -> None:
        inline = "".join(self._inline)
        self._inline.clear()
        if inline.strip():
            self._lines.append(inline)


# --------------------------------------------------------------------------------------------------
# Format constants
# --------------------------------------------------------------------------------------------------

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
HWP_SIGNATURE = b"HWP Document File"
_HWP3_HEADER = re.compile(rb"HWP Document File V[1-3]\.")

FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERTIFICATE_ENCRYPTED = 1 << 8
FLAG_CERTIFICATE_DRM = 1 << 10

HWPTAG_BEGIN = 16
TAG_DISTRIBUTE_DOC_DATA = HWPTAG_BEGIN + 12
TAG_BULLET = HWPTAG_BEGIN + 8
TAG_PARA_SHAPE = HWPTAG_BEGIN + 9
TAG_PARA_HEADER = HWPTAG_BEGIN + 50
TAG_PARA_TEXT = HWPTAG_BEGIN + 51
TAG_CTRL_HEADER = HWPTAG_BEGIN + 55
TAG_LIST_HEADER = HWPTAG_BEGIN + 56
TAG_TABLE = HWPTAG_BEGIN + 61

#: Control ids (the spec's MAKE_4CHID, stored little-endian, so compared here as reversed bytes).
CTRL_TABLE = b"tbl "
CTRL_NOTES = frozenset({b"head", b"foot", b"fn  ", b"en  "})
CTRL_HIDDEN_COMMENT = b"tcmt"

#: Limits for hostile input. A real press release section is well under a megabyte decompressed.
MAX_SECTION_BYTES = 64 * 1024 * 1024
MAX_RECORDS_PER_SECTION = 500_000
MAX_SECTIONS = 4096
#: an encrypted section beyond this is refused (the preview is used): no release is that large
MAX_ENCRYPTED_BYTES = 64 * 1024 * 1024
MAX_NESTING = 60
_INFLATE_CHUNK = 64 * 1024

_MSG_PASSWORD = N_(
    "the HWP file is protected by a password; open it in Hangul, remove the password and import it again"
)
_MSG_DRM = N_("the HWP file is DRM-protected or certificate-encrypted and cannot be read outside Hangul")
_MSG_HWP3 = N_("unsupported HWP version 3.x; save it as HWP 5 or HWPX in Hangul")
_MSG_DAMAGED_PREVIEW = N_("the body text is damaged: only the preview text was imported")
_MSG_PREVIEW_ONLY = N_("distribution document: only the preview text was imported")


def _damaged(detail: str) -> ParseError:
    return ParseError(_("the HWP file is damaged or incomplete ({detail})", detail=detail))


# --------------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Record:
    """One HWP record. Records form a tree through their `level`: a record's children follow it with a
    higher level (a paragraph's text, the table inside it, the table's cell paragraphs ...)."""

    tag: int
    level: int
    data: bytes
    children: list[Record] = field(default_factory=list)

    @property
    def ctrl_id(self) -> bytes:
        return self.data[:4][::-1]


def iter_records(data: bytes) -> Iterator[tuple[int, int, bytes] | None]:
    """Yield (tag, level, payload) for each record; yields None once if the stream ends mid-record.

    Header: 32 bits, tag = bits 0-9, level = bits 10-19, size = bits 20-31; size 0xFFF means the real size
    follows as another 32-bit word. A size beyond the end of the stream is damage, not a reason to read on.
    """
    pos, end = 0, len(data)
    while pos + 4 <= end:
        (header,) = struct.unpack_from("<I", data, pos)
        pos += 4
        size = header >> 20
        if size == 0xFFF:
            if pos + 4 > end:
                yield None
                return
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > end:
            yield None
            return
        yield header & 0x3FF, (header >> 10) & 0x3FF, data[pos : pos + size]
        pos += size


def build_tree(data: bytes) -> tuple[list[Record], bool]:
    """The section's top-level records with their children, and whether the stream was complete.

    Built with a stack rather than recursion, so a hostile level sequence cannot exhaust the call stack;
    a level that jumps (corrupt input) simply attaches to the nearest shallower record.
    """
    roots: list[Record] = []
    stack: list[Record] = []
    complete = True
    for count, item in enumerate(iter_records(data)):
        if item is None:
            complete = False
            break
        if count >= MAX_RECORDS_PER_SECTION:
            raise ParseError(_("the HWP file has too many records to import safely"))
        record = Record(*item)
        while stack and stack[-1].level >= record.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(record)
        stack.append(record)
    return roots, complete


# --------------------------------------------------------------------------------------------------
# Paragraph text (PARA_TEXT)
# --------------------------------------------------------------------------------------------------

#: Every UTF-16LE code unit below 32 (zero-width, so overlapping positions are all found).
_CONTROL_UNIT = re.compile(rb"(?=[\x00-\x1f]\x00)", re.DOTALL)
#: Extended controls: each has a CTRL_HEADER record (table, drawing object, header, footnote ...).
_EXTENDED = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
#: One-unit "char" controls and what they read as.
#: 10 is a line break inside a paragraph: U+2028, so the document forms can join a headline wrapped by hand
_CHAR_CONTROLS = {10: "\u2028", 24: "-", 30: " ", 31: " "}


class Anchor:
    """Where an extended control (table, text box, note ...) sits in a paragraph's text."""


ANCHOR = Anchor()


def decode_para_text(data: bytes) -> list[str | Anchor]:
    """Split a PARA_TEXT payload into text runs and control anchors.

    The payload is UTF-16LE with control codes below 32. Codes 0, 10, 13 and 24-31 are one code unit;
    all others (inline and extended controls) take 8 units: the code, 6 units of parameters, the code
    again. Reading those 6 units as text is what turns other parsers' output into CJK garbage, so they
    are skipped whole. Tab (9) is an inline control and still reads as a tab.
    """
    end = len(data) - (len(data) & 1)
    pieces: list[str | Anchor] = []
    pos = 0
    for match in _CONTROL_UNIT.finditer(data, 0, end):
        at = match.start()
        if at & 1 or at < pos:
            continue  # misaligned, or inside a control's parameters
        if at > pos:
            pieces.append(data[pos:at].decode("utf-16le", errors="replace"))
        code = data[at]
        if code in (0, 10, 13) or code >= 24:
            pieces.append(_CHAR_CONTROLS.get(code, ""))
            pos = at + 2
        else:
            if code == 9:
                pieces.append("\t")
            elif code in _EXTENDED:
                pieces.append(ANCHOR)
            pos = at + 16
    if pos < end:
        pieces.append(data[pos:end].decode("utf-16le", errors="replace"))
    return pieces


# --------------------------------------------------------------------------------------------------
# Section text: paragraphs, tables, objects
# --------------------------------------------------------------------------------------------------


def paragraph_bullets(doc_info: bytes) -> dict[int, str]:
    """Bullet marks by paragraph-shape id, from DocInfo: a bulleted paragraph prints its mark (`-`, `□`, `○`)
    without it being in the text, and a reader (and the 보도자료 form's sub-headlines) needs it.

    PARA_SHAPE: attribute bits 23–24 are the head type (3 = bullet), the UINT16 at offset 30 the 1-based
    bullet id; BULLET: the mark is the WCHAR after the 12-byte paragraph-head info. Automatic numbering
    (`1.`, `가.`) needs counters across paragraphs and is not emitted yet.
    """
    bullets: list[str] = []
    shapes: list[tuple[int, int]] = []
    for record in iter_records(doc_info):
        if record is None:
            break
        tag, _level, data = record
        if tag == TAG_BULLET:
            bullets.append(map_private_use(chr(struct.unpack_from("<H", data, 12)[0])) if len(data) >= 14 else "")
        elif tag == TAG_PARA_SHAPE and len(data) >= 32:
            (attributes,) = struct.unpack_from("<I", data, 0)
            (head_id,) = struct.unpack_from("<H", data, 30)
            shapes.append(((attributes >> 23) & 3, head_id))
    heads: dict[int, str] = {}
    for shape_id, (head_type, head_id) in enumerate(shapes):
        if head_type == 3 and 1 <= head_id <= len(bullets) and bullets[head_id - 1].strip():
            heads[shape_id] = bullets[head_id - 1]
    return heads


class SectionText:
    """Turns a section's record tree into text in reading order."""

    def __init__(self, bullets: dict[int, str] | None = None) -> None:
        self.too_deep = False
        self.bullets = bullets or {}

    def section(self, roots: list[Record]) -> str:
        return "\n".join(self._nodes(roots, 0))

    def _nodes(self, nodes: list[Record], depth: int) -> list[str]:
        """Text of the paragraphs among `nodes` and, for other records, among their descendants."""
        if depth > MAX_NESTING:
            self.too_deep = True
            return []
        out: list[str] = []
        for node in nodes:
            if node.tag == TAG_PARA_HEADER:
                out.append(self._paragraph(node, depth + 1))
            elif node.children:
                out.extend(self._nodes(node.children, depth + 1))
        return out

    def _paragraph(self, para: Record, depth: int) -> str:
        """Paragraph text with each extended control's content placed at its anchor.

        The n-th extended control character in PARA_TEXT corresponds to the n-th CTRL_HEADER child of the
        paragraph; controls left over (damaged text) are placed after the paragraph's text.
        """
        builder = ParagraphText()
        controls = iter([child for child in para.children if child.tag == TAG_CTRL_HEADER])
        text_record = next((child for child in para.children if child.tag == TAG_PARA_TEXT), None)
        pieces = decode_para_text(text_record.data) if text_record is not None else []
        for piece in pieces:
            if isinstance(piece, str):
                builder.text(piece)
            elif (control := next(controls, None)) is not None:
                self._place_control(control, builder, depth)
        for control in controls:
            self._place_control(control, builder, depth)
        text = builder.result()
        mark = self.bullets.get(struct.unpack_from("<H", para.data, 8)[0]) if len(para.data) >= 10 else None
        return f"{mark} {text}" if mark and text.strip() else text

    def _place_control(self, control: Record, builder: ParagraphText, depth: int) -> None:
        ctrl_id = control.ctrl_id
        if ctrl_id == CTRL_HIDDEN_COMMENT:
            return
        if ctrl_id == CTRL_TABLE:
            builder.block(self._table(control, depth + 1))
        elif ctrl_id in CTRL_NOTES:
            builder.note("\n".join(self._nodes(control.children, depth + 1)))
        else:  # drawing objects and text boxes ('gso '), equations, fields: whatever paragraphs they hold
            builder.block("\n".join(self._nodes(control.children, depth + 1)))

    def _table(self, control: Record, depth: int) -> str:
        """A table: its caption, then its cells row by row.

        Under the table's CTRL_HEADER come the caption's LIST_HEADER (if any), the TABLE record, then one
        LIST_HEADER per cell followed by that cell's paragraphs as siblings. Cell LIST_HEADERs carry the
        cell's column and row address at bytes 8-11, which groups cells into rows.
        """
        caption: list[str] = []
        cells: list[tuple[int, list[str]]] = []
        current: list[str] = caption
        seen_table = False
        for child in control.children:
            if child.tag == TAG_TABLE:
                seen_table = True
            elif child.tag == TAG_LIST_HEADER:
                if seen_table:
                    row = struct.unpack_from("<H", child.data, 10)[0] if len(child.data) >= 12 else -1
                    current = []
                    cells.append((row, current))
                current.extend(self._nodes(child.children, depth + 1))
            elif child.tag == TAG_PARA_HEADER:
                current.append(self._paragraph(child, depth + 1))
            elif child.children:
                current.extend(self._nodes(child.children, depth + 1))
        rows: list[list[str]] = []
        last_row: int | None = None
        for row, paragraphs in cells:
            if not rows or (row != last_row and row != -1):
                rows.append([])
            rows[-1].append(clean_text("\n".join(paragraphs)))
            last_row = row
        parts = ["\n".join(caption).strip("\n"), layout_table(rows)]
        return "\n".join(part for part in parts if part.strip())


def _starts_with_paragraph(data: bytes) -> bool:
    """Whether a decrypted section plausibly is one: every section opens with a level-0 PARA_HEADER."""
    if len(data) < 4:
        return False
    header: int = struct.unpack_from("<I", data, 0)[0]
    return header & 0x3FF == TAG_PARA_HEADER and (header >> 10) & 0x3FF == 0


def section_text(data: bytes, bullets: dict[int, str] | None = None) -> tuple[str, list[str]]:
    """The text of one decompressed section stream, with warnings about damage found on the way."""
    roots, complete = build_tree(data)
    reader = SectionText(bullets)
    text = reader.section(roots)
    warnings: list[str] = []
    if not complete:
        warnings.append(_("a section of the HWP file ends in a damaged record; the text after it is missing"))
    if reader.too_deep:
        warnings.append(_("objects nested too deeply were skipped"))
    return text, warnings


# --------------------------------------------------------------------------------------------------
# Decompression and distribution-document decryption
# --------------------------------------------------------------------------------------------------


def inflate_raw(data: bytes, limit: int | None = None) -> tuple[bytes, bool]:
    """Raw-deflate `data` (HWP stores sections without a zlib header), refusing output beyond `limit`.

    Returns the output and whether the deflate stream was complete. Input is fed in chunks so that damage
    in the middle of a stream still yields the text before it.
    """
    limit = MAX_SECTION_BYTES if limit is None else limit
    inflater = zlib.decompressobj(-15)
    out = bytearray()
    for start in range(0, len(data), _INFLATE_CHUNK):
        pending = data[start : start + _INFLATE_CHUNK]
        while pending and not inflater.eof:
            try:
                out += inflater.decompress(pending, limit + 1 - len(out))
            except zlib.error:
                return bytes(out), False
            if len(out) > limit:
                raise ParseError(
                    _(
                        "the HWP file expands to more than {limit} MiB per section (a decompression bomb?)",
                        limit=limit // (1024 * 1024),
                    )
                )
            pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    return bytes(out), inflater.eof


def _msvc_rand(seed: int) -> Callable[[], int]:
    """The Microsoft C runtime's rand() after srand(seed): Hangul derives the key scrambling from it."""
    state = seed & 0xFFFFFFFF

    def rand() -> int:
        nonlocal state
        state = (state * 214013 + 2531011) & 0xFFFFFFFF
        return (state >> 16) & 0x7FFF

    return rand


def distribution_key(doc_data: bytes) -> bytes:
    """The AES-128 key hidden in a distribution document's 256-byte HWPTAG_DISTRIBUTE_DOC_DATA record.

    Per the HWP 5.0 distribution-document specification: the first 4 bytes seed MSVC's rand(); bytes from
    offset 4 on are XORed with a value from rand() that changes after a rand()-chosen run of 1-16 bytes.
    The descrambled data holds an 80-byte SHA-1 string at offset 4 + (seed & 0xF) whose first 16 bytes
    are the key.
    """
    if len(doc_data) != 256:
        raise _damaged(_("distribution data record has the wrong size"))
    rand = _msvc_rand(int.from_bytes(doc_data[:4], "little"))
    data = bytearray(doc_data)
    mask, run = 0, 0
    for i in range(256):
        if run == 0:
            mask = rand() & 0xFF
            run = (rand() & 0xF) + 1
        if i >= 4:
            data[i] ^= mask
        run -= 1
    offset = 4 + (data[0] & 0xF)
    return bytes(data[offset : offset + 16])


def decrypt_view_text(stream: bytes) -> bytes:
    """Decrypt a `ViewText/SectionN` stream: a DISTRIBUTE_DOC_DATA record, then AES-128-ECB data."""
    if len(stream) < 4 + 256:
        raise _damaged(_("distribution section too short"))
    (header,) = struct.unpack_from("<I", stream, 0)
    if header & 0x3FF != TAG_DISTRIBUTE_DOC_DATA or header >> 20 != 256:
        raise _damaged(_("distribution section does not start with its key record"))
    key = distribution_key(stream[4:260])
    body = stream[260:]
    return aes128_ecb_decrypt(key, body[: len(body) - len(body) % 16])


def aes128_ecb_decrypt(key: bytes, data: bytes) -> bytes:
    """Decrypt whole 16-byte blocks with AES-128 in ECB mode (no padding), as distribution documents use.

    `cryptography` (Apache-2.0/BSD, OpenSSL underneath) does the work: hundreds of MB/s where the former
    pure-Python AES managed about 0.6 MiB/s.
    """
    if len(key) != 16 or len(data) % 16:
        # English only, not _(): its callers always pass a 16-byte key and whole blocks: a programming error.
        raise ValueError("AES-128 needs a 16-byte key and whole blocks")
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return decryptor.update(data) + decryptor.finalize()


# --------------------------------------------------------------------------------------------------
# The OLE container
# --------------------------------------------------------------------------------------------------


@dataclass
class FileHeader:
    version: tuple[int, int, int, int]
    flags: int

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)


def read_file_header(raw: bytes) -> FileHeader:
    if len(raw) < 40 or not raw.startswith(HWP_SIGNATURE):
        raise _damaged(_("no valid FileHeader"))
    version, flags = struct.unpack_from("<II", raw, 32)
    major, minor, build, revision = version.to_bytes(4, "big")
    return FileHeader(version=(major, minor, build, revision), flags=flags)


def _bullets(ole: olefile.OleFileIO, header: FileHeader) -> dict[int, str]:
    """The bullet marks of DocInfo; a damaged DocInfo costs the marks, not the text."""
    try:
        data = ole.openstream("DocInfo").read()
        if header.compressed:
            data, _complete = inflate_raw(data)
        return paragraph_bullets(data)
    except Exception:
        return {}


def _section_streams(ole: olefile.OleFileIO, storage: str) -> list[str]:
    """`storage/SectionN` stream paths in numeric order (Section10 after Section9)."""
    numbered: list[tuple[int, str]] = []
    for path in ole.listdir(streams=True, storages=False):
        if len(path) == 2 and path[0] == storage:
            match = re.fullmatch(r"Section(\d+)", path[1])
            if match:
                numbered.append((int(match.group(1)), "/".join(path)))
    if len(numbered) > MAX_SECTIONS:
        raise _damaged(_("too many sections"))
    return [path for _, path in sorted(numbered)]


def _preview_text(ole: olefile.OleFileIO) -> str:
    """The `PrvText` stream: UTF-16LE text of the document's start, tables written as `<cell><cell>`."""
    if not ole.exists("PrvText"):
        return ""
    raw = ole.openstream("PrvText").read(MAX_SECTION_BYTES)
    text = raw[: len(raw) - (len(raw) & 1)].decode("utf-16le", errors="replace")
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        cells = re.fullmatch(r"\s*((?:<[^<>\n]*>)+)\s*", line)
        lines.append("\t".join(re.findall(r"<([^<>\n]*)>", cells.group(1))) if cells else line)
    return clean_text("\n".join(lines))


_SUMMARY_FIELDS = {2: "title", 3: "subject", 4: "author", 5: "keywords", 6: "comments"}
_SUMMARY_DATES = {12: "created", 13: "modified"}


def _summary(ole: olefile.OleFileIO) -> dict[str, object]:
    """Title, author and dates from `\\x05HwpSummaryInformation`.

    olefile reads Hangul's VT_LPWSTR strings past their end, so each string is cut at its first NUL.
    Dates before 1980 are FILETIME zero ("not set") and are dropped. The summary is a nicety: if it is
    unreadable the document still imports.
    """
    name = "\x05HwpSummaryInformation"
    if not ole.exists(name):
        return {}
    try:
        props = ole.getproperties(name, convert_time=True, no_conversion=[10])
    except Exception:  # a damaged summary must not stop the text import
        return {}
    found: dict[str, object] = {}
    for prop_id, key in _SUMMARY_FIELDS.items():
        value = props.get(prop_id)
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        if isinstance(value, str):
            value = clean_text(value.split("\x00", 1)[0]).strip()
            if value:
                found[key] = value
    for prop_id, key in _SUMMARY_DATES.items():
        value = props.get(prop_id)
        if isinstance(value, dt.datetime) and value.year >= 1980:
            found[key] = value.isoformat()
    return found


# --------------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------------


class HwpParser:
    """HWP 5.0 (and a clear refusal for HWP 3.x)."""

    name = "hwp"
    media_types: tuple[str, ...] = ("application/x-hwp",)

    def score(self, source: SourceInput) -> int | None:
        data = source.data
        if _HWP3_HEADER.match(data):
            return 100
        if not data.startswith(OLE_MAGIC):
            return None
        try:
            with olefile.OleFileIO(io.BytesIO(data)) as ole:
                if not ole.exists("FileHeader"):
                    return None
                if ole.openstream("FileHeader").read(32).startswith(HWP_SIGNATURE):
                    return 100
                # A damaged HWP (truncated FileHeader): claim it so the user hears "damaged HWP".
                return 100 if ole.exists("DocInfo") else None
        except Exception:  # an unreadable container: claim it only if it says it is HWP
            return 100 if HWP_SIGNATURE in data else None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        if _HWP3_HEADER.match(source.data):
            raise ParseError(_(_MSG_HWP3))
        try:
            with olefile.OleFileIO(io.BytesIO(source.data)) as ole:
                return [self._parse_ole(ole)]
        except ParseError:
            raise
        except MemoryError as exc:
            raise ParseError(_("the HWP file is too large to import")) from exc
        except Exception as exc:  # olefile and struct raise many types on damaged files
            raise _damaged(_("{kind}: {exc}", kind=type(exc).__name__, exc=exc)) from exc

    def _parse_ole(self, ole: olefile.OleFileIO) -> ParsedDocument:
        if not ole.exists("FileHeader"):
            raise ParseError(_("this OLE file is not an HWP document (no FileHeader)"))
        header = read_file_header(ole.openstream("FileHeader").read(256))
        if header.version[0] < 5:
            raise ParseError(_(_MSG_HWP3))
        if header.flags & FLAG_PASSWORD:
            raise ParseError(_(_MSG_PASSWORD))
        if header.flags & (FLAG_DRM | FLAG_CERTIFICATE_ENCRYPTED | FLAG_CERTIFICATE_DRM):
            raise ParseError(_(_MSG_DRM))
        distribution = bool(header.flags & FLAG_DISTRIBUTION)
        document = self._distribution(ole, header) if distribution else self._body_text(ole, header)
        summary = _summary(ole)
        title = summary.pop("title", None)
        if isinstance(title, str) and title:
            document.metadata["file_title"] = title  # the pipeline weighs it against the text's headline
        document.metadata.update(summary)
        document.metadata["hwp_version"] = ".".join(str(part) for part in header.version)
        if not document.body.strip():
            document.warnings.append(_("the document contains no text"))
        return document

    def _body_text(self, ole: olefile.OleFileIO, header: FileHeader) -> ParsedDocument:
        paths = _section_streams(ole, "BodyText")
        if not paths:
            raise _damaged(_("no BodyText sections"))
        texts: list[str] = []
        warnings: list[str] = []
        bullets = _bullets(ole, header)
        for path in paths:
            data = ole.openstream(path).read()
            if header.compressed:
                data, complete = inflate_raw(data)
                if not complete:
                    warnings.append(
                        _("{path} is truncated or damaged; the text after the damage is missing", path=path)
                    )
            text, section_warnings = section_text(data, bullets)
            texts.append(text)
            warnings.extend(section_warnings)
        body = clean_text("\n".join(texts))
        if warnings and not body.strip():
            return self._damaged_body_preview(ole)
        return ParsedDocument(body=body, warnings=warnings, partial=bool(warnings))

    def _damaged_body_preview(self, ole: olefile.OleFileIO) -> ParsedDocument:
        """The body text is too damaged to yield anything: the preview is better than nothing."""
        preview = _preview_text(ole)
        if not preview:
            raise _damaged(_("the body text is unreadable"))
        return ParsedDocument(body=preview, warnings=[_(_MSG_DAMAGED_PREVIEW)], partial=True)

    def _distribution(self, ole: olefile.OleFileIO, header: FileHeader) -> ParsedDocument:
        """Distribution documents: decrypt ViewText; failing that, the preview marked partial."""
        try:
            document = self._view_text(ole, header)
        except ParseError as exc:
            preview = _preview_text(ole)
            if not preview:
                raise ParseError(
                    _("this HWP distribution document could not be decrypted and has no preview text ({exc})", exc=exc)
                ) from exc
            document = ParsedDocument(body=preview, warnings=[_(_MSG_PREVIEW_ONLY)], partial=True)
        document.metadata["distribution_document"] = True
        return document

    def _view_text(self, ole: olefile.OleFileIO, header: FileHeader) -> ParsedDocument:
        paths = _section_streams(ole, "ViewText")
        if not paths:
            raise _damaged(_("distribution document without ViewText"))
        texts: list[str] = []
        warnings: list[str] = []
        for path in paths:
            if ole.get_size(path) > MAX_ENCRYPTED_BYTES:
                raise ParseError(_("{path} is too large to decrypt here", path=path))
            data = decrypt_view_text(ole.openstream(path).read())
            if header.compressed:
                data, complete = inflate_raw(data)
                if not complete:
                    warnings.append(
                        _("{path} is truncated or damaged; the text after the damage is missing", path=path)
                    )
            if not _starts_with_paragraph(data):
                raise _damaged(_("{path} did not decrypt to HWP records", path=path))
            text = section_text(data, _bullets(ole, header))[0]  # decrypted data ends in block padding: not damage
            texts.append(text)
        body = clean_text("\n".join(texts))
        if not body.strip():
            raise _damaged(_("distribution document decrypted to no text"))
        return ParsedDocument(body=body, warnings=warnings, partial=bool(warnings))
