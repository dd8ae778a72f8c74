"""Reading the metadata of a Korean press release (보도자료) from its text, whatever format it came in.

What a release states about itself, and where:
- the headline, first, above or below the standard header's labels (보도자료, 보도시점, 배포 …);
- 담당부서 (the department, as printed — a ministry's newer name may appear before the trailer's older one);
- 보도시점 with its embargo (조간, 석간, 즉시) and 배포 (distribution) dates;
- a trailer `(산업통상자원부, 2023.04.28)` naming the ministry and the date, as korea.kr and boards that copy
  it print it;
- the korea.kr address, whose `newsId` identifies the release across formats.
Dates come as `2023.04.28`, `2023. 4. 28.(금)`, `2024. 1. 2.(화) 08:00`, `2023-04-28`, `2023년 4월 28일`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from esgdesk.core.text import normalize_line

_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일"),
)
#: (산업통상자원부, 2023.04.28) — the ministry and date line boards copy from korea.kr
_TRAILER = re.compile(r"^\(\s*([^(),]{2,40}?)\s*,\s*(\d{4}\s*[.\-]\s*\d{1,2}\s*[.\-]\s*\d{1,2}\.?)\s*\)$")
_URL = re.compile(r"https?://[^\s<>\"']+")
_HEADER_FIELDS: dict[str, re.Pattern[str]] = {
    "department": re.compile(r"^담\s*당\s*부\s*서\s*[:：]?\s*(.+)$"),
    "contact_person": re.compile(r"^담\s*당\s*자\s*[:：]?\s*(.+)$"),
    "contact": re.compile(r"^(?:연\s*락\s*처|문\s*의)\s*[:：]?\s*(.+)$"),
    "embargo": re.compile(r"^보\s*도\s*(?:시\s*점|일\s*시)\s*[:：]?\s*(.+)$"),
    "distributed": re.compile(r"^배\s*포\s*(?:일\s*시)?\s*[:：]?\s*(.+)$"),
}
#: lines of the standard header that are labels, not the headline
_LABEL_LINE = re.compile(
    r"^(?:보\s*도\s*자\s*료|보도\s*참고\s*자료|설명\s*자료|해명\s*자료|press\s+release|"
    r"즉시\s*보도|엠바고|배포\s*즉시\s*보도)\s*$",
    re.IGNORECASE,
)
_MINISTRY_SUFFIX = re.compile(r"^\S+(?:부|처|청|위원회|실|원)$")
_EMBARGO_KINDS = ("조간", "석간", "즉시")


@dataclass
class ReleaseHeader:
    """What the lines at the top of a release state. Values are as printed (NFC, single-spaced)."""

    title: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    #: index of the first line after the title and header
    body_start: int = 0


@dataclass
class ReleaseTrailer:
    ministry: str
    published: dt.date
    line_index: int


def parse_korean_date(text: str) -> dt.date | None:
    """The first date written in `text` in any of the forms Korean releases use; None if none is valid."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month, day = (int(group) for group in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def read_header(lines: list[str]) -> ReleaseHeader:
    """Find the headline and the labelled fields among the first lines.

    The headline is the first line that is neither a label (보도자료), nor a labelled field (담당부서 : …),
    nor a bare date; the fields may stand before or after it.
    """
    header = ReleaseHeader()
    index = 0
    limit = min(len(lines), 40)
    while index < limit:
        line = normalize_line(lines[index])
        if not line or _LABEL_LINE.match(line):
            index += 1
            continue
        name, value = _header_field(line)
        if name:
            header.fields.setdefault(name, value)
            index += 1
            continue
        if header.title is None and not _is_only_date(line):
            header.title = line
            index += 1
            continue
        break
    header.body_start = index
    return header


def _header_field(line: str) -> tuple[str | None, str]:
    for name, pattern in _HEADER_FIELDS.items():
        match = pattern.match(line)
        if match:
            return name, match.group(1).strip()
    return None, ""


def _is_only_date(line: str) -> bool:
    return parse_korean_date(line) is not None and len(re.sub(r"[\d\s.\-/()년월일월화수목금토:]", "", line)) <= 2


def find_trailer(lines: list[str]) -> ReleaseTrailer | None:
    """The `(부처, 날짜)` line closest to the end, if any."""
    for index in range(len(lines) - 1, -1, -1):
        if not lines[index].rstrip().endswith(")"):
            continue  # cheap test first: long texts have many lines
        match = _TRAILER.match(normalize_line(lines[index]))
        if match:
            published = parse_korean_date(match.group(2))
            if published:
                return ReleaseTrailer(normalize_line(match.group(1)), published, index)
    return None


def find_source_url(text: str) -> str | None:
    """The release's own address: a korea.kr view page when there is one, else the last address printed."""
    urls: list[str] = [url.rstrip(".,)") for url in _URL.findall(text)]
    for url in urls:
        if news_id_from_url(url):
            return url
    return urls[-1] if urls else None


def news_id_from_url(url: str) -> str | None:
    """korea.kr identifies a release by `newsId` in every view address (press release, policy news …)."""
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if not parsed.hostname or not parsed.hostname.endswith("korea.kr"):
        return None
    values = parse_qs(parsed.query).get("newsId")
    if values and values[0].isdigit():
        return values[0]
    return None


def embargo_kind(value: str) -> str | None:
    """조간 / 석간 / 즉시 from a 보도시점 value such as `2023. 4. 28.(금) 조간`."""
    for kind in _EMBARGO_KINDS:
        if kind in value:
            return kind
    return None


def ministry_from_department(department: str) -> str | None:
    """`산업통상부 지역경제진흥과` names its ministry first; a bare division name names none."""
    first = department.split()[0] if department.split() else ""
    return first if _MINISTRY_SUFFIX.match(first) and len(first) >= 3 else None
