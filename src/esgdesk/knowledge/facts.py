"""Facts for the regional briefing: which years, industries, programmes and amounts belong to which region.

A wrong row in the regional summary is worse than no row, so a fact is bound to the words that state it:

- An item (year, industry, programme, amount) belongs to the regions of its own *clause*. A sentence whose
  regions carry a topic or subject particle ("울산광역시는 … 삼척시는 …", "태안군은 …하고, 당진시는 …") is cut
  into one clause per topic; a sentence without such topics is one clause, shared by every region it lists
  ("'22년 사업에는 충청북도, 경상북도·구미시 … 참여").
- A budget note glued to a sentence ("…선정했다고 밝혔다.('24년 25억원, 국비 60% 보조)") is part of that
  sentence, read as a remark on all of it.
- A sentence that names no region takes the region its paragraph is about, and only when the paragraph is
  about exactly one: it names one region, or it opens on one topic and every other region it names sits in
  that opening sentence ("경상북도는 구미시와 함께 …"). Otherwise the sentence's items belong to no region.
- An amount keeps its year and its *scope*: a budget note, or an amount shared by several regions of one
  clause, is the programme's (``scope="programme"``); an amount in a clause about exactly one region is that
  region's share (``scope="region"``, "창원시에 5억원"). Programme amounts are also listed apart
  (:func:`programme_amounts`), so a budget stated in a sentence that names no region is not lost.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from esgdesk.knowledge.amounts import Amount
from esgdesk.knowledge.dates import YearMention
from esgdesk.knowledge.korean import Span, hangul_run

if TYPE_CHECKING:  # extract.py imports this module; its types are needed here only for checking
    from esgdesk.knowledge.extract import Extraction, Fact, Mention

#: particles that make a region the topic or subject of what follows ("울산광역시는", "인천광역시가")
_TOPIC_PARTICLES = frozenset({"는", "은", "이", "가", "에서는", "도"})
#: a budget remark: what the programme costs and who pays ("국비 60% 보조", "지방비", "총사업비")
_BUDGET_WORDS = re.compile(r"국비|지방비|도비|시비|보조|사업비|예산|출연")
_EACH = re.compile(r"각\s*$")

PROGRAMME = "programme"
REGION = "region"


@dataclass(frozen=True)
class FactAmount:
    """An amount of won with what it is: the programme's budget or one region's share, and its year."""

    text: str
    krw: int
    start: int
    end: int
    year: int | None
    scope: str  # "programme" | "region"
    programme: str | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"text": self.text, "krw": self.krw, "year": self.year, "scope": self.scope}
        data["programme"] = self.programme
        data["start"], data["end"] = self.start, self.end
        return data

    def label(self, region: str | None = None) -> str:
        """How a reader sees it: ``'24년 사업 전체 25억원`` or ``창원시 5억원``."""
        year = f"'{self.year % 100:02d}년 " if self.year else ""
        if self.scope == PROGRAMME:
            return f"{year}사업 전체 {self.text}"
        return f"{year}{region + ' ' if region else ''}{self.text}"


