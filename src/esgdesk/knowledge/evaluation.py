"""Precision and recall of the extractor against a labelled set of passages (tests/knowledge/eval_passages.json).

Scoring is per passage over distinct entities: a region counted once however often it is named. Gold labels
are written as names ("경상남도 고성군", "산업부"); they are resolved through the gazetteer to entity ids, so
a label and a prediction match when they mean the same entity, whatever name each uses. A name the labels mark
ambiguous must come out ambiguous; resolving it anyway counts as a wrong region.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from esgdesk.knowledge.extract import Extraction, Mention, extract
from esgdesk.knowledge.gazetteer import Gazetteer, gazetteer
from esgdesk.knowledge.programmes import normalise

KINDS = ("region", "ministry", "organization", "industry", "programme")


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def load_passages(path: Path) -> list[dict]:
    passages: list[dict] = json.loads(path.read_text(encoding="utf-8"))["passages"]
    return passages


def _gold(gaz: Gazetteer, passage: dict, on: dt.date) -> dict[str, set[str]]:
    def org_id(name: str) -> str:
        ids = gaz.organization_forms.get(name)
        if not ids or len(ids) != 1:
            # English only, not _(): the developers' gold-standard set names an unknown entity.
            raise KeyError(f"{passage['id']}: organisation label {name!r} is not one entity")
        return next(iter(ids))

    def industry_id(name: str) -> str:
        refs = gaz.lookup(name, kind="industry")
        if len(refs) != 1:
            # English only, not _(): the developers' gold-standard set names an unknown entity.
            raise KeyError(f"{passage['id']}: industry label {name!r} is not one entity")
        return refs[0].id

    return {
        "region": {gaz.find_region(name, on).id for name in passage["regions"]},
        "ministry": {org_id(n) for n in passage["ministries"]},
        "organization": {org_id(n) for n in passage["organizations"]},
        "industry": {industry_id(n) for n in passage["industries"]},
        "programme": {normalise(n)[1] for n in passage["programmes"]},
    }


def _predicted(gaz: Gazetteer, result: Extraction) -> dict[str, set[str]]:
    orgs = _resolved(result.of_kind("organization"))
    return {
        "region": _resolved(result.regions()),
        "ministry": {i for i in orgs if gaz.organizations[i].is_government},
        "organization": {i for i in orgs if not gaz.organizations[i].is_government},
        "industry": _resolved(result.of_kind("industry")),
        "programme": _resolved(result.of_kind("programme")),
    }


def _resolved(mentions: Iterable[Mention]) -> set[str]:
    """The entity keys the mentions resolved to; an ambiguous mention (no key yet) predicts nothing."""
    return {m.id for m in mentions if m.id}


def evaluate(passages: Iterable[dict], gaz: Gazetteer | None = None) -> dict[str, Score]:
    """Scores per kind, plus ``ambiguity``: labelled-ambiguous names kept ambiguous (recall) and not guessed."""
    gaz = gaz or gazetteer()
    scores = {kind: Score() for kind in (*KINDS, "ambiguity")}
    for passage in passages:
        on = dt.date.fromisoformat(passage["published"])
        result = extract(passage["text"], on, gaz)
        gold, found = _gold(gaz, passage, on), _predicted(gaz, result)
        for kind in KINDS:
            score = scores[kind]
            score.true_positive += len(gold[kind] & found[kind])
            score.false_positive += len(found[kind] - gold[kind])
            score.false_negative += len(gold[kind] - found[kind])
            for wrong in found[kind] - gold[kind]:
                score.errors.append(f"{passage['id']}: unexpected {kind} {wrong}")
            for missed in gold[kind] - found[kind]:
                score.errors.append(f"{passage['id']}: missed {kind} {missed}")
        kept = {m.text for m in result.ambiguous() if m.kind == "region"}
        wanted = set(passage.get("ambiguous", ()))
        scores["ambiguity"].true_positive += len(wanted & kept)
        scores["ambiguity"].false_negative += len(wanted - kept)
        scores["ambiguity"].false_positive += len(kept - wanted)
        for name in wanted - kept:
            scores["ambiguity"].errors.append(f"{passage['id']}: {name} not kept ambiguous")
        for name in kept - wanted:
            scores["ambiguity"].errors.append(f"{passage['id']}: {name} flagged ambiguous unexpectedly")
    return scores


# -- facts: what belongs to which region ------------------------------------------------------------------------

FACT_KINDS = ("region", "industry", "amount", "year", "programme", "organisation")


def _fact_gold(gaz: Gazetteer, passage: dict, on: dt.date | None) -> dict[str, set]:
    def region_id(name: str) -> str:
        return gaz.find_region(name, on).id

    def industry_id(name: str) -> str:
        refs = gaz.lookup(name, kind="industry")
        if len(refs) != 1:
            # English only, not _(): the developers' gold-standard set names an unknown entity.
            raise KeyError(f"{passage['id']}: industry label {name!r} is not one entity")
        return refs[0].id

    gold: dict[str, set] = {kind: set() for kind in FACT_KINDS}
    gold["region"] = {region_id(name) for name in passage["regions"]}
    gold["organisation"] = {_organisation_key(gaz, name) for name in passage["organizations"]}
    gold["programme"] = {("", normalise(name)[1]) for name in passage["programmes"]}
    for name, fact in passage["facts"].items():
        rid = region_id(name)
        gold["year"] |= {(rid, year) for year in fact["years"]}
        gold["industry"] |= {(rid, industry_id(i)) for i in fact["industries"]}
        gold["programme"] |= {(rid, normalise(p)[1]) for p in fact["programmes"]}
        gold["amount"] |= {(rid, a["krw"], a.get("year"), "region") for a in fact["amounts"]}
    gold["amount"] |= {("", a["krw"], a.get("year"), "programme") for a in passage["programme_amounts"]}
    return gold


def _organisation_key(gaz: Gazetteer, name: str) -> str:
    """An organisation's entity id, or its name when the gazetteer does not know it (so it counts as missed)."""
    ids = gaz.organization_forms.get(name)
    return next(iter(ids)) if ids and len(ids) == 1 else f"unlisted:{name}"


