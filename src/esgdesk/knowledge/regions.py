"""Finding region names in a release and deciding which region each one means.

The passes, in order, and why:

1. *Match* every gazetteer form at a word start, longest first, that ends at a word end (particles allowed).
   Numeral-looking names (이천, 사천) followed by a number unit or counter are numbers, not places.
2. *Qualifiers*: a region written right before one of its own parts (경상남도 거제시, 경기 이천) places that
   part; the qualifier itself is kept but marked, so it does not count as a region of its own.
3. *Lists*: names joined by , · ? / 및 와 과 form a list. A context-only form (구미, 경기, 세종) is accepted in a
   list that holds a sure place or at least three places, and an ambiguous name takes the side its list-mates
   take (광주·전남 → 광주광역시; 거제시·통영시·고성군 under 경상남도 → 경남 고성군).
4. *Suffixes*: a context-only form followed by 지역, 일대, 시민 … is a place.
5. *Sentence*: an ambiguous name whose candidates' 시·도 is named in the same sentence takes that one.

What is still ambiguous afterwards stays ambiguous, with its candidates: a wrong region in a briefing table is
worse than a flagged one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from esgdesk.knowledge.gazetteer import Gazetteer
from esgdesk.knowledge.korean import LIST_SEPARATORS, Span, hangul_run, span_index, word_end, word_start

# After a full name (…시, …군, …구, …도) these make compounds that still name the area or its government.
ADMIN_SUFFIXES = ("청장", "청", "장", "수", "민", "지사", "의회", "내", "정", "지역", "일대", "일원", "소재")
# After a short form or stem only these do (원주민 is "natives", not people of 원주).
PLACE_SUFFIXES = (
    "지역",
    "일대",
    "일원",
    "소재",
    "도청",
    "시청",
    "군청",
    "도민",
    "시민",
    "군민",
    "도의회",
    "시의회",
    "군의회",
    "지사",
    "형",
)
# Suffixes that make a context-only form a place on their own (경기지역, 구미시민 …).
CONTEXT_SUFFIXES = ("지역", "일대", "일원", "소재", "도청", "시청", "군청", "도민", "시민", "군민", "도의회")
# The same written after a space (구미 지역, 경기 지역 기업).
SPACED_SUFFIXES = ("지역", "일대", "일원", "소재", "지자체", "시민", "군민", "도민")
_NUMERAL_CHARS = frozenset("일이삼사오육칠팔구십백천만억조")
_NUMBER_FOLLOWERS = (
    "만",
    "억",
    "조",
    "천",
    "백",
    "여",
    "명",
    "원",
    "개",
    "곳",
    "톤",
    "건",
    "가구",
    "세대",
    "호",
    "회",
    "배",
)
_LIST_WORDS = ("및", "와", "과", "그리고", "또는")
_CONNECTIVE_PARTICLES = ("와", "과", "이랑", "랑", "하고")


@dataclass
class RegionMatch:
    """A region name found in the text, before and after resolution."""

    start: int
    end: int
    surface: str
    candidates: set[str]
    context_only: bool
    qualifier: bool = False
    qualified_by: int | None = None  # index of the match that qualifies this one
    accepted: bool = True
    list_id: int | None = None
    sentence: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def resolved(self) -> str | None:
        return next(iter(self.candidates)) if len(self.candidates) == 1 else None


class RegionFinder:
    """Region matching over one gazetteer; build once, call :meth:`find` per text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._forms_by_first: dict[str, list[str]] = {}
        for form in set(gazetteer.region_forms) | set(gazetteer.region_context_forms):
            self._forms_by_first.setdefault(form[0], []).append(form)
        for forms in self._forms_by_first.values():
            forms.sort(key=len, reverse=True)

    # -- pass 1 -----------------------------------------------------------------------------------------
    def _is_full_name(self, form: str) -> bool:
        return any(form in self.gaz.regions[i].names for i in self.gaz.region_forms.get(form, ()))

    def _looks_like_number(self, text: str, start: int, end: int, form: str) -> bool:
        if not set(form) <= _NUMERAL_CHARS:
            return False
        after = text[end:].lstrip()
        glued = text[end : end + 1]
        return glued in _NUMERAL_CHARS or glued == "여" or after.startswith(_NUMBER_FOLLOWERS)

    def _match_at(self, text: str, start: int) -> RegionMatch | None:
        for form in self._forms_by_first.get(text[start], ()):
            end = start + len(form)
            if text[start:end] != form:
                continue
            full = self._is_full_name(form)
            suffixes = ADMIN_SUFFIXES if full and form[-1] in "시군구도" else PLACE_SUFFIXES
            if not word_end(text, end, suffixes):
                continue
            if self._looks_like_number(text, start, end, form):
                continue
            sure = self.gaz.region_forms.get(form, frozenset())
            maybe = self.gaz.region_context_forms.get(form, frozenset())
            return RegionMatch(start, end, form, set(sure | maybe), context_only=not sure)
        return None

    def match(self, text: str) -> list[RegionMatch]:
        matches: list[RegionMatch] = []
        position = 0
        while position < len(text):
            found = self._match_at(text, position) if word_start(text, position) else None
            if found:
                matches.append(found)
                position = found.end
            else:
                position += 1
        return matches

    # -- pass 2 -----------------------------------------------------------------------------------------
    def _link_qualifiers(self, text: str, matches: list[RegionMatch], on: dt.date | None) -> None:
        for index in range(len(matches) - 1):
            head, tail = matches[index], matches[index + 1]
            gap = text[head.end : tail.start]
            if gap.strip() or "\n" in gap:
                continue
            under = {c for c in tail.candidates if any(self.gaz.is_ancestor(h, c, on) for h in head.candidates)}
            if not under:
                continue
            heads = {h for h in head.candidates if any(self.gaz.is_ancestor(h, c, on) for c in under)}
            head.candidates, head.qualifier = heads, True
            tail.candidates, tail.qualified_by = under, index
            head.context_only = tail.context_only = False

    # -- pass 3 -----------------------------------------------------------------------------------------
    @staticmethod
    def _joins(text: str, left: RegionMatch, right: RegionMatch) -> bool:
        """Whether two names are items of one list (A, B / A·B / A?B / A와 B / A 및 B)."""
        run = hangul_run(text, left.end)
        position = left.end
        if run.startswith(_CONNECTIVE_PARTICLES) and run in _CONNECTIVE_PARTICLES:
            position += len(run)
        elif run:
            return False
        gap = text[position : right.start]
        stripped = gap.strip()
        if "\n" in gap:
            return False
        if not stripped:
            return position != left.end  # A와 B
        if len(stripped) == 1 and stripped in LIST_SEPARATORS:
            return True
        return stripped in _LIST_WORDS

    def _lists(self, text: str, matches: list[RegionMatch]) -> list[list[RegionMatch]]:
        """Lists of list members; a qualifier and the name it qualifies count as one member."""
        members = [m for m in matches if not m.qualifier]
        groups: list[list[RegionMatch]] = []
        for member in members:
            head = matches[member.qualified_by] if member.qualified_by is not None else member
            while head.qualified_by is not None:
                head = matches[head.qualified_by]
            if groups and self._joins(text, groups[-1][-1], head):
                groups[-1].append(member)
            else:
                groups.append([member])
        for number, group in enumerate(groups):
            for member in group:
                member.list_id = number
        return groups

    def _resolve_lists(self, groups: list[list[RegionMatch]], on: dt.date | None) -> None:
        for group in groups:
            if len(group) < 2:
                continue
            sure = [m for m in group if not m.context_only]
            if sure or len(group) >= 3:
                for member in group:
                    member.context_only = False
            resolved = [m.resolved for m in group if m.resolved]
            if not resolved:
                continue
            kinds = {self.gaz.regions[r].kind for r in resolved}
            parents = {self.gaz.regions[r].at(on).parent_id for r in resolved}
            for member in group:
                if len(member.candidates) < 2:
                    continue
                if kinds == {"sido"}:
                    pick = {c for c in member.candidates if self.gaz.regions[c].kind == "sido"}
                else:
                    pick = {c for c in member.candidates if self.gaz.regions[c].at(on).parent_id in parents}
                if len(pick) == 1:
                    member.candidates = pick
                    member.notes.append("resolved by its list")

    # -- pass 4 and 5 -----------------------------------------------------------------------------------
    @staticmethod
    def _accept_by_suffix(text: str, matches: list[RegionMatch]) -> None:
        for match in matches:
            if not match.context_only:
                continue
            glued = hangul_run(text, match.end)
            spaced = text[match.end + 1 :] if text[match.end : match.end + 1] == " " else ""
            if glued.startswith(CONTEXT_SUFFIXES) or (not glued and spaced.startswith(SPACED_SUFFIXES)):
                match.context_only = False

    def _resolve_by_sentence(self, matches: list[RegionMatch], on: dt.date | None) -> None:
        by_sentence: dict[int, list[RegionMatch]] = {}
        for match in matches:
            by_sentence.setdefault(match.sentence, []).append(match)
        for group in by_sentence.values():
            named = {m.resolved for m in group if m.resolved and not m.context_only}
            for match in group:
                if len(match.candidates) < 2 or match.context_only:
                    continue
                pick = {c for c in match.candidates if set(self.gaz.ancestors(c, on)) & named}
                if len(pick) == 1:
                    match.candidates = pick
                    match.notes.append("resolved by its sentence")

    # -- all passes -------------------------------------------------------------------------------------
    def find(self, text: str, sentences: list[Span], on: dt.date | None) -> list[RegionMatch]:
        """Accepted region matches in ``text`` (NFC), resolved where the text allows it."""
        matches = self.match(text)
        for match in matches:
            match.sentence = span_index(sentences, match.start)
        self._link_qualifiers(text, matches, on)
        self._resolve_lists(self._lists(text, matches), on)
        self._accept_by_suffix(text, matches)
        self._resolve_by_sentence(matches, on)
        return [m for m in matches if not m.context_only]
