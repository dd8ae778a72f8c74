"""Bigrams for Hangul/Han, whole words for Latin and numbers, NFC, boundaries, particles."""

from __future__ import annotations

import unicodedata

from esgdesk.search.tokenize import BOUNDARY, index_text, normalize, runs, strip_particle, tokens


def test_hangul_runs_become_overlapping_bigrams() -> None:
    assert tokens("탄소중립을") == ["탄소", "소중", "중립", "립을"]


def test_one_syllable_run_stays_a_unigram() -> None:
    assert tokens("및 탄소") == ["및", "탄소"]


def test_latin_and_numbers_are_lowercase_whole_words() -> None:
    assert tokens("ESG 경영, CO2감축 2030년") == ["esg", "경영", "co2", "감축", "2030", "년"]


def test_han_characters_are_bigrammed_like_hangul() -> None:
    assert tokens("炭素中立") == ["炭素", "素中", "中立"]


def test_decomposed_hangul_is_composed_first() -> None:
    decomposed = unicodedata.normalize("NFD", "탄소중립")
    assert decomposed != "탄소중립"
    assert index_text(decomposed) == index_text("탄소중립") == "탄소 소중 중립"
    assert normalize(decomposed) == "탄소중립"


def test_a_boundary_separates_runs_whose_facing_syllables_are_equal() -> None:
    # 에너지 지원 would otherwise hold 에너 너지 지원 at consecutive positions, i.e. the word 에너지원
    assert tokens("에너지 지원") == ["에너", "너지", BOUNDARY, "지원"]
    assert tokens("탄소 중립") == ["탄소", "중립"]


def test_text_never_produces_the_boundary_token_itself() -> None:
    assert tokens(f"가나{BOUNDARY}다라") == ["가나", "다라"]
    assert tokens("a_b") == ["a", "b"]


def test_runs_keep_offsets_into_the_original() -> None:
    found = [(run.text, run.start, run.end, run.cjk) for run in runs("CO2 감축을")]
    assert found == [("CO2", 0, 3, False), ("감축을", 4, 7, True)]


def test_particles_are_stripped_to_stems_of_two_or_more_syllables() -> None:
    assert strip_particle("충청북도가") == "충청북도"
    assert strip_particle("지역에서") == "지역"
    assert strip_particle("탄소중립으로") == "탄소중립"
    assert strip_particle("국가") is None  # 국 alone is not what was meant
    assert strip_particle("탄소") is None
