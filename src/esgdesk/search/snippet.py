"""Snippets cut from the original text, with the matched words marked `[`…`]`.

FTS5's own snippet() would show the bigram tokens the index holds (탄소 소중 중립), not what the release says, and
a contentless index has no text to cut from anyway. So the hits are found again in the original NFC body: a
Korean query word is literally a substring there (that is what a phrase of overlapping bigrams means), Latin
words match case-insensitively, and a quoted phrase matches its pieces with any punctuation or space between —
the same things the index matched. The window with the most hits wins; the earliest on a tie.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

WIDTH = 160
LEAD = 40
_MAX_SPANS = 500
_SPACE_RE = re.compile(r"\s+")


def find_spans(text: str, patterns: Sequence[str]) -> list[tuple[int, int]]:
    """Merged, sorted character spans of `text` that any pattern matches."""
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for count, match in enumerate(_compiled(pattern).finditer(text)):
            if count >= _MAX_SPANS:
                break
            if match.end() > match.start():
                spans.append(match.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    """Case-insensitive only when the pattern has cased letters: IGNORECASE makes `re` fold every character of
    the text, which triples the time of a Korean word's search through a release (Hangul has no case)."""
    cased = any(char.lower() != char.upper() for char in pattern)
    return re.compile(pattern, re.IGNORECASE if cased else 0)


def make_snippet(text: str, patterns: Sequence[str], width: int = WIDTH) -> str:
    """About `width` characters of `text` around its densest cluster of hits, hits in brackets."""
    spans = find_spans(text, patterns)
    if not spans:
        head = _SPACE_RE.sub(" ", text[: width * 2]).strip()
        return head[:width] + ("…" if len(text) > width else "")
    start = _best_window(spans, width)
    end = min(len(text), start + width)
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(text[cursor:span_start])
        pieces.append("[" + text[span_start:span_end] + "]")
        cursor = span_end
    pieces.append(text[cursor:end])
    pieces.append("…" if end < len(text) else "")
    return _SPACE_RE.sub(" ", "".join(pieces)).strip()


def _best_window(spans: list[tuple[int, int]], width: int) -> int:
    best_start, best_count = 0, -1
    right = 0
    for left, (span_start, _) in enumerate(spans):
        window_end = span_start - LEAD + width
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] <= window_end:
            right += 1
        count = right - left + 1
        if count > best_count:
            best_start, best_count = max(0, span_start - LEAD), count
    return best_start
