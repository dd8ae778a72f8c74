"""Limits on what the importer accepts, so a hostile or broken file costs a report line, not the machine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from esgdesk.core.i18n import _

if TYPE_CHECKING:
    from esgdesk.ingest.parsers.base import ParsedDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    #: files larger than this are refused before they are read
    max_file_bytes: int = 200 * MB
    #: parse in a separate worker process, so a hang or a crash costs one file (tests may turn it off)
    parse_in_worker: bool = True
    #: a parser that takes longer than this on one file is stopped
    parse_timeout_seconds: float = 60.0
    #: the worker's address-space limit (Linux); a runaway parser fails alone
    worker_memory_bytes: int | None = 2 * 1024 * MB
    #: containers (zip, HWPX, DOCX, e-mail) may not unpack to more than this in all
    max_unpacked_bytes: int = 500 * MB
    #: … nor any member to more than this many times its compressed size
    max_compression_ratio: float = 200.0
    #: … nor hold more members than this
    max_members: int = 10_000


#: A document's text beyond this many characters is cut (the original file is kept whole). A release is
#: 5–50 thousand characters and a 150-page report about 300 thousand; a million is ~500 pages. The cut bounds
#: every step after parsing — normalising, the forms, entity extraction, indexing — in time and memory
#: (bench/import_memory.py: those steps cost about a minute per million characters on a busy 2-core machine).
MAX_BODY_CHARS = 1_000_000


def cap_text(text: str, limit: int = MAX_BODY_CHARS) -> tuple[str, str | None]:
    """`text` cut at `limit` characters (at a line end when one is near), and the warning to record."""
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", limit - 10_000, limit)
    cut = cut if cut > 0 else limit
    warning = _(
        "the text is longer than {limit} characters and was cut there for reading and search; "
        "the original file is kept whole",
        limit=f"{limit:,}",
    )
    return text[:cut], warning


def cap_documents(documents: list[ParsedDocument], limit: int = MAX_BODY_CHARS) -> None:
    """Cut every document's text to `limit`, marking it partial with a warning."""
    for document in documents:
        document.body, warning = cap_text(document.body, limit)
        if warning:
            document.warnings.append(warning)
            document.partial = True
