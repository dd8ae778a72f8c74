"""From the plain text of a release (typed, pasted from a board, or extracted from a file) to documents.

A release copied from a board has four parts, each handled here:

    탄소중립에 따른 위기, 지역 주도 준비 지원        ← headline
    담당부서 : 산업통상부                           ← labelled header fields
      • 한국생산성본부  • 0  • 768  • Print …       ← the board's page furniture (not body text)
    탄소중립은 기존 …                               ← the body
    (산업통상자원부, 2023.04.28)                    ← trailer: ministry and date
    https://www.korea.kr/…?newsId=156565174        ← source address
    ESG 정책뉴스 / 번호 제목 글쓴이 날짜 조회수 …     ← the board's listing: reading-list items
"""

from __future__ import annotations

import re

from esgdesk.core.i18n import _
from esgdesk.core.models import DocumentKind
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.forms import read_form
from esgdesk.ingest.listing import Listing, find_listing
from esgdesk.ingest.parsers.base import ParsedDocument
from esgdesk.ingest.press_release import (
    embargo_kind,
    find_source_url,
    find_trailer,
    ministry_from_department,
    news_id_from_url,
    parse_korean_date,
    read_header,
)

#: a furniture line: a bullet, then a short value (`• 768`, `• Print`, `• 상태: 노출`). A copy saved in a
#: legacy encoding has `?` where the bullet was (CP949 has no U+2022).
_FURNITURE = re.compile(r"^\s*[•·▪◦‣∙?]\s*(.{0,40})$")
_URL_LINE = re.compile(r"^https?://\S+$")
#: a middle dot (가운뎃점) that a legacy encoding turned into `?`: 중?소상공인, 구성?운영. CP949 has no U+00B7 in
#: some boards' code paths; a question mark pressed between two syllables with no space is not Korean writing.
_LOST_MIDDLE_DOT = re.compile(r"(?<=[가-힣])\?(?=[가-힣])")


def documents_from_text(text: str, fallback_title: str) -> list[ParsedDocument]:
    """The release in `text` (if any) followed by one listing item per row of a pasted board listing."""
    text, restored = _LOST_MIDDLE_DOT.subn("·", normalize_text(text))
    lines = text.split("\n")
    listing = find_listing(lines)
    release_lines = lines[: listing.start_line] if listing else lines
    documents: list[ParsedDocument] = []
    if any(line.strip() for line in release_lines):
        release = release_from_lines(release_lines, fallback_title)
        if restored:
            release.warnings.append(
                _(
                    "{count} middle dots (·) that a legacy encoding had turned into ? were restored; the original "
                    "file is kept unchanged",
                    count=restored,
                )
            )
        documents.append(release)
    if listing:
        documents.extend(listing_items(listing))
    return documents


def release_from_lines(lines: list[str], fallback_title: str) -> ParsedDocument:
    header = read_header(lines)
    index = header.body_start
    furniture: list[str] = []
    while index < len(lines):
        match = _FURNITURE.match(lines[index])
        if match:
            furniture.append(normalize_line(match.group(1)))
        elif lines[index].strip():
            break
        index += 1
    trailer = find_trailer(lines[index:])
    body_end = index + trailer.line_index if trailer else len(lines)
    body_lines = lines[index:body_end]
    tail_lines = lines[body_end:]
    if not trailer:
        # no trailer: a final bare address line is the source, not body text
        while body_lines and (not body_lines[-1].strip() or _URL_LINE.match(body_lines[-1].strip())):
            tail_lines.insert(0, body_lines.pop())

    body = normalize_text("\n".join(body_lines))
    if not body:
        # a note of one line (or a headline alone) is its own text: it must not be refused as empty
        body = normalize_text("\n".join(lines))
    document = ParsedDocument(body=body, title=header.title or fallback_title)
    metadata = document.metadata
    metadata.update(header.fields)
    if furniture:
        # The board's own counters (views, likes, its date) are kept as printed, not interpreted:
        # their order differs between boards.
        metadata["board_fields"] = furniture
    if trailer:
        metadata["ministry"] = trailer.ministry
        document.published = trailer.published
    _complete_from_fields(document)
    source_url = find_source_url("\n".join(tail_lines))
    if source_url and (news_id_from_url(source_url) or tail_lines):
        metadata["source_url"] = source_url
        news_id = news_id_from_url(source_url)
        if news_id:
            metadata["source_id"] = news_id
    return document


