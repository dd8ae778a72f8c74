"""E-mail messages (.eml, RFC 822/MIME): press releases mailed to analysts with their HWP and PDF attached.

The message becomes one document (kind "email"): Subject as title, Date as published date, the text part as
body (or the HTML part as text), and every attached file as an `Attachment`, so the release, its HWP and
its PDF are kept together as originals of one document.

Format quirks handled here, all common in Korean mail:
- Korean mailers label CP949 text `ks_c_5601-1987` or `euc-kr`; Python maps both to the strict EUC-KR
  codec, which fails on the 8,822 syllables only CP949 has (똠, 쌰 …). Both are read as CP949.
- Headers are decoded from their raw form (RFC 2047 encoded words with the charset mapping above; raw 8-bit
  UTF-8 or CP949 bytes, which some mailers send unencoded).
- Attachment names come RFC 2231-encoded (`filename*=UTF-8''…`), RFC 2047-encoded inside quotes (against
  the standard, but Outlook and Korean webmail do it), or raw; macOS sends them NFD. Only the last path
  component is kept: a name can never climb out with `../` or name a drive.
- A forwarded message (message/rfc822) is kept as an attached `.eml`, not mixed into this message's text.

Limits: at most 100 attachments and 200 MB of decoded attachments are kept (the rest are skipped with a
warning; the .eml original itself keeps everything), and at most 1,000 MIME parts are looked at.
"""

from __future__ import annotations

import datetime as dt
import email
import email.header
import email.utils
import mimetypes
import re
from email import policy
from email.message import Message
from pathlib import PurePath

from esgdesk.core.i18n import _
from esgdesk.core.models import DocumentKind
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.html_tree import parse_html
from esgdesk.ingest.parsers.base import Attachment, ParsedDocument, ParseError, SourceInput

__all__ = ["EmailParser", "decode_header_value"]

MAX_ATTACHMENTS = 100
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_PARTS = 1_000
MAX_DEPTH = 20
MAX_NAME_LENGTH = 200

