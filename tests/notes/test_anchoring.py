"""Anchors survive edits: random insertions and deletions before, inside and after a quote (hypothesis)."""

from __future__ import annotations

import time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from esgdesk.notes.anchoring import (
    AnchorStatus,
    Selector,
    anchor_occurrence,
    approximate_ends,
    make_selector,
    reanchor,
)
from esgdesk.notes.errors import AmbiguousQuoteError, QuoteNotFoundError

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
TEXT_CHARS = st.one_of(HANGUL, st.sampled_from(" \n,.「」0123456789"))
texts = st.text(TEXT_CHARS, min_size=0, max_size=300)


@st.composite
def body_and_span(draw: st.DrawFn, min_quote: int = 1) -> tuple[str, int, int]:
    body = draw(st.text(TEXT_CHARS, min_size=min_quote + 1, max_size=400))
    start = draw(st.integers(0, len(body) - min_quote))
    end = draw(st.integers(start + min_quote, min(len(body), start + 80)))
    assume(body[start:end].strip())
    return body, start, end


def _occurrences(body: str, quote: str) -> int:
    """Overlapping occurrences (str.count does not count "000" twice in "0000")."""
    return sum(body.startswith(quote, i) for i in range(len(body)))


def _edit(body: str, where: int, deleted: int, inserted: str) -> str:
    return body[:where] + inserted + body[where + deleted :]


@given(body_and_span())
def test_unchanged_text_anchors_in_place(case: tuple[str, int, int]) -> None:
    body, start, end = case
    result = reanchor(make_selector(body, start, end), body)
    assert result.status == AnchorStatus.ANCHORED
    assert (result.selector.start, result.selector.end) == (start, end)


@given(body_and_span(), st.data())
def test_insertion_or_deletion_before_never_loses_the_quote(case: tuple[str, int, int], data: st.DataObject) -> None:
    body, start, end = case
    where = data.draw(st.integers(0, start))
    deleted = data.draw(st.integers(0, start - where))
    inserted = data.draw(texts)
    new_body = _edit(body, where, deleted, inserted)
    result = reanchor(make_selector(body, start, end), new_body)
    shift = len(inserted) - deleted
    assert result.status in (AnchorStatus.ANCHORED, AnchorStatus.MOVED)
    assert new_body[result.selector.start : result.selector.end] == body[start:end]
    if _occurrences(new_body, body[start:end]) == 1:
        assert result.selector.start == start + shift


@given(body_and_span(), st.data())
def test_insertion_or_deletion_after_never_loses_the_quote(case: tuple[str, int, int], data: st.DataObject) -> None:
    body, start, end = case
    where = data.draw(st.integers(end, len(body)))
    deleted = data.draw(st.integers(0, len(body) - where))
    inserted = data.draw(texts)
    new_body = _edit(body, where, deleted, inserted)
    result = reanchor(make_selector(body, start, end), new_body)
    assert result.status in (AnchorStatus.ANCHORED, AnchorStatus.MOVED)
    assert new_body[result.selector.start : result.selector.end] == body[start:end]
    if _occurrences(new_body, body[start:end]) == 1:
        assert result.selector.start == start


@st.composite
def hangul_body_and_quote(draw: st.DrawFn) -> tuple[str, int, int]:
    """Distinct syllables, so no other passage looks like the quote and the edit is the only change that counts."""
    body = "".join(draw(st.lists(HANGUL, min_size=40, max_size=400, unique=True)))
    length = draw(st.integers(12, min(60, len(body) - 4)))
    start = draw(st.integers(0, len(body) - length))
    return body, start, start + length


@given(hangul_body_and_quote(), st.data())
def test_an_edit_inside_the_quote_is_reanchored_approximately(case: tuple[str, int, int], data: st.DataObject) -> None:
    body, start, end = case
    where = data.draw(st.integers(start + 1, end - 2))
    replacement = data.draw(st.text(HANGUL, min_size=0, max_size=2).filter(lambda t: not set(t) & set(body)))
    new_body = _edit(body, where, 1, replacement)
    result = reanchor(make_selector(body, start, end), new_body)
    assert result.status == AnchorStatus.FUZZY
    new_start, new_end = result.selector.start, result.selector.end
    assert new_body[new_start:new_end] == result.selector.exact
    assert new_start < end + len(replacement) and new_end > start  # overlaps where the quote was
    assert abs(new_start - start) <= 2 and abs(new_end - (end + len(replacement) - 1)) <= 2


