"""Ministries, agencies and public bodies by any of their names or abbreviations.

All names of one lineage (지식경제부 → 산업통상자원부 → 산업통상부, abbreviated 산업부) share one id, so the
archive counts them as one issuer across reorganisations.
"""

from __future__ import annotations

from dataclasses import dataclass

from esgdesk.knowledge.gazetteer import Gazetteer
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
