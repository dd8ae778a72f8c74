"""Item 8 of issue 5: the labelled passages meet the precision and recall targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from esgdesk.knowledge.evaluation import evaluate, load_passages

PASSAGES = Path(__file__).with_name("eval_passages.json")


@pytest.fixture(scope="module")
def scores():
    passages = load_passages(PASSAGES)
    assert len(passages) >= 40
    return evaluate(passages)


def test_regions_meet_targets(scores) -> None:
    region = scores["region"]
    assert region.precision >= 0.98, region.errors
    assert region.recall >= 0.95, region.errors


def test_ministries_meet_targets(scores) -> None:
    ministry = scores["ministry"]
    assert ministry.precision >= 0.98, ministry.errors
    assert ministry.recall >= 0.98, ministry.errors


def test_labelled_ambiguous_names_stay_ambiguous(scores) -> None:
    assert scores["ambiguity"].recall == 1.0, scores["ambiguity"].errors
