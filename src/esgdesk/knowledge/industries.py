"""Industries named in a release, from the curated synonym list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from esgdesk.knowledge.gazetteer import Gazetteer
from esgdesk.knowledge.korean import is_particle_chain, word_end, word_start

# Bare words such as 조선 or 기계 are industries only as words of their own or in these compounds.
_WORD_SUFFIXES = ("업", "업계", "산업", "기업", "소", "사", "분야", "부문", "해양", "기자재")


@dataclass(frozen=True)
class IndustryMatch:
    start: int
    end: int
    surface: str
    id: str
    name: str


class IndustryFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        entries: list[tuple[str, str, str, str]] = []  # (synonym, mode, id, name)
        for industry in gazetteer.industries.values():
            for synonym in industry.synonyms:
                mode = synonym[0] if synonym[0] in "=^" else ""
                entries.append((synonym.lstrip("=^"), mode, industry.id, industry.name))
        entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._entries = entries
        self._pattern = re.compile("|".join(re.escape(e[0]) for e in entries))
        self._by_surface: dict[str, list[tuple[str, str, str]]] = {}
        for surface, mode, industry_id, name in entries:
            self._by_surface.setdefault(surface, []).append((mode, industry_id, name))

    def _fits(self, text: str, start: int, end: int, mode: str) -> bool:
        if mode and not word_start(text, start):
            return False
        if mode == "=":
            return word_end(text, end, _WORD_SUFFIXES) or is_particle_chain(text[end : end + 1])
        return True

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[IndustryMatch]:
        """Industry mentions, leaving out spans in ``skip`` (organisation names such as 부산항만공사)."""
        found: list[IndustryMatch] = []
        for match in self._pattern.finditer(text):
            start, end = match.span()
            if any(s <= start < e for s, e in skip):
                continue
            for mode, industry_id, name in self._by_surface[match.group(0)]:
                # 석탄화력발전소 is one coal power plant, not 석탄화력 and a second industry 발전
                if industry_id == "power" and found and found[-1].end == start:
                    break
                if self._fits(text, start, end, mode):
                    found.append(IndustryMatch(start, end, match.group(0), industry_id, name))
                    break
        return found