_HEADER_NAMES = ("from", "subject", "date", "mime-version", "received")
#: header names that mark a message; the relay headers count because a message from Gmail or a Korean portal
#: can carry 2 KB of Received/DKIM/ARC lines before its From and Subject
_HEADER_LINE = re.compile(
    rb"^(From|Subject|Date|MIME-Version|Received|Return-Path|Delivered-To|Message-ID|DKIM-Signature|ARC-Seal)"
    rb"[ \t]*:",
    re.I | re.M,
)
#: an RFC 822 header field name (printable ASCII but the colon), or mbox's "From " separator line
_FIRST_LINE = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]+[ \t]*:|From )")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
#: labels of CP949 (a superset of EUC-KR) as mailers write them
_CP949_LABELS = frozenset(
    {"ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "euc-kr", "euc_kr", "euckr", "x-windows-949", "cp949"}
)


class EmailParser:
    name = "email"
    media_types = ("message/rfc822",)

    def score(self, source: SourceInput) -> int | None:
        """Two mail header names (From, Subject, Date, MIME-Version, Received …) at line starts in 2 KB."""
        head = source.data[:2048].lstrip(b"\r\n")
        if _FIRST_LINE.match(head):
            found = {match.group(1).lower() for match in _HEADER_LINE.finditer(head)}
            if len(found) >= 2:
                return 80
        if source.suffix == ".eml":
            return 20
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        if not _FIRST_LINE.match(source.data[:2048].lstrip(b"\r\n")):
            raise ParseError(_("the file is not an e-mail message (it does not start with mail headers)"))
        try:
            message = email.message_from_bytes(source.data, policy=policy.default)
            return [_read_message(message)]
        except ParseError:
            raise
        except RecursionError as exc:
            raise ParseError(_("the e-mail is nested too deeply to read safely")) from exc
        except Exception as exc:  # the email package raises assorted errors on malformed MIME
            raise ParseError(_("the e-mail is malformed and cannot be read ({kind})", kind=type(exc).__name__)) from exc


def _read_message(message: Message) -> ParsedDocument:
    if not any(_raw_header(message, name) for name in _HEADER_NAMES):
        raise ParseError(_("the file is not an e-mail message (it has no From, Subject or Date header)"))
    reader = _PartReader()
    reader.walk(message, 0)
    document = ParsedDocument(
        body=reader.body,
        title=_header_text(message, "subject") or None,
        kind=DocumentKind.EMAIL,
        attachments=reader.attachments,
        warnings=reader.warnings,
    )
    document.published = _message_date(message)
    metadata = document.metadata
    for key in ("from", "to", "cc"):
        value = _header_text(message, key)
        if value:
            metadata[key] = value
    message_id = _header_text(message, "message-id")
    if message_id:
        metadata["message_id"] = message_id
    if reader.attachments:
        metadata["attachment_names"] = [attachment.name for attachment in reader.attachments]
    return document


class _PartReader:
    """Walks the MIME tree once: the first text body, then everything that is a file."""

    def __init__(self) -> None:
        self.body = ""
        self.html_body = ""
        self.attachments: list[Attachment] = []
        self.warnings: list[str] = []
        self.parts_seen = 0
        self.attachment_bytes = 0
        self.skipped = 0

    def walk(self, part: Message, depth: int) -> None:
        self.walk_parts(part, depth)
        if not self.body and self.html_body:
            self.body = self.html_body
        if self.skipped:
            self.warnings.append(
                _(
                    "{skipped} attachment(s) were not kept (limit: {files} files, {limit} MB); "
                    "the original .eml still holds them",
                    skipped=self.skipped,
                    files=MAX_ATTACHMENTS,
                    limit=MAX_ATTACHMENT_BYTES // (1024 * 1024),
                )
            )

    def walk_parts(self, part: Message, depth: int) -> None:
        self.parts_seen += 1
        if self.parts_seen > MAX_PARTS or depth > MAX_DEPTH:
            too_many = _("the e-mail has too many MIME parts or levels; the rest was not read")
            if too_many not in self.warnings:
                self.warnings.append(too_many)
            return
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and depth > 0:
            self.add_forwarded(part)
        elif part.is_multipart():
            payload = part.get_payload()
            for child in payload if isinstance(payload, list) else []:
                if isinstance(child, Message):
                    self.walk_parts(child, depth + 1)
        elif self.is_body(part, content_type):
            text = _part_text(part)
            if content_type == "text/html":
                self.html_body = self.html_body or _clean(parse_html(text).root.text())
            else:
                self.body = _clean(text)
        else:
            self.add_file(part, content_type)

    def is_body(self, part: Message, content_type: str) -> bool:
        """The first inline text/plain (or text/html, used when there is no plain text) without a file name."""
        if content_type not in ("text/plain", "text/html") or _filename(part):
            return False
        if (part.get_content_disposition() or "inline") != "inline":
            return False
        return not self.body if content_type == "text/plain" else not self.html_body

    def add_file(self, part: Message, content_type: str) -> None:
        try:
            payload = part.get_payload(decode=True)  # bytes for a leaf part, None when there is nothing to decode
        except Exception:
            payload = None
        data = payload if isinstance(payload, bytes) else b""
        name = _filename(part) or _fallback_name(content_type, len(self.attachments) + 1)
        self.keep(_safe_name(name, content_type, len(self.attachments) + 1), data)

    def add_forwarded(self, part: Message) -> None:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if not isinstance(inner, Message):
            return
        try:
            data = inner.as_bytes(policy=policy.default)
        except Exception:
            data = inner.as_bytes(policy=policy.compat32)
        subject = _header_text(inner, "subject") or "forwarded message"
        name = _filename(part) or f"{subject}.eml"
        self.keep(_safe_name(name, "message/rfc822", len(self.attachments) + 1), data)

    def keep(self, name: str, data: bytes) -> None:
        if len(self.attachments) >= MAX_ATTACHMENTS or self.attachment_bytes + len(data) > MAX_ATTACHMENT_BYTES:
            self.skipped += 1
            return
        self.attachment_bytes += len(data)
        self.attachments.append(Attachment(_unique(name, self.attachments), data))


# -- headers ---------------------------------------------------------------------------------------------


def _raw_header(message: Message, name: str) -> str | None:
    """The header's raw value: decoding it ourselves is the only way to apply the CP949 mapping."""
    for key, value in message.raw_items():
        if key.lower() == name:
            return value if isinstance(value, str) else str(value)
    return None


def _header_text(message: Message, name: str) -> str:
    raw = _raw_header(message, name)
    return decode_header_value(raw) if raw else ""


def decode_header_value(raw: str) -> str:
    """RFC 2047 words in any charset (CP949 for the EUC-KR labels) and raw 8-bit UTF-8/CP949 text."""
    raw = re.sub(r"\r?\n[ \t]", " ", raw)
    try:
        chunks = email.header.decode_header(raw)
    except Exception:
        chunks = [(raw, None)]
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(_repair_8bit(chunk))
        elif charset is None:
            parts.append(_repair_8bit(chunk.decode("raw-unicode-escape", errors="replace")))
        else:
            parts.append(_decode_bytes(chunk, charset))
    return normalize_line(_CONTROLS.sub(" ", "".join(parts)))


def _repair_8bit(text: str) -> str:
    """Raw 8-bit header bytes arrive as surrogate escapes; read them as UTF-8, else CP949."""
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return text
    data = text.encode("utf-8", errors="surrogateescape")
    for encoding in ("utf-8", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _message_date(message: Message) -> dt.date | None:
    """The Date header in the sender's time zone (converting to UTC would move early-morning mail a day)."""
    raw = _raw_header(message, "date")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw.strip()).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# -- bodies ----------------------------------------------------------------------------------------------


def _part_text(part: Message) -> str:
    try:
        data = part.get_payload(decode=True) or b""
    except Exception:
        data = b""
    if not isinstance(data, bytes):
        return ""
    return _decode_bytes(data, part.get_content_charset())


def _decode_bytes(data: bytes, charset: str | None) -> str:
    """The declared charset first (CP949 for EUC-KR labels), then UTF-8 and CP949, then the declared one lossily."""
    declared = _codec(charset)
    for encoding in dict.fromkeys(filter(None, (declared, "utf-8", "cp949"))):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return data.decode(declared or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    label = charset.strip().strip('"').lower()
    if label in _CP949_LABELS:
        return "cp949"
    if label in ("unknown-8bit", "x-unknown", "us-ascii", "ascii"):
        return None  # ASCII labels on 8-bit text are common; UTF-8 then CP949 decide
    return label


def _clean(text: str) -> str:
    return normalize_text(_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


# -- attachment names ------------------------------------------------------------------------------------


def _filename(part: Message) -> str | None:
    """The attachment's name from Content-Disposition or Content-Type, however it was encoded."""
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        name = _raw_param(part)
    if not name:
        return None
    if isinstance(name, tuple):  # compat32 returns RFC 2231 triples
        name = email.utils.collapse_rfc2231_value(name)
    name = _repair_8bit(str(name))
    if _ENCODED_WORD.search(name):
        name = decode_header_value(name)
    return name


def _raw_param(part: Message) -> str | None:
    """A `filename=`/`name=` the header parser could not make sense of, taken from the raw header."""
    for header in ("content-disposition", "content-type"):
        raw = _raw_header(part, header)
        if raw:
            match = re.search(r'(?:file)?name\s*=\s*"([^"]*)"|(?:file)?name\s*=\s*([^;\s]+)', raw, re.I)
            if match:
                return match.group(1) or match.group(2)
    return None


def _safe_name(name: str, content_type: str, number: int) -> str:
    """The last path component only, without characters Windows or macOS refuse, NFC, at most 200 chars."""
    name = normalize_line(name)
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    if not name or name in {".", ".."}:
        name = _fallback_name(content_type, number)
    if len(name) > MAX_NAME_LENGTH:
        path = PurePath(name)
        suffix = path.suffix if len(path.suffix) <= 10 else ""
        name = path.stem[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name


def _fallback_name(content_type: str, number: int) -> str:
    extension = ".eml" if content_type == "message/rfc822" else mimetypes.guess_extension(content_type) or ".bin"
    return f"attachment-{number}{extension}"


def _unique(name: str, kept: list[Attachment]) -> str:
    """Two attachments with one name (image.png twice) must not overwrite each other in a folder."""
    names = {attachment.name for attachment in kept}
    if name not in names:
        return name
    path = PurePath(name)
    number = 2
    while f"{path.stem} ({number}){path.suffix}" in names:
        number += 1
    return f"{path.stem} ({number}){path.suffix}"