#: titles that tools and templates write by themselves: "Microsoft Word - x.docx", "untitled", 제목, file names
_JUNK_FILE_TITLE = re.compile(
    r"^(?:microsoft\s+\w+\s+-\s+.*|untitled.*|제목|제목\s*없음.*|문서\s*\d*|document\s*\d*|noname.*|"
    r"powerpoint\s+presentation|slide\s*\d*|보도\s*자료|press\s+release)$"
    r"|\.(?:hwpx?|docx?|pdf|pptx?|xlsx?|txt|rtf|odt)$",
    re.IGNORECASE,
)


def useful_file_title(title: str) -> bool:
    """False for a title a tool or template wrote by itself rather than the author."""
    return bool(title.strip()) and not _JUNK_FILE_TITLE.search(title.strip())


def states_a_release(body: str) -> bool:
    """A 보도자료 form prints its headline above 담당부서 and the like."""
    header = read_header(body.split("\n", 60)[:60])
    return bool(header.fields and header.title)


def complete_release_metadata(document: ParsedDocument) -> None:
    """Fill what a format did not state (title, department, ministry, date, source) from the text itself.

    The title: a release form's own headline beats the title in the file's properties (HWP summary, HWPX
    content.hpf, PDF info, DOCX core properties), which is often a template's or a stale draft's and would
    keep the same release in HWPX and PDF from matching; elsewhere a useful file title beats the first line.
    """
    read_form(document)
    lines = document.body.split("\n")
    header = read_header(lines)
    if not document.title:
        file_title = document.metadata.get("file_title")
        if header.title and header.fields:
            document.title = header.title
        elif isinstance(file_title, str) and useful_file_title(file_title):
            document.title = file_title
        elif header.title:
            document.title = header.title
    for name, value in header.fields.items():
        document.metadata.setdefault(name, value)
    trailer = find_trailer(lines)
    if trailer:
        document.metadata.setdefault("ministry", trailer.ministry)
        if document.published is None:
            document.published = trailer.published
    _complete_from_fields(document)
    if "source_url" not in document.metadata:
        # only the address the release prints as its own (under its trailer, at its very end): a document that
        # merely cites a release's address in its text must not take that release's newsId
        url = find_source_url("\n".join(_own_address_lines(lines)))
        if url and news_id_from_url(url):
            document.metadata["source_url"] = url
    own_url = document.metadata.get("source_url")
    if isinstance(own_url, str) and "source_id" not in document.metadata:
        news_id = news_id_from_url(own_url)
        if news_id:
            document.metadata["source_id"] = news_id


def _own_address_lines(lines: list[str]) -> list[str]:
    """The lines where a copied release prints its own address: after its trailer, or its last lines."""
    trailer = find_trailer(lines)
    if trailer:
        return lines[trailer.line_index + 1 : trailer.line_index + 4]
    tail = [line for line in lines if line.strip()][-2:]
    return [line for line in tail if _URL_LINE.match(line.strip())]


def _complete_from_fields(document: ParsedDocument) -> None:
    metadata = document.metadata
    department = metadata.get("department")
    if isinstance(department, str) and "ministry" not in metadata:
        ministry = ministry_from_department(department)
        if ministry:
            metadata["ministry"] = ministry
    embargo = metadata.get("embargo")
    if isinstance(embargo, str):
        kind = embargo_kind(embargo)
        if kind:
            metadata["embargo_kind"] = kind
        if document.published is None:
            document.published = parse_korean_date(embargo)
    distributed = metadata.get("distributed")
    if document.published is None and isinstance(distributed, str):
        document.published = parse_korean_date(distributed)


def listing_items(listing: Listing) -> list[ParsedDocument]:
    items = []
    for row in listing.rows:
        item = ParsedDocument(body="", title=row.title, kind=DocumentKind.LISTING_ITEM, published=row.date)
        item.metadata.update(
            {
                "board": listing.board,
                "board_number": row.number,
                "views": row.views,
                "author": row.author,
            }
        )
        if row.badges:
            item.metadata["badges"] = row.badges
        items.append(item)
    return items
