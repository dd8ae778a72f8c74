"""One query or one word cannot hold the server: caps, timeouts, bounded long words; spaced-out headings."""

from __future__ import annotations

import sqlite3
import time

import pytest

from esgdesk.core.archive import Archive
from esgdesk.core.i18n import set_language
from esgdesk.search import service
from esgdesk.search.query import MAX_QUERY_TERMS, QuerySyntaxError, parse
from esgdesk.search.service import SearchTimeoutError, match_set, search, search_ids


def test_a_2000_term_query_is_refused_at_once_with_a_clear_error(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add("탄소 중립 지역 예산")
    query = " ".join(f"단어{n}" for n in range(2000))  # 12,889 characters
    started = time.monotonic()
    with pytest.raises(QuerySyntaxError, match="characters long; a search takes at most 4000"):
        search(archive, query)
    assert time.monotonic() - started < 2
    with pytest.raises(QuerySyntaxError, match="65 terms; a search takes at most 64"):
        search(archive, " ".join(["탄소"] * (MAX_QUERY_TERMS + 1)))
    assert search(archive, " ".join(["탄소"] * MAX_QUERY_TERMS)).total == 1  # the cap itself still searches
    with pytest.raises(QuerySyntaxError, match="2000 terms"):
        search(archive, " ".join(["가"] * 2000))


def test_query_errors_read_in_korean() -> None:
    set_language("ko")
    try:
        with pytest.raises(QuerySyntaxError, match="숫자가 너무 큽니다"):
            parse("linked:99999999999999999999999")
        with pytest.raises(QuerySyntaxError, match="닫히지 않았습니다"):
            parse('"탄소')
    finally:
        set_language("en")


def test_an_overflowing_document_number_is_a_query_error(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add("탄소")
    with pytest.raises(QuerySyntaxError, match="too large"):
        search(archive, "linked:99999999999999999999999")
    assert search(archive, "linked:9223372036854775807").total == 0  # the largest 64-bit id is a fine question
    assert search(archive, "linked:000000000000000000000001").total == 0


def test_a_3000_character_word_is_indexed_bounded_and_found_whole(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    long_word = "x" + "ab12" * 750
    other = "x" + "ab12" * 749 + "zz99"  # same first 2,997 characters
    [doc, second] = add(
        {"title": "긴 단어", "body": f"주소 https://example.go.kr/{long_word} 참고"},
        {"title": "다른 긴 단어", "body": other},
    )
    assert search_ids(archive, long_word)[1] == [doc]
    assert search_ids(archive, other)[1] == [second]
    assert search_ids(archive, "참고")[1] == [doc]
    hit = search(archive, long_word).hits[0]
    assert hit.title == "긴 단어"


def test_a_spaced_out_heading_is_found_by_its_joined_word(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    [heading, plain, unrelated] = add(
        {"title": "통 합 재 정 통 계", "body": "2024년 1월 발표"},
        {"title": "월간 통합재정통계", "body": "본문"},
        {"title": "재정 통계", "body": "통합 이야기"},
    )
    assert sorted(search_ids(archive, "통합재정통계")[1]) == [heading, plain]
    assert search_ids(archive, '"통 합 재"')[1] == [heading]  # the original spacing still matches as typed
    assert search_ids(archive, "재정통계")[1] == sorted([heading, plain], reverse=True)
    assert unrelated in match_set(archive, "통계")


def test_sqlite_interrupts_a_runaway_statement(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    if archive.shared:
        pytest.skip("the SQLite guard")
    monkeypatch.setattr(service, "SEARCH_TIMEOUT_S", 0.3)
    connection = service.index_for(archive).connection
    endless = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT count(*) FROM c"
    started = time.monotonic()
    with pytest.raises(SearchTimeoutError, match="longer than 0 seconds"), service._sqlite_interactive(connection):
        connection.execute(endless).fetchone()
    assert time.monotonic() - started < 5
    assert connection.execute("SELECT 1").fetchone() == (1,)  # the connection is usable again
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("SELECT * FROM no_such_table")  # other errors pass through unchanged


@pytest.mark.postgres
def test_postgres_cancels_a_runaway_search_and_is_free_again(archive: Archive, add, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if not archive.shared:
        pytest.skip("the PostgreSQL guard")
    [doc] = add("탄소 중립")
    monkeypatch.setattr(service, "SEARCH_TIMEOUT_S", 0.5)
    started = time.monotonic()
    with pytest.raises(SearchTimeoutError), service._pg_interactive(archive) as connection:
        connection.exec_driver_sql("SELECT pg_sleep(30)")
    assert time.monotonic() - started < 5
    with archive.engine.connect() as connection:
        sleeping = connection.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE strpos(query, 'pg_sleep(30)') = 8 AND state = 'active'"
        ).scalar()
        assert sleeping == 0
        assert connection.exec_driver_sql("SHOW statement_timeout").scalar() == "0"  # nothing left on the pool
    assert search_ids(archive, "탄소")[1] == [doc]


def test_a_3000_character_tag_is_indexed_and_found(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    from esgdesk.core.models import DocumentTag, Tag
    from esgdesk.search.service import index_for

    [doc] = add({"title": "태그 시험", "body": "본문"})
    name = "tag" + "0123456789" * 300
    with archive.session() as session:
        tag = Tag(name=name)
        session.add(tag)
        session.commit()
        session.add(DocumentTag(document_id=doc, tag_id=tag.id))
        session.commit()
    assert index_for(archive).update([doc]) == 1
    assert search_ids(archive, name)[1] == [doc]
    assert search_ids(archive, f"tag:{name}")[1] == [doc]
    assert index_for(archive).check() == []