@settings(max_examples=60)
@given(body_and_span(), texts)
def test_never_raises_and_an_orphan_keeps_its_quote(case: tuple[str, int, int], new_body: str) -> None:
    body, start, end = case
    selector = make_selector(body, start, end)
    result = reanchor(selector, new_body)
    if result.status == AnchorStatus.ORPHANED:
        assert result.selector == selector
    else:
        assert new_body[result.selector.start : result.selector.end] == result.selector.exact


def _edit_distances(pattern: str, text: str) -> list[int]:
    """Textbook semi-global DP (free start in text): the reference for Myers' bit-vector version."""
    previous = [0] * (len(text) + 1)
    for i in range(1, len(pattern) + 1):
        current = [i] + [0] * len(text)
        for j in range(1, len(text) + 1):
            cost = pattern[i - 1] != text[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return previous


@given(st.text("ab가나", min_size=1, max_size=10), st.text("ab가나", max_size=20))
def test_bit_vector_search_equals_the_dynamic_programme(pattern: str, text: str) -> None:
    expected = _edit_distances(pattern, text)
    found = dict(approximate_ends(pattern, text, max_errors=len(pattern)))
    for end in range(1, len(text) + 1):
        assert found.get(end, len(pattern)) == min(expected[end], len(pattern))


def test_repeated_quote_is_told_apart_by_its_context() -> None:
    body = "가나다 「공정전환 지원사업」을 시행. 그리고 한편 「공정전환 지원사업」을 통해 계획."
    second = anchor_occurrence(body, "「공정전환 지원사업」", occurrence=2)
    new_body = "새 문단.\n\n" + body.replace("그리고 한편", "한편")
    result = reanchor(second, new_body)
    assert result.status == AnchorStatus.MOVED
    assert new_body[result.selector.start - 3 : result.selector.start] == "한편 "


def test_quote_with_other_line_breaks_is_moved_not_fuzzy() -> None:
    body = "첫 문장입니다. 취약지역 공정전환 지원사업을 시행한다. 끝."
    selector = anchor_occurrence(body, "취약지역 공정전환 지원사업을")
    result = reanchor(selector, body.replace("공정전환 지원사업", "공정전환\n지원사업"))
    assert result.status == AnchorStatus.MOVED
    assert result.selector.exact == "취약지역 공정전환\n지원사업을"


def test_ambiguous_and_missing_quotes() -> None:
    body = "사업 A. 사업 B."
    with pytest.raises(AmbiguousQuoteError) as caught:
        anchor_occurrence(body, "사업")
    assert caught.value.occurrences == 2 and "2 times" in str(caught.value)
    with pytest.raises(QuoteNotFoundError):
        anchor_occurrence(body, "없는 말")
    with pytest.raises(QuoteNotFoundError, match="only 2 times"):
        anchor_occurrence(body, "사업", occurrence=3)
    assert anchor_occurrence(body, "사업", occurrence=2).start == 6


def test_w3c_selectors_round_trip() -> None:
    selector = make_selector("가나다라마바사", 2, 4)
    assert Selector.from_w3c(selector.to_w3c()) == selector


def test_fuzzy_search_is_fast_on_a_10kb_body(sample_path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    body = (text * 2)[:10_000]
    selector = anchor_occurrence(body, "도내 129개 산업단지 중 43개 산업단지가 노후되어", occurrence=1)
    rewritten = body.replace("129개 산업단지 중 43개", "130개 산업단지 가운데 44개")
    began = time.perf_counter()
    result = reanchor(selector, rewritten)
    assert time.perf_counter() - began < 1.0
    assert result.status == AnchorStatus.FUZZY
