"""Building packets from a real archive: the summary table, the notes' placement, 개조식 structure."""

from __future__ import annotations

import datetime as dt

from briefing_fixtures import NOTE_TEXT, OPTIONS, SAMPLE

from esgdesk.briefing.packet import Heading, Paragraph, Quote, SummaryBox, Table, korean_date
from esgdesk.briefing.service import Selection, build_packet
from esgdesk.briefing.templates import TEMPLATES, terse


def summary_rows(packet) -> dict[str, tuple[str, str, str, str]]:
    """지역 → (연도, 주요 산업, 주요 내용, 출처) of the regional summary table."""
    table = next(b for b in packet.blocks if isinstance(b, Table) and b.caption.startswith("표 1"))
    rows = {}
    for row in table.rows:
        texts = [cell.text for cell in row.cells]
        rows[texts[0]] = tuple(texts[1:]) if len(texts) == 5 else ("", "", "", "")
    return rows


def test_summary_table_rows_for_the_sample(regional_packet) -> None:
    rows = summary_rows(regional_packet)
    assert list(rows) == [
        "부산광역시",
        "인천광역시",
        "울산광역시",
        "강원특별자치도",
        "└ 원주시",
        "충청북도",
        "전라남도",
        "경상북도",
        "└ 구미시",
        "└ 의성군",
    ]
    assert rows["충청북도"][:2] == ("2022, 2023", "시멘트, 반도체")
    assert rows["경상북도"][:2] == ("2022", "전자부품, 1차 금속")
    assert rows["└ 구미시"][0] == "2022"
    assert rows["인천광역시"][0] == "2022"
    assert rows["└ 원주시"][:2] == ("2022", "자동차 부품, 의료기기")
    for region in ("전라남도", "부산광역시", "울산광역시", "└ 의성군"):
        assert rows[region][0] == "2023"
    assert all(row[3] == "[1]" for name, row in rows.items() if name != "강원특별자치도")
    assert all("21.5억원" not in row[2] for row in rows.values()), "the budget is the programme's, no region's"
    overview = [b.text for b in regional_packet.blocks if isinstance(b, Paragraph)]
    assert "ㅇ 취약지역 공정전환 지원사업: '22년 사업 전체 21.5억원 [1]" in overview


def test_the_analysts_note_beats_the_machine_in_its_region(regional_packet) -> None:
    rows = summary_rows(regional_packet)
    assert rows["충청북도"][2].startswith(f"메모: {NOTE_TEXT}")
    assert "시멘트 산업과 반도체" not in rows["충청북도"][2]
    assert all(NOTE_TEXT not in row[2] for name, row in rows.items() if name != "충청북도")
    blocks = regional_packet.blocks
    section = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.title == "충청북도")
    following = blocks[section + 1 : next(i for i in range(section + 1, len(blocks)) if isinstance(blocks[i], Heading))]
    quotes = [b for b in following if isinstance(b, Quote)]
    assert [q.note for q in quotes] == [NOTE_TEXT]
    assert quotes[0].citation_text.startswith("[1] 탄소중립에 따른 위기")


def test_gaejosik_structure(regional_packet) -> None:
    packet = regional_packet
    assert packet.cover.lines() == [
        "대외비",
        "지역별 공정전환 지원 현황",
        "보도자료 1건 분석",
        "2026. 11. 29.",
        "ESG정책연구소",
        "정책분석팀 홍길동",
    ]
    numbers = [h.number for h in packet.headings()]
    assert numbers[:3] == ["Ⅰ.", "Ⅱ.", "1."]
    assert "가." in numbers and numbers[-1] == "붙임 1"
    assert isinstance(next(b for b in packet.blocks if isinstance(b, SummaryBox | Heading)), SummaryBox)
    markers = {b.marker for b in packet.blocks if isinstance(b, Paragraph) and b.marker}
    assert markers == {"□", "ㅇ", "-", "※"}
    appendix = [b for b in packet.blocks if isinstance(b, Paragraph) and b.anchor == "src-1"]
    assert appendix and appendix[0].text.startswith("[1] 탄소중립에 따른 위기")
    assert any(
        r.link and r.link.startswith("https://www.korea.kr/")
        for b in packet.blocks
        if isinstance(b, Paragraph)
        for r in b.runs
    )


def test_korean_dates_and_terse_endings() -> None:
    assert korean_date(dt.date(2026, 11, 29)) == "2026. 11. 29."
    assert terse("시멘트 산업이 밀집한 것으로 분석됐다.") == "시멘트 산업이 밀집한 것으로 분석됨"
    assert terse("사업이 진행 중이다.") == "사업이 진행 중"


def test_every_template_builds(seeded) -> None:
    archive, release_id = seeded
    for name in TEMPLATES:
        packet = build_packet(archive, name, Selection(ids=[release_id]), OPTIONS)
        assert packet.headings()[-1].number == "붙임 1", name
    annotations = build_packet(archive, "annotations", Selection(ids=[release_id]), OPTIONS)
    assert [h.title for h in annotations.headings() if h.level == 2] == ["핵심 (1건)"]
    timeline = build_packet(archive, "timeline", Selection(ids=[release_id]), OPTIONS)
    table = next(b for b in timeline.blocks if isinstance(b, Table))
    assert [row.cells[0].text for row in table.rows] == ["2022년", "2023년", "2023. 4. 28."]