def _fact_predicted(gaz: Gazetteer, result: Extraction) -> dict[str, set]:
    found: dict[str, set] = {kind: set() for kind in FACT_KINDS}
    found["region"] = {m.id for m in result.regions()}
    found["organisation"] = {m.id for m in result.of_kind("organization") if m.id}
    found["programme"] = {("", normalise(m.name)[1]) for m in result.of_kind("programme")}
    industry_ids = {m.name: m.id for m in result.of_kind("industry")}
    for fact in result.facts:
        found["year"] |= {(fact.region_id, year) for year in fact.years}
        found["industry"] |= {(fact.region_id, industry_ids[name]) for name in fact.industries}
        found["programme"] |= {(fact.region_id, normalise(p)[1]) for p in fact.programmes}
        found["amount"] |= {(fact.region_id, a.krw, a.year, "region") for a in fact.amounts if a.scope == "region"}
    found["amount"] |= {("", a.krw, a.year, "programme") for a in result.programme_amounts}
    return found


def evaluate_facts(passages: Iterable[dict], gaz: Gazetteer | None = None) -> dict[str, Score]:
    """Precision and recall per fact kind over labelled paragraphs of real releases (tests/knowledge/eval_facts.json).

    Regions and organisations are scored as distinct entities per passage; years, industries, programmes and
    region amounts as (region, value) pairs, so an industry given to the neighbouring region counts as one
    false positive and one miss; programme budgets as (amount, year). ``cross_sentence`` counts items a fact
    holds that its own evidence sentence does not state (see :func:`esgdesk.knowledge.facts.cross_sentence`).
    """
    from esgdesk.knowledge.facts import cross_sentence

    gaz = gaz or gazetteer()
    scores = {kind: Score() for kind in (*FACT_KINDS, "cross_sentence")}
    for passage in passages:
        on = dt.date.fromisoformat(passage["published"]) if passage.get("published") else None
        result = extract(passage["text"], on, gaz)
        gold, found = _fact_gold(gaz, passage, on), _fact_predicted(gaz, result)
        for kind in FACT_KINDS:
            score = scores[kind]
            score.true_positive += len(gold[kind] & found[kind])
            score.false_positive += len(found[kind] - gold[kind])
            score.false_negative += len(gold[kind] - found[kind])
            score.errors += [f"{passage['id']}: unexpected {kind} {item}" for item in found[kind] - gold[kind]]
            score.errors += [f"{passage['id']}: missed {kind} {item}" for item in gold[kind] - found[kind]]
        leaks = cross_sentence(result)
        scores["cross_sentence"].false_positive += len(leaks)
        scores["cross_sentence"].errors += [f"{passage['id']}: {leak}" for leak in leaks]
    return scores
