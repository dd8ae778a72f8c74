"""The 17 시·도 as a briefing groups them: legal codes old and new, the SGIS map code, today's name.

Facts carry 법정동 codes (원주시 42130 before 2023-06-11, 51130 after); the 2018 SGIS map numbers the same
provinces differently (강원 32). The briefing groups every 시·군·구 under today's 시·도 so a 2022 fact about 원주시
and a 2024 one land in the same row. The table is small and fixed by law, so it lives here rather than in a
lookup that another module may still be changing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Province:
    name: str
    short: str
    #: 법정동 codes the province has had (first two digits of every code beneath it)
    codes: tuple[str, ...]
    #: the province's code in the 2018 SGIS boundary files
    map_code: str
    former_names: tuple[str, ...] = ()
    #: the order Korean statistics list the provinces in
    order: int = 0


PROVINCES: tuple[Province, ...] = tuple(
    Province(name, short, codes, map_code, former, order)
    for order, (name, short, codes, map_code, former) in enumerate(
        [
            ("서울특별시", "서울", ("11",), "11", ()),
            ("부산광역시", "부산", ("26",), "21", ()),
            ("대구광역시", "대구", ("27",), "22", ()),
            ("인천광역시", "인천", ("28",), "23", ()),
            ("광주광역시", "광주", ("29",), "24", ()),
            ("대전광역시", "대전", ("30",), "25", ()),
            ("울산광역시", "울산", ("31",), "26", ()),
            ("세종특별자치시", "세종", ("36",), "29", ()),
            ("경기도", "경기", ("41",), "31", ()),
            ("강원특별자치도", "강원", ("51", "42"), "32", ("강원도",)),
            ("충청북도", "충북", ("43",), "33", ()),
            ("충청남도", "충남", ("44",), "34", ()),
            ("전북특별자치도", "전북", ("52", "45"), "35", ("전라북도",)),
            ("전라남도", "전남", ("46",), "36", ()),
            ("경상북도", "경북", ("47",), "37", ()),
            ("경상남도", "경남", ("48",), "38", ()),
            ("제주특별자치도", "제주", ("50",), "39", ("제주도",)),
        ]
    )
)


@cache
def _by_code() -> dict[str, Province]:
    return {code: province for province in PROVINCES for code in province.codes}


@cache
def _by_name() -> dict[str, Province]:
    names: dict[str, Province] = {}
    for province in PROVINCES:
        for name in (province.name, province.short, *province.former_names):
            names[name] = province
    return names


def province_by_code(code: str | None) -> Province | None:
    """The 시·도 a 법정동 code (2, 5 or 10 digits) lies in."""
    if not code or len(code) < 2:
        return None
    return _by_code().get(code[:2])


def province_by_name(name: str) -> Province | None:
    return _by_name().get(name.strip())


def province_by_map_code(map_code: str) -> Province | None:
    return next((province for province in PROVINCES if province.map_code == map_code[:2]), None)


def is_province_code(code: str | None) -> bool:
    return bool(code) and len(code or "") == 2 and province_by_code(code) is not None