@dataclass(frozen=True)
class _Unit:
    """A sentence, with a budget note glued to it, cut into clauses."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    paragraph: int


def _units(text: str, sents: Sequence[Span]) -> list[_Unit]:
    """Sentences, each with a parenthesis that follows it without a space merged into it."""
    units: list[list[int]] = []
    for sentence in sents:
        if units and text.startswith("(", sentence.start) and sentence.start == units[-1][1]:
            units[-1][1] = sentence.end
            continue
        units.append([sentence.start, sentence.end])
    return [_Unit(start, end, start, end, -1) for start, end in units]


class _Placed(Protocol):
    """Anything found at an offset of the text: a mention, a year, an amount."""

    @property
    def start(self) -> int: ...


_PlacedT = TypeVar("_PlacedT", bound=_Placed)
#: a span of the text as (start, end) offsets
_Range = tuple[int, int]


def _inside(items: Iterable[_PlacedT], start: int, end: int) -> list[_PlacedT]:
    return [item for item in items if start <= item.start < end]


def _is_topic(text: str, mention: Mention) -> bool:
    if mention.end < len(text) and text[mention.end] in ",·ㆍ/":
        return False
    return hangul_run(text, mention.end) in _TOPIC_PARTICLES


def _clauses(text: str, unit: _Unit, regions: Sequence[Mention]) -> list[tuple[int, int, list[Mention]]]:
    """(start, end, regions) of each clause: one per topic region, or the whole unit when fewer than two."""
    topics = [m for m in regions if _is_topic(text, m)]
    if len(topics) < 2:
        return [(unit.start, unit.end, list(regions))]
    bounds = [unit.start] + [m.start for m in topics[1:]] + [unit.end]
    return [(a, b, _inside(regions, a, b)) for a, b in itertools.pairwise(bounds)]


def _parenthesised(text: str, start: int, end: int) -> list[_Range]:
    """Spans of the top-level parentheses in text[start:end]."""
    spans: list[_Range] = []
    depth, opened = 0, start
    for index in range(start, end):
        if text[index] == "(":
            if depth == 0:
                opened = index
            depth += 1
        elif text[index] == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, index + 1))
    return spans


def _budget_notes(text: str, unit: _Unit, amounts: Sequence[Amount]) -> list[_Range]:
    """Parentheses that state a budget ("('24년 25억원, 국비 60% 보조)"): remarks on the whole sentence.

    A parenthesis holding an amount and a budget word; "(+6.5조원)" or "(’25.7월 +2.2조원)" after a figure is
    not one.
    """
    return [
        (a, b)
        for a, b in _parenthesised(text, unit.start, unit.end)
        if _inside(amounts, a, b) and _BUDGET_WORDS.search(text, a, b)
    ]


def _year_of(amount: Amount, years: Sequence[YearMention], start: int) -> int | None:
    before = [y for y in years if start <= y.start < amount.start]
    if before:
        return before[-1].year
    distinct = {y.year for y in years if start <= y.start}
    return distinct.pop() if len(distinct) == 1 else None


class _Builder:
    def __init__(
        self,
        text: str,
        mentions: Iterable[Mention],
        years: Iterable[YearMention],
        amounts: Iterable[Amount],
        sents: Iterable[Span],
        paras: Iterable[Span],
    ) -> None:
        self.text = text
        self.regions = [m for m in mentions if m.kind == "region" and m.id and not m.qualifier]
        self.industries = [m for m in mentions if m.kind == "industry"]
        self.programmes = [m for m in mentions if m.kind == "programme"]
        self.years = list(years)
        self.amounts = list(amounts)
        self.sents = list(sents)
        self.paras = list(paras)
        self.units = _units(text, self.sents)
        names = list(dict.fromkeys(m.name for m in self.programmes))
        self.only_programme = names[0] if len(names) == 1 else None
        self.programme_totals: dict[tuple[int, int], FactAmount] = {}

    def paragraph_of(self, offset: int) -> Span | None:
        return next((p for p in self.paras if p.start <= offset < p.end), None)

    def about(self, paragraph: Span) -> Mention | None:
        """The one region a paragraph is about, or None (see the module's docstring)."""
        named = _inside(self.regions, paragraph.start, paragraph.end)
        if not named:
            return None
        if len({m.id for m in named}) == 1:
            return named[0]
        opening = next(u for u in self.units if u.start <= named[0].start < max(u.end, u.start + 1))
        first = named[0]
        if opening.start < paragraph.start or not _is_topic(self.text, first):
            return None
        if first.start != min(m.start for m in named) or any(m.start >= opening.end for m in named):
            return None
        if len({m.id for m in named if _is_topic(self.text, m)}) != 1:
            return None
        return first

    def programme_near(self, unit: _Unit) -> str | None:
        """The programme an amount is for: the one its sentence names, its paragraph names, or the text names."""
        paragraph = self.paragraph_of(unit.start)
        for start, end in ((unit.start, unit.end), (paragraph.start, paragraph.end) if paragraph else (0, 0)):
            names = list(dict.fromkeys(m.name for m in _inside(self.programmes, start, end)))
            if len(names) == 1:
                return names[0]
        return self.only_programme

    def amount_facts(
        self, start: int, end: int, unit: _Unit, owners: Sequence[Mention], notes: Sequence[_Range]
    ) -> list[FactAmount]:
        found = []
        programme = self.programme_near(unit)
        for amount in _inside(self.amounts, start, end):
            in_note = any(a <= amount.start < b for a, b in notes)
            each = bool(_EACH.search(self.text[max(unit.start, amount.start - 4) : amount.start]))
            scope = REGION if (len({m.id for m in owners}) == 1 or each) and not in_note else PROGRAMME
            fact = FactAmount(
                amount.text, amount.krw, amount.start, amount.end,
                _year_of(amount, _inside(self.years, unit.start, unit.end), unit.start), scope,
                programme,
            )  # fmt: skip
            # a programme's budget is listed apart only when the text says it is one: a budget note, or a
            # sentence naming the programme; a statistic shared by several regions is not a budget
            if scope == PROGRAMME and (in_note or _inside(self.programmes, unit.start, unit.end)):
                self.programme_totals[(amount.start, amount.end)] = fact
            found.append(fact)
        return found

    def build(self) -> list[Fact]:
        from esgdesk.knowledge.extract import Fact

        facts: list[Fact] = []
        for unit in self.units:
            regions = _inside(self.regions, unit.start, unit.end)
            notes = _budget_notes(self.text, unit, self.amounts)
            if not regions:
                facts.extend(self.regionless(unit, notes))
                continue
            clauses = _clauses(self.text, unit, regions)
            for start, end, owners in clauses:
                spans = [(start, end), *[n for n in notes if not start <= n[0] < end]] if len(clauses) > 1 else []
                years, industries, programmes, amounts = self.items(spans or [(start, end)], unit, owners, notes)
                shares = self.shares(owners, start, end, unit, notes)
                for mention in owners:
                    own = shares.get(mention.start, ())
                    if shares:
                        own = (
                            tuple(a for a in amounts if any(a.start == n[0] or n[0] <= a.start < n[1] for n in notes))
                            + own
                        )
                    else:
                        own = amounts
                    facts.append(
                        self.fact(
                            Fact,
                            mention,
                            unit,
                            years,
                            industries,
                            programmes,
                            tuple(sorted(own, key=lambda a: a.start)),
                        )
                    )
        return facts

    def shares(
        self, owners: Sequence[Mention], start: int, end: int, unit: _Unit, notes: Sequence[_Range]
    ) -> dict[int, tuple[FactAmount, ...]]:
        """A list pairing each region with its own amount ("창원시 7억원, 여수시 6억원 …"): region → its share.

        Only when the clause's regions and amounts (budget notes aside) alternate one to one, in that order;
        anything else stays one clause shared by its regions.
        """
        amounts = [a for a in _inside(self.amounts, start, end) if not any(n[0] <= a.start < n[1] for n in notes)]
        regions = sorted(owners, key=lambda m: m.start)
        if len(regions) < 2 or len(amounts) != len(regions):
            return {}
        bounds = [m.start for m in regions[1:]] + [end]
        if not all(m.start < a.start < b for m, a, b in zip(regions, amounts, bounds, strict=True)):
            return {}
        shares = {}
        for mention, amount, bound in zip(regions, amounts, bounds, strict=True):
            self.programme_totals.pop((amount.start, amount.end), None)
            shares[mention.start] = tuple(self.amount_facts(mention.start, bound, unit, [mention], []))
        return shares

    def items(
        self, spans: Sequence[_Range], unit: _Unit, owners: Sequence[Mention], notes: Sequence[_Range]
    ) -> tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[FactAmount, ...]]:
        def within(found: Iterable[_PlacedT]) -> list[_PlacedT]:
            return [m for m in found if any(a <= m.start < b for a, b in spans)]

        years = tuple(sorted({y.year for y in within(self.years)}))
        industries = tuple(dict.fromkeys(m.name for m in within(self.industries)))
        programmes = tuple(dict.fromkeys(m.name for m in within(self.programmes)))
        amounts = [a for s, e in spans for a in self.amount_facts(s, e, unit, owners, notes)]
        return years, industries, programmes, tuple(sorted(amounts, key=lambda a: a.start))

    def regionless(self, unit: _Unit, notes: Sequence[_Range]) -> list[Fact]:
        """A sentence that names no region: its paragraph's one region gets its items, else none does."""
        from esgdesk.knowledge.extract import Fact

        paragraph = self.paragraph_of(unit.start)
        owner = self.about(paragraph) if paragraph else None
        years, industries, programmes, amounts = self.items(
            [(unit.start, unit.end)], unit, [owner] if owner else [], notes
        )
        if owner is None:
            return []  # what names no region stays out of the facts; a budget is in programme_totals
        if not (years or industries or programmes or amounts):
            return []
        return [self.fact(Fact, owner, unit, years, industries, programmes, amounts)]

    def fact(
        self,
        fact_type: type[Fact],
        mention: Mention,
        unit: _Unit,
        years: tuple[int, ...],
        industries: tuple[str, ...],
        programmes: tuple[str, ...],
        amounts: tuple[FactAmount, ...],
    ) -> Fact:
        assert mention.id is not None, "a fact's region is a resolved one (self.regions)"
        return fact_type(
            region=mention.display or mention.name,
            region_code=mention.code,
            region_id=mention.id,
            years=years,
            industries=industries,
            amounts=amounts,
            sentence=self.text[unit.start : unit.end],
            start=mention.start,
            end=mention.end,
            programmes=programmes,
            sentence_start=unit.start,
            sentence_end=unit.end,
        )


