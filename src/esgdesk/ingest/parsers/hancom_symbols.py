"""Private-use characters of Hancom documents mapped to the Unicode characters they show.

Word processors store the glyphs of symbol fonts (Wingdings, Symbol) at U+F000 + the font's byte, as Windows
does for symbol-encoded fonts ("Symbol font PUA", Microsoft Typography: cmap subtable (3,0)); Hancom does the
same for bullets chosen from Wingdings. The mapping of those bytes to Unicode follows the Unicode Consortium's
Wingdings and Symbol mapping tables (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/ and the Wingdings chart of
Unicode's "Wingdings and Webdings" proposal, L2/11-052), restricted here to the marks Korean documents use
as bullets, circled numbers and brackets. Hancom's own private-use symbols in plane 15 (U+F0000…) have no
published table; those found in real releases are listed with the file they were seen in, and any other
private-use character is dropped (a box helps no reader and breaks search).
"""

from __future__ import annotations

import re

#: Wingdings / Symbol glyphs at U+F0xx (Symbol-font PUA) → Unicode
SYMBOL_FONT_PUA: dict[int, str] = {
    0xF06C: "●",  # Wingdings l
    0xF06E: "■",  # Wingdings n
    0xF06F: "□",  # Wingdings o
    0xF070: "□",  # Wingdings p
    0xF071: "❑",  # Wingdings q
    0xF075: "◆",  # Wingdings u
    0xF076: "❖",  # Wingdings v
    0xF077: "◆",  # Wingdings w
    0xF09F: "•",  # Wingdings 0x9F
    0xF0A0: "▪",  # Wingdings 0xA0
    0xF0A1: "○",  # Wingdings 0xA1
    0xF0A7: "▪",  # Wingdings 0xA7
    0xF0A8: "◻",  # Wingdings 0xA8
    0xF0B7: "•",  # Symbol 0xB7 (bullet)
    0xF0D8: "➢",  # Wingdings 0xD8
    0xF0E0: "→",  # Wingdings 0xE0
    0xF0E8: "➔",  # Wingdings 0xE8
    0xF0FC: "✓",  # Wingdings 0xFC
    0xF0FE: "☑",  # Wingdings 0xFE
    0xF02D: "-",  # Symbol 0x2D (minus)
    0xF0AE: "→",  # Symbol 0xAE (arrow right)
}
#: Hancom plane-15 symbols seen in real releases (no published table): code point → Unicode, with where seen
HANCOM_PUA: dict[int, str] = {
    # a sub-item mark before a chart's caption in fsc-2025-07-household-lending.hwpx (금융위원회); mapped by its
    # use, as its glyph is not published
    0xF080C: "◦",
}
_TABLE = {**SYMBOL_FONT_PUA, **HANCOM_PUA}
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def map_private_use(text: str) -> str:
    """Known private-use symbols as their Unicode equivalents; unknown ones dropped."""
    if not _PRIVATE_USE.search(text):
        return text
    return _PRIVATE_USE.sub(lambda match: _TABLE.get(ord(match.group(0)), ""), text)
