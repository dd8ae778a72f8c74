"""Years and dates as releases write them: `22년, ’22년, 2022년, 올해/작년/내년, 4.28.(금), 2023.04.28.

Relative words are read against the publication date: a 2023 release's 올해 is 2023. A month-day with a
weekday (4.28.(금)) takes the year, near the publication date, on which that day falls on that weekday;
without a weekday it takes the publication year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_HANGUL = "\uac00-\ud7a3"
_QUOTES = "'’‘`´"
SHORT_YEAR_RE = re.compile(rf"(?<![\d{_HANGUL}])[{_QUOTES}]\s?(\d{{2}})(?:\s?[~∼\-–]\s?[{_QUOTES}]?(\d{{2}}))?\s?년")
FULL_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s?[~∼\-–]\s?((?:19|20)\d{2}))?\s?년(?!간)")
RELATIVE_YEARS = {"올해": 0, "금년": 0, "작년": -1, "지난해": -1, "전년도": -1, "재작년": -2, "내년": 1, "다음해": 1}
RELATIVE_RE = re.compile(rf"(?<![{_HANGUL}])({'|'.join(sorted(RELATIVE_YEARS, key=len, reverse=True))})")
_WEEKDAYS = "월화수목금토일"
MONTH_DAY_RE = re.compile(
    rf"(?<![\d.])(1[0-2]|0?[1-9])\s?(?:\.|월)\s?([12]\d|3[01]|0?[1-9])\s?(?:\.|일)?\s?(?:\(([{_WEEKDAYS}])\))?"
)
FULL_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s?[.\-/년]\s?(1[0-2]|0?[1-9])\s?[.\-/월]\s?([12]\d|3[01]|0?[1-9])(?!\d)\s?[.일]?"
)


@dataclass(frozen=True)
class YearMention:
    """A year the text speaks of; ``relative`` marks 올해/작년 …, which depend on the publication date."""

    year: int
    text: str
    start: int
    end: int
    relative: bool = False


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    text: str
    start: int
    end: int


def _two_digit(value: str) -> int:
    year = int(value)
    return 2000 + year if year < 70 else 1900 + year


def _expand(first: int, last: int | None) -> list[int]:
    if last is None or not first <= last <= first + 10:
        return [first]
    return list(range(first, last + 1))


def find_years(text: str, published: dt.date | None) -> list[YearMention]:
    """Years in ``text``; relative words only when the publication date is known."""
    found: list[YearMention] = []
    for match in SHORT_YEAR_RE.finditer(text):
        last = _two_digit(match.group(2)) if match.group(2) else None
        for year in _expand(_two_digit(match.group(1)), last):
            found.append(YearMention(year, match.group(0), match.start(), match.end()))
    for match in FULL_YEAR_RE.finditer(text):
        last = int(match.group(2)) if match.group(2) else None
        for year in _expand(int(match.group(1)), last):
            found.append(YearMention(year, match.group(0), match.start(), match.end()))
    if published is not None:
        for match in RELATIVE_RE.finditer(text):
            year = published.year + RELATIVE_YEARS[match.group(1)]
            found.append(YearMention(year, match.group(0), match.start(), match.end(), relative=True))
    return sorted(found, key=lambda y: (y.start, y.year))


def _year_for(month: int, day: int, weekday: str | None, published: dt.date | None) -> int | None:
    if published is None:
        return None
    if weekday is None:
        return published.year
    wanted = _WEEKDAYS.index(weekday)
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            if dt.date(year, month, day).weekday() == wanted:
                return year
        except ValueError:
            continue
    return published.year


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Full dates (2023.04.28, 2023년 4월 28일) and month-days (4.28.(금), 4월 28일) with their years."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in FULL_DATE_RE.finditer(text):
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        found.append(
            DateMention(date, match.group(0).rstrip(), match.start(), match.start() + len(match.group(0).rstrip()))
        )
        taken.append((match.start(), match.end()))
    for match in MONTH_DAY_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        raw = match.group(0).rstrip()
        # 4.28 alone could be a version or a decimal; require a weekday, 월/일, or a trailing full stop.
        if match.group(3) is None and "월" not in raw and not raw.endswith("."):
            continue
        month, day = int(match.group(1)), int(match.group(2))
        year = _year_for(month, day, match.group(3), published)
        if year is None:
            continue
        try:
            found.append(DateMention(dt.date(year, month, day), raw, match.start(), match.start() + len(raw)))
        except ValueError:
            continue
    return sorted(found, key=lambda d: d.start)
