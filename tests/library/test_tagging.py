"""Archive-level tag edits behind the desktop app: batch tagging, rename, colour, merge — each undoable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import archive_with_documents

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.library import tagging


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = archive_with_documents(tmp_path / "archive", ["충청북도 공정전환 지원", "탄소중립 산업 전환", "게시판"])
    yield opened
    opened.close()


def _paths(archive: Archive, document_id: int) -> list[str]:
    return [row.path for row in tagging.document_tags(archive, document_id)]


def test_batch_tagging_returns_only_new_tags_and_untags_them(archive: Archive) -> None:
    tagging.tag_documents(archive, [1], ["정책/공정전환"])
    added = tagging.tag_documents(archive, [1, 2], ["정책/공정전환", "충북"])
    assert {(row.document_id, row.path) for row in added} == {(2, "정책/공정전환"), (1, "충북"), (2, "충북")}
    removed = tagging.untag_documents(archive, [(row.document_id, row.path) for row in added])
    assert len(removed) == 3
    assert _paths(archive, 1) == ["정책/공정전환"] and _paths(archive, 2) == []
    tagging.restore_tags(archive, removed)
    assert _paths(archive, 2) == ["정책/공정전환", "충북"]
    assert [info.path for info in tagging.all_tags(archive)] == ["정책", "정책/공정전환", "충북"]
    with pytest.raises(EsgdeskError):
        tagging.tag_documents(archive, [1], ["  "])


def test_rename_and_colour_return_the_old_values(archive: Archive) -> None:
    tagging.tag_documents(archive, [1], ["충북", "충청북도"])
    tag = {info.path: info for info in tagging.all_tags(archive)}["충북"]
    assert tagging.rename_tag(archive, tag.id, "충북권") == "충북"
    with pytest.raises(EsgdeskError, match="merge"):
        tagging.rename_tag(archive, tag.id, "충청북도")
    assert tagging.set_tag_color(archive, tag.id, "#e67c73") is None
    assert tagging.set_tag_color(archive, tag.id, None) == "#e67c73"
    assert _paths(archive, 1) == ["충북권", "충청북도"]


def test_merge_and_unmerge(archive: Archive) -> None:
    tagging.tag_documents(archive, [1, 2], ["충북"])
    tagging.tag_documents(archive, [2], ["충청북도"])
    tagging.add_rule(archive, "충북 규칙", "충북", "any", "충청북도")
    ids = {info.path: info.id for info in tagging.all_tags(archive)}
    record = tagging.merge_tags(archive, ids["충북"], ids["충청북도"])
    assert _paths(archive, 1) == ["충청북도"] and _paths(archive, 2) == ["충청북도"]
    assert tagging.rules(archive)[0]["tag"] == "충청북도"
    tagging.unmerge_tags(archive, record)
    assert _paths(archive, 1) == ["충북"] and _paths(archive, 2) == ["충북", "충청북도"]
    assert tagging.rules(archive)[0]["tag"] == "충북"


def test_rule_preview_matches_what_applying_does(archive: Archive) -> None:
    total, shown = tagging.preview_rule(archive, "any", "충청북도 탄소중립")
    assert total == 2 and [i for i, _title in shown] == [1, 2]
    tagging.add_rule(archive, "r", "전환", "any", "충청북도 탄소중립")
    assert tagging.apply_all_rules(archive) == 2
    assert _paths(archive, 2) == ["전환"]
    assert tagging.remove_rule(archive, "r") == 2
