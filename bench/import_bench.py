"""Import throughput: documents per second and peak memory for a folder of mixed formats.

    python bench/import_bench.py [--files 1000] [--keep DIR]

Generates press-release-like files in every format the importer reads (text in UTF-8 and CP949, saved
korea.kr pages, DOCX, PDF with the bundled Korean font, HWPX built from a real fixture's package, RSS, e-mail
with a DOCX attachment, zips of text files), plus a few broken ones, imports the folder into a fresh archive
through the real pipeline (worker process included) and prints the figures.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import shutil
import tempfile
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from esgdesk.core.archive import Archive
from esgdesk.core.paths import korean_font_paths
from esgdesk.ingest.pipeline import ImportPipeline
from esgdesk.ingest.worker import _close_shared_workers as close_workers

REGIONS = [
    "충청북도",
    "경상북도",
    "전라남도",
    "부산광역시",
    "울산광역시",
    "강원특별자치도",
    "인천광역시",
    "의성군",
    "구미시",
]
INDUSTRIES = ["시멘트", "반도체", "철강", "석유화학", "자동차 부품", "조선", "석탄화력 발전", "이차전지"]
MINISTRIES = ["산업통상자원부", "환경부", "고용노동부", "국토교통부", "중소벤처기업부"]
HWPX_FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "hwpx" / "Table.hwpx"


def release_lines(index: int, rng: random.Random) -> list[str]:
    region, industry, ministry = rng.choice(REGIONS), rng.choice(INDUSTRIES), rng.choice(MINISTRIES)
    day = 1 + index % 28
    lines = [
        f"{region} {industry} 산업 공정전환 지원 {index}호",
        f"담당부서 : {ministry} 지역경제과",
    ]
    for sentence in range(rng.randint(8, 20)):
        lines.append(
            f"{ministry}는 {region}의 {industry} 산업 전환을 위해 {rng.randint(1, 90)}억원을 지원한다. "
            f"문단 {sentence}: 탄소중립 이행과 근로자 재교육, 지역경제 활성화를 함께 추진한다."
        )
    lines.append(f"({ministry}, 2023.{1 + index % 12:02d}.{day:02d})")
    return lines


def write_text(path: Path, lines: list[str], encoding: str) -> None:
    path.write_bytes("\n\n".join(lines).encode(encoding, errors="replace"))


def write_html(path: Path, lines: list[str], index: int) -> None:
    body = "".join(f"<p>{line}</p>" for line in lines[2:-1])
    path.write_text(
        f'<html><head><meta charset="utf-8"><link rel="canonical" '
        f'href="https://www.korea.kr/briefing/pressReleaseView.do?newsId={900000000 + index}"></head><body>'
        f'<div class="article_head"><h1>{lines[0]}</h1><div class="info"><span>2023.05.{1 + index % 28:02d}'
        f"</span><span>산업통상자원부</span></div></div><div class='view_cont'>{body}</div>"
        f"<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )


def docx_bytes(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_pdf(path: Path, lines: list[str]) -> None:
    if "NanumGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NanumGothic", str(korean_font_paths()["regular"])))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("NanumGothic", 9)
    y = 800
    for line in lines:
        for start in range(0, len(line), 45):
            page.drawString(40, y, line[start : start + 45])
            y -= 13
            if y < 40:
                page.showPage()
                page.setFont("NanumGothic", 9)
                y = 800
    page.save()


def write_hwpx(path: Path, lines: list[str]) -> None:
    """A real HWPX package (the fixture's) with its first section's text replaced by the release."""
    with zipfile.ZipFile(HWPX_FIXTURE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "Contents/section0.xml":
                paragraphs = "".join(
                    f'<hp:p id="{n}" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>{line}</hp:t>'
                    "</hp:run></hp:p>"
                    for n, line in enumerate(lines)
                )
                data = (
                    b'<?xml version="1.0" encoding="UTF-8"?><hs:sec '
                    b'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
                    b'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">' + paragraphs.encode() + b"</hs:sec>"
                )
            target.writestr(info, data)


def write_feed(path: Path, index: int, rng: random.Random) -> None:
    items = "".join(
        f"<item><title>{release_lines(index * 10 + n, rng)[0]} 피드</title>"
        f"<link>https://www.korea.kr/briefing/pressReleaseView.do?newsId={800000000 + index * 10 + n}</link>"
        f"<description><![CDATA[<p>{release_lines(index * 10 + n, rng)[2]}</p>]]></description>"
        f"<pubDate>Fri, 28 Apr 2023 11:00:00 +0900</pubDate></item>"
        for n in range(3)
    )
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>보도자료</title>{items}'
                    "</channel></rss>", encoding="utf-8")  # fmt: skip


def write_email(path: Path, lines: list[str]) -> None:
    message = EmailMessage()
    message["From"] = "press@example.go.kr"
    message["To"] = "analyst@example.org"
    message["Subject"] = "보도자료 송부"
    message["Date"] = "Fri, 28 Apr 2023 10:00:00 +0900"
    message.set_content("첨부와 같이 송부합니다.")
    message.add_attachment(
        docx_bytes(lines),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="release.docx",
    )
    path.write_bytes(message.as_bytes())


def generate(folder: Path, files: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    kinds = ["txt", "cp949", "html", "docx", "pdf", "hwpx", "feed", "eml", "zip"]
    for index in range(files):
        kind = kinds[index % len(kinds)]
        counts[kind] = counts.get(kind, 0) + 1
        lines = release_lines(index, rng)
        path = folder / f"{index:05d}"
        if kind == "txt":
            write_text(path.with_suffix(".txt"), lines, "utf-8")
        elif kind == "cp949":
            write_text(path.with_suffix(".txt"), lines, "cp949")
        elif kind == "html":
            write_html(path.with_suffix(".html"), lines, index)
        elif kind == "docx":
            path.with_suffix(".docx").write_bytes(docx_bytes(lines))
        elif kind == "pdf":
            write_pdf(path.with_suffix(".pdf"), lines)
        elif kind == "hwpx":
            write_hwpx(path.with_suffix(".hwpx"), lines)
        elif kind == "feed":
            write_feed(path.with_suffix(".xml"), index, rng)
        elif kind == "eml":
            write_email(path.with_suffix(".eml"), lines)
        else:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive_zip:
                for n in range(2):
                    archive_zip.writestr(f"{n}.txt", "\n\n".join(release_lines(index * 100 + n, rng)))
            path.with_suffix(".zip").write_bytes(buffer.getvalue())
    # hostile and broken ones, about 2 %
    for n in range(max(1, files // 50)):
        (folder / f"broken-{n}.pdf").write_bytes(b"%PDF-1.7\n" + rng.randbytes(2000))
        (folder / f"noise-{n}.txt").write_bytes(rng.randbytes(3000))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep the generated folder and archive here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="esgdesk-bench-"))
    folder, archive_dir = work / "inbox", work / "archive"
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = generate(folder, args.files)
    generated = time.perf_counter() - started
    size = sum(path.stat().st_size for path in folder.iterdir())
    archive = Archive.open(archive_dir)
    started = time.perf_counter()
    report = None
    for progress in ImportPipeline(archive).run([folder]):
        report = progress.report
    elapsed = time.perf_counter() - started
    assert report is not None
    documents = len(report.imported) + len(report.duplicates)
    close_workers()  # a child's peak memory is counted once it has exited
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"files generated        {sum(counts.values())} + {2 * max(1, args.files // 50)} broken "
          f"({size / 1e6:.1f} MB) in {generated:.1f} s: {counts}")  # fmt: skip
    print(f"imported               {len(report.imported)} documents, {len(report.duplicates)} duplicates, "
          f"{len(report.failed)} failed")  # fmt: skip
    print(f"import time            {elapsed:.1f} s")
    print(f"files per second       {(sum(counts.values()) + 2 * max(1, args.files // 50)) / elapsed:.1f}")
    print(f"documents per second   {documents / elapsed:.1f}")
    print(f"peak memory            importer {self_peak:.0f} MB, parser worker {worker_peak:.0f} MB")
    failures = sorted({entry.error.split(" (")[0] for entry in report.failed})
    print(f"failure reasons        {failures}")
    archive.close()
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
