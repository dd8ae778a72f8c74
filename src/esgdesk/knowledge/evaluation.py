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

from esgdesk.knowledge.extract import Extraction, extract
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
    return json.loads(path.read_text(encoding="utf-8"))["passages"]


def _gold(gaz: Gazetteer, passage: dict, on: dt.date) -> dict[str, set[str]]:
    def org_id(name: str) -> str:
        ids = gaz.organization_forms.get(name)
        if not ids or len(ids) != 1:
            raise KeyError(f"{passage['id']}: organisation label {name!r} is not one entity")
        return next(iter(ids))

    def industry_id(name: str) -> str:
        refs = gaz.lookup(name, kind="industry")
        if len(refs) != 1:
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
    orgs = [m for m in result.of_kind("organization") if m.id]
    return {
        "region": {m.id for m in result.regions()},
        "ministry": {m.id for m in orgs if gaz.organizations[m.id].is_government},
        "organization": {m.id for m in orgs if not gaz.organizations[m.id].is_government},
        "industry": {m.id for m in result.of_kind("industry")},
        "programme": {m.id for m in result.of_kind("programme")},
    }


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
