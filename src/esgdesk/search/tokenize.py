"""Korean-aware tokens for the full-text index and for queries.

Korean has no reliable word boundaries and particles glue onto nouns (충청북도는, 탄소중립을), so whole-word
tokens (FTS5's unicode61) cannot find 탄소 inside 탄소중립을, and trigrams cannot find two-syllable words at all.
The shape that works (Lucene's CJKBigramFilter) is used here:

- text is NFC-normalised first, so decomposed Hangul (Zotero's issue 5051) matches composed Hangul;
- a run of Hangul/Han/kana characters becomes its overlapping bigrams (탄소중립을 → 탄소 소중 중립 립을);
  a one-character run stays a unigram;
- Latin letters and numbers become lower-case whole words.

A Korean query word of two or more syllables becomes a *phrase* of its bigrams, and a phrase of overlapping
bigrams at consecutive positions can only come from one run holding the word — with one exception: the last
bigram of one run and the first bigram of the next run are also at consecutive positions. `에너지 지원` would
then match the query 에너지원 (에너 너지 | 지원). Such a false chain needs the last character of a run to equal
the first character of the next run, so exactly there (and only there, to keep the index small) a boundary
token `BOUNDARY` is emitted. Queries are tokenised by the same function, so quoted phrases stay consistent.

The tokens are joined with spaces and handed to FTS5's unicode61 tokenizer, which then only splits on the
spaces: every token is letters/digits only, and the boundary token is a private-use character that unicode61
keeps as a token (category Co) and that real text never yields (our scanner treats it as punctuation).
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

#: Hangul Jamo, kana, compatibility Jamo, CJK ideographs (ext. A, unified, compatibility), Hangul syllables
#: and extended Jamo; the supplementary ideograph planes too.
_CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3131-\u318e\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\ud7b0-\ud7ff\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK_RE = re.compile(rf"[{_CJK}]")
#: alphanumeric stretches (the underscore separates, as in unicode61); split by script in `_expand`
_PIECES_RE = re.compile(r"[^\W_]+")
_RUN_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W_{_CJK}]+)")

#: The token between two CJK runs whose facing characters are equal (see the module docstring).
BOUNDARY = "\ue000"

#: Particles (조사) that glue onto nouns, longest first so 에서 wins over 서-less readings.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
            "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로", "와", "과", "도", "만",
            "까지", "부터", "에게", "께서", "한테", "보다", "처럼", "마저", "조차", "이나", "이나마", "이라도",
            "에는", "에도", "에서는", "에서도", "에서의", "으로는", "으로도", "으로의", "로는", "로도", "로의",
            "과는", "와는", "과의", "와의", "과도", "와도", "까지는", "까지도", "부터는", "만은", "만의", "이란",
            "이며", "이고", "이다", "이라", "에의", "에게는", "에게도", "이와", "라는", "이라는",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip


def normalize(text: str) -> str:
    """NFC, so that composed and decomposed Hangul are the same text everywhere."""
    return unicodedata.normalize("NFC", text)


def is_cjk(char: str) -> bool:
    return bool(_CJK_RE.fullmatch(char))


@dataclass(frozen=True)
class Run:
    """A stretch of one script class in the original text, with its character offsets."""

    text: str
    start: int
    end: int
    cjk: bool


def runs(text: str) -> Iterator[Run]:
    """CJK runs and Latin/number words of NFC `text`; everything else (spaces, punctuation) separates them."""
    for match in _RUN_RE.finditer(text):
        yield Run(match.group(), match.start(), match.end(), match.lastgroup == "cjk")


def bigrams(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return list(map(operator.add, run, run[1:]))


def tokens(text: str) -> list[str]:
    """The index tokens of `text` (already NFC), including boundary tokens.

    This is the hot loop of indexing (a 4 KB release has ~400 runs), so it is one C-level findall plus, per
    run, a lookup in a cache of run → tokens: releases reuse a small vocabulary (탄소중립을, 지역), and the
    cache avoids re-cutting the same bigrams — about three times faster than a loop over match objects.
    """
    out: list[str] = []
    append, extend = out.append, out.extend
    cache = _RUN_CACHE
    last: str | None = None
    for piece in _PIECES_RE.findall(text):
        entry = cache.get(piece)
        if entry is None:
            entry = _expand(piece)
        pieces, head, tail = entry
        if head is not None and head == last:
            append(BOUNDARY)
        extend(pieces)
        last = tail
    return out


#: run → (its tokens, first and last character if it is a CJK run, else None)
_RUN_CACHE: dict[str, tuple[tuple[str, ...], str | None, str | None]] = {}
_RUN_CACHE_LIMIT = 200_000


def _expand(piece: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """Tokens of one alphanumeric stretch, which may mix scripts (CO2감축, 2030년까지)."""
    out: list[str] = []
    head = tail = None
    for index, match in enumerate(_RUN_RE.finditer(piece)):
        run = match.group()
        if match.lastgroup == "cjk":
            out.extend(bigrams(run))
            head = run[0] if index == 0 else head
            tail = run[-1]
        else:
            out.append(bounded_word(run.lower()))
            tail = None
    entry = (tuple(out), head, tail)
    if len(_RUN_CACHE) >= _RUN_CACHE_LIMIT:
        _RUN_CACHE.clear()
    _RUN_CACHE[piece] = entry
    return entry


def index_tokens(text: str) -> list[str]:
    """What a document's field is indexed as (already NFC): `tokens(text)`, then the joined form of every
    spaced-out heading (`통 합 재 정 통 계` → the bigrams of 통합재정통계), each behind a boundary token.

    The joined forms go after the text rather than beside their run, so no position of the original tokens moves
    (a phrase of the original words still matches) and no joined bigram chains into the text around it. Queries
    use `tokens()`: only documents carry the extra form.
    """
    out = tokens(text)
    if " " in text or "\u3000" in text:
        for match in _SPACED_RE.finditer(text):
            out.append(BOUNDARY)
            out.extend(bigrams("".join(match.group().split())))
    return out


#: two or more single Hangul syllables, each alone between spaces (one space or an ideographic space apart)
_SPACED_RE = re.compile(r"(?<![^\W_])[\uac00-\ud7a3](?:[ \u3000][\uac00-\ud7a3])+(?![^\W_])")


#: longest Latin/number word indexed as it is; PostgreSQL refuses a lexeme over 2,047 bytes, and no one types
#: a word this long, so a longer one (a token in a long URL, base64) is indexed in a bounded form
MAX_WORD = 64
_KEEP = MAX_WORD - 17


def bounded_word(word: str) -> str:
    """`word`, or for one longer than MAX_WORD its first characters plus a hash of the whole.

    The hash keeps the bounded form exact: the same long word in a query is bounded the same way and finds the
    document, and two long words that only share a beginning stay apart. The text itself is stored whole.
    """
    if len(word) <= MAX_WORD:
        return word
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{word[:_KEEP]}x{digest}"


def index_text(text: str) -> str:
    """The space-separated token string FTS5 stores for one field."""
    return " ".join(index_tokens(normalize(text)))


def strip_particle(word: str) -> str | None:
    """The stem of a Korean word ending in a particle, if at least two syllables remain (else None).

    A one-syllable stem would only be found by a full scan, and 국가 → 국 or 물이 → 물 are rarely what was meant.
    """
    for particle in PARTICLES:
        if word.endswith(particle):
            stem = word[: -len(particle)]
            if len(stem) >= 2 and all(is_cjk(c) for c in stem[-2:]):
                return stem
            return None
    return None
