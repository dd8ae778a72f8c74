"""The query language: what good queries mean, and how bad ones are reported."""

from __future__ import annotations

import datetime as dt

import pytest

from esgdesk.core.errors import EsgdeskError
from esgdesk.search.query import (
    And,
    DateRange,
    Filter,
    MatchAll,
    Not,
    Or,
    QuerySyntaxError,
    Text,
    parse,
)


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("탄소", Text("탄소")),
        ("탄소 지역", And((Text("탄소"), Text("지역")))),
        ("탄소 AND 지역", And((Text("탄소"), Text("지역")))),
        ('"탄소 중립"', Text("탄소 중립", phrase=True)),
        ("탄소 OR 수소", Or((Text("탄소"), Text("수소")))),
        ("탄소 지역 OR 수소", Or((And((Text("탄소"), Text("지역"))), Text("수소")))),
        ("-폐지", Not(Text("폐지"))),
        ("NOT 폐지", Not(Text("폐지"))),
        ("(탄소 OR 수소) -폐지", And((Or((Text("탄소"), Text("수소"))), Not(Text("폐지"))))),
        ("title:탄소", Text("탄소", field="title")),
        ('title:"탄소 중립"', Text("탄소 중립", phrase=True, field="title")),
        ("title:(탄소 OR 수소)", Or((Text("탄소", field="title"), Text("수소", field="title")))),
        ("ministry:산업부", Text("산업부", field="ministry")),
        ("tag:공정전환", Filter("tag", "공정전환")),
        ('tag:"just transition"', Filter("tag", "just transition")),
        ("region:충북", Filter("region", "충북")),
        ("kind:notice", Filter("kind", "notice")),
        ("kind:보도자료", Filter("kind", "press release")),
        ("has:annotation", Filter("has", "annotation")),
        ("has:links", Filter("has", "link")),
        ("linked:12", Filter("linked", "12")),
        ("date:2023", DateRange(dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("date:2023-02", DateRange(dt.date(2023, 2, 1), dt.date(2023, 2, 28))),
        ("date:2023-04-28", DateRange(dt.date(2023, 4, 28), dt.date(2023, 4, 28))),
        ("date:2023-01..2023-06", DateRange(dt.date(2023, 1, 1), dt.date(2023, 6, 30))),
        ("date:..2022", DateRange(None, dt.date(2022, 12, 31))),
        ("date:2024..", DateRange(dt.date(2024, 1, 1), None)),
        ("", MatchAll()),
        ("   ", MatchAll()),
        ("탄소 ·", Text("탄소")),  # punctuation alone is nothing to search for
        ("10:30 https://korea.kr", And((Text("10:30"), Text("https://korea.kr")))),
        ("Title:탄소", Text("탄소", field="title")),
    ],
)
def test_good_queries(query: str, tree: object) -> None:
    assert parse(query) == tree


def test_query_text_is_nfc() -> None:
    import unicodedata

    assert parse(unicodedata.normalize("NFD", "탄소")) == Text("탄소")


@pytest.mark.parametrize(
    ("query", "problem", "position"),
    [
        ('탄소 "중립', "never closed", 3),
        ("(탄소 OR 수소", "'(' is never closed", 0),
        ("탄소 OR 수소)", "no '(' to close", 8),
        ("((탄소)", "'(' is never closed", 0),
        ("()", "Empty parentheses", 0),
        ("foo:bar", "Unknown field 'foo:'", 0),
        ("탄소 author:kim", "Unknown field 'author:'", 3),
        ("title: 탄소", "needs a value", 0),
        ("title:", "needs a value", 0),
        ("OR 탄소", "OR needs a term before it", 0),
        ("탄소 OR", "OR needs a term after it", 3),
        ("탄소 OR OR 수소", "OR needs a term after it", 3),
        ("NOT", "needs a term to exclude", 0),
        ("has:pictures", "has:pictures", 4),
        ("linked:abc", "document number", 7),
        ("date:2023-13", "not a date", 5),
        ("date:yesterday", "not a date", 5),
        ("date:2024..2023", "ends before it starts", 5),
        ("title:kind:notice", "cannot be used inside", 6),
        ("·", "no words", 0),
    ],
)
def test_bad_queries_say_what_and_where(query: str, problem: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert problem in str(caught.value)
    assert caught.value.position == position
    assert isinstance(caught.value, EsgdeskError)


def test_error_message_points_at_the_problem_with_a_caret() -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse('탄소 "중립')
    lines = str(caught.value).splitlines()
    assert lines[0].startswith('This quote " is never closed (at position 4)')
    assert lines[1] == '  탄소 "중립'
    # 탄소 is two double-width syllables plus a space: the caret stands under the quote
    assert lines[2] == "  " + " " * 5 + "^"
