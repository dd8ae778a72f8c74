"""The document forms on text as the parsers give it (tab-separated cells, soft breaks, PDF lines)."""

from __future__ import annotations

import datetime as dt

import pytest

from esgdesk.ingest.forms import OFFICIAL_LETTER, REPORT, read_form
from esgdesk.ingest.forms.title import acceptable_title
from esgdesk.ingest.parsers.base import ParsedDocument

BODY = "  문화체육관광부(장관 유인촌)는 7월 5일 진천 국가대표선수촌을 찾아 파리 올림픽에 나설 선수단을 격려했다. " * 3


def form_of(text: str) -> ParsedDocument:
    document = ParsedDocument(body=text)
    read_form(document)
    return document


def test_header_with_the_issuer_is_not_the_headline() -> None:
    document = form_of(
        "문화체육관광부 보도자료\n"
        "보도일시\t2024. 7. 5.(금) 10:00\n"
        "2024 파리 올림픽·패럴림픽 준비하는 우리 선수단 격려한다\n"
        "- 장관, 진천선수촌 방문해 선수단 격려\n\n"
        f"{BODY}\n\n"
        "담당 부서\t체육국\t책임자\t과  장\t홍길동\t(044-203-3000)\n"
        "\t체육진흥과\t담당자\t사무관\t김철수\t(044-203-3001)\n"
    )
    assert document.title == "2024 파리 올림픽·패럴림픽 준비하는 우리 선수단 격려한다"
    assert document.kind == "press release"
    assert document.metadata["ministry"] == "문화체육관광부"
    assert document.metadata["department"] == "체육국 체육진흥과"
    assert document.published == dt.date(2024, 7, 5)
    assert document.metadata["subheadings"] == ["장관, 진천선수촌 방문해 선수단 격려"]
    assert document.metadata["contacts"][1] == {
        "role": "담당자",
        "position": "사무관",
        "name": "김철수",
        "phone": "044-203-3001",
    }


def test_headline_joined_across_a_soft_break_and_embargo_phrase() -> None:
    document = form_of(
        "보도자료\n"
        "‘25년 2분기 해외직접투자는 141.5억\u2028달러로 전년동기비 감소\n"
        "보도시점\t바로 보도하여 주시기 바랍니다.\t배포\t2025. 9. 12.(금)\n\n"
        f"{BODY}\n"
    )
    assert document.title == "‘25년 2분기 해외직접투자는 141.5억 달러로 전년동기비 감소"
    assert document.published == dt.date(2025, 9, 12)
    assert document.metadata["embargo_kind"] == "즉시"
    assert "\u2028" not in document.body


def test_table_at_the_end_from_a_pdf_text_layer() -> None:
    document = form_of(
        "보도자료\n보도시점 2024. 6. 21.(금) 11:00 배포 2024. 6. 21.(금) 09:00\n"
        f"{BODY}\n"
        "자세한 통계는 홈페이지를 참고 바랍니다. 담당 부서 금융정책국 책임자 과 장 이영희 (02-2100-2830)\n"
        "금융정책과 담당자 사무관 박민수 (02-2100-2831)\n"
    )
    assert document.metadata["department"] == "금융정책국 금융정책과"
    assert document.metadata["contacts"][0]["position"] == "과장"


def test_official_letter() -> None:
    document = form_of(
        "전 직원 청렴 실천\n"
        "\t한 국 환 경 공 단\n"
        "수신\t기후에너지환경부장관(기후적응과장)\n"
        "(경유)\n"
        "제목\t기후위기 적응대책 이행실적 제출\n"
        "1. 관련: 기후적응과-1234(2025. 3. 2.)\n"
        "2. 붙임과 같이 제출합니다.\n\n"
        "붙임  이행실적 1부.  끝.\n"
        "\t한국환경공단이사장\n"
        "주무관\t홍길동\t\t팀장\t김영희\t03/05\n"
        "시행\t기후대응처-567\t(\t2025. 3. 5.\t)\t접수\t\t(\t\t)\n"
    )
    assert document.kind == OFFICIAL_LETTER
    assert document.title == "기후위기 적응대책 이행실적 제출"
    assert document.metadata["ministry"] == "한국환경공단"
    assert document.metadata["department"] == "기후대응처"
    assert document.metadata["recipient"] == "기후에너지환경부장관(기후적응과장)"
    assert document.published == dt.date(2025, 3, 5)


def test_report_cover_title_and_date() -> None:
    document = form_of(
        "- 1 -\n2050 탄소중립 이행 점검 보고서\n\n2024. 12.\n\n한국환경연구원\n\n" + "본문 문단입니다. " * 400
    )
    assert document.kind == REPORT
    assert document.title == "2050 탄소중립 이행 점검 보고서"
    assert document.published == dt.date(2024, 12, 1)


@pytest.mark.parametrize(
    "line",
    [
        "- 1 -",
        "1/2",
        "5",
        "【서식 1",
        "문화체육관광부 보도자료",
        "보도자료",
        "제목",
        "2024. 3. 5.",
        "1. 개요",
        "문 내용 (",
    ],
)
def test_title_policy_refuses(line: str) -> None:
    assert not acceptable_title(line)


def test_file_title_must_be_printed_near_the_top() -> None:
    document = ParsedDocument(
        body="지역 공정전환 지원 현황\n본문입니다.", metadata={"file_title": "1111 문서 이력 정보"}
    )
    read_form(document)
    assert document.title == "지역 공정전환 지원 현황"
