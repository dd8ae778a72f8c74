"""search(), facets (library.browse over matching_ids) and saved searches as the CLI and the GUI call them."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.models import Annotation, DocumentTag, Entity, Link, Mention, Organization, Tag
from esgdesk.library.browse import named_facets
from esgdesk.search.query import QuerySyntaxError
from esgdesk.search.service import (
    index_for,
    list_saved_searches,
    matching_ids,
    save_search,
    search,
)

SAMPLE_SENTENCE = (
    "충청북도는 시멘트 산업과 반도체 산업이 밀집해 탄소중립 산업전환에 취약한 것으로 분석됐다. "
    "도내 129개 산업단지 중 43개 산업단지가 노후되어 저탄소 그린산단 전환이 필요함을 확인했다."
)


def test_a_particle_word_also_finds_its_stem(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add(SAMPLE_SENTENCE)
    assert matching_ids(archive, "충청북도가") == [doc_id]  # the text only says 충청북도는
    assert matching_ids(archive, "탄소중립을") == [doc_id]
    assert matching_ids(archive, "산업단지에서") == [doc_id]


@pytest.mark.parametrize("word", ["탄소", "지역", "충북"])
def test_two_syllable_words_are_found_inside_longer_words(archive: Archive, add, word: str) -> None:  # type: ignore[no-untyped-def]
    inside, alone, _absent = add(f"저{word}중심 정책을 발표했다", f"{word} 관련 예산", "해양수산부 어업 지원")
    assert sorted(matching_ids(archive, word)) == [inside, alone]


def test_two_syllables_across_a_space_do_not_match(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add("에너지 지원 사업", "탄 소각장")
    assert matching_ids(archive, "에너지원") == []
    assert matching_ids(archive, "탄소") == []


def test_decomposed_hangul_in_documents_and_queries(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add(unicodedata.normalize("NFD", "공정전환 지원"))
    assert matching_ids(archive, "공정전환") == [doc_id]
    assert matching_ids(archive, unicodedata.normalize("NFD", "전환")) == [doc_id]


def test_one_syllable_words_are_found_by_scanning(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    with_char, without = add({"title": "법 개정", "body": "본문"}, "다른 내용")
    assert matching_ids(archive, "법") == [with_char]
    assert matching_ids(archive, "title:법") == [with_char]
    assert matching_ids(archive, "-법") == [without]


def test_latin_numbers_and_mixed_words(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add("CO2 감축 목표를 2030년까지 40% 상향, RE100 참여 ESG경영")
    for query in ("co2", "CO2", "2030년", "re100", "ESG경영", "esg", '"감축 목표"'):
        assert matching_ids(archive, query) == [doc_id], query


def test_phrases_words_or_and_exclusion(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    a, b, c = add("탄소 중립 선언", "탄소중립 이행", "수소 경제 중립")
    assert matching_ids(archive, '"탄소 중립"') == [a]
    assert sorted(matching_ids(archive, "탄소 중립")) == [a, b]
    assert sorted(matching_ids(archive, "탄소 OR 수소")) == [a, b, c]
    assert sorted(matching_ids(archive, "중립 -탄소")) == [c]
    assert sorted(matching_ids(archive, '(선언 OR 이행) -"탄소 중립"')) == [b]


def test_title_matches_rank_above_body_matches_and_ties_go_newest_first(
    archive: Archive,
    add,  # type: ignore[no-untyped-def]
) -> None:
    body_only, in_title, older_twin, newer_twin = add(
        {"title": "지원 계획", "body": "철강 산업 전환 지원", "published": "2023-01-01"},
        {"title": "철강 산업 전환", "body": "철강 산업 전환 지원", "published": "2020-01-01"},
        {"title": "같은 글", "body": "수소 생산", "published": "2021-05-01"},
        {"title": "같은 글", "body": "수소 생산", "published": "2022-05-01"},
    )
    hits = search(archive, "철강").hits
    assert [hit.id for hit in hits] == [in_title, body_only]
    assert hits[0].score > hits[1].score > 0
    assert [hit.id for hit in search(archive, "수소").hits] == [newer_twin, older_twin]


def test_paging_gives_the_same_order(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add(*[{"title": f"{n}호", "body": "지역 " * (n % 7 + 1), "published": f"2020-01-{n + 1:02d}"} for n in range(25)])
    everything = [hit.id for hit in search(archive, "지역", limit=25).hits]
    pages = [hit.id for offset in (0, 10, 20) for hit in search(archive, "지역", limit=10, offset=offset).hits]
    assert pages == everything == matching_ids(archive, "지역")
    assert search(archive, "지역", limit=10).total == 25


def test_hits_carry_title_date_score_and_a_marked_snippet(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add({"title": "충북 공정전환", "body": "서론 " * 80 + SAMPLE_SENTENCE, "published": "2023-04-28"})
    result = search(archive, "충청북도가 산업단지")
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title == "충북 공정전환" and hit.published == dt.date(2023, 4, 28)
    assert "[충청북도]는" in hit.snippet
    assert "[산업단지]" in hit.snippet
    assert hit.snippet.startswith("…")
    assert result.as_dict()["hits"][0]["published"] == "2023-04-28"


def test_filters_kind_and_date(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    release, notice, undated = add(
        {"body": "탄소 정책", "kind": "press release", "published": "2023-03-02"},
        {"body": "탄소 공고", "kind": "notice", "published": "2022-11-30"},
        {"body": "탄소 자료", "kind": "news"},
    )
    assert matching_ids(archive, "탄소 kind:notice") == [notice]
    assert matching_ids(archive, "탄소 kind:보도자료") == [release]
    assert matching_ids(archive, "date:2023") == [release]
    assert matching_ids(archive, "탄소 date:2022-11..2023-02") == [notice]
    assert matching_ids(archive, "date:..2022") == [notice]
    assert sorted(matching_ids(archive, "탄소 -date:2023")) == [notice, undated]
    assert matching_ids(archive, "kind:notice OR date:2023") == [release, notice]


def test_tag_region_annotation_and_link_filters(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    first, second, third = add("지역 산업 전환", "지역 고용 지원", "지역 예산")
    with archive.session() as session:
        parent = Tag(name="공정전환")
        session.add(parent)
        session.flush()
        child = Tag(name="고용", parent_id=parent.id)
        province = Entity(kind="region", key="43", name="충청북도", code="43", aliases=["충북"])
        session.add_all([child, province])
        session.flush()
        city = Entity(kind="region", key="43110", name="청주시", parent_id=province.id)
        session.add(city)
        session.flush()
        session.add_all(
            [
                DocumentTag(document_id=first, tag_id=parent.id),
                DocumentTag(document_id=second, tag_id=child.id),
                Mention(document_id=first, entity_id=province.id, start=0, end=2, text="충북"),
                Mention(document_id=third, entity_id=city.id, start=0, end=3, text="청주시"),
                Annotation(document_id=second, start=0, end=2, exact="지역", note="확인"),
                Link(source_id=first, target_id=third, relation="follows_up"),
            ]
        )
        session.commit()
    index_for(archive).update([first, second, third])  # as the change queue does after tagging
    assert sorted(matching_ids(archive, "tag:공정전환")) == [first, second]  # the child tag counts
    assert matching_ids(archive, "tag:고용") == [second]
    assert sorted(matching_ids(archive, "지역 region:충북")) == [first, third]  # 청주시 lies in 충북
    assert matching_ids(archive, "region:청주시") == [third]
    assert matching_ids(archive, "has:annotation") == [second]
    assert sorted(matching_ids(archive, "has:link")) == [first, third]
    assert matching_ids(archive, "linked:1") == [third]
    assert matching_ids(archive, f"linked:{third}") == [first]
    assert matching_ids(archive, "지역 -has:link") == [second]


def test_facets_count_over_the_whole_result(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    with archive.session() as session:
        ministry = Organization(key="me", name="환경부")
        tag = Tag(name="탄소중립")
        region = Entity(kind="region", key="44", name="충청남도")
        session.add_all([ministry, tag, region])
        session.commit()
        ministry_id, tag_id, region_id = ministry.id, tag.id, region.id
    ids = add(
        *[
            {"body": f"탄소 {n}", "published": f"{2021 + n % 2}-05-01", "ministry_id": ministry_id if n < 3 else None}
            for n in range(5)
        ],
        {"body": "무관한 글", "published": "2020-01-01"},
    )
    with archive.session() as session:
        session.add_all([DocumentTag(document_id=doc_id, tag_id=tag_id) for doc_id in ids[:2]])
        session.add(Mention(document_id=ids[0], entity_id=region_id, start=0, end=1, text="충남"))
        session.commit()
    counts = named_facets(archive, "탄소")  # the one facet count, over the search's ids
    assert counts["tags"] == {"탄소중립": 2}
    assert counts["regions"] == {"충청남도": 1}
    assert counts["ministries"] == {"환경부": 3, "(부처 미상)": 2}
    assert counts["years"] == {2021: 3, 2022: 2}
    assert list(counts["years"]) == [2021, 2022]  # largest first


def test_empty_query_lists_everything_newest_first(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    old, new = add({"body": "가", "published": "2020-01-01"}, {"body": "나", "published": "2024-01-01"})
    result = search(archive, "")
    assert result.total == 2 and [hit.id for hit in result.hits] == [new, old]


def test_a_bad_query_raises_a_user_facing_error(archive: Archive) -> None:
    with pytest.raises(QuerySyntaxError, match="never closed"):
        search(archive, '"탄소')
    with pytest.raises(QuerySyntaxError, match="Unknown field"):
        named_facets(archive, "colour:red")


def test_saved_searches(archive: Archive) -> None:
    save_search(archive, "충북 공정전환", "충북 tag:공정전환")
    save_search(archive, "수소", "수소 date:2023")
    save_search(archive, "수소", "수소 date:2024")  # saving under a name again replaces it
    saved = list_saved_searches(archive)
    assert [(item.name, item.query) for item in saved] == [
        ("수소", "수소 date:2024"),
        ("충북 공정전환", "충북 tag:공정전환"),
    ]
    with pytest.raises(QuerySyntaxError):
        save_search(archive, "broken", "(탄소")
    with pytest.raises(EsgdeskError, match="needs a name"):
        save_search(archive, "  ", "탄소")
    assert len(list_saved_searches(archive)) == 2
