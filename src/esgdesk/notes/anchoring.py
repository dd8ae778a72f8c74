"""Text anchors that survive revisions: W3C position + quote selectors, and re-anchoring on a new text.

An annotation remembers where it was (TextPositionSelector: `start`/`end`, in Unicode code points of the NFC
body — what Python indexes and what the W3C model specifies) and what it said (TextQuoteSelector: `exact`, with
32 characters of `prefix` and `suffix`, as Hypothesis stores them). Positions are cheap but break on any edit
above; quotes survive edits but can repeat. Re-anchoring a selector on a changed text therefore tries, in order:

1. **exact quote** — every occurrence of `exact` is scored by how well its surroundings agree with `prefix` and
   `suffix`; ties go to the one nearest the old position. At the old position → ``anchored``; elsewhere →
   ``moved``.
2. **same words, other spacing** — the quote with all white space ignored (a better parser re-wraps lines, a
   corrected release fixes 띄어쓰기) → ``moved``.
3. **approximate quote** — a bit-parallel edit-distance search (Myers 1999, on Python integers, so patterns of
   any length cost O(len(body)·len(pattern)/word) rather than a quadratic table) for the quote alone and for
   prefix+quote+suffix. Characters are compared as NFC code points, so one changed Hangul syllable is one edit,
   which is what a reader sees too (decomposed jamo would count three). A candidate is kept when the quote
   keeps at least ``MIN_QUOTE_SIMILARITY`` of its characters (difflib ratio), or when the quote was rewritten in
   place: both context sides still agree at ``MIN_CONTEXT_SIMILARITY`` or better → ``fuzzy``.
4. otherwise ``orphaned``: the selector is returned unchanged, so the annotation keeps its quote and note.

Everything here is pure: no database, so it is tested with random texts (tests/notes/test_anchoring.py).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from esgdesk.core.i18n import _
from esgdesk.core.text import nfc
from esgdesk.notes.errors import AmbiguousQuoteError, QuoteNotFoundError

#: characters of context kept on each side (Hypothesis keeps 32 too)
CONTEXT_CHARS = 32
#: edits allowed when searching the quote alone, as a share of its length
QUOTE_ERROR_RATE = 0.25
#: edits allowed when searching prefix + quote + suffix, as a share of their length
CONTEXT_ERROR_RATE = 0.3
#: a fuzzy match must keep at least this share of the quote (difflib ratio: 2·matches / total length)
MIN_QUOTE_SIMILARITY = 0.6
#: ...unless both sides of context still agree this well (the quote's own words were rewritten in place)
MIN_CONTEXT_SIMILARITY = 0.8
#: at most this many approximate candidates are scored in detail (the best by edit distance)
MAX_FUZZY_CANDIDATES = 8
#: with more exact occurrences than this, context is compared by common affixes only (cheap)
MAX_RATIO_SCORED = 64


class AnchorStatus:
    ANCHORED = "anchored"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Selector:
    """A passage as W3C TextPositionSelector (start, end) plus TextQuoteSelector (exact, prefix, suffix)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_w3c(self) -> list[dict[str, Any]]:
        return [
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
        ]

    @classmethod
    def from_w3c(cls, selectors: list[dict[str, Any]] | dict[str, Any]) -> Selector:
        """Read back what `to_w3c` wrote (or any annotation with a quote; the position is then a hint only)."""
        items = [selectors] if isinstance(selectors, dict) else list(selectors)
        position = next((s for s in items if s.get("type") == "TextPositionSelector"), None)
        quote = next((s for s in items if s.get("type") == "TextQuoteSelector"), None)
        if quote is None:
            raise ValueError(_("the annotation has no TextQuoteSelector"))
        exact = nfc(str(quote.get("exact", "")))
        start = int(position["start"]) if position else 0
        end = int(position["end"]) if position else start + len(exact)
        return cls(start, end, exact, nfc(str(quote.get("prefix", ""))), nfc(str(quote.get("suffix", ""))))


