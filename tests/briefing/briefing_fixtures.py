"""Shared by the briefing tests: the user's sample in a real archive, with known facts and one analyst note.

The import stores whatever facts the knowledge module extracts today; these fixtures replace them with the
facts the sample states (the brief's list), so the briefing tests check the briefing, not the extractor.
One test in test_packet.py goes through the extractor on purpose.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import delete

from esgdesk.briefing.templates import PacketOptions
from fixture_paths import SAMPLE

#: (region, code, years, industries, -, sentence start words) as the sample states them
SAMPLE_FACTS = [
    ("충청북도", "43", [2022], [], True, "`22년 사업에는"),
    ("경상북도", "47", [2022], [], True, "`22년 사업에는"),
    ("구미시", "47190", [2022], [], True, "`22년 사업에는"),
    ("인천광역시", "28", [2022], [], True, "`22년 사업에는"),
    ("원주시", "42130", [2022], [], True, "`22년 사업에는"),
    ("충청북도", "43", [], ["시멘트", "반도체"], False, "충청북도는 시멘트"),
    ("경상북도", "47", [], ["전자부품", "1차 금속"], False, "경상북도는 구미시와"),
    ("원주시", "42130", [], ["자동차 부품", "의료기기"], False, "마지막으로 원주시는"),
    ("충청북도", "43", [2023], [], False, "올해 사업은 연초"),
    ("전라남도", "46", [2023], [], False, "올해 사업은 연초"),
    ("부산광역시", "26", [2023], [], False, "올해 사업은 연초"),
    ("울산광역시", "31", [2023], [], False, "올해 사업은 연초"),
    ("의성군", "47730", [2023], [], False, "올해 사업은 연초"),
]
NOTE_QUOTE = "도내 129개 산업단지 중 43개 산업단지가 노후되어"
NOTE_TEXT = "노후 산단 43곳: 그린산단 전환 예산 수요 확인 필요"
OPTIONS = PacketOptions(
    author="정책분석팀 홍길동", organisation="ESG정책연구소", date=dt.date(2026, 11, 29), classification="대외비"
)


def _sentence(body: str, start_words: str) -> tuple[str, int]:
    begin = body.index(start_words)
    end = body.index("다.", begin) + 2
    return body[begin:end], begin


def seed_sample(archive) -> int:
    """Import the sample, put the sample's facts and one annotation in, return the release's id."""
    from esgdesk.core.models import Annotation, AnnotationCategory, Document, Fact
    from esgdesk.ingest.pipeline import run_import

    report = run_import(archive, [SAMPLE])
    release = next(entry for entry in report.imported if entry.kind == "press release")
    with archive.session() as session:
        session.exec(delete(Fact))
        document = session.get(Document, release.id)
        body = document.body
        for region, code, years, industries, _amount, start_words in SAMPLE_FACTS:
            sentence, begin = _sentence(body, start_words)
            offset = body.index(region, begin)
            session.add(
                Fact(
                    document_id=release.id,
                    region=region,
                    region_code=code,
                    years=years,
                    industries=industries,
                    amounts=[],  # the 2022 budget is the programme's, stated in a sentence naming no region
                    sentence=sentence,
                    start=offset,
                    end=offset + len(region),
                )
            )
        category = AnnotationCategory(name="핵심", color="#f59f00")
        session.add(category)
        session.flush()
        start = body.index(NOTE_QUOTE)
        session.add(
            Annotation(
                document_id=release.id,
                start=start,
                end=start + len(NOTE_QUOTE),
                exact=NOTE_QUOTE,
                prefix=body[max(0, start - 32) : start],
                suffix=body[start + len(NOTE_QUOTE) : start + len(NOTE_QUOTE) + 32],
                note=NOTE_TEXT,
                category_id=category.id,
            )
        )
        session.commit()
    return release.id
