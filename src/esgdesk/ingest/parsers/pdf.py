"""PDF files: the copy ministries publish beside the HWP/HWPX original, and what analysts save from viewers.

Read with pypdf (BSD); PyMuPDF is AGPL and must not ship in the app. Format quirks this module handles:

- Hangul often comes out decomposed: PDFs exported from HWP or made on macOS map glyphs to conjoining jamo
  (U+1100…U+11FF) and a few to compatibility jamo (U+3131…U+318E). NFC composes the first; the second is
  composed here, conservatively (only a consonant directly followed by a vowel), because a lone ㅇ or ㅁ is
  a bullet in Korean report style (□ / ㅇ / -) and must stay as it is.
- Encryption with an empty user password (owner-password "protection" against copying, common on government
  PDFs) is no protection for reading: it opens. A real user password is refused with a clear message.
- A scan has no text layer: it imports with an empty body, the file name as its title, a warning and
  metadata["needs_ocr"] (the mark the pipeline requires to keep a document without text), so the original
  is kept and findable by name; OCR is out of scope.
- Titles in the info dictionary are often junk ("Microsoft Word - 보도자료.docx", "untitled", the HWP file
  name); those are ignored. A useful one is kept in metadata["file_title"] and becomes the title unless the
  text is a release form with its own headline (read later by esgdesk.ingest.release_text).
- The creation date is when the file was made, not when the release was published, so it goes to
  metadata["created"] and `published` is left to the text (보도시점, trailer).

pypdf runs with strict=False, which recovers many damaged files; everything it raises becomes a ParseError.
Runaway work on hostile files is bounded by a page limit and a text limit; the pipeline's time limit covers
the rest.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import PurePath

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.release_text import useful_file_title

__all__ = ["PdfParser"]

#: documents longer than this are read up to here and marked partial (a press release has 2–20 pages)
MAX_PAGES = 2_000
#: … and text beyond this many characters is not read (a runaway content stream, not a document)
MAX_CHARS = 20_000_000
NO_TEXT_WARNING = "no text layer: the PDF holds only images (OCR is not supported yet)"

_MAGIC = b"%PDF-"
_HEADER = re.compile(rb"%PDF-\d")
#: C0 and C1 controls except tab and newline (\r is turned into \n first), and private-use glyphs from
#: symbol fonts, which read as boxes
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
#: authors tools write by themselves (reportlab: "anonymous")
_JUNK_AUTHORS = frozenset({"anonymous", "unknown", "user", "사용자"})

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
        try:
            return [self._parse(source)]
        except ParseError:
            raise
        except DependencyError as exc:
            # AES needs the `cryptography` package; RC4 works without it.
            raise ParseError(
                "the PDF is encrypted in a way this installation cannot open (AES needs the 'cryptography' package)"
            ) from exc
        except Exception as exc:  # pypdf raises many types on damaged files (also KeyError, ValueError …)
            raise ParseError(f"the PDF is damaged or incomplete and cannot be read ({_reason(exc)})") from exc

    def _parse(self, source: SourceInput) -> ParsedDocument:
        if _MAGIC not in source.data[:1024]:
            raise ParseError("the file is not a PDF (it does not start with %PDF-)")
        reader = PdfReader(io.BytesIO(source.data), strict=False)
        _open_encrypted(reader)
        page_count = len(reader.pages)
        if page_count == 0:
            raise ParseError("the PDF has no pages (it is damaged or incomplete)")
        body, warnings, partial = _extract_text(reader, page_count)
        document = ParsedDocument(body=body, warnings=warnings, partial=partial)
        _read_info(reader, document)
        document.metadata["pages"] = page_count
        if not body:
            document.warnings.insert(0, NO_TEXT_WARNING)
            # the pipeline keeps a text-less document only when it is a scan waiting for OCR
            document.metadata["needs_ocr"] = True
            document.title = document.title or PurePath(source.name).stem or None
        return document


def _open_encrypted(reader: PdfReader) -> None:
    """Try the empty password: "protected" government PDFs usually only restrict copying and printing."""
    if not reader.is_encrypted:
        return
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise ParseError("the PDF is protected by a password")


def _extract_text(reader: PdfReader, page_count: int) -> tuple[str, list[str], bool]:
    """Page texts in order, a blank line between pages. A page that fails is skipped with a warning."""
    pages: list[str] = []
    warnings: list[str] = []
    failed: list[int] = []
    partial = False
    total = 0
    for index in range(min(page_count, MAX_PAGES)):
        try:
            text = reader.pages[index].extract_text() or ""
        except DependencyError:
            raise
        except Exception:
            failed.append(index + 1)
            continue
        text = clean_pdf_text(text)
        total += len(text)
        if total > MAX_CHARS:
            warnings.append(f"the text was cut after page {index} (more than {MAX_CHARS:,} characters)")
            partial = True
            break
        if text:
            pages.append(text)
    if page_count > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES:,} of {page_count:,} pages were read")
        partial = True
    if failed:
        if len(failed) == min(page_count, MAX_PAGES):
            raise ParseError("the PDF is damaged: none of its pages can be read")
        warnings.append("pages that could not be read were skipped: " + ", ".join(map(str, failed[:20])))
        partial = True
    return "\n\n".join(pages), warnings, partial


def clean_pdf_text(text: str) -> str:
    """NFC text with composed Hangul and no control characters besides newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
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


def _read_info(reader: PdfReader, document: ParsedDocument) -> None:
    """Title, author and creation date from the info dictionary; a malformed entry is simply skipped."""
    try:
        info = reader.metadata
    except Exception:
        return
    if info is None:
        return
    title = _info_text(lambda: info.title)
    if title and useful_file_title(title):
        document.metadata["file_title"] = title  # the pipeline weighs it against the text's headline
    author = _info_text(lambda: info.author)
    if author and author.casefold() not in _JUNK_AUTHORS:
        document.metadata["author"] = author
    for key, getter in (("producer", lambda: info.producer), ("creator", lambda: info.creator)):
        value = _info_text(getter)
        if value:
            document.metadata[f"pdf_{key}"] = value
    try:
        created = info.creation_date
    except Exception:
        created = None
    if isinstance(created, dt.datetime):
        document.metadata["created"] = created


def _info_text(getter: object) -> str | None:
    try:
        value = getter()  # type: ignore[operator]
    except Exception:
        return None
    if not isinstance(value, str):
        return None
    value = normalize_line(_CONTROLS.sub("", compose_compatibility_jamo(value)))
    return value or None


def _reason(exc: BaseException) -> str:
    text = normalize_line(str(exc))[:160]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