def build_facts(
    text: str,
    mentions: Iterable[Mention],
    years: Iterable[YearMention],
    amounts: Iterable[Amount],
    sents: Iterable[Span],
    paras: Iterable[Span],
) -> tuple[list[Fact], list[FactAmount]]:
    """Region facts (one per region and clause, in text order) and the programme amounts of the text."""
    builder = _Builder(text, mentions, years, amounts, sents, paras)
    facts = builder.build()
    totals = sorted(builder.programme_totals.values(), key=lambda a: a.start)
    return facts, totals


def summarise(facts: Iterable[Fact]) -> list[dict[str, object]]:
    """Facts merged per region (years, industries, programmes and amounts united), in order of first mention.

    Each row keeps its evidence: every sentence a fact came from, with its offsets and the region's own.
    """
    rows: dict[str, dict[str, Any]] = {}
    for fact in facts:
        row = rows.setdefault(
            fact.region_id,
            {
                "region": fact.region,
                "region_code": fact.region_code,
                "years": [],
                "industries": [],
                "programmes": [],
                "amounts": [],
                "sentence": fact.sentence,
                "start": fact.start,
                "end": fact.end,
                "sentence_start": fact.sentence_start,
                "sentence_end": fact.sentence_end,
                "evidence": [],
            },
        )
        _merge(row, fact.years, fact.industries, fact.programmes, [a.to_json() for a in fact.amounts])
        evidence = {
            "sentence": fact.sentence,
            "sentence_start": fact.sentence_start,
            "sentence_end": fact.sentence_end,
            "start": fact.start,
            "end": fact.end,
        }
        known: list[dict[str, object]] = row["evidence"]
        if all(e["sentence_start"] != fact.sentence_start for e in known):
            known.append(evidence)
    return list(rows.values())


