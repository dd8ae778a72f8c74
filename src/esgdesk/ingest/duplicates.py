"""Is this document already in the archive, and how: the one place that decides what an import repeats.

The same release arrives as HWPX, HWP, PDF, a saved korea.kr page and a pasted text. It is one document with
every original kept, recognised by (in this order):

1. the same normalised text (content hash) — a re-encoded copy, adding nothing;
2. its own korea.kr newsId — only from its own address fields or its file name (`156618554-petfood.hwp`),
   never from a text that merely cites one (a README quoting `newsId=156565174` must not take the release
   over; see `esgdesk.ingest.release_text`);
3. its headline and date;
4. near-identical text: the Jaccard similarity of the two texts' character shingles (spacing, line breaks and
   table layout ignored) at least NEAR_DUPLICATE_SIMILARITY — an HWP and its HWPX differing by a few
   characters, a PDF and its HWP;
5. for a PDF whose text layer is unreadable (fonts without a Unicode map, kept for OCR): the numbers it still
   holds, in order, against a release of the same date.

A document that is not itself a release (kind "document") never stands in for one: a release is never refused
in favour of a file that only cites it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath

from sqlmodel import Session, col, select

from esgdesk.core.i18n import N_
from esgdesk.core.models import Document, DocumentKind
from esgdesk.core.text import title_key

#: texts at least this similar (Jaccard of character shingles) are one release in two formats
NEAR_DUPLICATE_SIMILARITY = 0.9
#: an unreadable PDF whose numbers appear, in order, this much in a release of its date is that release
NUMBER_MATCH = 0.8
SHINGLE = 6
#: texts are compared on at most this many characters each (bounded work per document)
COMPARE_CHARS = 60_000
#: … against at most this many candidates of the same date
MAX_CANDIDATES = 200

_NEWS_ID_IN_NAME = re.compile(r"(?:^|newsId[=_\- ]?)(1\d{8})(?!\d)", re.IGNORECASE)
_NOT_TEXT = re.compile(r"[^0-9A-Za-z가-힣\u4e00-\u9fff]+")
_NUMBER = re.compile(r"\d+")

SAME_TEXT = N_("the same text is already in the archive")
RELEASE_OF_LISTING = N_("the release of this listing item is already in the archive")
SAME_SOURCE = N_("the same release (source id {source_id}) is already in the archive")
SAME_TITLE_DATE = N_("a release with the same title and date is already in the archive")
NEAR_SAME_TEXT = N_("the same release in another format is already in the archive ({percent}% the same text)")
SAME_NUMBERS = N_("the release this unreadable PDF shows (same date and figures) is already in the archive")


@dataclass(frozen=True)
class Duplicate:
    """An archived document the new one repeats, and how: the kind decides what the import does with it."""

    existing: Document
    #: same_text | release_of_listing | same_source | same_title_date | near_same_text | same_numbers
    kind: str
    reason: str

    @property
    def same_release_in_another_form(self) -> bool:
        """Worth keeping the new file beside the old as another original of the one document."""
        return self.kind in ("same_source", "same_title_date", "near_same_text", "same_numbers")


def news_id_from_file_name(name: str) -> str | None:
    """korea.kr names its attachments by the release's newsId (`156618554-petfood.hwp`, `newsId_156618554.pdf`)."""
    match = _NEWS_ID_IN_NAME.search(PurePath(name).stem)
    return match.group(1) if match else None


def find_duplicate(session: Session, document: Document, number_skeleton: list[str] | None = None) -> Duplicate | None:
    """An existing document this one repeats, if any (see the module's docstring for the order)."""
    from esgdesk.core.i18n import _

    same_text = session.exec(select(Document).where(Document.content_hash == document.content_hash)).first()
    if same_text is not None:
        return Duplicate(same_text, "same_text", _(SAME_TEXT))
    if document.kind == DocumentKind.LISTING_ITEM:
        for candidate in documents_with_title(session, document.title, exclude_kind=None):
            if candidate.kind != DocumentKind.LISTING_ITEM:
                return Duplicate(candidate, "release_of_listing", _(RELEASE_OF_LISTING))
        return None
    if document.source_id:
        statement = select(Document).where(
            Document.source_id == document.source_id,
            Document.kind != DocumentKind.LISTING_ITEM,
            Document.kind != DocumentKind.OTHER,  # a mere document citing the id never stands in for the release
        )
        same_source = session.exec(statement).first()
        if same_source is not None:
            reason = _(SAME_SOURCE, source_id=document.source_id)
            if same_source.kind == document.kind and same_source.extra.get("text_is_placeholder") is None:
                reason += " " + _("(if this is a corrected release, `import --update` replaces the archived text)")
            return Duplicate(same_source, "same_source", reason)
    if document.published is not None:
        for candidate in documents_with_title(session, document.title, exclude_kind=DocumentKind.LISTING_ITEM):
            if candidate.published == document.published and candidate.kind != DocumentKind.OTHER:
                return Duplicate(candidate, "same_title_date", _(SAME_TITLE_DATE))
    if document.body and document.published is not None:
        near = _near_same_text(session, document)
        if near is not None:
            return near
    if number_skeleton:
        return _same_numbers(session, number_skeleton)
    if document.body:
        return _unreadable_twin(session, document)
    return None


