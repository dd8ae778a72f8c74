"""Facts for the regional briefing: which years, industries and amounts belong to each region mention.

A region gets what its own sentence says (a list sentence such as "`22년 사업에는 충청북도, 경상북도·구미시 …
참여" gives 2022 to every member). A region that is the topic of a paragraph (the paragraph's first sentence
opens on "충청북도는 …") also gets what the rest of that paragraph says. Money stated in a sentence that names
no region but exactly one year ("(`22년 21.5억원, …)") is that year's programme budget and goes to the regions
with that year — not to the regions of other years.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from esgdesk.knowledge.amounts import Amount
from esgdesk.knowledge.dates import YearMention
from esgdesk.knowledge.korean import Span, hangul_run, span_index

_TOPIC_PARTICLES = frozenset({"는", "은", "이", "가", "에서는", "도", "의"})


def _within(items: Iterable, span: Span) -> list:
    return [item for item in items if span.start <= item.start < span.end]


def _unique(values: Iterable) -> tuple:
    return tuple(dict.fromkeys(values))


def _is_topic(text: str, mention, region_mentions: Sequence, paragraph: Span, sents: Sequence[Span]) -> bool:
    """Whether ``mention`` opens its paragraph as its topic ("충청북도는 …", "마지막으로 원주시는 …")."""
    if mention.sentence != span_index(list(sents), paragraph.start):
        return False
    first = next((m for m in region_mentions if m.sentence == mention.sentence), None)
    if first is not mention:
        return False
    return hangul_run(text, mention.end) in _TOPIC_PARTICLES - {"의"}


def _budget_by_year(
    sents: Sequence[Span], region_sentences: set[int], years: Sequence[YearMention], amounts: Sequence[Amount]
) -> dict[int, list[Amount]]:
    budgets: dict[int, list[Amount]] = {}
    for sentence in sents:
        if sentence.index in region_sentences:
            continue
        found = _within(amounts, sentence)
        distinct = {y.year for y in _within(years, sentence)}
        if found and len(distinct) == 1:
            budgets.setdefault(distinct.pop(), []).extend(found)
    return budgets


def build_facts(text, mentions, years, amounts, sents, paras) -> list:
    """One :class:`~esgdesk.knowledge.extract.Fact` per resolved region mention, in text order."""
    from esgdesk.knowledge.extract import Fact

    regions = [m for m in mentions if m.kind == "region" and m.id and not m.qualifier]
    industries = [m for m in mentions if m.kind == "industry"]
    region_sentences = {m.sentence for m in mentions if m.kind == "region"}
    budgets = _budget_by_year(sents, region_sentences, years, amounts)
    by_index = {s.index: s for s in sents}
    facts = []
    for mention in regions:
        sentence = by_index[mention.sentence]
        scopes = [sentence]
        paragraph = next((p for p in paras if p.start <= mention.start < p.end), None)
        if paragraph and _is_topic(text, mention, regions, paragraph, sents):
            scopes.append(paragraph)
        found_years = _unique(sorted({y.year for scope in scopes for y in _within(years, scope)}))
        found_industries = _unique(m.name for scope in scopes for m in _within(industries, scope))
        found_amounts = {(a.start, a.end): a for scope in scopes for a in _within(amounts, scope)}
        for year in found_years:
            found_amounts.update({(a.start, a.end): a for a in budgets.get(year, ())})
        facts.append(
            Fact(
                region=mention.display or mention.name,
                region_code=mention.code,
                region_id=mention.id,
                years=found_years,
                industries=found_industries,
                amounts=tuple(sorted(found_amounts.values(), key=lambda a: a.start)),
                sentence=text[sentence.start : sentence.end],
                start=mention.start,
                end=mention.end,
            )
        )
    return facts


def summarise(facts: Iterable) -> list[dict[str, object]]:
    """Facts merged per region (years, industries and amounts united), in order of first mention.

    The briefing's regional table wants one row per region; the per-mention facts keep the citations.
    """
    rows: dict[str, dict[str, object]] = {}
    for fact in facts:
        row = rows.setdefault(
            fact.region_id,
            {"region": fact.region, "region_code": fact.region_code, "years": [], "industries": [], "amounts": []},
        )
        row["years"] = sorted(set(row["years"]) | set(fact.years))
        row["industries"] = list(dict.fromkeys([*row["industries"], *fact.industries]))
        known = {(a["text"], a["krw"]) for a in row["amounts"]}
        row["amounts"] += [a.to_json() for a in fact.amounts if (a.text, a.krw) not in known]
    return list(rows.values())
