"""Tag rules: the five match kinds, Hangul normalisation, rules applied on import, removal taking its tags."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from esgdesk.cli import main
from esgdesk.core.errors import EsgdeskError
from esgdesk.knowledge.tag_rules import add_rule, apply_rules, remove_rule, rule_matches
from esgdesk.library.documents import document_details

TEXT = "충청북도는 시멘트 산업과 반도체 산업이 밀집해 탄소중립 전환에 취약하다. Just Transition 지원."


@pytest.mark.parametrize(
    ("kind", "pattern", "expected"),
    [
        ("any", "철강 시멘트", True),
        ("any", "철강 조선", False),
        ("all", "시멘트 반도체", True),
        ("all", "시멘트 조선", False),
        ("phrase", "반도체 산업이 밀집해", True),
        ("phrase", "산업이 반도체", False),
        ("regex", r"충청(북|남)도", True),
        ("regex", r"^반도체", False),
        ("fuzzy", "탄소중립 전화에 취약", True),  # one syllable off
        ("fuzzy", "수소경제 활성화", False),
        ("any", "just", True),  # Latin: case-insensitive, whole words
        ("any", "trans", False),
        ("any", "충청북도", True),  # Hangul: with a particle attached (충청북도는)
    ],
)
def test_match_kinds(kind: str, pattern: str, expected: bool) -> None:
    assert rule_matches(kind, pattern, TEXT) is expected


def test_decomposed_hangul_matches_composed_text() -> None:
    assert rule_matches("phrase", unicodedata.normalize("NFD", "탄소중립 전환"), TEXT)
    assert rule_matches("any", "반도체", unicodedata.normalize("NFD", TEXT))


def test_a_broken_regex_is_refused_with_a_reason(archive) -> None:
    with archive.session() as session, pytest.raises(EsgdeskError, match="not valid"):
        add_rule(session, "broken", "x", "regex", "(unclosed")


def test_rules_tag_on_import_and_removing_the_rule_removes_its_tags(archive, sample_path: Path) -> None:
    from esgdesk.ingest.pipeline import run_import

    with archive.session() as session:
        add_rule(session, "공정전환", "정책/공정전환", "phrase", "공정전환 지원사업")
        add_rule(session, "수소", "산업/수소", "any", "수소 암모니아")
        session.commit()
    run_import(archive, [sample_path])
    assert document_details(archive, 1)["tags"] == ["공정전환"]
    with archive.session() as session:
        assert apply_rules(session) != []  # applying again attaches nothing new
        assert all(not match.added for match in apply_rules(session))
        assert remove_rule(session, "공정전환") == 1
        session.commit()
    assert document_details(archive, 1)["tags"] == []


def test_rules_cli(archive_dir: Path, sample_path: Path, capsys) -> None:
    base = ["--archive", str(archive_dir)]
    assert main([*base, "import", str(sample_path)]) == 0
    assert main([*base, "rules", "add", "cement", "--tag", "산업/시멘트", "--match", "any", "--pattern", "시멘트"]) == 0
    assert main([*base, "rules", "add", "cement", "--tag", "x", "--pattern", "y"]) == 2  # duplicate name
    capsys.readouterr()
    assert main([*base, "rules", "apply", "--json"]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert applied == [{"rule": "cement", "tag": "산업/시멘트", "id": 1, "added": True}]
    assert main([*base, "rules", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["pattern"] == "시멘트"
    assert main([*base, "tag", "1", "검토/우선"]) == 0
    assert main([*base, "rules", "entities", "--kind", "region"]) == 0
    tags = document_details_via_cli(base, capsys)
    assert {"시멘트", "우선", "region:충청북도", "region:의성군"} <= set(tags)
    assert main([*base, "untag", "1", "검토/우선"]) == 0
    assert "우선" not in document_details_via_cli(base, capsys)
    assert main([*base, "untag", "1", "없는/태그"]) == 2


def document_details_via_cli(base: list[str], capsys) -> list[str]:
    capsys.readouterr()
    assert main([*base, "show", "1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["tags"]