def documents_with_title(session: Session, title: str, exclude_kind: str | None) -> list[Document]:
    """Documents whose title matches ignoring spacing and punctuation (compared in Python: keys vary)."""
    key = title_key(title)
    if not key:
        return []
    # Narrow in SQL by a distinctive fragment, then compare keys exactly.
    fragment = max(title.split(), key=len) if title.split() else title
    statement = select(Document).where(col(Document.title).contains(fragment))
    if exclude_kind:
        statement = statement.where(Document.kind != exclude_kind)
    return [candidate for candidate in session.exec(statement) if title_key(candidate.title) == key]


def shingles(text: str) -> set[str]:
    """Character shingles of the text with everything but letters and digits removed: line breaks, spacing,
    table layout and page furniture punctuation do not change them."""
    compact = _NOT_TEXT.sub("", text[:COMPARE_CHARS])
    return {compact[index : index + SHINGLE] for index in range(max(0, len(compact) - SHINGLE + 1))}


def similarity(first: str, second: str) -> float:
    a, b = shingles(first), shingles(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _same_date_candidates(session: Session, published: dt.date) -> list[Document]:
    statement = (
        select(Document)
        .where(Document.published == published, Document.kind != DocumentKind.LISTING_ITEM)
        .limit(MAX_CANDIDATES)
    )
    return list(session.exec(statement))


def _near_same_text(session: Session, document: Document) -> Duplicate | None:
    from esgdesk.core.i18n import _

    assert document.published is not None
    mine = shingles(document.body)
    if len(mine) < 50:
        return None
    for candidate in _same_date_candidates(session, document.published):
        if not candidate.body or (candidate.kind == DocumentKind.OTHER and document.kind != DocumentKind.OTHER):
            continue
        theirs = shingles(candidate.body)
        if not theirs:
            continue
        score = len(mine & theirs) / len(mine | theirs)
        if score >= NEAR_DUPLICATE_SIMILARITY:
            return Duplicate(candidate, "near_same_text", _(NEAR_SAME_TEXT, percent=int(score * 100)))
    return None


def dates_in_numbers(numbers: list[str]) -> list[dt.date]:
    """Dates among a text layer's numbers (`2025 8 13` from `2025. 8. 13.( ) 15:00`), first ones first."""
    found: list[dt.date] = []
    for index in range(len(numbers) - 2):
        year, month, day = numbers[index : index + 3]
        if len(year) == 4 and 1990 <= int(year) <= 2100:
            try:
                date = dt.date(int(year), int(month), int(day))
            except ValueError:
                continue
            if date not in found:
                found.append(date)
        if len(found) >= 3:
            break
    return found


def _number_trigrams(numbers: list[str]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(numbers[index : index + 3]) for index in range(max(0, len(numbers) - 2)))


def _unreadable_twin(session: Session, document: Document) -> Duplicate | None:
    """The other order: a PDF kept for OCR came first, and this readable copy gives the release its text."""
    from esgdesk.core.i18n import _

    theirs = _number_trigrams(_NUMBER.findall(document.body[:COMPARE_CHARS]))
    statement = select(Document).where(Document.body == "").order_by(col(Document.id).desc()).limit(MAX_CANDIDATES)
    for candidate in session.exec(statement):
        skeleton = candidate.extra.get("number_skeleton")
        if not isinstance(skeleton, list) or document.published not in dates_in_numbers(skeleton):
            continue
        mine = _number_trigrams([str(number) for number in skeleton])
        total = sum(mine.values())
        if total >= 5 and sum((mine & theirs).values()) / total >= NUMBER_MATCH:
            return Duplicate(candidate, "same_numbers", _(SAME_NUMBERS))
    return None


def _same_numbers(session: Session, skeleton: list[str]) -> Duplicate | None:
    from esgdesk.core.i18n import _

    mine = _number_trigrams(skeleton)
    if sum(mine.values()) < 5:
        return None
    for date in dates_in_numbers(skeleton):
        for candidate in _same_date_candidates(session, date):
            if not candidate.body or candidate.kind == DocumentKind.OTHER:
                continue
            theirs = _number_trigrams(_NUMBER.findall(candidate.body[:COMPARE_CHARS]))
            shared = sum((mine & theirs).values())
            if shared / sum(mine.values()) >= NUMBER_MATCH:
                return Duplicate(candidate, "same_numbers", _(SAME_NUMBERS))
    return None