@dataclass(frozen=True)
class Reanchored:
    """Where a selector landed in a new text; `selector` is the old one when `status` is orphaned."""

    selector: Selector
    status: str
    #: 1.0 for an exact quote; the quote similarity for a fuzzy one; 0.0 when orphaned
    score: float


# -- making selectors ------------------------------------------------------------------------------------


def make_selector(body: str, start: int, end: int) -> Selector:
    """The selector of body[start:end], with up to CONTEXT_CHARS of context on each side."""
    if not 0 <= start < end <= len(body):
        raise QuoteNotFoundError(
            _(
                "The span {start}–{end} is not inside the text (0–{length}) or is empty.",
                start=start,
                end=end,
                length=len(body),
            )
        )
    return Selector(
        start=start,
        end=end,
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
    )


def find_occurrences(body: str, quote: str) -> list[tuple[int, int]]:
    """Spans of `quote` in `body`: exact (overlapping) matches, else matches ignoring how white space runs.

    A quote typed or pasted with a line break where the text has a space (or the reverse) still counts.
    """
    quote = nfc(quote).strip()
    if not quote:
        return []
    spans = [(i, i + len(quote)) for i in _find_all(body, quote)]
    if spans:
        return spans
    words = quote.split()
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [(m.start(), m.end()) for m in pattern.finditer(body)]


def anchor_occurrence(body: str, quote: str, occurrence: int | None = None) -> Selector:
    """The selector of the `occurrence`-th (1-based) appearance of `quote`; a repeated quote needs one."""
    spans = find_occurrences(body, quote)
    shown = _shorten(nfc(quote).strip())
    if not spans:
        raise QuoteNotFoundError(_("The quote “{shown}” does not occur in the text.", shown=shown))
    if occurrence is None:
        if len(spans) > 1:
            raise AmbiguousQuoteError(
                _(
                    "The quote “{shown}” occurs {count} times; choose one with --occurrence N (1–{count}).",
                    shown=shown,
                    count=len(spans),
                ),
                occurrences=len(spans),
            )
        occurrence = 1
    if not 1 <= occurrence <= len(spans):
        times = _("once") if len(spans) == 1 else _("{count} times", count=len(spans))
        raise QuoteNotFoundError(
            _(
                "The quote “{shown}” occurs only {times}; there is no occurrence {occurrence}.",
                shown=shown,
                times=times,
                occurrence=occurrence,
            )
        )
    start, end = spans[occurrence - 1]
    return make_selector(body, start, end)


# -- re-anchoring ----------------------------------------------------------------------------------------


def reanchor(selector: Selector, body: str) -> Reanchored:
    """Find `selector` in `body` (a new version of its text); never raises, never loses the quote."""
    if not selector.exact:
        return Reanchored(selector, AnchorStatus.ORPHANED, 0.0)
    for step in (_exact_quote, _whitespace_free_quote, _fuzzy_quote):
        found = step(selector, body)
        if found is not None:
            return found
    return Reanchored(selector, AnchorStatus.ORPHANED, 0.0)


def _exact_quote(selector: Selector, body: str) -> Reanchored | None:
    starts = _find_all(body, selector.exact)
    if not starts:
        return None
    length = len(selector.exact)
    best = _best_by_context(selector, body, [(s, s + length) for s in starts])
    status = AnchorStatus.ANCHORED if best[0] == selector.start else AnchorStatus.MOVED
    return Reanchored(make_selector(body, *best), status, 1.0)


def _whitespace_free_quote(selector: Selector, body: str) -> Reanchored | None:
    spans = find_occurrences(body, selector.exact)
    if not spans or not selector.exact.strip():
        return None
    best = _best_by_context(selector, body, spans)
    return Reanchored(make_selector(body, *best), AnchorStatus.MOVED, 1.0)


