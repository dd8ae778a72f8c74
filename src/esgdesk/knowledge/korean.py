"""Korean text facts the extractors share: syllables, particles, word edges, sentences and paragraphs.

Korean glues particles onto nouns (충청북도는, 구미시와), so a name is a *word start* followed by either a
non-Hangul character or a run of particles. Anything else after it makes it part of a bigger word: 이천 in
이천만, 부산 in 부산물, 대전 in 대전환.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Longest first, so that 에서는 is not read as 에 + 서 + 는.
_PARTICLE_LIST = """은 는 이 가 을 를 의 에 에서 에게 께 께서 와 과 도 로 으로 만 까지 부터 나 이나
    며 이며 고 이고 이다 였다 이었다 라 이라 라는 이라는 란 이란 처럼 보다 마저 조차 뿐
    대로 로서 으로서 로써 으로써 엔 에선 서 랑 이랑 하고 든 이든 야 이야 요 이요 에다
    한테 다 의해 에의 와의 과의 에서의 으로의 로의"""
PARTICLES: tuple[str, ...] = tuple(sorted(_PARTICLE_LIST.split(), key=len, reverse=True))

LIST_SEPARATORS = frozenset(",·ㆍ?/・、")


def nfc(text: str) -> str:
    """NFC form; every offset an extractor returns refers to this form of the text."""
    return unicodedata.normalize("NFC", text)


def is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def word_start(text: str, start: int) -> bool:
    """Whether a name may begin at ``start``: not glued to a Hangul syllable before it."""
    return start == 0 or not is_hangul(text[start - 1])


def hangul_run(text: str, start: int) -> str:
    """The Hangul syllables from ``start`` up to the first non-Hangul character."""
    end = start
    while end < len(text) and is_hangul(text[end]):
        end += 1
    return text[start:end]


def is_particle_chain(run: str, max_parts: int = 3) -> bool:
    """Whether ``run`` is nothing but up to ``max_parts`` particles (에서는 = 에서 + 는)."""
    if not run:
        return True
    if max_parts == 0:
        return False
    return any(run.startswith(p) and is_particle_chain(run[len(p) :], max_parts - 1) for p in PARTICLES)


def word_end(text: str, end: int, suffixes: tuple[str, ...] = ()) -> bool:
    """Whether a name may end at ``end``: followed by a non-Hangul character, particles or an allowed suffix."""
    run = hangul_run(text, end)
    if is_particle_chain(run):
        return True
    return any(run.startswith(s) and is_particle_chain(run[len(s) :]) for s in suffixes)


@dataclass(frozen=True)
class Span:
    """A stretch of the NFC text: a sentence or a paragraph."""

    start: int
    end: int
    index: int


# A sentence ends at a full stop after a Hangul syllable or a closing bracket (…했다. …이다.(`22년 …),
# or at ! and ? followed by space. A full stop after a digit belongs to a number or date (21.5억원, 4.28.).
_SENTENCE_END = re.compile(r"(?<=[\uac00-\ud7a3)\]』」”’\"'])\.|[!?](?=\s)|\n")


def sentences(text: str) -> list[Span]:
    """Sentence spans, blank ones dropped; a line break always ends a sentence (releases rarely wrap)."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_span(text, start, match.end(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def paragraphs(text: str) -> list[Span]:
    """One paragraph per non-blank line: press releases put each paragraph on its own line."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        _add_span(text, start, start + len(line), spans)
        start += len(line) + 1
    return spans


def _add_span(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, len(spans)))


def span_index(spans: list[Span], offset: int) -> int:
    """Index of the span holding ``offset`` (the last span starting at or before it)."""
    low, high = 0, len(spans) - 1
    found = 0
    while low <= high:
        mid = (low + high) // 2
        if spans[mid].start <= offset:
            found = mid
            low = mid + 1
        else:
            high = mid - 1
    return spans[found].index if spans else 0
