"""Turning bytes of unknown encoding into text, the Korean way.

Korean text files come as UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's "Unicode"), and the legacy
CP949/EUC-KR. Generic detectors often call CP949 "Latin-1" or "Windows-1252" and return mojibake, so CP949 is
tried explicitly before any guessing, and a guess is accepted only if the result reads as text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from esgdesk.core.i18n import _
from esgdesk.ingest.parsers.base import ParseError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: C0/C1 controls other than tab, newline, carriage return and form feed, plus the replacement character
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
#: more than this share of unreadable characters means the file is not text at all
MAX_NOISE_RATIO = 0.01


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises ParseError when the bytes are not text in any encoding."""
    if not data.strip():
        raise ParseError(_("the file is empty"))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding), encoding)
    if b"\x00" in data[:4096]:
        raise ParseError(_("the file is not text (it holds binary data)"))
    for encoding in _candidates(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "cp949" and not _reads_as_korean(text):
            continue
        return _checked(text, encoding)
    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise ParseError(_("the file is not text in any encoding esgdesk knows"))
    return _checked(str(guess), guess.encoding)


def _candidates(declared: str | None) -> list[str]:
    candidates = []
    if declared:
        normalized = declared.strip().lower()
        # EUC-KR labels in the wild are almost always CP949 (its superset, with 8,822 more syllables).
        candidates.append("cp949" if normalized in {"euc-kr", "euc_kr", "ks_c_5601-1987", "ksc5601"} else normalized)
    candidates += ["utf-8", "cp949"]
    return candidates


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(
            _("the file says it is {encoding} but is not valid {encoding} text", encoding=encoding)
        ) from exc


def _reads_as_korean(text: str) -> bool:
    """CP949 decodes many random byte pairs; accept it only when most non-ASCII text is Hangul."""
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    return non_ascii == 0 or len(_HANGUL.findall(text)) / non_ascii >= 0.6


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise ParseError(_("the file holds no text"))
    noise = len(_NOT_TEXT.findall(text))
    if noise / max(len(text), 1) > MAX_NOISE_RATIO:
        raise ParseError(_("the file is not readable text (it looks like binary data)"))
    return text, encoding
