"""Report covers: the title in the largest type near the top, then the issuer and the date.

    2050 탄소중립 이행 점검 보고서
    2024. 12.
    환경부 / 한국환경연구원

Without type sizes (HWP, text) the cover's title is its first acceptable line(s) before the cover's date,
and the date a line that is only a date (or a year and month) within the first lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from esgdesk.core.text import normalize_line
from esgdesk.ingest.forms.title import acceptable_title
from esgdesk.ingest.press_release import parse_korean_date

COVER_WINDOW = 20
#: a report is longer than a page or two
MIN_REPORT_CHARS = 3000
_YEAR_MONTH = re.compile(r"^\s*(\d{4})\s*[.년\-/]\s*(\d{1,2})\s*[.월]?\s*$")
_DATE_ONLY = re.compile(r"^[\d\s.\-/()년월일월화수목금토:]+$")


@dataclass
class ReportCover:
    title: str | None = None
    published: dt.date | None = None


def read_cover(lines: list[str]) -> ReportCover:
    cover = ReportCover()
    title_parts: list[str] = []
    for raw in lines[:COVER_WINDOW]:
        line = normalize_line(raw.replace("\u2028", " "))
        if not line:
            continue
        date = _cover_date(line)
        if date is not None:
            cover.published = cover.published or date
            if title_parts:
                break
            continue
        short_enough = not title_parts or len(" ".join(title_parts)) < 60
        if short_enough and acceptable_title(line) and "\t" not in raw.strip() and len(title_parts) < 2:
            title_parts.append(line)
    cover.title = " ".join(title_parts) if title_parts else None
    return cover


def _cover_date(line: str) -> dt.date | None:
    if not _DATE_ONLY.match(line):
        return None
    date = parse_korean_date(line)
    if date:
        return date
    match = _YEAR_MONTH.match(line)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return dt.date(year, month, 1)
    return None


def is_report(body: str, cover: ReportCover) -> bool:
    return len(body) >= MIN_REPORT_CHARS and cover.title is not None and cover.published is not None
