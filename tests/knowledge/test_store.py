"""Extraction results land in the archive on import: the sample's nine regions and their facts."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select

from esgdesk.cli import main
from esgdesk.core.models import Document, DocumentKind, Organization
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.documents import document_details

NINE_REGIONS = [
    "충청북도",
    "경상북도",
    "구미시",
    "인천광역시",
    "원주시",
    "전라남도",
    "부산광역시",
    "울산광역시",
    "의성군",
]


def _release_id(archive) -> int:
    with archive.session() as session:
        return session.exec(select(Document.id).where(Document.kind == DocumentKind.PRESS_RELEASE)).one()


def test_the_sample_yields_its_nine_regions(archive, sample_path: Path) -> None:
    run_import(archive, [sample_path])
    details = document_details(archive, _release_id(archive))
    assert details["regions"] == NINE_REGIONS
    kinds = {entity["kind"] for entity in details["entities"]}
    assert {"region", "organization", "programme", "industry"} <= kinds
    programmes = [entity["name"] for entity in details["entities"] if entity["kind"] == "programme"]
    assert programmes == ["취약지역 공정전환 지원사업"]


def test_facts_cli_prints_years_industries_and_amounts(archive_dir: Path, sample_path: Path, capsys) -> None:
    assert main(["--archive", str(archive_dir), "import", str(sample_path)]) == 0
    capsys.readouterr()
    assert main(["--archive", str(archive_dir), "facts", "1", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    # the keys scripts used before stay; the evidence and programmes come on top
    old_keys = {"region", "region_code", "years", "industries", "amounts", "sentence", "start", "end"}
    assert all(old_keys <= set(fact) for fact in facts)
    assert all({"programmes", "sentence_start", "sentence_end", "evidence"} <= set(fact) for fact in facts)
    assert len({fact["region"] for fact in facts}) == len(facts), "one row per region"
    by_region: dict[str, dict] = {}
    for fact in facts:
        entry = by_region.setdefault(fact["region"], {"years": set(), "industries": set(), "krw": set()})
        entry["years"].update(fact["years"])
        entry["industries"].update(fact["industries"])
        entry["krw"].update(amount["krw"] for amount in fact["amounts"])
    assert list(by_region) == NINE_REGIONS
    for region in ("충청북도", "경상북도", "구미시", "인천광역시", "원주시"):
        assert 2022 in by_region[region]["years"]
    for region in ("전라남도", "부산광역시", "울산광역시", "의성군"):
        assert by_region[region]["years"] == {2023}
    assert {"시멘트", "반도체"} <= by_region["충청북도"]["industries"]
    assert {"전자부품", "1차 금속"} <= by_region["경상북도"]["industries"]
    assert {"자동차 부품", "의료기기"} <= by_region["원주시"]["industries"]
    # the 2022 budget is the programme's, stated in a sentence that names no region: no region's row holds it
    assert all(not entry["krw"] for entry in by_region.values())
    assert main(["--archive", str(archive_dir), "facts", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Region", "Years", "Industries", "Amounts"]
    assert [line.split()[0] for line in lines[1:10]] == NINE_REGIONS
    assert lines[10] == "Programme total: '22년 사업 전체 21.5억원 (취약지역 공정전환 지원사업)"


def test_a_renamed_ministry_is_one_organisation_shown_by_the_name_of_its_date(archive, tmp_path: Path) -> None:
    old = tmp_path / "2023.txt"
    old.write_text("탄소중립 산업전환 지원\n\n본문 하나.\n\n(산업통상자원부, 2023.04.28)\n", encoding="utf-8")
    new = tmp_path / "2026.txt"
    new.write_text("산업부문 녹색전환 해법\n\n본문 둘.\n\n(산업통상부, 2026.03.19)\n", encoding="utf-8")
    run_import(archive, [old, new])
    with archive.session() as session:
        organizations = session.exec(select(Organization)).all()
        assert [organization.key for organization in organizations] == ["industry"]
    shown = {document_details(archive, i)["published"]: document_details(archive, i)["ministry"] for i in (1, 2)}
    assert shown == {"2023-04-28": "산업통상자원부", "2026-03-19": "산업통상부"}
