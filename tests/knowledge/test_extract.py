"""extract(): the user's sample release, renamed ministries, ambiguity, numbers that look like places."""

from __future__ import annotations

import datetime as dt

import pytest

from esgdesk.knowledge.amounts import find_amounts, find_percentages, parse_amount
from esgdesk.knowledge.dates import find_dates, find_years
from esgdesk.knowledge.extract import extract
from esgdesk.knowledge.facts import summarise
from esgdesk.knowledge.programmes import normalise
from fixture_paths import SAMPLE

TRAILER = "(산업통상자원부, 2023.04.28)"
D = dt.date


@pytest.fixture(scope="module")
def sample():
    raw = SAMPLE.read_text(encoding="utf-8")
    body = raw[raw.index("탄소중립은 기존") : raw.index(TRAILER) + len(TRAILER)]
    return extract(body, D(2023, 4, 28))


NINE = ["충청북도", "경상북도", "구미시", "인천광역시", "원주시", "전라남도", "부산광역시", "울산광역시", "의성군"]


def test_sample_has_exactly_nine_regions(sample) -> None:
    assert sample.region_names() == NINE
    assert sample.ambiguous() == []


def test_sample_years(sample) -> None:
    rows = {r["region"]: r for r in summarise(sample.facts)}
    assert {n for n, r in rows.items() if 2022 in r["years"]} == {
        "충청북도",
        "경상북도",
        "구미시",
        "인천광역시",
        "원주시",
    }
    assert {n for n, r in rows.items() if 2023 in r["years"]} == {
        "충청북도",
        "전라남도",
        "부산광역시",
        "울산광역시",
        "의성군",
    }
    assert all(set(r["years"]) <= {2022, 2023} for r in rows.values())


def test_sample_industries(sample) -> None:
    rows = {r["region"]: r for r in summarise(sample.facts)}
    assert rows["충청북도"]["industries"] == ["시멘트", "반도체"]
    assert rows["경상북도"]["industries"] == ["전자부품", "1차 금속"]
    assert rows["원주시"]["industries"] == ["자동차 부품", "의료기기"]


def test_sample_amount_belongs_to_2022_programme(sample) -> None:
    """(`22년 21.5억원 …) follows a sentence that names no region: the programme's budget, no region's."""
    assert all(fact.amounts == () for fact in sample.facts)
    (budget,) = sample.programme_amounts
    assert (budget.text, budget.krw, budget.year, budget.scope) == ("21.5억원", 2_150_000_000, 2022, "programme")
    assert budget.programme == "취약지역 공정전환 지원사업"
    assert budget.label() == "'22년 사업 전체 21.5억원"


def test_sample_fact_json_shape(sample) -> None:
    first = sample.facts[0].to_json()
    assert list(first) == [
        "region", "region_code", "years", "industries", "programmes", "amounts",
        "sentence", "sentence_start", "sentence_end", "start", "end",
    ]  # fmt: skip
    assert sample.text[first["sentence_start"] : first["sentence_end"]] == first["sentence"]
    assert first["region"] == "충청북도" and first["region_code"] == "43"
    assert sample.text[first["start"] : first["end"]] == "충청북도"
    assert "`22년 사업에는" in first["sentence"]


def test_sample_programme_ministry_and_date(sample) -> None:
    programmes = {m.id for m in sample.of_kind("programme")}
    assert programmes == {"취약지역공정전환지원사업"}
    ministries = {(m.id, m.name) for m in sample.of_kind("organization") if m.subkind == "ministry"}
    assert ministries == {("industry", "산업통상자원부")}
    assert [d.date for d in sample.dates] == [D(2023, 4, 28), D(2023, 4, 28)]


def test_renamed_ministry_across_years() -> None:
    old = extract("산업통상자원부(장관 이창양, 이하 산업부)는 28일 …", D(2023, 4, 28))
    new = extract("산업통상부는 10일 석유화학 구조개편 회의를 열었다.", D(2026, 2, 10))
    (a, b), (c,) = old.of_kind("organization"), new.of_kind("organization")
    assert a.id == b.id == c.id == "industry"
    assert (a.name, c.name) == ("산업통상자원부", "산업통상부")
    assert extract("산업부는", D(2026, 2, 10)).of_kind("organization")[0].name == "산업통상부"


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [
        ("중구, 동구 등 원도심 지역은 활력이 떨어지고 있다.", {"중구", "동구"}),
        ("광주에서 열린 포럼에는 200여 명이 참석했다.", {"광주"}),
        ("고성군은 일자리 창출 방안을 발표했다.", {"고성군"}),
    ],
)
def test_ambiguous_names_are_never_guessed(text: str, ambiguous: set[str]) -> None:
    result = extract(text, D(2023, 1, 1))
    assert result.regions() == []
    assert {m.text for m in result.ambiguous()} == ambiguous
    assert all(len(m.candidates) >= 2 for m in result.ambiguous())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("광주·전남 지역 자동차 부품 기업", ["광주광역시", "전라남도"]),
        ("경기 광주시와 하남시는 협약을 맺었다.", ["경기도 광주시", "하남시"]),
        ("강원 고성군과 양양군은", ["강원도 고성군", "양양군"]),
        ("경상남도 거제시·통영시·고성군", ["거제시", "통영시", "경상남도 고성군"]),
        ("대전시는 서구 일대에 센터를 설치한다.", ["대전광역시", "대전광역시 서구"]),
        ("울산 북구와 대구 북구에", ["울산광역시 북구", "대구광역시 북구"]),
    ],
)
def test_ambiguous_names_resolved_by_context(text: str, expected: list[str]) -> None:
    assert extract(text, D(2022, 1, 1)).region_names() == expected


