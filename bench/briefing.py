"""Briefing export speed: a 100-document regional packet as DOCX and as PDF.

    python bench/briefing.py [--docs 100] [--runs 1] [--template regional-summary] [--keep DIR] [--profile FMT]

Writes press-release-like text files (title, 담당부서, paragraphs naming 시·도 and 시·군·구 with programme years,
industries and budgets, a dated closing line) across many regions and years, imports them into a fresh archive
through the real pipeline — so the facts are what the knowledge module extracts, not hand-made rows — adds a
few annotations, then times `export_packet` (the service the CLI and the GUI call) for each format and prints
the times and file sizes. Import time is reported apart: the target is the export.

Target (issue 7): under 5 s for each format, PDF under 3 MB.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from esgdesk.briefing.service import Selection, export_packet
from esgdesk.briefing.templates import PacketOptions
from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import run_import
from esgdesk.notes.annotations import create_annotation

TARGET_SECONDS = 5.0
TARGET_PDF_BYTES = 3 * 1024 * 1024

#: 시·도 with 시·군·구 that really lie in them, so the extractor and the map agree on where each one is
PLACES: dict[str, list[str]] = {
    "부산광역시": ["사하구", "강서구"],
    "대구광역시": ["달성군"],
    "인천광역시": ["서구", "옹진군"],
    "광주광역시": ["광산구"],
    "울산광역시": ["울주군", "남구"],
    "경기도": ["평택시", "화성시", "시흥시"],
    "강원특별자치도": ["삼척시", "동해시", "원주시", "태백시"],
    "충청북도": ["청주시", "충주시", "제천시", "단양군"],
    "충청남도": ["당진시", "보령시", "태안군", "서산시"],
    "전북특별자치도": ["군산시", "완주군"],
    "전라남도": ["여수시", "광양시", "목포시"],
    "경상북도": ["구미시", "포항시", "의성군"],
    "경상남도": ["창원시", "하동군", "거제시"],
    "제주특별자치도": ["제주시"],
}
MINISTRIES = [
    ("산업통상자원부", "지역산업과"),
    ("고용노동부", "지역산업고용정책과"),
    ("환경부", "기후경제과"),
    ("중소벤처기업부", "지역기업정책과"),
    ("행정안전부", "지역경제지원과"),
]
INDUSTRIES = [
    "시멘트", "반도체", "철강", "석유화학", "자동차 부품", "조선", "석탄화력", "전자부품", "1차 금속",
    "정유", "의료기기", "수소", "이차전지", "해상풍력",
]  # fmt: skip
PROGRAMMES = [
    "취약지역 공정전환 지원사업",
    "석탄발전 전환지역 일자리 지원사업",
    "탄소중립 그린도시 조성사업",
    "산업단지 저탄소 전환 지원사업",
]
ACTIONS = [
    "근로자 전직 훈련과 재취업 상담을 제공한다",
    "중소 협력업체의 사업재편 컨설팅을 지원한다",
    "노후 산업단지의 에너지 효율 개선을 추진한다",
    "지역 대학과 협력해 교육훈련 과정을 운영한다",
    "산학연관 협의회를 구성해 전환 전략을 수립한다",
    "주민 참여형 재생에너지 보급을 확대한다",
]
NOTES = [
    ("핵심", "예산 수요가 큰 지역: 차년도 국비 배분 시 우선 검토"),
    ("질문", "다른 부처 사업과 중복 선정 여부 확인 필요"),
    ("근거", "지역 산업 비중 통계는 부록 자료로 보완할 것"),
    ("후속조치", "지자체 담당자와 11월 중 현장 간담회 일정 협의"),
]


def release_text(rng: random.Random, number: int) -> tuple[str, str]:
    """One release: its file name (the date in it, as the bundled samples have) and its text."""
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    published = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    ministry, department = rng.choice(MINISTRIES)
    programme = rng.choice(PROGRAMMES)
    provinces = rng.sample(sorted(PLACES), rng.randint(2, 4))
    short_year = f"'{year % 100:02d}년"
    budget = f"{rng.randint(12, 240)}억원"
    selected = []
    for province in provinces:
        children = rng.sample(PLACES[province], rng.randint(0, min(2, len(PLACES[province]))))
        selected.append((province, children))
    named = ", ".join(f"{province} {' '.join(children)}".strip() for province, children in selected)
    paragraphs = [
        f"{ministry}는 탄소중립 전환에 취약한 지역을 지원하기 위해 「{programme}」을 추진한다고 밝혔다. "
        f"지방자치단체가 주도적으로 산업과 고용 변화에 대응할 수 있도록 정책기획과 기업 컨설팅, 근로자 교육훈련을 "
        f"함께 지원하는 사업이다.({short_year} {budget}, 국비 {rng.choice([50, 60, 70])}% 보조)",
        f"{short_year} 사업에는 {named} 등 {len(selected)}개 지역이 선정됐다.",
    ]
    for province, children in selected:
        industries = rng.sample(INDUSTRIES, 2)
        subject = children[0] if children else province
        paragraphs.append(
            f"{subject}는 {industries[0]} 산업과 {industries[1]} 산업이 밀집해 전환 영향이 큰 것으로 분석됐다. "
            f"이에 {rng.choice(ACTIONS)}. 사업 기간은 {year}년부터 {year + rng.randint(1, 3)}년까지이다."
        )
    paragraphs.append(
        f'{ministry} 관계자는 "지역이 주도하는 공정한 전환이 되도록 현장의 의견을 계속 반영하겠다"라고 밝혔다.'
    )
    title = f"{short_year} {programme}, {provinces[0]} 등 {len(selected)}개 지역 선정 ({number}호)"
    body = "\n\n".join(paragraphs)
    text = f"{title}\n\n담당부서 : {ministry} {department}\n\n{body}\n\n({ministry}, {published:%Y.%m.%d})\n"
    return f"press-release-{published.isoformat()}-bench-{number:03d}.txt", text


def build_archive(folder: Path, count: int, seed: int) -> tuple[Archive, list[int], float, int]:
    """Write `count` releases, import them through the real pipeline, annotate a few; return the ids."""
    rng = random.Random(seed)
    sources = folder / "releases"
    sources.mkdir(parents=True)
    for number in range(1, count + 1):
        name, text = release_text(rng, number)
        (sources / name).write_text(text, encoding="utf-8")
    archive = Archive.open(folder / "archive")
    started = time.perf_counter()
    report = run_import(archive, [sources])
    imported = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"import failed for {len(report.failed)} file(s): {report.failed[0]}")
    ids = [entry.id for entry in report.imported]
    annotated = ids[: 8 * max(1, len(ids) // 8) : max(1, len(ids) // 8)]
    for index, document_id in enumerate(annotated):
        category, note = NOTES[index % len(NOTES)]
        with archive.session() as session:
            from esgdesk.core.models import Document

            body = session.get(Document, document_id).body
        quote = next(line for line in body.split("\n\n") if "선정됐다" in line)
        create_annotation(archive, document_id, quote=quote, note=note, category=category)
    return archive, ids, imported, len(annotated)


def fact_count(archive: Archive) -> int:
    from sqlmodel import func, select

    from esgdesk.core.models import Fact

    with archive.session() as session:
        return int(session.exec(select(func.count()).select_from(Fact)).one())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1, help="exports per format (the fastest and slowest print)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--template", default="regional-summary")
    parser.add_argument("--keep", type=Path, help="keep the archive and the packets in this folder")
    parser.add_argument("--profile", choices=("docx", "pdf"), help="print the top of a cProfile of one export")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="esgdesk-bench-briefing-")) if args.keep is None else args.keep
    if args.keep is not None:
        shutil.rmtree(folder, ignore_errors=True)
    archive, ids, imported, notes = build_archive(folder, args.docs, args.seed)
    print(f"{len(ids)} releases imported in {imported:.1f} s, {fact_count(archive)} facts, {notes} annotations")
    selection = Selection(ids=ids)
    options = PacketOptions(author="정책분석팀", organisation="ESG정책연구소", classification="대외비")
    failed = False
    try:
        for fmt in ("docx", "pdf"):
            output = folder / f"{args.template}.{fmt}"
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                export_packet(archive, args.template, fmt, output, selection, options)
                times.append(time.perf_counter() - started)
            size = output.stat().st_size
            over = min(times) > TARGET_SECONDS or (fmt == "pdf" and size > TARGET_PDF_BYTES)
            failed |= over
            spread = f"{min(times):.2f} s" if len(times) == 1 else f"{min(times):.2f}–{max(times):.2f} s"
            print(f"{fmt.upper():4} {spread:>14}  {size / 1024:8.0f} KB  {'MISSED TARGET' if over else 'ok'}  {output}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            export_packet(archive, args.template, args.profile, folder / f"profile.{args.profile}", selection, options)
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    finally:
        from esgdesk.search.service import close_index

        close_index(archive)
        archive.close()
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
