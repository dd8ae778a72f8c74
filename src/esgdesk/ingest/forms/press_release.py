"""The 보도자료 form, as every ministry, 청, 위원회, public corporation and 지자체 prints it.

    [logo or issuer]  보도자료 (보도참고자료, 설명자료, 동정자료 …)
    보도시점 | 2024. 6. 21.(금) 11:00 | 배포 | 2024. 6. 21.(금) 09:00     (or 바로 보도하여 주시기 바랍니다)
    headline, possibly over two lines
    - sub-headline / □ sub-headline …
    body …
    담당 부서 | … | 책임자 | … | 담당자 | …                               (anywhere; usually last)

The header's lines may come in any order (the headline above or below 보도시점), each field alone on a
line or as tab-separated cells of the header table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from esgdesk.core.text import normalize_line
from esgdesk.ingest.forms.contacts import TABLE_LABEL, DepartmentBlock, find_department_table
from esgdesk.ingest.forms.title import FORM_LABEL, acceptable_title
from esgdesk.ingest.press_release import embargo_kind, parse_korean_date

SOFT_BREAK = "\u2028"
#: the labels that make a document a release form
RELEASE_LABEL = re.compile(
    r"(?:^|\s)(?:보\s*도\s*(?:참\s*고\s*)?자\s*료|보도\s*설명\s*자료|설\s*명\s*자\s*료|해\s*명\s*자\s*료|"
    r"동\s*정\s*자\s*료|press\s+release)\s*$",
    re.IGNORECASE,
)
_FIELD_LABELS: dict[str, re.Pattern[str]] = {
    "embargo": re.compile(r"^(?:보\s*도\s*(?:시\s*점|일\s*시|일)|엠\s*바\s*고)$"),
    "distributed": re.compile(r"^배\s*포\s*(?:일\s*시|일)?$"),
    "pages": re.compile(r"^(?:매\s*수|쪽\s*수|분\s*량)$"),
}
_INLINE_FIELD = re.compile(r"^(보\s*도\s*(?:시\s*점|일\s*시)|배\s*포\s*(?:일\s*시)?)\s*[:：]?\s*(.+)$")
_IMMEDIATE = re.compile(r"(?:바로|즉시)\s*보도|보도\s*즉시|배포\s*즉시")
_SUBHEADING = re.compile(r"^\s*(?:[-–―]|□|■|◇|◆|○|ㅇ|▴|▲|▸|※)\s*")
#: the headline takes at most this many lines, and a line this long is body text
MAX_HEADLINE_LINES = 3
MAX_HEADLINE_LINE = 90
HEADER_WINDOW = 25


@dataclass
class ReleaseForm:
    headline: str | None = None
    subheadings: list[str] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    published: dt.date | None = None
    embargo_kind: str | None = None
    departments: list[DepartmentBlock] = field(default_factory=list)
    body_start: int = 0


def looks_like_release(lines: list[str]) -> bool:
    head = [normalize_line(line) for line in lines[:HEADER_WINDOW]]
    if any(RELEASE_LABEL.search(line) for line in head if len(line) < 40):
        return True
    if any(_INLINE_FIELD.match(line) or _is_field_row(line) for line in head):
        return True
    return any(TABLE_LABEL.search(line) for line in lines) and bool(find_department_table(lines))


def read_release(lines: list[str], headline_hint: str | None = None) -> ReleaseForm:
    """The release's header, headline and 담당 부서 table. `lines` may hold U+2028 soft breaks."""
    form = ReleaseForm()
    index = 0
    limit = min(len(lines), HEADER_WINDOW)
    while index < limit:
        raw = lines[index]
        line = normalize_line(raw.replace(SOFT_BREAK, " "))
        if not line:
            index += 1
            continue
        if _read_fields(raw, form):
            index += 1
            continue
        if FORM_LABEL.match(line) or (RELEASE_LABEL.search(line) and len(line) < 40):
            form.header_lines.append(line)
            index += 1
            continue
        if form.headline is None and acceptable_title(line.split("\t")[0]) and "\t" not in line.strip():
            index = _read_headline(lines, index, form)
            continue
        if form.headline is not None and _SUBHEADING.match(line) and len(line) < 200:
            form.subheadings.append(_SUBHEADING.sub("", line, count=1))
            index += 1
            continue
        if form.headline is None and len(line) < 40 and "\t" not in line.strip():
            form.header_lines.append(line)  # an issuer's name, a slogan: header, not headline
            index += 1
            continue
        break
    form.body_start = index
    if headline_hint and acceptable_title(headline_hint):
        form.headline = headline_hint
    form.departments = find_department_table(lines)
    _date_from_fields(form)
    if form.published is None:
        _date_from_header_text(lines[:HEADER_WINDOW], form)
    return form


