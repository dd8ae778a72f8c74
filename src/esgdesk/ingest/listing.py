"""Board listings pasted under a release: `번호 제목 글쓴이 날짜 조회수` and one row per post.

The rows are not body text: each becomes a `listing item` document, the analyst's reading list of releases
not archived yet. When the full release arrives later, the pipeline merges the item into it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from esgdesk.core.text import normalize_line

#: the column header of a board's list view; boards vary the words a little
_HEADER = re.compile(
    r"^번호\s+제목\s+(?:글쓴이|작성자|등록자|담당부서|부서)\s+(?:날짜|작성일|등록일|게시일)\s+(?:조회수|조회)$"
)
#: `3811 기후부, 산업계와 … 관리자 2026-03-19 25`; the title may carry a trailing "Hot"/"New" badge
_ROW = re.compile(
    r"^(?P<number>\d{1,7})\s+(?P<title>.+?)\s+(?P<author>\S+)\s+"
    r"(?P<date>\d{4}[-.]\d{1,2}[-.]\d{1,2})\.?\s+(?P<views>[\d,]+)$"
)
_BADGES = re.compile(r"(?:\s+(?:Hot|HOT|New|NEW|N|공지))+$")


@dataclass
class ListingRow:
    number: int
    title: str
    author: str
    date: dt.date
    views: int
    badges: list[str]


@dataclass
class Listing:
    board: str | None
    rows: list[ListingRow]
    #: index of the first line that belongs to the listing (the board name or the header)
    start_line: int


def find_listing(lines: list[str]) -> Listing | None:
    """The board listing in `lines`, if a header line and at least one row follow each other."""
    for index, line in enumerate(lines):
        if not _HEADER.match(normalize_line(line)):
            continue
        rows = [row for row in (parse_row(text) for text in lines[index + 1 :]) if row]
        if not rows:
            continue
        board, start = _board_name_before(lines, index)
        return Listing(board=board, rows=rows, start_line=start)
    return None


def parse_row(line: str) -> ListingRow | None:
    match = _ROW.match(normalize_line(line))
    if not match:
        return None
    title = match.group("title")
    badges_match = _BADGES.search(title)
    badges: list[str] = []
    if badges_match:
        badges = badges_match.group(0).split()
        title = title[: badges_match.start()]
    try:
        date = dt.date(*(int(part) for part in re.split(r"[-.]", match.group("date"))))
    except ValueError:
        return None
    return ListingRow(
        number=int(match.group("number")),
        title=title.strip(),
        author=match.group("author"),
        date=date,
        views=int(match.group("views").replace(",", "")),
        badges=badges,
    )


def _board_name_before(lines: list[str], header_index: int) -> tuple[str | None, int]:
    """A short line just above the header names the board (`ESG 정책뉴스`)."""
    index = header_index - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    if index >= 0:
        candidate = normalize_line(lines[index])
        if 0 < len(candidate) <= 40 and not candidate.startswith(("http://", "https://", "(")):
            return candidate, index
    return None, header_index