def _best_by_context(selector: Selector, body: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The occurrence whose surroundings agree best with prefix/suffix; the nearest to the old start on ties."""
    thorough = len(spans) <= MAX_RATIO_SCORED

    def key(span: tuple[int, int]) -> tuple[float, int]:
        return (-_context_agreement(selector, body, span, thorough), abs(span[0] - selector.start))

    return min(spans, key=key)


def _context_agreement(selector: Selector, body: str, span: tuple[int, int], thorough: bool) -> float:
    before = body[max(0, span[0] - CONTEXT_CHARS) : span[0]]
    after = body[span[1] : span[1] + CONTEXT_CHARS]
    score = float(_common_suffix(selector.prefix, before) + _common_prefix(selector.suffix, after))
    if thorough:
        score += 0.5 * (_ratio(selector.prefix, before) * len(selector.prefix))
        score += 0.5 * (_ratio(selector.suffix, after) * len(selector.suffix))
    return score


def _fuzzy_quote(selector: Selector, body: str) -> Reanchored | None:
    candidates = _quote_candidates(selector, body) + _context_candidates(selector, body)
    best: tuple[float, Selector, float] | None = None
    for start, end in set(candidates):
        if not 0 <= start < end <= len(body):
            continue
        rank, similarity = _judge(selector, body, start, end)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, make_selector(body, start, end), similarity)
    if best is None:
        return None
    return Reanchored(best[1], AnchorStatus.FUZZY, round(best[2], 3))


def _quote_candidates(selector: Selector, body: str) -> list[tuple[int, int]]:
    errors = int(len(selector.exact) * QUOTE_ERROR_RATE)
    if errors < 1:
        return []  # a quote this short either occurs exactly or cannot be told from noise
    return _approximate_spans(selector.exact, body, errors)


def _context_candidates(selector: Selector, body: str) -> list[tuple[int, int]]:
    """Search quote and context together, then map the quote's boundaries into the matched window."""
    if not (selector.prefix or selector.suffix):
        return []
    pattern = selector.prefix + selector.exact + selector.suffix
    errors = int(len(pattern) * CONTEXT_ERROR_RATE)
    spans = []
    for window_start, window_end in _approximate_spans(pattern, body, errors):
        window = body[window_start:window_end]
        mapped = _map_boundaries(pattern, window, len(selector.prefix), len(selector.prefix) + len(selector.exact))
        spans.append((window_start + mapped[0], window_start + mapped[1]))
    return spans


def _judge(selector: Selector, body: str, start: int, end: int) -> tuple[float | None, float]:
    """(rank or None when not acceptable, quote similarity) of a fuzzy candidate span.

    The quote is compared by edit distance, not difflib's ratio: the ratio rewards a shorter span, so a quote
    edited near its end would lose its edited tail ("drop two syllables" beats "take the changed two").
    """
    quote_similarity = _edit_similarity(selector.exact, body[start:end])
    sides = []
    if selector.prefix:
        sides.append(_ratio(selector.prefix, body[max(0, start - len(selector.prefix)) : start]))
    if selector.suffix:
        sides.append(_ratio(selector.suffix, body[end : end + len(selector.suffix)]))
    context_similarity = sum(sides) / len(sides) if sides else 0.0
    rewritten_in_place = (
        len(sides) == 2 and min(sides) >= MIN_CONTEXT_SIMILARITY and end - start <= 3 * len(selector.exact) + 10
    )
    if quote_similarity < MIN_QUOTE_SIMILARITY and not rewritten_in_place:
        return None, quote_similarity
    distance = abs(start - selector.start) / max(len(body), 1)
    return 0.6 * quote_similarity + 0.4 * context_similarity - 0.05 * distance, quote_similarity


# -- approximate search ----------------------------------------------------------------------------------


def _approximate_spans(pattern: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    """Spans of `text` within `max_errors` edits of `pattern`, best first.

    Each run of consecutive hit ends gives its fewest-error end — both the first and the last such end when
    several tie, since "drop the edited tail" and "take the edited tail" can cost the same; the caller's
    judgement of quote and context then picks the reading a person would.
    """
    hits = approximate_ends(pattern, text, max_errors)
    if not hits:
        return []
    runs: list[list[tuple[int, int]]] = []  # (errors, end) hits of each run of consecutive ends
    previous = -2
    for end, errors in hits:
        if end != previous + 1:
            runs.append([])
        runs[-1].append((errors, end))
        previous = end
    best_ends: list[tuple[int, int]] = []
    for run in runs:
        fewest = min(errors for errors, _ in run)
        tied = [end for errors, end in run if errors == fewest]
        best_ends.extend({(fewest, tied[0]), (fewest, tied[-1])})
    best_ends.sort()
    return [(_best_start(pattern, text, end, max_errors), end) for _, end in best_ends[: 2 * MAX_FUZZY_CANDIDATES]]


def approximate_ends(pattern: str, text: str, max_errors: int, anchored: bool = False) -> list[tuple[int, int]]:
    """(end, edits) for each end offset where a substring of `text` ending there is within `max_errors` edits.

    Myers' bit-vector algorithm: one pass over the text with the pattern's DP column packed into integers.
    With `anchored`, the substring must start at text[0] (plain edit distance of pattern and text[:end]).
    """
    m = len(pattern)
    if m == 0:
        return []
    full = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << i)
    pv, mv, score = full, 0, m
    carry_in = 1 if anchored else 0
    hits = []
    for j, char in enumerate(text):
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & full) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry_in) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        if score <= max_errors:
            hits.append((j + 1, score))
    return hits


