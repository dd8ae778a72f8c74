"""The index stays right through edits and deletes, is checked for consistency, and can be rebuilt."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update

from esgdesk.core.archive import Archive
from esgdesk.core.models import Annotation, Document, DocumentTag, Organization, Tag
from esgdesk.search.index import INDEX_NAME, SearchIndex, SearchIndexError
from esgdesk.search.service import index_for, matching_ids
from esgdesk.search.tantivy_index import TantivyIndex


def _edit(archive: Archive, doc_id: int, **values: object) -> None:
    with archive.engine.begin() as connection:
        connection.execute(update(Document).where(Document.id == doc_id).values(**values))


def _delete(archive: Archive, doc_id: int) -> None:
    with archive.engine.begin() as connection:
        connection.execute(delete(Document).where(Document.id == doc_id))


def test_the_index_lives_in_its_own_file(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    add("탄소중립")
    if archive.shared:  # a team archive keeps it in tables of its own, beside (not in) the migrated schema
        with archive.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM search_segment")).scalar() >= 1
        assert not (archive.root / INDEX_NAME).exists()
        return
    path = index_for(archive).path  # search.sqlite (FTS5) or the search-index folder (tantivy)
    assert path.exists() and path.parent == archive.root


def test_an_edit_replaces_the_old_words(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add({"title": "석탄 발전", "body": "석탄화력발전 폐지"})
    assert matching_ids(archive, "석탄화력") == [doc_id]
    _edit(archive, doc_id, title="수소 발전", body="수소 혼소 발전 전환")
    index_for(archive).update([doc_id])
    assert matching_ids(archive, "석탄화력") == []
    assert matching_ids(archive, "석탄") == []
    assert matching_ids(archive, "수소") == [doc_id]


def test_updating_an_unchanged_document_is_skipped(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add("탄소중립")
    assert index_for(archive).update([doc_id]) == 0


def test_a_deleted_document_leaves_the_index(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    first, second = add("지역 공정전환", "지역 산업")
    _delete(archive, first)
    index = index_for(archive)
    assert index.remove([first]) == 1
    assert matching_ids(archive, "지역") == [second]
    assert index.check() == []


def test_updating_a_deleted_document_removes_it(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add("공정전환")
    _delete(archive, doc_id)
    assert index_for(archive).update([doc_id]) == 1
    assert matching_ids(archive, "공정전환") == []


def test_check_finds_missing_stale_and_orphaned_entries_and_repair_fixes_them(
    archive: Archive,
    add,  # type: ignore[no-untyped-def]
) -> None:
    indexed, stale, gone = add("탄소", "수소", "충북")
    (missing,) = add("충청북도", index=False)
    _edit(archive, stale, body="암모니아")
    _delete(archive, gone)
    index = index_for(archive)
    assert index.check() == sorted([missing, stale, gone])
    assert index.repair() == 3
    assert index.check() == []
    assert matching_ids(archive, "충청북도") == [missing]
    assert matching_ids(archive, "암모니아") == [stale]
    assert matching_ids(archive, "수소") == []
    assert matching_ids(archive, "충북") == []
    assert matching_ids(archive, "탄소") == [indexed]


def test_rebuild_indexes_everything_and_reports_progress(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    ids = add(*[f"문서 {n} 탄소" for n in range(600)], index=False)
    seen: list[tuple[int, int]] = []
    assert SearchIndex(archive).rebuild(lambda done, total: seen.append((done, total))) == 600
    assert seen[0] == (0, 600) and seen[-1] == (600, 600)
    assert sorted(matching_ids(archive, "탄소")) == ids
    assert index_for(archive).check() == []


def test_a_rebuild_drops_what_is_no_longer_there(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    keep, drop = add("탄소 지역", "탄소 산업")
    _delete(archive, drop)
    index_for(archive).rebuild()
    assert matching_ids(archive, "탄소") == [keep]


def test_an_index_of_another_format_is_replaced(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add("탄소")
    index = index_for(archive)
    if archive.shared:
        with archive.engine.begin() as connection:
            connection.execute(text("UPDATE search_meta SET value = 'old' WHERE key = 'format'"))
    elif isinstance(index, TantivyIndex):
        current = index.folder / "CURRENT"
        current.write_text("t0 " + current.read_text().split()[1])
    else:
        index.connection.execute("UPDATE search_meta SET value = 'old' WHERE key = 'format'")
    index.close()
    fresh = SearchIndex(archive)
    assert fresh.check() == [doc_id]  # empty until rebuilt
    fresh.repair()
    assert fresh.check() == []


def test_tags_annotation_notes_ministry_and_department_are_indexed(
    archive: Archive,
    add,  # type: ignore[no-untyped-def]
) -> None:
    with archive.session() as session:
        ministry = Organization(key="motie", name="산업통상자원부", aliases=["산업부"])
        tag = Tag(name="공정전환")
        session.add_all([ministry, tag])
        session.commit()
        ministry_id, tag_id = ministry.id, tag.id
    (doc_id,) = add({"title": "보도자료", "body": "본문", "ministry_id": ministry_id, "department": "지역산업과"})
    with archive.session() as session:
        session.add(DocumentTag(document_id=doc_id, tag_id=tag_id))
        session.add(Annotation(document_id=doc_id, start=0, end=2, exact="본문", note="후속 확인 필요"))
        session.commit()
    index = index_for(archive)
    assert index.check() == [doc_id]  # tagging and annotating make the entry stale …
    index.update([doc_id])  # … until the change is indexed
    for query in ("공정전환", "후속", "산업부", "산업통상", "지역산업과", "ministry:산업부", "ministry:지역산업"):
        assert matching_ids(archive, query) == [doc_id], query
    assert matching_ids(archive, "title:공정전환") == []


def test_a_small_archive_without_an_index_is_indexed_on_first_search(archive: Archive, add) -> None:  # type: ignore[no-untyped-def]
    (doc_id,) = add("탄소", index=False)
    assert matching_ids(archive, "탄소") == [doc_id]
    assert index_for(archive).check() == []


def test_a_large_archive_without_an_index_asks_for_reindex(archive: Archive, add, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from esgdesk.search import service

    add("탄소", "수소", index=False)
    monkeypatch.setattr(service, "AUTO_REBUILD_LIMIT", 1)
    with pytest.raises(SearchIndexError, match="esgdesk reindex"):
        service.search(archive, "탄소")
