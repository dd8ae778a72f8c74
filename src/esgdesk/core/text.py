"""Text normalisation shared by every layer: what is stored, indexed, hashed and anchored is the same text.

Hangul arrives decomposed from macOS file names and many PDFs (ᄐ+ᅡ+ᆫ rather than 탄); Zotero's search fails
on exactly that. Everything esgdesk stores is NFC, with one newline convention and no invisible characters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: zero-width and byte-order characters that carry nothing a reader sees
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
#: spaces that only differ in width; the reader and search treat them as a plain space
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\u2007\u205f"), " ")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_WHITESPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """NFC, \\n line ends, no invisible characters, no trailing blanks, at most one empty line in a row."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def normalize_line(text: str) -> str:
    """One line of metadata (a title, a department): NFC with all runs of white space made one space."""
    return _WHITESPACE.sub(" ", nfc(text).translate(_INVISIBLE).translate(_SPACES)).strip()


def content_hash(text: str) -> str:
    """The duplicate key: the same words in another encoding, container or line layout hash the same."""
    folded = _WHITESPACE.sub(" ", normalize_text(text)).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


_TITLE_NOISE = re.compile(r"[\s\"'“”‘’`「」『』《》〈〉()\[\]<>·.,:;!?~\-–—_/]+")


def title_key(title: str) -> str:
    """Titles compared for "is this the same release": case, spacing, quotes and punctuation ignored."""
    return _TITLE_NOISE.sub("", nfc(title)).casefold()
