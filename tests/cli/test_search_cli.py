"""`search`, `searches`, `reindex` on the command line, with DESIGN.md's JSON shape and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from esgdesk.cli import main


@pytest.fixture
def base(archive_dir: Path, sample_path: Path, capsys) -> list[str]:
    arguments = ["--archive", str(archive_dir)]
    assert main([*arguments, "import", str(sample_path)]) == 0
    capsys.readouterr()
    return arguments


def run_json(capsys, *args: str):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_search_finds_imported_documents_at_once(base: list[str], capsys) -> None:
    result = run_json(capsys, *base, "search", "충청북도가", "--json")  # the particle's stem matches 충청북도는
    assert result["total"] == 1
    [hit] = result["hits"]
    assert set(hit) == {"id", "title", "published", "score", "snippet"}
    assert hit["published"] == "2023-04-28"
    assert "[충청북도" in hit["snippet"]


def test_two_syllable_queries_and_listing_titles(base: list[str], capsys) -> None:
    assert run_json(capsys, *base, "search", "탄소", "--json")["total"] >= 2  # the release and listing items
    assert run_json(capsys, *base, "search", 'kind:"listing item" 노조법', "--json")["total"] == 1


def test_a_malformed_query_exits_2_pointing_at_the_problem(base: list[str], capsys) -> None:
    assert main([*base, "search", '"지역 주도']) == 2
    err = capsys.readouterr().err
    assert "never closed" in err
    assert main([*base, "search", "nosuchfield:x"]) == 2


def test_tags_are_searchable_right_after_tagging(base: list[str], capsys) -> None:
    assert main([*base, "tag", "1", "정책/공정전환"]) == 0
    assert run_json(capsys, *base, "search", "tag:공정전환", "--json")["total"] == 1
    assert main([*base, "untag", "1", "정책/공정전환"]) == 0
    assert run_json(capsys, *base, "search", "tag:공정전환", "--json")["total"] == 0


def test_saved_searches_and_reindex(base: list[str], archive_dir: Path, capsys) -> None:
    run_json(capsys, *base, "search", "공정전환 region:충청북도", "--save", "충북 공정전환", "--json")
    assert run_json(capsys, *base, "searches", "--json") == [
        {"name": "충북 공정전환", "query": "공정전환 region:충청북도"}
    ]
    index = archive_dir / "search-index"  # tantivy's folder; search.sqlite with ESGDESK_SEARCH_ENGINE=fts5
    shutil.rmtree(index) if index.is_dir() else (archive_dir / "search.sqlite").unlink()
    assert main([*base, "reindex"]) == 0
    capsys.readouterr()
    assert run_json(capsys, *base, "search", "공정전환", "--json")["total"] == 1
    assert main([*base, "searches", "--delete", "충북 공정전환"]) == 0
    assert main([*base, "searches", "--delete", "충북 공정전환"]) == 2


def test_facets_with_json(base: list[str], capsys) -> None:
    result = run_json(capsys, *base, "search", "공정전환", "--json", "--facets")
    assert result["facets"]["regions"]["충청북도"] == 1
    assert result["facets"]["years"] == {2023: 1} or result["facets"]["years"] == {"2023": 1}


def test_search_pages_through_every_match_once(archive_dir: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    for n in range(23):
        (folder / f"release-{n}.txt").write_text(f"탄소중립 예산 보도 {n}호\n\n탄소 중립 예산을 {n}번째로 알립니다.\n")
    imported = run_json(capsys, "--archive", str(archive_dir), "import", str(folder), "--json")["imported"]
    assert len(imported) == 23
    base = ["--archive", str(archive_dir), "search", "탄소"]
    seen: list[int] = []
    for offset in range(0, 30, 10):
        page = run_json(capsys, *base, "--limit", "10", "--offset", str(offset), "--json")
        assert page["total"] == 23 and page["offset"] == offset
        seen.extend(hit["id"] for hit in page["hits"])
    assert sorted(seen) == sorted(entry["id"] for entry in imported) and len(seen) == 23
    assert seen == [hit["id"] for hit in run_json(capsys, *base, "--limit", "23", "--json")["hits"]]
    assert main([*base, "--offset", "-1"]) == 2
    assert main([*base, "--limit", "ten"]) == 2
    assert main(["--archive", str(archive_dir), "search", "linked:99999999999999999999999"]) == 2
    assert "too large" in capsys.readouterr().err
