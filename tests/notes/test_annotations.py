"""Annotation services on the user's sample: quotes, occurrences, categories, versions, document notes."""

from __future__ import annotations

import pytest
from sqlmodel import select

from esgdesk.core.errors import NotFoundError
from esgdesk.core.models import Activity, AnnotationCategory
from esgdesk.notes.annotations import (
    create_annotation,
    delete_annotation,
    get_document_note,
    list_annotations,
    list_categories,
    move_annotation,
    save_category,
    set_document_note,
    update_annotation,
)
from esgdesk.notes.errors import AmbiguousQuoteError, ConflictError, QuoteNotFoundError

PROGRAMME = "「취약지역 공정전환 지원사업」"


def test_a_repeated_quote_needs_an_occurrence(archive, release_id: int) -> None:
    with pytest.raises(AmbiguousQuoteError) as caught:
        create_annotation(archive, release_id, quote=PROGRAMME, note="사업명")
    assert caught.value.occurrences == 2
    assert "2 times" in str(caught.value) and "--occurrence" in str(caught.value)
    first = create_annotation(archive, release_id, quote=PROGRAMME, occurrence=1, note="사업명", category="핵심")
    second = create_annotation(archive, release_id, quote=PROGRAMME, occurrence=2, note="계획")
    assert first.start < second.start
    assert first.quote == second.quote == PROGRAMME
    assert first.prefix.endswith("작년부터 ") and len(first.prefix) == 32
    assert first.category == "핵심" and first.color == "#f4c430"
    assert [a.id for a in list_annotations(archive, release_id)] == [first.id, second.id]


def test_missing_quote_and_unknown_category_are_refused(archive, release_id: int) -> None:
    with pytest.raises(QuoteNotFoundError):
        create_annotation(archive, release_id, quote="없는 문장", note="x")
    with pytest.raises(NotFoundError, match="핵심, 근거, 질문, 후속조치"):
        create_annotation(archive, release_id, quote="충청북도는", note="x", category="없음")
    with pytest.raises(NotFoundError):
        create_annotation(archive, 9999, quote="충청북도는", note="x")


def test_annotate_by_span(archive, release_id: int) -> None:
    view = create_annotation(archive, release_id, start=0, end=5, note="첫머리")
    assert view.quote == "탄소중립은"
    with pytest.raises(QuoteNotFoundError):
        create_annotation(archive, release_id, start=5, end=5, note="빈 구간")


def test_default_categories_appear_on_first_use_and_can_be_redefined(archive) -> None:
    with archive.session() as session:
        assert session.exec(select(AnnotationCategory)).all() == []
    names = [c.name for c in list_categories(archive)]
    assert names == ["핵심", "근거", "질문", "후속조치"]
    save_category(archive, "질문", "#123456", "ask the ministry")
    save_category(archive, "통계", "#abcdef")
    categories = {c.name: c for c in list_categories(archive)}
    assert categories["질문"].color == "#123456" and categories["질문"].description == "ask the ministry"
    assert list(categories)[-1] == "통계"


def test_edits_use_optimistic_concurrency(archive, release_id: int) -> None:
    view = create_annotation(archive, release_id, quote="충청북도는", note="초안")
    edited = update_annotation(archive, view.id, version=view.version, note="**고친** 메모", category="근거")
    assert (edited.note, edited.category, edited.version) == ("**고친** 메모", "근거", view.version + 1)
    with pytest.raises(ConflictError) as caught:
        update_annotation(archive, view.id, version=view.version, note="늦은 수정")
    assert (caught.value.expected_version, caught.value.actual_version) == (view.version, edited.version)
    moved = move_annotation(archive, view.id, version=edited.version, start=0, end=5)
    assert moved.quote == "탄소중립은" and moved.status == "anchored"
    with pytest.raises(ConflictError):
        delete_annotation(archive, view.id, version=edited.version)
    delete_annotation(archive, view.id, version=moved.version)
    assert list_annotations(archive, release_id) == []


def test_document_note_and_activity(archive, release_id: int) -> None:
    assert get_document_note(archive, release_id)[0] == ""
    _, version = get_document_note(archive, release_id)
    new_version = set_document_note(archive, release_id, "# 메모\n\n- 후속 보도 확인", version=version)
    assert get_document_note(archive, release_id) == ("# 메모\n\n- 후속 보도 확인", new_version)
    with pytest.raises(ConflictError):
        set_document_note(archive, release_id, "다른 메모", version=version)
    create_annotation(archive, release_id, quote="충청북도는", note="n")
    with archive.session() as session:
        actions = [a.action for a in session.exec(select(Activity)).all()]
    assert "edit-note" in actions and "annotate" in actions
