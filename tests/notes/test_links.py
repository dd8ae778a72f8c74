"""Typed links with inverse labels, backlinks, refusals, deletion, and suggestions with reasons."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from esgdesk.core.models import Activity, Document, Entity, Link, Mention
from esgdesk.notes.annotations import create_annotation
from esgdesk.notes.errors import LinkError
from esgdesk.notes.links import (
    accept_suggestion,
    create_link,
    deletion_impact,
    dismiss_suggestion,
    links_of,
    relation_named,
    suggest_links,
)


@pytest.fixture
def follow_up(add_document) -> int:
    body = (
        "산업통상자원부는 2023.04.28 결과 보고회에 이어 「취약지역 공정전환 지원사업」 2차년도 성과를 점검했다. "
        "충청북도, 전라남도, 부산광역시, 울산광역시, 의성군이 참여했다."
    )
    return add_document("취약지역 공정전환 지원사업 2차년도 성과 점검", body, published=dt.date(2024, 3, 5))


def test_link_reads_with_inverse_label_from_the_target(archive, release_id: int, follow_up: int) -> None:
    view = create_link(archive, follow_up, release_id, "follows-up", note="1년 뒤")
    assert (view.relation, view.label, view.other_id) == ("follows_up", "follows up", release_id)
    from_follow_up = links_of(archive, follow_up)
    from_release = links_of(archive, release_id)
    assert [v.as_json()["label"] for v in from_follow_up.links] == ["follows up"]
    assert from_follow_up.backlinks == []
    backlink = from_release.backlinks[0].as_json()
    assert (backlink["id"], backlink["relation"], backlink["label"], backlink["note"]) == (
        follow_up,
        "follows_up",
        "is followed by",
        "1년 뒤",
    )
    assert backlink["title"] == "취약지역 공정전환 지원사업 2차년도 성과 점검"


@pytest.mark.parametrize(
    ("name", "label", "inverse"),
    [
        ("supersedes", "supersedes", "is superseded by"),
        ("corrects", "corrects", "is corrected by"),
        ("same-programme", "same programme", "same programme"),
        ("cites", "cites", "is cited by"),
        ("related", "related", "related"),
    ],
)
def test_every_relation_has_its_inverse(name: str, label: str, inverse: str) -> None:
    relation = relation_named(name)
    assert (relation.label, relation.inverse_label) == (label, inverse)


def test_refusals(archive, release_id: int, follow_up: int) -> None:
    with pytest.raises(LinkError, match="itself"):
        create_link(archive, release_id, release_id, "related")
    with pytest.raises(LinkError, match="Unknown link type"):
        create_link(archive, follow_up, release_id, "likes")
    create_link(archive, follow_up, release_id, "same-programme")
    with pytest.raises(LinkError, match="already"):
        create_link(archive, follow_up, release_id, "same_programme")
    with pytest.raises(LinkError, match="already"):
        create_link(archive, release_id, follow_up, "same-programme")  # symmetric: the same link reversed
    create_link(archive, follow_up, release_id, "supersedes")
    with pytest.raises(LinkError, match="contradict"):
        create_link(archive, release_id, follow_up, "supersedes")
    with archive.session() as session:
        assert len(session.exec(select(Link)).all()) == 2
        assert len([a for a in session.exec(select(Activity)).all() if a.action == "link"]) == 2


def test_passage_ends(archive, release_id: int, follow_up: int) -> None:
    passage = create_annotation(archive, release_id, quote="4개 지자체가 참여해", note="1차년도")
    view = create_link(archive, follow_up, release_id, "cites", target_annotation_id=passage.id)
    assert view.other_annotation_id == passage.id
    assert links_of(archive, release_id).backlinks[0].annotation_id == passage.id
    with pytest.raises(LinkError, match="belongs to document"):
        create_link(archive, follow_up, release_id, "related", source_annotation_id=passage.id)


def test_deleting_a_document_leaves_no_dangling_link(archive, release_id: int, follow_up: int) -> None:
    create_link(archive, follow_up, release_id, "follows-up")
    create_annotation(archive, follow_up, quote="2차년도 성과", note="n")
    assert deletion_impact(archive, follow_up) == {"annotations": 1, "links": 1, "backlinks": 0}
    with archive.writing("delete"), archive.session() as session:
        session.delete(session.get(Document, follow_up))
        session.commit()
    assert links_of(archive, release_id).backlinks == []
    with archive.session() as session:
        assert session.exec(select(Link)).all() == []


def test_suggestions_with_reasons_and_dismissal(archive, release_id: int, follow_up: int, add_document) -> None:
    with archive.session() as session:
        release = session.get(Document, release_id)
        assert release is not None
        near_copy = release.body.replace("4.28.(금)", "4.28.(금) 오후")
        title = release.title
    copy_id = add_document(f"[정정] {title}", near_copy, published=dt.date(2023, 5, 2))
    unrelated = add_document(
        "해양수산부, 어촌 뉴딜 점검", "어촌 항구 정비 사업을 점검했다.", published=dt.date(2020, 1, 1)
    )
    _mention_programme(archive, [release_id, follow_up], "취약지역 공정전환 지원사업")

    suggestions = {s.id: s for s in suggest_links(archive, release_id)}
    assert unrelated not in suggestions
    assert "near-identical text" in suggestions[copy_id].reason
    assert suggestions[copy_id].relation == "corrects" and suggestions[copy_id].reverse
    assert suggestions[copy_id].score > 0.9
    assert "same programme: 취약지역 공정전환 지원사업" in suggestions[follow_up].reason
    assert "date (2023-04-28)" in suggestions[follow_up].reason
    assert next(iter(suggestions)) == copy_id  # best first

    link = accept_suggestion(archive, suggestions[copy_id], release_id)
    assert link.relation == "corrects"
    assert links_of(archive, release_id).backlinks[0].label == "is corrected by"
    dismiss_suggestion(archive, release_id, follow_up)
    remaining = {s.id for s in suggest_links(archive, release_id)}
    assert copy_id not in remaining and follow_up not in remaining
    assert release_id not in {s.id for s in suggest_links(archive, follow_up)}  # dismissed both ways


def _mention_programme(archive, document_ids: list[int], name: str) -> None:
    with archive.writing("test"), archive.session() as session:
        key = name.replace(" ", "")
        entity = session.exec(select(Entity).where(Entity.kind == "programme", Entity.key == key)).first()
        if entity is None:  # the import's entity extraction may have found it already
            entity = Entity(kind="programme", key=key, name=name)
            session.add(entity)
            session.flush()
        for document_id in document_ids:
            session.add(Mention(document_id=document_id, entity_id=entity.id, start=0, end=len(name), text=name))
        session.commit()
