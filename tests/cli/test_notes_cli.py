"""The notes commands of DESIGN.md: JSON shapes and exit codes (0 done, 1 some failed, 2 could not run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from esgdesk.cli import main

PROGRAMME = "「취약지역 공정전환 지원사업」"


def run(capsys: pytest.CaptureFixture[str], archive_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def imported(archive_dir: Path, sample_path: Path, capsys) -> Path:
    code, _, _ = run(capsys, archive_dir, "import", str(sample_path), "--json")
    assert code == 0
    return archive_dir


def test_annotate_and_list(imported: Path, capsys) -> None:
    code, out, err = run(capsys, imported, "annotate", "1", "--quote", PROGRAMME, "--note", "사업명")
    assert code == 2 and out == ""
    assert "2 times" in err and "--occurrence" in err
    code, out, _ = run(
        capsys, imported, "annotate", "1", "--quote", PROGRAMME, "--occurrence", "2",
        "--note", "계획", "--category", "후속조치", "--json",
    )  # fmt: skip
    assert code == 0
    created = json.loads(out)
    assert created["quote"] == PROGRAMME and created["category"] == "후속조치"
    code, out, _ = run(capsys, imported, "annotations", "1", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1
    assert {"id", "quote", "start", "end", "note", "category", "orphaned"} <= set(listed[0])
    assert listed[0]["orphaned"] is False and listed[0]["id"] == created["id"]
    code, out, _ = run(capsys, imported, "annotations", "1")
    assert code == 0 and "후속조치" in out and "계획" in out


def test_annotate_errors_exit_2(imported: Path, capsys) -> None:
    code, _, err = run(capsys, imported, "annotate", "1", "--quote", "없는 문장", "--note", "x")
    assert code == 2 and "does not occur" in err
    code, _, err = run(capsys, imported, "annotate", "999", "--quote", "x", "--note", "x")
    assert code == 2 and "no document 999" in err
    code, _, err = run(capsys, imported, "annotations", "nonsense")
    assert code == 2
    code, _, err = run(capsys, imported, "annotations", "export")
    assert code == 2 and "FILE" in err


def test_export_and_import(imported: Path, tmp_path: Path, sample_path: Path, capsys) -> None:
    run(capsys, imported, "annotate", "1", "--quote", "충청북도는", "--note", "충북")
    exported = tmp_path / "notes.jsonld"
    code, _, err = run(capsys, imported, "annotations", "export", str(exported))
    assert code == 0 and "1 annotations" in err
    other = tmp_path / "other"
    run(capsys, other, "import", str(sample_path), "--json")
    code, _, err = run(capsys, other, "annotations", "import", str(exported))
    assert code == 0 and "1 imported" in err
    code, out, _ = run(capsys, other, "annotations", "1", "--json")
    assert [a["note"] for a in json.loads(out)] == ["충북"]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"type": "Annotation", "target": {"source": "urn:x", "selector": []}}]', encoding="utf-8")
    code, _, err = run(capsys, other, "annotations", "import", str(broken))
    assert code == 1 and "annotation 1" in err


def test_links_both_ways(imported: Path, capsys) -> None:
    code, out, _ = run(capsys, imported, "link", "2", "1", "--type", "follows-up", "--note", "후속")
    assert code == 0 and "follows up" in out
    code, _, err = run(capsys, imported, "link", "2", "1", "--type", "follows-up")
    assert code == 2 and "already" in err
    code, _, err = run(capsys, imported, "link", "1", "1", "--type", "related")
    assert code == 2 and "itself" in err
    code, _, err = run(capsys, imported, "link", "1", "2", "--type", "friends")
    assert code == 2 and "Unknown link type" in err
    code, out, _ = run(capsys, imported, "links", "1", "--json")
    data = json.loads(out)
    assert code == 0 and data["links"] == []
    backlink = data["backlinks"][0]
    assert {"id", "title", "relation", "note"} <= set(backlink)
    assert (backlink["id"], backlink["label"], backlink["note"]) == (2, "is followed by", "후속")
    code, out, _ = run(capsys, imported, "links", "2", "--json")
    assert json.loads(out)["links"][0]["id"] == 1


def test_suggest_links_shape(imported: Path, capsys) -> None:
    code, out, _ = run(capsys, imported, "suggest-links", "1", "--json")
    assert code == 0
    suggestions = json.loads(out)
    assert isinstance(suggestions, list)
    for suggestion in suggestions:
        assert {"id", "title", "reason", "score"} <= set(suggestion)
        assert suggestion["reason"] and 0 < suggestion["score"] <= 1
    if suggestions:
        dismissed = suggestions[0]["id"]
        code, out, _ = run(capsys, imported, "suggest-links", "1", "--dismiss", str(dismissed), "--json")
        assert code == 0 and dismissed not in [s["id"] for s in json.loads(out)]


def test_document_note(imported: Path, capsys) -> None:
    code, _, _ = run(capsys, imported, "note", "1", "--text", "# 요약\n지역 주도")
    assert code == 0
    code, out, _ = run(capsys, imported, "note", "1")
    assert code == 0 and out == "# 요약\n지역 주도\n"
