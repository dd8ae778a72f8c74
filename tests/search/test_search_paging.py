"""Every match reachable, in one order: pages of any query tile its whole ranked list, on both engines."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esgdesk.core.archive import Archive
from esgdesk.core.models import DocumentTag, Entity, Mention, Organization, Tag
from esgdesk.search.service import facet_counts, index_for, match_set, search, search_ids

#: few words, so that queries match many documents and BM25 ties are everywhere (equal length, equal counts)
WORDS = ["탄소", "중립", "지역", "청주시", "도비", "예산", "계획", "공정전환", "수소"]
QUERIES = [
    *WORDS,
    "탄소 지역",
    "청주시 도비",
    "탄소 OR 수소",
    "계획 -예산",
    "title:탄소",
    '"탄소 중립"',
    "date:2022",
    "",
]


def _corpus(seed: int, size: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    docs = []
    for n in range(size):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))
        published = None if n % 7 == 0 else f"{rng.choice([2021, 2022, 2023])}-0{rng.randint(1, 3)}-01"
        docs.append({"title": title, "body": body, "published": published})
    return docs


@pytest.fixture
def corpus(archive: Archive, add) -> list[int]:  # type: ignore[no-untyped-def]
    return add(*_corpus(7, 120))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.sampled_from(QUERIES), page=st.integers(min_value=1, max_value=17))
def test_paging_shows_every_match_once_in_one_order(archive: Archive, corpus: list[int], query: str, page: int) -> None:
    total, order = search_ids(archive, query)
    assert total == len(order) == len(set(order))
    assert sorted(order) == match_set(archive, query)  # the ranked list is exactly the match set
    paged: list[int] = []
    scores: list[float] = []
    for offset in range(0, total + page, page):
        result = search(archive, query, limit=page, offset=offset)
        assert result.total == total
        paged.extend(hit.id for hit in result.hits)
        scores.extend(hit.score for hit in result.hits)
        assert search_ids(archive, query, offset, page)[1] == [hit.id for hit in result.hits]
    assert paged == order  # each page is the same order's slice: no match twice, none missing
    assert scores == sorted(scores, reverse=True)


def test_ties_are_ordered_newest_first_then_by_id(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    ids = add(*[{"title": "보도", "body": "탄소 중립", "published": f"20{10 + n % 9}-01-01"} for n in range(60)])
    order = search_ids(archive, "탄소")[1]
    dates = {doc_id: 10 + n % 9 for n, doc_id in enumerate(ids)}
    assert order == sorted(ids, key=lambda doc_id: (-dates[doc_id], -doc_id))
    pages = [search(archive, "탄소", limit=7, offset=offset).hits for offset in range(0, 60, 7)]
    assert [hit.id for page in pages for hit in page] == order


def test_title_matches_rank_before_body_only_matches_over_all_matches(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    """All else equal (same body, same title length), the documents with the query in the title come first,
    even when they are the oldest and added before more than a thousand newer matches (no window of recent
    matches decides the first page)."""
    body = "올해 청주시 도비 지원 사업을 안내합니다"
    titled = add(*[{"title": "청주시 도비 선정", "body": body, "published": "2019-01-01"} for _ in range(12)])
    body_only = add(*[{"title": "지역 소식 안내", "body": body, "published": "2024-06-01"} for _ in range(1100)])
    add(*[{"title": "무관", "body": "다른 이야기"} for _ in range(20)])
    for query in ("청주시 도비", "도비", '"청주시 도비"'):
        total, order = search_ids(archive, query)
        assert total == 1112
        assert set(order[:12]) == set(titled), query
        assert set(order[12:]) == set(body_only)
        assert {hit.id for hit in search(archive, query, limit=12).hits} == set(titled)


def test_facet_counts_come_from_the_whole_match_set_by_id(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    with archive.session() as session:
        ministry, tag = Organization(key="me", name="환경부"), Tag(name="공정전환")
        region, other = Entity(kind="region", key="44", name="충청남도"), Entity(kind="region", key="43", name="충북")
        session.add_all([ministry, tag, region, other])
        session.commit()
        ministry_id, tag_id, region_id, other_id = ministry.id, tag.id, region.id, other.id
    ids = add(
        *[{"body": f"탄소 {n}", "published": f"{2021 + n % 2}-05-01", "ministry_id": ministry_id} for n in range(1500)],
        {"body": "무관한 글", "published": "2020-01-01", "ministry_id": ministry_id},
    )
    with archive.session() as session:
        session.add_all([DocumentTag(document_id=doc_id, tag_id=tag_id) for doc_id in ids[:1200] + ids[-1:]])
        session.add(Mention(document_id=ids[0], entity_id=region_id, start=0, end=1, text="충남"))
        session.add(Mention(document_id=ids[1], entity_id=other_id, start=0, end=1, text="충북", ambiguous=True))
        session.commit()
    index_for(archive).update(ids)  # what the change queue does after tagging and extracting (tantivy counts them)
    counts = facet_counts(archive, "탄소")
    assert counts == {
        "tag": {tag_id: 1200},
        "region": {region_id: 1},  # an ambiguous mention counts for nothing, as in the sidebar
        "ministry": {ministry_id: 1500},
        "year": {2021: 750, 2022: 750},
    }
    assert facet_counts(archive, "탄소 date:2022")["year"] == {2022: 750}


def test_a_changed_date_reorders_ties_at_once(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    """Tie dates are kept between searches; a change to the archive by another connection is seen at once."""
    from sqlalchemy import text

    first, second = add(
        {"title": "보도", "body": "탄소 중립", "published": "2020-01-01"},
        {"title": "보도", "body": "탄소 중립", "published": "2021-01-01"},
    )
    assert search_ids(archive, "탄소")[1] == [second, first]
    with archive.engine.begin() as connection:
        connection.execute(text("UPDATE document SET published = '2022-01-01' WHERE id = :id"), {"id": first})
    assert search_ids(archive, "탄소")[1] == [first, second]
    assert [hit.id for hit in search(archive, "탄소", limit=1, offset=1).hits] == [second]
    with archive.engine.begin() as connection:
        connection.execute(text("DELETE FROM document WHERE id = :id"), {"id": first})
    assert search_ids(archive, "탄소")[1] == [second]  # an index row of a deleted document is never shown
