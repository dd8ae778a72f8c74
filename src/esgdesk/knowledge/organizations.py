"""Ministries, agencies and public bodies by any of their names or abbreviations.

All names of one lineage (지식경제부 → 산업통상자원부 → 산업통상부, abbreviated 산업부) share one id, so the
archive counts them as one issuer across reorganisations.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache

from esgdesk.core.paths import resource_path
from esgdesk.knowledge.gazetteer import Gazetteer, gazetteer
from esgdesk.knowledge.korean import word_end, word_start

# 산업부 장관, 노동부 차관 … are written with a space, but releases also glue these on.
ORG_SUFFIXES = ("장관", "차관", "청장", "처장", "위원장", "관계자", "산하", "소속", "주관", "주최", "장", "측")


@dataclass(frozen=True)
class OrganizationMatch:
    start: int
    end: int
    surface: str
    ids: frozenset[str]


class OrganizationFinder:
    """Longest-first matching of every organisation name and abbreviation at word starts."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._forms_by_first: dict[str, list[str]] = {}
        self._ids = gazetteer.organization_forms
        for form in gazetteer.organization_forms:
            self._forms_by_first.setdefault(form[0], []).append(form)
        for forms in self._forms_by_first.values():
            forms.sort(key=len, reverse=True)

    def _match_at(self, text: str, start: int) -> OrganizationMatch | None:
        for form in self._forms_by_first.get(text[start], ()):
            end = start + len(form)
            if text[start:end] == form and word_end(text, end, ORG_SUFFIXES):
                return OrganizationMatch(start, end, form, self._ids[form])
        return None

    def find(self, text: str) -> list[OrganizationMatch]:
        found: list[OrganizationMatch] = []
        position = 0
        while position < len(text):
            match = self._match_at(text, position) if word_start(text, position) else None
            if match:
                found.append(match)
                position = match.end
            else:
                position += 1
        return found


# -- the issuer of a document ------------------------------------------------------------------------------

#: 동물복지환경정책관실 is 동물복지환경정책관 with its office; 경제정책국 is printed as is
_UNIT_SUFFIXES = ("실",)
#: `서울특별시청`, `강동구청`: a local government named by its office building
_LOCAL_OFFICE_SUFFIXES = ("청",)


def issuer_name(written: str, on: dt.date | None = None) -> str | None:
    """The gazetteer's name, in force on `on`, for an organisation written in full or abbreviated
    (`농식품부` → 농림축산식품부); a local government (`서울특별시`, `강동구청`) as written; None if unknown."""
    written = written.strip()
    if not written:
        return None
    gaz = gazetteer()
    ids = gaz.organization_forms.get(written)
    if ids and len(ids) == 1:
        return gaz.organizations[next(iter(ids))].name_at(on)
    if is_local_government(written):
        return written
    return None


def is_local_government(name: str) -> bool:
    """A 시·도 or 시·군·구 by its name (서울특별시, 경기도, 강동구), or its office (강동구청)."""
    gaz = gazetteer()
    if gaz.region_forms.get(name):
        return name.endswith(("시", "도", "군", "구"))
    return any(
        name.endswith(suffix) and bool(gaz.region_forms.get(name[: -len(suffix)])) for suffix in _LOCAL_OFFICE_SUFFIXES
    )


def organizations_in(text: str) -> list[str]:
    """Every organisation the gazetteer knows that `text` names, as written, in order."""
    return [match.surface for match in _finder().find(text)]


def ministry_of_unit(unit: str, on: dt.date | None = None) -> str | None:
    """The ministry a 실·국 belongs to, for releases whose 담당 부서 table prints only the unit (대외경제국)
    and whose header carries the ministry only as a logo. Units shared by every ministry (기획조정실,
    대변인실) are not listed, so a match is unambiguous."""
    units = _ministry_units()
    for form in (unit, *(unit[: -len(suffix)] for suffix in _UNIT_SUFFIXES if unit.endswith(suffix))):
        organization_id = units.get(form)
        if organization_id and organization_id in gazetteer().organizations:
            return gazetteer().organizations[organization_id].name_at(on)
    return None


@cache
def _ministry_units() -> dict[str, str]:
    with resource_path("data", "ministry_units.csv").open(encoding="utf-8", newline="") as handle:
        return {row["unit"]: row["organization"] for row in csv.DictReader(handle)}


@cache
def _finder() -> OrganizationFinder:
    return OrganizationFinder(gazetteer())
