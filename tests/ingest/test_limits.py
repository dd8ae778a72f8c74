"""Bounded work per file: a text too long to be a release is cut, with a warning, before the steps after
parsing (forms, extraction, indexing) see it; the original stays whole."""

from __future__ import annotations

from esgdesk.ingest.limits import MAX_BODY_CHARS, cap_documents, cap_text
from esgdesk.ingest.parsers.base import ParsedDocument, SourceInput
from esgdesk.ingest.worker import parse_source


def test_short_text_is_untouched() -> None:
    assert cap_text("짧은 본문") == ("짧은 본문", None)


def test_long_text_is_cut_at_a_line_end_with_a_warning() -> None:
    text = "가나다라마바사\n" * 100
    cut, warning = cap_text(text, limit=50)
    assert len(cut) <= 50 and cut.endswith("사") and warning and "50" in warning


def test_every_format_is_capped_after_parsing() -> None:
    line = "탄소중립 산업 전환 지원 계획을 발표했다. 담당부서 지역경제진흥과.\n"
    data = (line * (MAX_BODY_CHARS // len(line) + 200)).encode("utf-8")
    outcome = parse_source(SourceInput("large.txt", data))
    document = outcome.documents[0]
    assert len(document.body) <= MAX_BODY_CHARS
    assert document.partial and any("kept whole" in warning for warning in document.warnings)


def test_cap_documents_marks_partial() -> None:
    documents = [ParsedDocument(body="x" * 20), ParsedDocument(body="short")]
    cap_documents(documents, limit=10)
    assert documents[0].partial and len(documents[0].body) == 10
    assert not documents[1].partial
