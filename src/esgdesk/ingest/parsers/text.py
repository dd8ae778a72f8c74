"""Plain text: releases typed or pasted from a board, in UTF-8, UTF-16 or the legacy CP949/EUC-KR."""

from __future__ import annotations

from pathlib import PurePath

from esgdesk.ingest.decoding import decode_text
from esgdesk.ingest.parsers.base import ParsedDocument, SourceInput
from esgdesk.ingest.release_text import documents_from_text

_TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".log", ""}


class TextParser:
    name = "text"
    media_types = ("text/plain",)

    def score(self, source: SourceInput) -> int | None:
        """Text is the format of last resort: a `.txt` name scores 10, anything else that may be text 1."""
        if source.suffix in _TEXT_SUFFIXES:
            return 10
        if b"\x00" not in source.head or source.head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 1
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        text, encoding = decode_text(source.data)
        documents = documents_from_text(text, fallback_title=PurePath(source.name).stem)
        for document in documents:
            document.metadata.setdefault("encoding", encoding)
        return documents
