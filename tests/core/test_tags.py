"""Tag paths and who tagged what."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from esgdesk.core.models import Activity
from esgdesk.core.tags import attach_tag, detach_tag, find_tag, get_or_create_tag, tag_path
from esgdesk.ingest.pipeline import run_import


def test_paths_make_one_tree(archive) -> None:
    with archive.session() as session:
        leaf = get_or_create_tag(session, "정책/공정전환")
        assert tag_path(session, leaf) == "정책/공정전환"
        assert get_or_create_tag(session, "정책/공정전환").id == leaf.id
        assert find_tag(session, "정책") is not None
        assert find_tag(session, "공정전환") is None  # a level is found under its parent only


def test_manual_tagging_is_recorded_with_its_author_and_rules_are_not(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    with archive.session() as session:
        attach_tag(session, 1, "정책/공정전환", author="김분석")
        attach_tag(session, 1, "자동", origin="rule")
        detach_tag(session, 1, "정책/공정전환")
        session.commit()
        rows = session.exec(select(Activity).where(Activity.action.in_(["tag", "untag"]))).all()
    assert [(row.action, row.summary, row.object_id) for row in rows] == [
        ("tag", "정책/공정전환", 1),
        ("untag", "정책/공정전환", 1),
    ]
    assert rows[0].author == "김분석"
