"""The one title policy: what may be a document's title, and which candidate wins.

Every format and form ends here, so an HWP, its HWPX and its PDF get the same title. A title is never a
label (보도자료, 제목), page furniture (`- 1 -`, `1/2`, `5`), a bare number or date, a fragment with an
unclosed bracket (`【서식 1`), the form's header (`문화체육관광부 보도자료`), or a file-property title that
does not appear near the top of the text (file properties are often a template's or a stale draft's: `3`,
`문 내용`, `보험사기 고의의 입증자료`).
"""

from __future__ import annotations

import re

from esgdesk.core.text import normalize_line, title_key

#: labels of the release and letter forms, alone or after the issuer's name (`문화체육관광부 보도자료`)
FORM_LABEL = re.compile(
    r"^(?:\S+\s+)?(?:보\s*도\s*(?:참\s*고\s*)?자\s*료|보도\s*설명\s*자료|설\s*명\s*자\s*료|해\s*명\s*자\s*료|"
    r"동\s*정\s*자\s*료|알\s*림\s*자\s*료|참\s*고\s*자\s*료|기\s*획\s*기\s*사|press\s+release|news\s+release|"
    r"즉시\s*보도|엠바고|배포\s*즉시\s*보도|보\s*도\s*시\s*점.*|배\s*포.*|담\s*당\s*부\s*서.*|제\s*목|"
    r"수\s*신.*|\(?경\s*유\)?.*|붙\s*임.*|참\s*고|목\s*차|contents|table\s+of\s+contents)$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|\d+|page\s+\d+(?:\s+of\s+\d+)?|[ivxlc]+|\(\s*\d+\s*\)|[-–—=_*·•.]+)$",
    re.IGNORECASE,
)
#: a numbered section heading of report style (`1. 개요`, `Ⅱ. 추진 배경`, `가. 현황`): a label, not a title
_SECTION_HEADING = re.compile(r"^(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]{1,4}|[가-하])\s*[.)]\s*\S{1,8}$")
_LETTER = re.compile(r"[가-힣A-Za-z\u4e00-\u9fff]")
_OPENERS = "(（[［{【「『《〈<"
_CLOSERS = ")）]］}】」』》〉>"
#: a file-property title counts only when it is printed within this many characters of the start
FILE_TITLE_WINDOW = 1500
MAX_TITLE_LENGTH = 300


def acceptable_title(text: str | None) -> bool:
    """Whether `text` could be a document's title at all (the candidates are then ranked by the forms)."""
    if not text:
        return False
    line = normalize_line(text)
    if len(line) < 2 or len(line) > MAX_TITLE_LENGTH:
        return False
    if FORM_LABEL.match(line) or _FURNITURE.match(line) or _SECTION_HEADING.match(line):
        return False
    letters = len(_LETTER.findall(line))
    if letters < 2 or letters < len(line.replace(" ", "")) * 0.3:
        return False  # a date, a code, a row of numbers
    return _brackets_balanced(line)


def _brackets_balanced(line: str) -> bool:
    depth = 0
    for char in line:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
    # quotes of Korean headlines are often unbalanced (‘24년 …): only a bracket left open is a fragment
    return depth <= 0


def printed_near_top(title: str, body: str) -> bool:
    """A file-property title is believed only when the text itself prints it near its start."""
    key = title_key(title)
    return bool(key) and key in title_key(body[:FILE_TITLE_WINDOW])


def first_acceptable_line(lines: list[str], limit: int = 40) -> str | None:
    for line in lines[:limit]:
        if acceptable_title(line):
            return normalize_line(line)[:200]
    return None


def choose_title(
    form_title: str | None, stated_title: str | None, file_title: str | None, body: str, fallback: str | None
) -> str | None:
    """The form's headline; else a title the format states (a page's <title>, a mail's subject) when it is
    acceptable; else a file-property title the text prints near its top; else the first acceptable line."""
    for candidate in (form_title, stated_title):
        if acceptable_title(candidate):
            return normalize_line(candidate or "")
    if file_title and acceptable_title(file_title) and printed_near_top(file_title, body):
        return normalize_line(file_title)
    return first_acceptable_line(body.split("\n")) or (normalize_line(fallback) if fallback else None)