_HEADER_DATE = re.compile(
    r"(?:보\s*도\s*(?:시\s*점|일\s*시)|배\s*포\s*(?:일\s*시)?)\s*[:：]?\s*"
    r"(\d{4}\s*[.\-년]\s*\d{1,2}\s*[.\-월]\s*\d{1,2})"
)


def _date_from_header_text(lines: list[str], form: ReleaseForm) -> None:
    """A header whose fields wrap over lines (a PDF's text layer: `보도시점 바로 보도하여 ⏎ 주시기 바랍니다.
    배포 2026. 1. 30.(금)`): the first date printed after 보도시점 or 배포."""
    text = " ".join(line.replace("\t", " ") for line in lines)
    match = _HEADER_DATE.search(text)
    if match:
        form.published = parse_korean_date(match.group(1))
    if form.embargo_kind is None and _IMMEDIATE.search(text):
        form.embargo_kind = "즉시"


def _read_headline(lines: list[str], index: int, form: ReleaseForm) -> int:
    """The headline: its paragraph (soft breaks joined), and the next short lines until a sub-headline, a
    blank line, a field or body text."""
    parts = [normalize_line(lines[index].replace(SOFT_BREAK, " "))]
    index += 1
    stopped = False
    while index < len(lines) and len(parts) < MAX_HEADLINE_LINES + 1:
        line = normalize_line(lines[index].replace(SOFT_BREAK, " "))
        if (
            not line
            or lines[index][:1].isspace()
            or len(line) > MAX_HEADLINE_LINE
            or len(" ".join(parts)) > MAX_HEADLINE_LINE
            or _SUBHEADING.match(line)
            or "\t" in line
            or _INLINE_FIELD.match(line)
            or FORM_LABEL.match(line)
            or line.endswith(("다.", "다"))
            or not acceptable_title(line)
        ):
            stopped = True
            break
        parts.append(line)
        index += 1
    # Short lines running on without a sub-headline mark, a blank line or body text after them are sub-headlines
    # printed without their marks: only the first is the headline.
    if len(parts) > 1 and (not stopped or len(parts) > MAX_HEADLINE_LINES or not _continues(parts)):
        index -= len(parts) - 1
        parts = parts[:1]
    form.headline = " ".join(parts)
    return index


def _continues(parts: list[str]) -> bool:
    """Lines that end a sentence are not one headline wrapped by hand."""
    return not any(part.endswith((".", "!", "?")) for part in parts[:-1])


def _is_field_row(line: str) -> bool:
    cells = [normalize_line(cell) for cell in line.split("\t") if cell.strip()]
    return any(pattern.match(cell) for cell in cells for pattern in _FIELD_LABELS.values())


def _read_fields(raw: str, form: ReleaseForm) -> bool:
    """`보도시점 | 2024. 6. 21.(금) 11:00 | 배포 | …` as cells, or `보도일시: …` inline."""
    cells = [normalize_line(cell.replace(SOFT_BREAK, " ")) for cell in raw.split("\t") if cell.strip()]
    found = False
    for position, cell in enumerate(cells):
        for name, pattern in _FIELD_LABELS.items():
            if pattern.match(cell) and position + 1 < len(cells):
                form.fields.setdefault(name, cells[position + 1])
                found = True
    if not found and len(cells) == 1:
        match = _INLINE_FIELD.match(cells[0])
        if match:
            label = match.group(1).replace(" ", "")
            value = match.group(2)
            # `보도시점 2024. 3. 5. 17:00 배포 2024. 3. 5. 09:00` on one line (a PDF's text layer)
            split = re.split(r"\s+배\s*포\s*(?:일\s*시)?\s*[:：]?\s*", value, maxsplit=1)
            if label.startswith("보도"):
                form.fields.setdefault("embargo", split[0])
                if len(split) == 2:
                    form.fields.setdefault("distributed", split[1])
            else:
                form.fields.setdefault("distributed", value)
            found = True
    return found


def _date_from_fields(form: ReleaseForm) -> None:
    embargo = form.fields.get("embargo")
    distributed = form.fields.get("distributed")
    if embargo:
        form.embargo_kind = embargo_kind(embargo) or ("즉시" if _IMMEDIATE.search(embargo) else None)
        form.published = parse_korean_date(embargo)
    if form.published is None and distributed:
        form.published = parse_korean_date(distributed)