def test_facts_from_the_knowledge_module(tmp_path) -> None:
    """No hand-made facts: the import's own extraction feeds the same regions into the table."""
    from esgdesk.core.archive import Archive
    from esgdesk.ingest.pipeline import run_import

    with Archive.open(tmp_path / "archive") as archive:
        report = run_import(archive, [SAMPLE])
        release = next(entry for entry in report.imported if entry.kind == "press release")
        packet = build_packet(archive, "regional-summary", Selection(ids=[release.id]), OPTIONS)
    rows = summary_rows(packet)
    for name in (
        "충청북도",
        "경상북도",
        "└ 구미시",
        "인천광역시",
        "└ 원주시",
        "전라남도",
        "부산광역시",
        "울산광역시",
        "└ 의성군",
    ):
        assert name in rows
    assert rows["충청북도"][:2] == ("2022, 2023", "시멘트, 반도체")
    assert rows["└ 원주시"][1] == "자동차 부품, 의료기기"


def test_demo_releases_make_an_honest_regional_summary(tmp_path) -> None:
    """Issue 16 on the four demo releases: own industries only, amounts said for what they are, the chart
    counting each document once in its own year, sources without internal ids, no list twice."""
    from pathlib import Path

    from esgdesk.core.archive import Archive
    from esgdesk.ingest.pipeline import run_import

    samples = sorted((Path(__file__).resolve().parents[2] / "resources" / "samples").glob("press-release-*.txt"))
    with Archive.open(tmp_path / "archive") as archive:
        report = run_import(archive, samples)
        ids = [entry.id for entry in report.imported if entry.kind == "press release"]
        packet = build_packet(archive, "regional-summary", Selection(ids=ids), OPTIONS)
    rows = summary_rows(packet)
    assert rows["울산광역시"][1] == "석유화학, 조선, 수소"
    assert "시멘트" not in rows["울산광역시"][1] and "석유화학" not in rows["└ 창원시"][1]
    for name in ("└ 보령시", "└ 태안군", "└ 군산시"):
        assert "철강" not in rows[name][1], name
    assert "석탄화력" not in rows["└ 군산시"][1]
    assert "'24년 사업 전체 25억원, 창원시 7억원" in rows["└ 창원시"][2]
    texts = [b.text for b in packet.blocks if isinstance(b, Paragraph)]
    assert any("'24년 사업 전체 120억원" in text for text in texts)
    assert not any("문서 #" in text for text in texts)
    summary = next(b for b in packet.blocks if isinstance(b, SummaryBox))
    gist = {p.text for p in summary.paragraphs}
    assert not gist & set(texts), "the overview repeats the summary page"


def test_chart_counts_each_document_once_in_its_own_year() -> None:
    from esgdesk.briefing.regional import RegionSummary
    from esgdesk.briefing.regions import province_by_name
    from esgdesk.briefing.sources import SourceDoc
    from esgdesk.briefing.templates import chart_counts

    def doc(doc_id: int, year: int) -> SourceDoc:
        return SourceDoc(doc_id, "t", "press release", "m", "", dt.date(year, 5, 1), "", "", "", "")

    ulsan = RegionSummary("울산광역시", province_by_name("울산광역시"), "province", years={2023, 2024})
    ulsan.documents = [1, 2]
    data = type("Data", (), {"regions": [ulsan]})()
    categories, series = chart_counts(data, {1: doc(1, 2023), 2: doc(2, 2024)})
    assert categories == ["울산"] and series == {"2023": [1], "2024": [1]}


def test_digest_cites_without_archive_ids_and_skips_form_fields(tmp_path) -> None:
    from pathlib import Path

    from esgdesk.core.archive import Archive
    from esgdesk.ingest.pipeline import run_import

    samples = sorted((Path(__file__).resolve().parents[2] / "resources" / "samples").glob("press-release-2024-03*.txt"))
    with Archive.open(tmp_path / "archive") as archive:
        report = run_import(archive, samples)
        ids = [entry.id for entry in report.imported if entry.kind == "press release"]
        packet = build_packet(archive, "digest", Selection(ids=ids), OPTIONS)
    cells = [cell.text for b in packet.blocks if isinstance(b, Table) for row in b.rows for cell in row.cells]
    assert not any(text.startswith("#") for text in cells)
    texts = [b.text for b in packet.blocks if isinstance(b, Paragraph)]
    gist = texts[texts.index("□ 요지 (본문 첫 문단)") + 1]
    assert gist.startswith("ㅇ 고용노동부는 석탄화력발전소"), gist


def test_the_lead_is_the_first_paragraph_that_reads_as_prose() -> None:
    from esgdesk.briefing.templates import _lead

    body = (
        "보도자료\n\n1 2025년 7월중 동향\n\n담당부서 : 금융정책과\n\n"
        "’25.7월중 가계대출은 +2.2조원 증가하여 전월 대비 증가폭이 크게 축소되었다.\n\n끝."
    )
    assert _lead(body).startswith("’25.7월중 가계대출은")
