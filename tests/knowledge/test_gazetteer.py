"""The bundled gazetteer: complete, cross-checked against the SGIS 2018 maps, and right about history."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from esgdesk.core.paths import resource_path
from esgdesk.knowledge.gazetteer import gazetteer

MAPS = resource_path("data", "maps")
D = dt.date


def test_counts_of_current_local_governments() -> None:
    current = [r for r in gazetteer().regions.values() if r.versions[-1].valid_to is None]
    kinds = [r.kind for r in current]
    assert kinds.count("sido") == 17
    assert kinds.count("si") == 75
    assert kinds.count("gun") == 82
    assert kinds.count("gu") == 70  # 69 자치구 until 2026-06-30, then 인천 중구·동구 → 제물포구·영종구 + 검단구


def test_every_map_polygon_joins_a_region() -> None:
    codes = {c for r in gazetteer().regions.values() for v in r.versions for c in v.map_codes}
    for name, key in (
        ("skorea-provinces-2018-topo-simple.json", "skorea_provinces_2018_geo"),
        ("skorea-municipalities-2018-topo-simple.json", "skorea_municipalities_2018_geo"),
    ):
        data = json.loads((MAPS / name).read_text(encoding="utf-8"))
        map_codes = {g["properties"]["code"] for g in data["objects"][key]["geometries"]}
        assert map_codes <= codes, sorted(map_codes - codes)


@pytest.mark.parametrize(
    ("form", "on", "name", "code"),
    [
        ("강원도", D(2022, 1, 1), "강원도", "42"),
        ("강원도", D(2024, 1, 1), "강원특별자치도", "51"),
        ("전라북도", D(2024, 1, 17), "전라북도", "45"),
        ("전북", D(2024, 1, 18), "전북특별자치도", "52"),
        ("제주도", D(2005, 1, 1), "제주도", "50"),
        ("제주", D(2020, 1, 1), "제주특별자치도", "50"),
        ("미추홀구", D(2017, 1, 1), "남구", "28170"),
        ("충북", None, "충청북도", "43"),
        ("부산시", None, "부산광역시", "26"),
    ],
)
def test_names_in_force_at_a_date(form: str, on: dt.date | None, name: str, code: str) -> None:
    (ref,) = gazetteer().lookup(form, on, kind="region")
    assert (ref.name, ref.code) == (name, code)


def test_gunwi_moves_from_gyeongbuk_to_daegu() -> None:
    (before,) = gazetteer().lookup("군위군", D(2023, 6, 30), kind="region")
    (after,) = gazetteer().lookup("군위군", D(2023, 7, 1), kind="region")
    assert before.id == after.id
    assert (before.parent_name, before.code) == ("경상북도", "47720")
    assert (after.parent_name, after.code) == ("대구광역시", "27720")


def test_bucheon_districts_restored_2024() -> None:
    gaz = gazetteer()
    ojeong = gaz.find_region("경기도 부천시 오정구", D(2024, 6, 1))
    assert ojeong.at(D(2024, 1, 1)).code == "41196"
    assert ojeong.at(D(2016, 7, 3)).code == "41199"


@pytest.mark.parametrize(("form", "count"), [("중구", 6), ("고성군", 2), ("광주", 2), ("광주시", 2), ("강서구", 2)])
def test_shared_names_have_several_candidates(form: str, count: int) -> None:
    assert len(gazetteer().lookup(form, kind="region")) == count


def test_risky_stems_are_context_only() -> None:
    gaz = gazetteer()
    assert "진천" in gaz.region_forms
    for stem in ("구미", "이천", "사천", "경기", "세종", "고령", "영광", "음성"):
        assert stem not in gaz.region_forms and stem in gaz.region_context_forms
    assert "예산" not in gaz.region_forms and "예산" not in gaz.region_context_forms


@pytest.mark.parametrize(
    ("form", "on", "name"),
    [
        ("산업부", D(2023, 4, 28), "산업통상자원부"),
        ("산업부", D(2026, 3, 1), "산업통상부"),
        ("지식경제부", D(2026, 3, 1), "산업통상부"),
        ("환경부", D(2025, 9, 30), "환경부"),
        ("기후부", D(2025, 10, 1), "기후에너지환경부"),
        ("고용부", D(2026, 3, 1), "고용노동부"),
        ("노동부", D(2009, 1, 1), "노동부"),
        ("기재부", D(2026, 1, 2), "재정경제부"),
        ("탄녹위", D(2026, 1, 1), "국가기후위기대응위원회"),
    ],
)
def test_ministry_names_in_force(form: str, on: dt.date, name: str) -> None:
    (ref,) = gazetteer().lookup(form, on, kind="organization")
    assert ref.name == name


def test_renamed_ministry_is_one_entity() -> None:
    gaz = gazetteer()
    ids = {gaz.lookup(n, kind="organization")[0].id for n in ("산업통상자원부", "산업통상부", "산업부", "지식경제부")}
    assert ids == {"industry"}
    assert {gaz.lookup(n, kind="organization")[0].id for n in ("환경부", "기후에너지환경부", "기후부")} == {
        "environment"
    }
