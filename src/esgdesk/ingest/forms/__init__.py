"""Document forms: what a 보도자료, a 공문 or a report prints about itself, read from the text of any format.

Every parser's output passes through `read_form` (from `esgdesk.ingest.release_text.complete_release_metadata`,
which the pipeline calls for every document), so an HWP, its HWPX, its PDF, a DOCX and a pasted text of one
release come out with the same title, issuer, department, date and kind. The forms only *read*: they fill
what the format did not state and never invent a value the text does not print.
"""

from __future__ import annotations

import datetime as dt

from esgdesk.core.models import DocumentKind
from esgdesk.core.text import normalize_line
from esgdesk.ingest.forms import issuer
from esgdesk.ingest.forms.contacts import DepartmentBlock
from esgdesk.ingest.forms.official_letter import looks_like_letter, read_letter
from esgdesk.ingest.forms.press_release import SOFT_BREAK, looks_like_release, read_release
from esgdesk.ingest.forms.report import is_report, read_cover
from esgdesk.ingest.forms.title import acceptable_title, choose_title
from esgdesk.ingest.parsers.base import ParsedDocument

__all__ = ["OFFICIAL_LETTER", "REPORT", "read_form"]

#: kinds beside esgdesk.core.models.DocumentKind's (plain strings in the table: no migration)
OFFICIAL_LETTER = "official letter"
REPORT = "report"
#: the kinds a parser gives by default; a recognised form replaces them
_GENERIC_KINDS = frozenset({DocumentKind.PRESS_RELEASE, DocumentKind.OTHER})


def read_form(document: ParsedDocument) -> str | None:
    """Fill `document` from its form; returns the form found (press release, official letter, report) or None.

    The body's soft line breaks (U+2028, from HWP and HWPX) become line ends here, after the headline has been
    joined across them.
    """
    lines = document.body.split("\n")
    metadata = document.metadata
    headline_hint = _pdf_headline(metadata.pop("headline_lines", None))
    form: str | None = None
    form_title: str | None = None
    if looks_like_letter(lines):
        form, form_title = OFFICIAL_LETTER, _read_letter(document, lines)
    elif looks_like_release(lines):
        form, form_title = DocumentKind.PRESS_RELEASE, _read_release(document, lines, headline_hint)
    else:
        cover = read_cover(lines)
        if is_report(document.body, cover):
            form, form_title = REPORT, cover.title
            if document.published is None:
                document.published = cover.published
    document.body = document.body.replace(SOFT_BREAK, "\n")
    if form and document.kind in _GENERIC_KINDS:
        document.kind = form
    stated = document.title if acceptable_title(document.title) else None
    file_title = metadata.get("file_title")
    document.title = choose_title(
        form_title or (headline_hint if not stated else None),
        stated,
        file_title if isinstance(file_title, str) else None,
        document.body,
        None,
    )
    return form


def _pdf_headline(lines: object) -> str | None:
    """The largest lines of a PDF's first page (`size<TAB>text`), minus labels: the headline, joined."""
    if not isinstance(lines, list):
        return None
    entries: list[tuple[float, str]] = []
    for entry in lines:
        size, _, text = str(entry).partition("\t")
        try:
            entries.append((float(size), text))
        except ValueError:
            continue
    candidates = [(size, text) for size, text in entries if acceptable_title(text)]
    if not candidates:
        return None
    largest = max(size for size, _text in candidates)
    parts = [text for size, text in candidates if size == largest]
    headline = normalize_line(" ".join(parts))
    return headline if acceptable_title(headline) and len(headline) <= 200 else None


def _read_release(document: ParsedDocument, lines: list[str], headline_hint: str | None) -> str | None:
    release = read_release(lines, headline_hint)
    metadata = document.metadata
    for name, value in release.fields.items():
        metadata.setdefault(name, value)
    if release.embargo_kind:
        metadata.setdefault("embargo_kind", release.embargo_kind)
    if release.subheadings:
        metadata.setdefault("subheadings", release.subheadings)
    if document.published is None:
        document.published = release.published
    on = document.published
    table_issuer, department = _first_block(release.departments, on)
    if release.departments:
        metadata.setdefault("departments", [block.as_json() for block in release.departments])
        metadata.setdefault("contacts", [contact.as_json() for contact in release.departments[0].contacts])
    if department:
        metadata.setdefault("department", department)
    paragraphs = [line for line in lines[release.body_start :] if len(line.strip()) > 40]
    ministry = (
        issuer.from_header(release.header_lines, on)
        or table_issuer
        or issuer.from_headline(release.headline, on)
        or issuer.from_lead(paragraphs, on)
        or issuer.from_units(release.departments[0].units if release.departments else [], on)
    )
    if ministry:
        metadata.setdefault("ministry", ministry)
    return release.headline


def _first_block(blocks: list[DepartmentBlock], on: dt.date | None) -> tuple[str | None, str | None]:
    """The release's own department (the first block) without the organisation's name, and that name."""
    if not blocks:
        return None, None
    organisation: str | None = None
    units: list[str] = []
    for unit in blocks[0].units:
        resolved = issuer.resolve(unit, on)
        if resolved and organisation is None:
            organisation = resolved
        else:
            units.append(unit)
    return organisation, (normalize_line(" ".join(units)) or None)


def _read_letter(document: ParsedDocument, lines: list[str]) -> str | None:
    letter = read_letter(lines)
    metadata = document.metadata
    for key, value in (
        ("recipient", letter.recipient),
        ("via", letter.via),
        ("sender", letter.sender),
        ("document_number", letter.document_number),
        ("department", letter.department),
    ):
        if value:
            metadata.setdefault(key, value)
    if letter.attachments:
        metadata.setdefault("attachments_listed", letter.attachments)
    if document.published is None:
        document.published = letter.enforced
    body = _sender_body(letter.sender) or letter.issuing_body
    if body:
        metadata.setdefault("ministry", issuer.resolve(body, document.published) or body)
    return letter.title


#: a sender signs with the head's title: the body is the name without it (`…이사장` → `…`, `…위원장` → `…위원회`)
_HEAD_SUFFIXES = (
    ("이사장", ""),
    ("위원장", "위원회"),
    ("장관", ""),
    ("본부장", "본부"),
    ("센터장", "센터"),
    ("장", ""),
)


def _sender_body(sender: str | None) -> str | None:
    """`강동수도사업소장` signs for 강동수도사업소, `한국환경공단이사장` for 한국환경공단; `서울특별시감사위원회`
    is the body itself."""
    if not sender:
        return None
    for suffix, replacement in _HEAD_SUFFIXES:
        if sender.endswith(suffix) and len(sender) > len(suffix) + 1:
            return sender[: -len(suffix)] + replacement
    return sender
