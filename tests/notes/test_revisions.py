"""A corrected release replaces the text: annotations move, re-anchor approximately, or are kept as orphans."""

from __future__ import annotations

from sqlmodel import select

from esgdesk.core.models import Annotation, DocumentRevision
from esgdesk.core.text import content_hash, normalize_text
from esgdesk.library.documents import get_document
from esgdesk.notes.annotations import create_annotation, list_annotations
from esgdesk.notes.revisions import revise_document

PROGRAMME = "「취약지역 공정전환 지원사업」"

INCHEON_SENTENCE = "또한, 인천광역시가 특징적으로 가지고 있는 항만, 공항, 발전소 등의 사업장에 종사하는 근로자에 적합한"


def _corrected(body: str) -> str:
    """The release as corrected: a new paragraph on top, words changed around and inside passages, one cut."""
    text = "[정정] 본 보도자료의 일부 수치를 바로잡습니다.\n\n" + body
    text = text.replace("작년부터 「취약지역", "지난해부터 「취약지역")  # the context of occurrence 1 changes
    text = text.replace("129개 산업단지 중 43개", "130개 산업단지 중 44개")  # the quote's own words change
    text = text.replace("중·소상공인", "중소상공인")  # the correction drops the middle dot inside a quote
    start = text.index("또한, 인천광역시가")
    end = text.index("\n", start)
    return normalize_text(text[:start] + text[end:])  # the Incheon sentence is cut


def test_revision_reanchors_every_annotation(archive, release_id: int) -> None:
    first = create_annotation(archive, release_id, quote=PROGRAMME, occurrence=1, note="사업명")
    second = create_annotation(archive, release_id, quote=PROGRAMME, occurrence=2, note="계획")
    figures = create_annotation(
        archive, release_id, quote="도내 129개 산업단지 중 43개 산업단지가 노후되어", note="수치"
    )
    smes = create_annotation(archive, release_id, quote="중·소상공인 등 다양한 주체", note="영향")
    cut = create_annotation(archive, release_id, quote=INCHEON_SENTENCE, note="인천")
    untouched = create_annotation(archive, release_id, quote="충청북도는 시멘트 산업과 반도체 산업이", note="업종")

    with archive.writing("revise"), archive.session() as session:
        document = get_document(session, release_id)
        old_body, old_version = document.body, document.version
        new_body = _corrected(old_body)
        report = revise_document(session, document, document.title, new_body, content_hash(new_body), "tester")
        session.commit()

    assert {c.annotation_id for c in report.moved} == {first.id, second.id, untouched.id}
    assert {c.annotation_id for c in report.fuzzy} == {figures.id, smes.id}
    assert [c.annotation_id for c in report.orphaned] == [cut.id]
    assert report.new_version == old_version + 1

    views = {v.id: v for v in list_annotations(archive, release_id)}
    # occurrence 1 is still the first one, although its prefix changed and a paragraph came above it
    assert views[first.id].start < views[second.id].start
    assert views[first.id].prefix.endswith("지난해부터 ")
    assert new_body[views[first.id].start : views[first.id].end] == PROGRAMME
    assert views[figures.id].quote == "도내 130개 산업단지 중 44개 산업단지가 노후되어"
    assert views[figures.id].status == "fuzzy"
    assert views[smes.id].quote == "중소상공인 등 다양한 주체"
    assert views[cut.id].orphaned and views[cut.id].quote == INCHEON_SENTENCE and views[cut.id].note == "인천"
    assert list(views)[-1] == cut.id  # orphans are listed last

    with archive.session() as session:
        revision = session.exec(select(DocumentRevision)).one()
        assert revision.body == old_body and revision.author == "tester"
        assert get_document(session, release_id).body == new_body
        assert session.get(Annotation, figures.id).version == figures.version + 1


def test_a_second_revision_can_bring_an_orphan_back(archive, release_id: int) -> None:
    cut = create_annotation(archive, release_id, quote=INCHEON_SENTENCE, note="인천")
    with archive.writing("revise"), archive.session() as session:
        document = get_document(session, release_id)
        original = document.body
        report = revise_document(session, document, document.title, _corrected(original), "h1", None)
        assert [c.annotation_id for c in report.orphaned] == [cut.id]
        report = revise_document(session, document, document.title, original, content_hash(original), None)
        session.commit()
    assert [c.annotation_id for c in report.anchored] == [cut.id]  # back at its old place
    assert list_annotations(archive, release_id)[0].status == "anchored"
