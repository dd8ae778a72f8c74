"""Issue 16: a fact belongs to the region its own sentence or clause is about, never to a neighbour's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from esgdesk.knowledge.amounts import find_amounts
from esgdesk.knowledge.extract import extract
from esgdesk.knowledge.facts import amount_label, cross_sentence, summarise

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _sample(stem: str):
    (path,) = SAMPLES.glob(f"press-release-{stem}*.txt")
    return extract(path.read_text(encoding="utf-8"), dt.date.fromisoformat(stem[:10]))


def _rows(result) -> dict[str, dict]:
    return {str(row["region"]): row for row in summarise(result.facts)}


def test_ulsan_does_not_get_samcheoks_cement() -> None:
    rows = _rows(_sample("2024-05-10"))
    assert rows["울산광역시"]["industries"] == ["석유화학", "조선", "수소"]
    assert rows["삼척시"]["industries"] == ["시멘트"]


def test_changwon_does_not_get_yeosus_petrochemicals() -> None:
    rows = _rows(_sample("2024-05-10"))
    assert rows["창원시"]["industries"] == ["기계", "자동차 부품"]
    assert rows["여수시"]["industries"] == ["석유화학"]


def test_steel_belongs_to_dangjin_alone() -> None:
    coal = _rows(_sample("2024-03-15"))
    assert coal["보령시"]["industries"] == ["재생에너지"]
    assert coal["태안군"]["industries"] == ["발전"]
    assert coal["당진시"]["industries"] == ["철강"]
    green = _rows(_sample("2024-09-02"))
    assert green["군산시"]["industries"] == ["재생에너지", "자동차"]
    assert green["당진시"]["industries"] == ["철강", "석탄화력", "재생에너지"]


def test_green_city_budget_is_there_with_its_year_and_programme() -> None:
    result = _sample("2024-09-02")
    (budget,) = result.programme_amounts
    assert (budget.text, budget.year, budget.scope) == ("120억원", 2024, "programme")
    assert budget.programme == "탄소중립 그린도시 조성사업"
    for row in _rows(result).values():
        assert row["years"] == [2024]
        assert [(a["text"], a["scope"]) for a in row["amounts"]] == [("120억원", "programme")]


@pytest.mark.parametrize("stem", ["2023-04-28", "2024-03-15", "2024-05-10", "2024-09-02"])
def test_no_item_comes_from_another_sentence(stem: str) -> None:
    result = _sample(stem)
    assert cross_sentence(result) == []
    for fact in result.facts:
        assert result.text[fact.sentence_start : fact.sentence_end] == fact.sentence
        assert (
            fact.sentence_start <= fact.start
            or fact.region in fact.sentence
            or not any(m.id for m in result.regions() if fact.sentence_start <= m.start < fact.sentence_end)
        )


def test_a_regions_share_is_the_regions_and_the_total_the_programmes() -> None:
    text = (
        "산업부는 「취약지역 공정전환 지원사업」에 '24년 25억원을 편성했다.\n"
        "창원시는 5억원을 받아 기계 산업 진단을 한다. 여수시는 3억원으로 석유화학 교육을 한다."
    )
    result = extract(text, dt.date(2024, 5, 10))
    rows = _rows(result)
    assert [(a["text"], a["scope"], a["year"]) for a in rows["창원시"]["amounts"]] == [("5억원", "region", None)]
    assert [(a["text"], a["scope"]) for a in rows["여수시"]["amounts"]] == [("3억원", "region")]
    assert rows["창원시"]["industries"] == ["기계"] and rows["여수시"]["industries"] == ["석유화학"]
    assert [(a.text, a.year, a.scope) for a in result.programme_amounts] == [("25억원", 2024, "programme")]


def test_a_regionless_sentence_needs_a_paragraph_about_one_region() -> None:
    one = extract("충청북도는 사업에 참여했다. 시멘트 산업 비중이 높다.", dt.date(2023, 1, 1))
    assert _rows(one)["충청북도"]["industries"] == ["시멘트"]
    two = extract("충청북도와 경상북도가 참여했다. 시멘트 산업 비중이 높다.", dt.date(2023, 1, 1))
    assert all(row["industries"] == [] for row in _rows(two).values())


def test_money_in_dollars_and_statistics_are_no_budget() -> None:
    result = extract("가계대출은 +2.2조원 증가하여 전월(+6.5조원) 대비 축소되었다. 수출액은 1억 5천만 달러다.", None)
    assert result.programme_amounts == () and result.facts == ()


def test_each_fact_names_its_evidence_in_the_text() -> None:
    result = _sample("2024-05-10")
    row = _rows(result)["울산광역시"]
    assert [e["sentence"].split(" ")[0] for e in row["evidence"]] == ["산업통상자원부(이하", "울산광역시는", "지자체별"]
    for evidence in row["evidence"]:
        assert result.text[evidence["sentence_start"] : evidence["sentence_end"]] == evidence["sentence"]


def test_a_list_of_regions_with_their_own_amounts_gives_each_its_share() -> None:
    rows = _rows(_sample("2024-05-10"))
    labels = {name: [amount_label(a, name) for a in row["amounts"]] for name, row in rows.items()}
    assert labels["창원시"] == ["'24년 사업 전체 25억원", "창원시 7억원"]
    assert labels["여수시"] == ["'24년 사업 전체 25억원", "여수시 6억원"]
    assert labels["삼척시"] == ["'24년 사업 전체 25억원", "삼척시 6억원"]


def test_an_amount_before_이다_is_an_amount() -> None:
    assert [a.text for a in find_amounts("지원액은 삼척시 6억원이다.")] == ["6억원"]
