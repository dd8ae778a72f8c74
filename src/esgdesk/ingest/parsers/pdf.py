"""PDF files: the copy ministries publish beside the HWP/HWPX original, and what analysts save from viewers.

Read with PDFium through pypdfium2 (Apache-2.0/BSD-3-Clause; PyMuPDF is AGPL and poppler GPL, neither may ship
in the app). PDFium places word spaces and line breaks from the glyph positions, as a viewer's "copy text"
does, so justified Korean lines keep their word spaces (`완만한 둔화 흐름이 지속될 전망`, where pypdf gave
`완만한둔화흐름이지속될전망`), and it reads the fixtures' releases about 25 times faster than pypdf
(bench/release_eval.py). Format quirks this module handles:

- Hangul may come out decomposed (conjoining or compatibility jamo); NFC and a conservative composer of
  compatibility jamo put the syllables together, leaving a lone ㅇ or ㅁ (a report-style bullet) as it is.
- Encryption with an empty user password (owner-password "protection" against copying, common on government
  PDFs) opens; a real user password is refused with a clear message.
- A scan has no text layer, and a PDF whose fonts have no Unicode map (several ministries' exports) has a text
  layer of digits and boxes: both import with an empty body, a warning and metadata["needs_ocr"], so the
  original is kept; OCR is out of scope. The numbers such a layer still holds are kept in
  metadata["number_skeleton"], which lets the duplicate check recognise the release's HWP twin.
- The headline is the largest type on the first page: those lines are handed on in
  metadata["headline_lines"] for the document forms (esgdesk.ingest.forms) — the content stream of Hancom's
  exports puts the headline after the body, so reading order alone cannot find it.
- Titles in the info dictionary are often junk ("Microsoft Word - 보도자료.docx", the HWP file name); a useful
  one is kept in metadata["file_title"], weighed later against the text by the one title policy.
- The creation date is when the file was made, not when the release was published: metadata["created"].

Runaway work on hostile files is bounded by a page limit and a text limit; the worker's time limit covers the
rest. Everything PDFium raises becomes a ParseError.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePath

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from esgdesk.core.i18n import N_, _
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.release_text import useful_file_title

__all__ = ["PdfParser", "clean_pdf_text", "compose_compatibility_jamo", "text_layer_is_unreadable"]

#: documents longer than this are read up to here and marked partial (a press release has 2–20 pages)
MAX_PAGES = 2_000
#: … and text beyond this many characters is not read (a runaway content stream, not a document)
MAX_CHARS = 20_000_000
NO_TEXT_WARNING = N_("no text layer: the PDF holds only images (OCR is not supported yet)")
UNREADABLE_WARNING = N_(
    "the PDF's text layer cannot be read (its fonts have no Unicode map); it is kept for OCR, "
    "and an HWP or HWPX copy of the same release gives the document its text"
)
#: at most this many of the first page's largest lines are offered as the headline
MAX_HEADLINE_LINES = 6

_MAGIC = b"%PDF-"
_HEADER = re.compile(rb"%PDF-\d")
#: C0 and C1 controls except tab and newline (\r is turned into \n first), and private-use glyphs from
#: symbol fonts, which read as boxes
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")
#: authors tools write by themselves (reportlab: "anonymous")
_JUNK_AUTHORS = frozenset({"anonymous", "unknown", "user", "사용자"})
_LETTER = re.compile(r"[가-힣a-zA-Z\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d+")

# Compatibility jamo (U+3131…) → conjoining jamo (U+1100…), so NFC can compose them into syllables.
_COMPAT_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_COMPAT_JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_COMPAT_JONGSEONG = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_COMPAT_SYLLABLE = re.compile(
    f"([{_COMPAT_CHOSEONG}])([{_COMPAT_JUNGSEONG}])(?:([{_COMPAT_JONGSEONG}])(?![{_COMPAT_JUNGSEONG}]))?"
)


class PdfParser:
    name = "pdf"
    media_types = ("application/pdf",)

    def score(self, source: SourceInput) -> int | None:
        """`%PDF-` may follow a little junk (mail gateways, download managers): Acrobat looks in 1 KB, so do we."""
        if _HEADER.search(source.data[:1024]):
            return 100
        if source.suffix == ".pdf":
            return 10
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        if _MAGIC not in source.data[:1024]:
            raise ParseError(_("the file is not a PDF (it does not start with %PDF-)"))
        try:
            pdf = pdfium.PdfDocument(source.data[source.data.find(_MAGIC) :])
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).casefold():
                raise ParseError(_("the PDF is protected by a password")) from exc
            raise ParseError(
                _("the PDF is damaged or incomplete and cannot be read ({reason})", reason=_reason(exc))
            ) from exc
        try:
            return [_parse(pdf, source)]
        except ParseError:
            raise
        except Exception as exc:  # PDFium reports damage in several ways
            raise ParseError(
                _("the PDF is damaged or incomplete and cannot be read ({reason})", reason=_reason(exc))
            ) from exc
        finally:
            pdf.close()


def _parse(pdf: pdfium.PdfDocument, source: SourceInput) -> ParsedDocument:
    page_count = len(pdf)
    if page_count == 0:
        raise ParseError(_("the PDF has no pages (it is damaged or incomplete)"))
    body, headline_lines, warnings, partial = _extract_text(pdf, page_count)
    document = ParsedDocument(body=body, warnings=warnings, partial=partial)
    _read_info(pdf, document)
    document.metadata["pages"] = page_count
    if body and text_layer_is_unreadable(body):
        document.metadata["number_skeleton"] = _NUMBER.findall(body)[:2000]
        document.metadata["unreadable_text_layer"] = True
        body = document.body = ""
        document.warnings.insert(0, _(UNREADABLE_WARNING))
    elif headline_lines:
        document.metadata["headline_lines"] = headline_lines
    if not body:
        if not document.metadata.get("unreadable_text_layer"):
            document.warnings.insert(0, _(NO_TEXT_WARNING))
        # the pipeline keeps a text-less document only when it is waiting for OCR
        document.metadata["needs_ocr"] = True
        document.title = document.title or PurePath(source.name).stem or None
    return document


def text_layer_is_unreadable(text: str) -> bool:
    """Mostly digits, punctuation and boxes: the glyphs of letters had no Unicode map.

    A real text layer in any script is mostly letters; one whose fonts lack a ToUnicode map keeps only what
    the standard encodings give (digits, brackets, the odd symbol): under a tenth letters, where even a
    release made of tables has a quarter.
    """
    visible = [char for char in text if not char.isspace()]
    if len(visible) < 40:
        return False
    letters = sum(1 for char in visible if _LETTER.match(char))
    return letters / len(visible) < 0.1


def _extract_text(pdf: pdfium.PdfDocument, page_count: int) -> tuple[str, list[str], list[str], bool]:
    """Page texts in order (a blank line between pages) and the first page's headline lines."""
    pages: list[str] = []
    warnings: list[str] = []
    failed: list[int] = []
    headline: list[str] = []
    partial = False
    total = 0
    for index in range(min(page_count, MAX_PAGES)):
        try:
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                raw = textpage.get_text_range()
                if index == 0:
                    headline = _largest_lines(textpage)
            finally:
                textpage.close()
                page.close()
        except Exception:
            failed.append(index + 1)
            continue
        text = clean_pdf_text(raw)
        total += len(text)
        if total > MAX_CHARS:
            warnings.append(
                _(
                    "the text was cut after page {page} (more than {limit} characters)",
                    page=index,
                    limit=f"{MAX_CHARS:,}",
                )
            )
            partial = True
            break
        if text:
            pages.append(text)
    if page_count > MAX_PAGES:
        warnings.append(
            _("only the first {read} of {total} pages were read", read=f"{MAX_PAGES:,}", total=f"{page_count:,}")
        )
        partial = True
    if failed:
        if len(failed) == min(page_count, MAX_PAGES):
            raise ParseError(_("the PDF is damaged: none of its pages can be read"))
        warnings.append(_("pages that could not be read were skipped: {pages}", pages=", ".join(map(str, failed[:20]))))
        partial = True
    return "\n\n".join(pages), headline, warnings, partial


