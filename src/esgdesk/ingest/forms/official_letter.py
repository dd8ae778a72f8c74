"""The 공문 (official letter) form of Korean public bodies (행정업무의 운영 및 혁신에 관한 규정, 별지 서식):

[slogan]                     전 직원 "청렴과의 동행"으로 …
[issuing body]               감 사 위 원 회
수신 (수신자)                 서울특별시중랑물재생센터소장(시설보수과장)
(경유)
제목                          일상감사 의견서 송부
body … 붙임 1. … 끝.
[sender]                     서울특별시감사위원회(장)
[approval block]             주무관 … 팀장 … 과장 …  협조자
시행 | 공공감사담당관-8396 | ( 2026. 6. 25. ) | 접수 …
우 … 주소 / 전화 … / 공개 구분
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from esgdesk.core.text import normalize_line
from esgdesk.ingest.forms.title import acceptable_title
from esgdesk.ingest.press_release import parse_korean_date

_RECIPIENT = re.compile(r"^\s*수\s*신\s*(?:자)?\s*[:：]?\s*(.*)$")
_VIA = re.compile(r"^\s*\(\s*경\s*유\s*\)\s*[:：]?\s*(.*)$")
_SUBJECT = re.compile(r"^\s*제\s*목\s*[:：]?\s*(.+)$")
_ATTACHMENT = re.compile(r"^\s*붙\s*임\s*(.*)$")
_END = re.compile(r"(?:^|\s)끝\s*\.?\s*$")
_ENFORCED = re.compile(r"^\s*시\s*행\s*[:：]?\s*(.+)$")
#: `공공감사담당관-8396` — the producing department and the document number
_DOCUMENT_NUMBER = re.compile(r"([^\s\t()]+?)\s*-\s*(\d+)")
_APPROVAL = re.compile(r"(주무관|팀장|과장|국장|실장|담당관|협조자|전결|대결|결재|기안자|검토자)")
_SENDER_SUFFIX = re.compile(r"(?:장|위원회|위원장|사업소|사업본부|본부|센터|청|처|부|원|공단|공사|시|도|군|구)$")
HEADER_WINDOW = 12


@dataclass
class LetterForm:
    title: str | None = None
    recipient: str | None = None
    via: str | None = None
    issuing_body: str | None = None
    sender: str | None = None
    department: str | None = None
    document_number: str | None = None
    enforced: dt.date | None = None
    attachments: list[str] = field(default_factory=list)


def looks_like_letter(lines: list[str]) -> bool:
    head = lines[: HEADER_WINDOW * 2]
    has_recipient = any(_RECIPIENT.match(line) for line in head)
    has_subject = any(_SUBJECT.match(line) for line in head)
    return has_recipient and has_subject


def read_letter(lines: list[str]) -> LetterForm:
    form = LetterForm()
    recipient_at = next((i for i, line in enumerate(lines[: HEADER_WINDOW * 2]) if _RECIPIENT.match(line)), 0)
    header = [_joined_spaced(normalize_line(line)) for line in lines[:recipient_at]]
    # the body's name stands just above 수신 (a document code or a slogan may stand above it); the letters of a
    # letterhead are often spaced out
    names = [line for line in header if line and len(line) <= 40 and "*" not in line and acceptable_title(line)]
    if names:
        form.issuing_body = names[-1]
    for line in lines[recipient_at : recipient_at + HEADER_WINDOW]:
        text = line.replace("\t", " ")
        if (match := _RECIPIENT.match(text)) and form.recipient is None:
            form.recipient = normalize_line(match.group(1)) or None
        elif (match := _VIA.match(text)) and form.via is None:
            form.via = normalize_line(match.group(1)) or None
        elif (match := _SUBJECT.match(text)) and form.title is None:
            form.title = normalize_line(match.group(1))
    end_at = None
    for index, line in enumerate(lines):
        if (match := _ATTACHMENT.match(line)) and index > recipient_at:
            form.attachments.append(normalize_line(match.group(1)))
        if _END.search(line) and index > recipient_at:
            end_at = index
        if (match := _ENFORCED.match(line)) and index > recipient_at:
            _read_enforcement(match.group(1), form)
    if end_at is not None:
        form.sender = _sender(lines[end_at + 1 : end_at + 4])
    return form


def _joined_spaced(text: str) -> str:
    """`감  사  위  원  회` → 감사위원회: a letterhead spaces its letters out."""
    words = text.split()
    if len(words) >= 3 and all(len(word) == 1 for word in words):
        return "".join(words)
    return text


def _sender(lines: list[str]) -> str | None:
    """The line after 끝. that names the sender (발신명의), before the approval block."""
    for line in lines:
        text = normalize_line(line)
        if not text:
            continue
        if _APPROVAL.search(text) or "\t" in line.strip() or len(text) > 40:
            return None
        text = _joined_spaced(text)
        return text if _SENDER_SUFFIX.search(text) else None
    return None


def _read_enforcement(value: str, form: LetterForm) -> None:
    """`공공감사담당관-8396 ( 2026. 6. 25. ) 접수 …`: the department, the number and the date of 시행."""
    value = value.replace("\t", " ")
    enforced_part = re.split(r"\s접\s*수", value, maxsplit=1)[0]
    number = _DOCUMENT_NUMBER.search(enforced_part)
    if number and form.department is None:
        form.department = number.group(1)
        form.document_number = f"{number.group(1)}-{number.group(2)}"
    if form.enforced is None:
        form.enforced = parse_korean_date(enforced_part)
