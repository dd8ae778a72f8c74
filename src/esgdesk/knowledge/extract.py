"""One pure entry point: ``extract(text, published)`` → every mention and the regional facts of a release.

No database and no Qt: the import pipeline stores the result, the CLI prints it, the briefing reads it.
All offsets refer to the NFC form of the text, which :attr:`Extraction.text` holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from esgdesk.knowledge.amounts import Amount, Percentage, find_amounts, find_percentages
from esgdesk.knowledge.dates import DateMention, YearMention, find_dates, find_years
from esgdesk.knowledge.facts import FactAmount
from esgdesk.knowledge.gazetteer import Gazetteer, gazetteer
from esgdesk.knowledge.industries import IndustryFinder
from esgdesk.knowledge.korean import Span, nfc, paragraphs, sentences, span_index
from esgdesk.knowledge.organizations import OrganizationFinder
from esgdesk.knowledge.programmes import find_programmes
from esgdesk.knowledge.regions import RegionFinder, RegionMatch


@dataclass(frozen=True)
class Candidate:
    """One reading of an ambiguous name."""

    id: str
    name: str
    code: str | None


@dataclass(frozen=True)
class Mention:
    """An entity named in the text.

    ``id`` is the stable entity key (None while ambiguous); ``name`` is the name in force on the publication
    date; ``display`` adds the parent where the bare name is shared (부산광역시 중구). A region written only to
    place the next one (경상남도 in 경상남도 거제시) has ``qualifier`` set and is not a region of the release.
    """

    kind: str  # "region" | "organization" | "programme" | "industry"
    id: str | None
    name: str
    text: str
    start: int
    end: int
    sentence: int
    code: str | None = None
    subkind: str | None = None
    display: str | None = None
    parent: str | None = None
    ambiguous: bool = False
    candidates: tuple[Candidate, ...] = ()
    qualifier: bool = False

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "id": self.id,
            "name": self.display or self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }
        if self.code:
            data["code"] = self.code
        if self.subkind:
            data["subkind"] = self.subkind
        if self.ambiguous:
            data["ambiguous"] = True
            data["candidates"] = [{"id": c.id, "name": c.name, "code": c.code} for c in self.candidates]
        if self.qualifier:
            data["qualifier"] = True
        return data


@dataclass(frozen=True)
class Fact:
    """What one sentence or clause says about one region: years, industries, programmes, money, and the sentence."""

    region: str
    region_code: str | None
    region_id: str
    years: tuple[int, ...]
    industries: tuple[str, ...]
    amounts: tuple[FactAmount, ...]
    #: the evidence: the sentence (with a budget note glued to it) the fact comes from, and its offsets
    sentence: str
    #: the region's own mention (for a sentence that names no region: the paragraph's mention of it)
    start: int
    end: int
    programmes: tuple[str, ...] = ()
    sentence_start: int = 0
    sentence_end: int = 0

    def to_json(self) -> dict[str, object]:
        """One fact as stored and as ``esgdesk facts ID --json`` shows its evidence."""
        return {
            "region": self.region,
            "region_code": self.region_code,
            "years": list(self.years),
            "industries": list(self.industries),
            "programmes": list(self.programmes),
            "amounts": [a.to_json() for a in self.amounts],
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Extraction:
    text: str
    published: dt.date | None
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    years: tuple[YearMention, ...]
    dates: tuple[DateMention, ...]
    amounts: tuple[Amount, ...]
    percentages: tuple[Percentage, ...]
    sentences: tuple[Span, ...] = field(repr=False)
    paragraphs: tuple[Span, ...] = field(repr=False)
    #: budgets stated for a programme as a whole, with their year (also in a sentence that names no region)
    programme_amounts: tuple[FactAmount, ...] = ()

    def of_kind(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def regions(self) -> list[Mention]:
        """Resolved region mentions that name a region of the release (qualifiers and ambiguous left out)."""
        return [m for m in self.of_kind("region") if m.id and not m.qualifier]

    def region_names(self) -> list[str]:
        """Distinct regions in order of first mention, as ``show --json`` lists them."""
        return _unique(m.display or m.name for m in self.regions())

    def ambiguous(self) -> list[Mention]:
        return [m for m in self.mentions if m.ambiguous]

    def entities(self, kind: str | None = None) -> list[dict[str, object]]:
        """Distinct resolved entities ({kind, id, name, code}) in order of first mention."""
        seen: dict[tuple[str, str], dict[str, object]] = {}
        for m in self.mentions:
            if m.id is None or m.qualifier or (kind and m.kind != kind):
                continue
            seen.setdefault((m.kind, m.id), {"kind": m.kind, "id": m.id, "name": m.display or m.name, "code": m.code})
        return list(seen.values())


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@cache
def _finders(gaz: Gazetteer) -> tuple[RegionFinder, OrganizationFinder, IndustryFinder]:
    return RegionFinder(gaz), OrganizationFinder(gaz), IndustryFinder(gaz)


def _region_mention(gaz: Gazetteer, match: RegionMatch, text: str, on: dt.date | None) -> Mention:
    if match.resolved:
        ref = gaz.region_ref(match.resolved, on)
        return Mention(
            kind="region",
            id=ref.id,
            name=ref.name,
            text=text[match.start : match.end],
            start=match.start,
            end=match.end,
            sentence=match.sentence,
            code=ref.code,
            subkind=ref.subkind,
            display=gaz.display_name(ref.id, on),
            parent=ref.parent_name,
            qualifier=match.qualifier,
        )
    candidates = tuple(
        Candidate(c, gaz.display_name(c, on), gaz.regions[c].at(on).code) for c in sorted(match.candidates)
    )
    return Mention(
        kind="region",
        id=None,
        name=match.surface,
        text=text[match.start : match.end],
        start=match.start,
        end=match.end,
        sentence=match.sentence,
        ambiguous=True,
        candidates=candidates,
        qualifier=match.qualifier,
    )


def _organization_mentions(
    gaz: Gazetteer, finder: OrganizationFinder, text: str, on: dt.date | None, sents: list[Span]
) -> list[Mention]:
    mentions = []
    for match in finder.find(text):
        if len(match.ids) == 1:
            org = gaz.organizations[next(iter(match.ids))]
            mentions.append(
                Mention("organization", org.id, org.name_at(on), match.surface, match.start, match.end,
                        span_index(sents, match.start), subkind=org.kind)
            )  # fmt: skip
        else:
            candidates = tuple(Candidate(i, gaz.organizations[i].name_at(on), None) for i in sorted(match.ids))
            mentions.append(
                Mention("organization", None, match.surface, match.surface, match.start, match.end,
                        span_index(sents, match.start), ambiguous=True, candidates=candidates)
            )  # fmt: skip
    return mentions


def extract(text: str, published: dt.date | None = None, gaz: Gazetteer | None = None) -> Extraction:
    """Entities, years, dates, amounts and regional facts of one release.

    ``text`` is normalised to NFC first; every offset refers to ``Extraction.text``. ``published`` anchors
    올해/작년/내년, month-days without a year, and the names in force (산업통상자원부 in 2023, 산업통상부 in
    2026). Pure and deterministic: the same input gives the same output.
    """
    from esgdesk.knowledge.facts import build_facts

    gaz = gaz or gazetteer()
    text = nfc(text)
    region_finder, org_finder, industry_finder = _finders(gaz)
    sents = sentences(text)
    paras = paragraphs(text)

    regions = [_region_mention(gaz, m, text, published) for m in region_finder.find(text, sents, published)]
    organizations = _organization_mentions(gaz, org_finder, text, published, sents)
    org_spans = [(m.start, m.end) for m in organizations]
    industries = [
        Mention("industry", m.id, m.name, m.surface, m.start, m.end, span_index(sents, m.start))
        for m in industry_finder.find(text, org_spans)
    ]
    programmes = [
        Mention("programme", m.key, m.name, m.surface, m.start, m.end, span_index(sents, m.start))
        for m in find_programmes(text)
    ]
    mentions = tuple(sorted(regions + organizations + industries + programmes, key=lambda m: (m.start, m.kind)))
    years = tuple(find_years(text, published))
    amounts = tuple(find_amounts(text))
    facts, programme_amounts = build_facts(text, mentions, years, amounts, sents, paras)
    return Extraction(
        text=text,
        published=published,
        mentions=mentions,
        facts=tuple(facts),
        programme_amounts=tuple(programme_amounts),
        years=years,
        dates=tuple(find_dates(text, published)),
        amounts=amounts,
        percentages=tuple(find_percentages(text)),
        sentences=tuple(sents),
        paragraphs=tuple(paras),
    )