def _largest_lines(textpage: pdfium.PdfTextPage) -> list[str]:
    """The text set in the largest type on a page, line by line in reading order (`size<TAB>text`): a headline
    wrapped over two lines. Only the large characters of a line count (PDFium may put a smaller sub-headline
    on the headline's line)."""
    lines: list[list[tuple[str, float]]] = [[]]
    for index in range(min(textpage.count_chars(), 20_000)):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if char == "\n":
            lines.append([])
        elif char != "\r":
            size = 0.0 if char.isspace() else pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
            lines[-1].append((char, size))
    sizes = sorted(size for line in lines for _char, size in line if size > 0)
    if not sizes:
        return []
    median = sizes[len(sizes) // 2]
    top = sorted({size for size in sizes if size > median * 1.15}, reverse=True)[:3]
    found: list[str] = []
    for size in top:  # largest first; each size's lines in reading order
        texts = [text for line in lines if (text := _chars_of_size(line, size))]
        found.extend(f"{size:.1f}\t{text}" for text in texts[:MAX_HEADLINE_LINES])
    return found


def _chars_of_size(line: list[tuple[str, float]], size: float) -> str:
    """The characters of `line` set in `size` (spaces between them kept)."""
    kept = "".join(char if char_size == size or (char_size == 0.0) else "\x00" for char, char_size in line)
    runs = [normalize_line(run) for run in kept.split("\x00")]
    return normalize_line(clean_pdf_text(" ".join(run for run in runs if run and _LETTER.search(run))))


def clean_pdf_text(text: str) -> str:
    """NFC text with composed Hangul and no control characters besides newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x02", "")
    text = _CONTROLS.sub("", compose_compatibility_jamo(text))
    return normalize_text(text)


def compose_compatibility_jamo(text: str) -> str:
    """ㅌㅏㄴ → 탄: compatibility jamo spelled out one by one, which NFC alone leaves apart."""
    if not any("\u3131" <= char <= "\u318e" for char in text):
        return unicodedata.normalize("NFC", text)

    def syllable(match: re.Match[str]) -> str:
        lead = 0x1100 + _COMPAT_CHOSEONG.index(match.group(1))
        vowel = 0x1161 + _COMPAT_JUNGSEONG.index(match.group(2))
        jamo = chr(lead) + chr(vowel)
        if match.group(3):
            jamo += chr(0x11A8 + _COMPAT_JONGSEONG.index(match.group(3)))
        return unicodedata.normalize("NFC", jamo)

    return _COMPAT_SYLLABLE.sub(syllable, unicodedata.normalize("NFC", text))


def _read_info(pdf: pdfium.PdfDocument, document: ParsedDocument) -> None:
    """Title, author and creation date from the info dictionary; a malformed entry is simply skipped."""
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return
    title = _info_text(info.get("Title"))
    if title and useful_file_title(title):
        document.metadata["file_title"] = title  # the title policy weighs it against the text's headline
    author = _info_text(info.get("Author"))
    if author and author.casefold() not in _JUNK_AUTHORS:
        document.metadata["author"] = author
    for key in ("Producer", "Creator"):
        value = _info_text(info.get(key))
        if value:
            document.metadata[f"pdf_{key.lower()}"] = value
    created = _pdf_date(info.get("CreationDate"))
    if created is not None:
        document.metadata["created"] = created


def _pdf_date(value: object) -> dt.datetime | None:
    """`D:20260507173135+09'00'` → a datetime (the time zone is dropped: only the day matters here)."""
    if not isinstance(value, str):
        return None
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", value.strip())
    if not match:
        return None
    parts = [int(part) if part else default for part, default in zip(match.groups(), (0, 1, 1, 0, 0, 0), strict=True)]
    year, month, day, hour, minute, second = parts
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _info_text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalize_line(_CONTROLS.sub("", compose_compatibility_jamo(value)))
    return value or None


def _reason(exc: BaseException) -> str:
    text = normalize_line(str(exc))[:160]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