@pytest.mark.parametrize(
    "text",
    [
        "기업당 최대 이천만 원을 지원한다.",
        "신청 기업은 이천여 곳에 이른다.",
        "사천 명이 넘는 근로자가 참여했다.",
        "예산 3조 2천억 원을 투입한다.",
        "경기 침체가 길어지고 있다.",
        "정부세종청사에서 열린 회의",
        "음성 인식 서비스와 고령 근로자, 영광을 안았다.",
        "부산항만공사는 대전환을 위해 부산물 재활용을 추진한다.",
    ],
)
def test_words_that_look_like_places_are_not_places(text: str) -> None:
    result = extract(text, D(2024, 1, 1))
    assert result.regions() == [] and result.ambiguous() == []


def test_qualifier_is_not_a_region_of_its_own() -> None:
    result = extract("전라북도 군산시와 창원시 진해구", D(2021, 5, 31))
    assert result.region_names() == ["군산시", "진해구"]
    assert [m.text for m in result.of_kind("region") if m.qualifier] == ["전라북도", "창원시"]


def test_offsets_refer_to_nfc_text() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "충청북도는 시멘트 산업이")
    result = extract(decomposed, D(2023, 1, 1))
    (region,) = result.regions()
    assert result.text[region.start : region.end] == "충청북도"


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("21.5억원", 2_150_000_000),
        ("3조 2천억 원", 3_200_000_000_000),
        ("1억 2,000만원", 120_000_000),
        ("이천만 원", 20_000_000),
        ("100백만원", 100_000_000),
        ("1,500억 원", 150_000_000_000),
    ],
)
def test_parse_amount(text: str, krw: int) -> None:
    assert parse_amount(text) == krw


def test_find_amounts_and_percentages() -> None:
    text = "(`22년 21.5억원, 지자체 경상보조/국비 60% 보조) 원주시 연구원 2명"
    assert [(a.text, a.krw) for a in find_amounts(text)] == [("21.5억원", 2_150_000_000)]
    assert [p.value for p in find_percentages(text)] == [60.0]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("’22년 사업", [2022]),
        ("'22년 사업", [2022]),
        ("`22년 사업", [2022]),
        ("2022년 사업", [2022]),
        ("2022~2024년", [2022, 2023, 2024]),
        ("올해 사업은", [2023]),
        ("작년부터", [2022]),
        ("내년 상반기", [2024]),
        ("1년간 사업을 수행", []),
    ],
)
def test_years(text: str, years: list[int]) -> None:
    assert [y.year for y in find_years(text, D(2023, 4, 28))] == years


def test_relative_years_need_a_publication_date() -> None:
    assert find_years("올해 사업", None) == []


def test_month_day_takes_year_from_weekday() -> None:
    assert [d.date for d in find_dates("산업부는 4.28.(금) 보고회를", D(2023, 5, 2))] == [D(2023, 4, 28)]
    # 2022-04-28 was a Thursday: a January 2023 release speaking of 4.28.(목) means last year.
    assert [d.date for d in find_dates("4.28.(목) 개최", D(2023, 1, 5))] == [D(2022, 4, 28)]


def test_programme_normalisation() -> None:
    assert normalise("「2023년 취약지역  공정전환 지원사업」")[1] == normalise("취약지역 공정전환지원사업")[1]
    a = extract("「취약지역 공정전환 지원사업」을 시행", D(2023, 1, 1)).of_kind("programme")
    b = extract("『취약지역 공정전환지원사업』 공고", D(2024, 1, 1)).of_kind("programme")
    assert a[0].id == b[0].id
    assert extract("「탄소중립기본법」에 따라", D(2023, 1, 1)).of_kind("programme") == []