def _merge(
    row: dict[str, Any],
    years: Iterable[int],
    industries: Iterable[str],
    programmes: Iterable[str],
    amounts: list[dict[str, object]],
) -> None:
    row["years"] = sorted(set(row["years"]) | set(years))
    row["industries"] = list(dict.fromkeys([*row["industries"], *industries]))
    row["programmes"] = list(dict.fromkeys([*row["programmes"], *programmes]))
    known = {(a.get("start"), a.get("text")) for a in row["amounts"]}
    row["amounts"] += [a for a in amounts if (a.get("start"), a.get("text")) not in known]


def cross_sentence(extraction: Extraction) -> list[str]:
    """Items a fact holds that its own evidence sentence does not state, or that sentence is about other regions.

    Every item of a fact must stand in the fact's evidence sentence, and that sentence must name the fact's
    region or no region at all (then the paragraph is about that region alone). Zero is the target.
    """
    problems = []
    regions = extraction.regions()
    for fact in extraction.facts:
        a, b = fact.sentence_start, fact.sentence_end
        named = {m.id for m in regions if a <= m.start < b}
        if named and fact.region_id not in named:
            problems.append(f"{fact.region}: evidence sentence at {a} is about other regions")
        years = {y.year for y in extraction.years if a <= y.start < b}
        industries = {m.name for m in extraction.of_kind("industry") if a <= m.start < b}
        programmes = {m.name for m in extraction.of_kind("programme") if a <= m.start < b}
        problems += [f"{fact.region}: year {y} not in its sentence" for y in fact.years if y not in years]
        problems += [f"{fact.region}: {i} not in its sentence" for i in fact.industries if i not in industries]
        problems += [f"{fact.region}: {p} not in its sentence" for p in fact.programmes if p not in programmes]
        problems += [f"{fact.region}: {m.text} not in its sentence" for m in fact.amounts if not a <= m.start < b]
    return problems


def amount_label(amount: dict, region: str | None = None) -> str:
    """A stored amount as a reader sees it: ``'24년 사업 전체 25억원`` or ``창원시 5억원``."""
    year = amount.get("year")
    return FactAmount(
        str(amount.get("text", "")), int(amount.get("krw") or 0), 0, 0, int(year) if year else None,
        str(amount.get("scope") or REGION),
    ).label(region)  # fmt: skip
