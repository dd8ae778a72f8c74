"""Browsing queries behind the desktop app's sidebar and list (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from esgdesk.core.archive import Archive
from esgdesk.core.models import Collection, CollectionItem, Document, DocumentTag, Organization, Tag
from esgdesk.library import browse
from esgdesk.library.browse import Scope, ScopeKind, SortKey


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    opened = Archive.open(tmp_path_factory.mktemp("browse") / "archive")
    now = dt.datetime.now(dt.UTC)
    with opened.writing("test"), opened.engine.begin() as connection:
        connection.execute(
            insert(Organization.__table__), [{"key": "moe", "name": "환경부", "names": [], "aliases": []}]
        )
        connection.execute(insert(Tag.__table__), [{"name": "공정전환", "created_at": now}])
        rows = [
            ("나 공정전환 지원", dt.date(2023, 4, 28), 1, "press release", "new"),
            ("가 탄소중립 계획", dt.date(2024, 1, 5), None, "press release", "reviewed"),
            ("다 게시판 항목", None, None, "listing item", "new"),
        ]
        connection.execute(
            insert(Document.__table__),
            [
                {
                    "title": title,
                    "body": title,
                    "published": published,
                    "ministry_id": ministry,
                    "kind": kind,
                    "status": status,
                    "content_hash": f"{number:064x}",
                    "partial": False,
                    "note": "",
                    "extra": {},
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for number, (title, published, ministry, kind, status) in enumerate(rows, start=1)
            ],
        )
        connection.execute(
            insert(DocumentTag.__table__), [{"document_id": 1, "tag_id": 1, "origin": "manual", "created_at": now}]
        )
        connection.execute(insert(Collection.__table__), [{"name": "브리핑", "description": "", "created_at": now}])
        connection.execute(insert(CollectionItem.__table__), [{"collection_id": 1, "document_id": 2, "position": 0}])
    yield opened
    opened.close()


def test_sidebar_counts(archive: Archive) -> None:
    data = browse.sidebar(archive)
    assert (data.total, data.inbox, data.reading_list) == (3, 2, 1)
    assert [(e.name, e.count) for e in data.tags] == [("공정전환", 1)]
    assert [(e.name, e.count) for e in data.ministries] == [("환경부", 1)]
    assert [(e.name, e.count) for e in data.years] == [("2024", 1), ("2023", 1)]
    assert [(e.name, e.count) for e in data.collections] == [("브리핑", 1)]


def test_ids_by_scope_and_sort(archive: Archive) -> None:
    assert browse.document_ids(archive) == [2, 1, 3]  # newest first, undated last
    assert browse.document_ids(archive, sort=SortKey.TITLE, descending=False) == [2, 1, 3]
    assert browse.document_ids(archive, Scope(ScopeKind.INBOX)) == [1, 3]
    assert browse.document_ids(archive, Scope(ScopeKind.READING_LIST)) == [3]
    assert browse.document_ids(archive, Scope(ScopeKind.TAG, 1)) == [1]
    assert browse.document_ids(archive, Scope(ScopeKind.YEAR, 2023)) == [1]
    assert browse.document_ids(archive, Scope(ScopeKind.MINISTRY, 1)) == [1]
    assert browse.document_ids(archive, Scope(ScopeKind.COLLECTION, 1)) == [2]
    assert browse.sort_ids(archive, [3, 1, 2], SortKey.PUBLISHED, descending=False) == [1, 2, 3]


def test_rows_and_status(archive: Archive) -> None:
    rows = browse.document_rows(archive, [1, 2])
    assert rows[1].tags == ("공정전환",) and rows[1].ministry == "환경부"
    assert rows[2].published == dt.date(2024, 1, 5)
    assert browse.set_status(archive, [1], "reviewed") == 1
    assert browse.sidebar(archive).inbox == 1
    browse.set_status(archive, [1], "new")


def test_highlight_terms_follow_the_query_language() -> None:
    terms = browse.highlight_terms('탄소중립을 -폐지 "지역 주도"')
    assert "지역 주도" in terms and "탄소중립을" in terms and "폐지" not in terms
    assert browse.highlight_terms('"unclosed') == []


def test_copy_original_gives_the_file_its_extension(archive: Archive, tmp_path: Path) -> None:
    digest = archive.files.store("본문".encode())
    copied = browse.copy_original(archive, digest, "release", "text/plain", tmp_path)
    assert copied.suffix == ".txt" and copied.read_text(encoding="utf-8") == "본문"


def test_facet_counts_are_keyed_by_the_sidebars_scopes(archive: Archive) -> None:
    counts = browse.facet_counts(archive, [1, 3])
    assert counts == {
        Scope(ScopeKind.TAG, 1): 1,
        Scope(ScopeKind.MINISTRY, 1): 1,
        Scope(ScopeKind.YEAR, 2023): 1,
    }
    assert browse.facet_counts(archive, [2]) == {Scope(ScopeKind.YEAR, 2024): 1}
    assert browse.facet_counts(archive, []) == {}
