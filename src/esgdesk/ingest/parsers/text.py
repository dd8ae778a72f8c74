"""Plain text: releases typed or pasted from a board, in UTF-8, UTF-16 or the legacy CP949/EUC-KR."""

from __future__ import annotations

from pathlib import PurePath

from esgdesk.ingest.decoding import decode_text
from esgdesk.ingest.limits import MAX_BODY_CHARS, cap_text
from esgdesk.ingest.parsers.base import ParsedDocument, SourceInput
from esgdesk.ingest.release_text import documents_from_text

_TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".log", ""}


def _reads_as_text(head: bytes) -> bool:
    """Whether the first bytes decode as text in an encoding esgdesk reads (a cut multibyte tail is fine)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if not head or b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp949"):
        try:
            text = head[: len(head) - 3 if len(head) == 4096 else len(head)].decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        return controls <= len(text) // 100
    return False


class TextParser:
    name = "text"
    media_types = ("text/plain",)

    def score(self, source: SourceInput) -> int | None:
        """Text is the format of last resort, but bytes that read as text beat another format's file name.

        15 for content that decodes as text (a release saved as `x.pdf` is still text; a PDF's name alone
        scores 10), 20 when the name agrees, 10 for a text name on bytes that do not read as text (the
        parser then says why), 1 for anything else without NUL bytes.
        """
        readable = _reads_as_text(source.head)
        if readable:
            return 20 if source.suffix in _TEXT_SUFFIXES else 15
        if source.suffix in _TEXT_SUFFIXES:
            return 10
        if b"\x00" not in source.head:
            return 1
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        text, encoding = decode_text(source.data)
        # a text too long to be a release is cut before the release and listing readers walk its lines
        text, warning = cap_text(text, MAX_BODY_CHARS)
        documents = documents_from_text(text, fallback_title=PurePath(source.name).stem)
        for document in documents:
            document.metadata.setdefault("encoding", encoding)
        if warning and documents:
            documents[0].warnings.append(warning)
            documents[0].partial = True
        return documents