def _best_start(pattern: str, text: str, end: int, max_errors: int) -> int:
    """Where the approximate match ending at `end` starts: the pattern reversed, anchored at `end`."""
    window_start = max(0, end - len(pattern) - max_errors)
    reversed_window = text[window_start:end][::-1]
    hits = approximate_ends(pattern[::-1], reversed_window, max_errors, anchored=True)
    if not hits:
        return max(0, end - len(pattern))
    length, _ = min(hits, key=lambda hit: (hit[1], abs(hit[0] - len(pattern))))
    return end - length


def _map_boundaries(pattern: str, window: str, start: int, end: int) -> tuple[int, int]:
    """Offsets in `window` that correspond to pattern[start] and pattern[end] under difflib's alignment."""
    opcodes = difflib.SequenceMatcher(None, pattern, window, autojunk=False).get_opcodes()

    def map_offset(offset: int, prefer_later: bool) -> int:
        covering = [op for op in opcodes if op[1] <= offset <= op[2]]
        if not covering:
            return len(window)
        _, i1, i2, j1, j2 = covering[-1] if prefer_later else covering[0]
        if i1 == i2:
            return j2 if prefer_later else j1
        return j1 + round((offset - i1) * (j2 - j1) / (i2 - i1))

    # Text inserted exactly at a boundary stays outside the quote: it is new context, not the passage.
    return map_offset(start, prefer_later=True), map_offset(end, prefer_later=False)


# -- small helpers ---------------------------------------------------------------------------------------


def _find_all(body: str, quote: str) -> list[int]:
    starts = []
    index = body.find(quote)
    while index != -1:
        starts.append(index)
        index = body.find(quote, index + 1)
    return starts


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _edit_similarity(a: str, b: str) -> float:
    """1 − Levenshtein distance / the longer length (syllables count one each: the text is NFC).

    The distance comes from the bit-parallel search anchored at both ends, so a paragraph-long quote costs
    one pass over the candidate rather than a quadratic table."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    longest = max(len(a), len(b))
    hits = approximate_ends(a, b, longest, anchored=True)
    distance = next((errors for end, errors in reversed(hits) if end == len(b)), longest)
    return 1.0 - distance / longest


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
