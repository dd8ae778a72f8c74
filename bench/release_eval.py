"""How the real releases in tests/fixtures/releases come in: fields right per fixture, and import speed.

    python bench/release_eval.py [--rounds 3]

1. Fields: every fixture of tests/ingest/expected_releases.csv is imported into a fresh archive (alone, or
   after its HWP twin when its own text layer is unreadable) and its title, organisation, department, date and
   kind are compared with the values written from reading the documents.
2. PDF text: for each fixture PDF, pypdf (the old path), PDFium through pypdfium2 (the new path) and
   pdfminer.six with layout analysis are timed, and their text measured against the HWP twin's: words per
   line, runs of 12 or more Hangul syllables without a space (words run together), and Hangul recovered.
3. Import speed: every fixture imported through the real pipeline (in this process, so both PDF paths are
   measured alike), documents per second and seconds per MB per format, with the old and the new PDF parser.

Figures from a shared machine vary by ±30 %; compare runs made back to back.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from esgdesk.core.archive import Archive  # noqa: E402
from esgdesk.ingest.limits import ImportLimits  # noqa: E402
from esgdesk.ingest.parsers import ParserRegistry, default_registry  # noqa: E402
from esgdesk.ingest.parsers.base import ParsedDocument, SourceInput  # noqa: E402
from esgdesk.ingest.parsers.pdf import PdfParser, clean_pdf_text  # noqa: E402
from esgdesk.ingest.pipeline import run_import  # noqa: E402
from esgdesk.library.documents import document_details  # noqa: E402

RELEASES = ROOT / "tests" / "fixtures" / "releases"
EXPECTED = ROOT / "tests" / "ingest" / "expected_releases.csv"
#: the columns of expected_releases.csv, named as `esgdesk show --json` names them
FIELDS = ("title", "ministry", "department", "published", "kind")
_RUN_TOGETHER = re.compile(r"[가-힣]{12,}")


class PypdfParser(PdfParser):
    """The old PDF path: pypdf's extract_text page by page (kept here only to measure against)."""

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(source.data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        body = "\n\n".join(clean_pdf_text(page.extract_text() or "") for page in reader.pages)
        document = ParsedDocument(body=body)
        if not body:
            document.metadata["needs_ocr"] = True
        return [document]


def registry_with(pdf_parser: PdfParser) -> ParserRegistry:
    parsers = [parser for parser in default_registry().parsers if parser.name != "pdf"]
    return ParserRegistry([*parsers, pdf_parser])


def fields_of(archive: Archive, document_id: int) -> dict[str, str]:
    """The printed fields as `esgdesk show` reports them (the issuer's name on the release's date)."""
    details = document_details(archive, document_id)
    return {field: str(details[field] or "") for field in FIELDS}


def evaluate_fields(registry: ParserRegistry | None) -> tuple[dict[str, int], int, list[str]]:
    rows = list(csv.DictReader(EXPECTED.open(encoding="utf-8")))
    right: dict[str, int] = dict.fromkeys(FIELDS, 0)
    wrong: list[str] = []
    limits = ImportLimits(parse_in_worker=False)
    for row in rows:
        with tempfile.TemporaryDirectory() as folder:
            archive = Archive.open(Path(folder) / "archive")
            try:
                if row["alone"] != "yes":
                    run_import(
                        archive, [RELEASES / (Path(row["file"]).stem + ".hwp")], limits=limits, registry=registry
                    )
                report = run_import(archive, [RELEASES / row["file"]], limits=limits, registry=registry)
                entries = report.imported or report.duplicates
                got = fields_of(archive, entries[-1].id) if entries else dict.fromkeys(FIELDS, "")
            finally:
                archive.close()
        for name in FIELDS:
            if got[name] == row[name]:
                right[name] += 1
            else:
                wrong.append(f"  {row['file']}: {name} {got[name]!r} (expected {row[name]!r})")
    return right, len(rows), wrong


def pdf_text_figures() -> None:
    import pypdfium2 as pdfium
    from pdfminer.high_level import extract_text as pdfminer_text
    from pdfminer.layout import LAParams
    from pypdf import PdfReader

    def with_pypdf(data: bytes) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data), strict=False).pages)

    def with_pdfium(data: bytes) -> str:
        pdf = pdfium.PdfDocument(data)
        try:
            return "\n".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
        finally:
            pdf.close()

    def with_pdfminer(data: bytes) -> str:
        return pdfminer_text(io.BytesIO(data), laparams=LAParams())

    print("PDF text layer (per fixture PDF): seconds | words per line | runs of 12+ Hangul | Hangul")
    print(f"{'file':44} {'extractor':10} {'s':>6} {'w/line':>7} {'runs':>5} {'hangul':>7}")
    for pdf in sorted(RELEASES.glob("*.pdf")):
        data = pdf.read_bytes()
        twin = pdf.with_suffix(".hwp")
        if twin.exists():
            hwp = default_registry().choose(SourceInput(twin.name, twin.read_bytes()))
            reference = hwp.parse(SourceInput(twin.name, twin.read_bytes()))[0].body
            print(
                f"{pdf.name:44} {'HWP twin':10} {'':>6} {_words_per_line(reference):7.1f} "
                f"{len(_RUN_TOGETHER.findall(reference)):5d} {_hangul(reference):7d}"
            )
        for label, extract in (("pypdf", with_pypdf), ("pdfium", with_pdfium), ("pdfminer", with_pdfminer)):
            started = time.perf_counter()
            text = clean_pdf_text(extract(data))
            seconds = time.perf_counter() - started
            print(
                f"{'':44} {label:10} {seconds:6.2f} {_words_per_line(text):7.1f} "
                f"{len(_RUN_TOGETHER.findall(text)):5d} {_hangul(text):7d}"
            )


def _words_per_line(text: str) -> float:
    lines = [line for line in text.split("\n") if line.strip()]
    return statistics.mean(len(line.split()) for line in lines) if lines else 0.0


def _hangul(text: str) -> int:
    return sum(1 for char in text if "가" <= char <= "힣")


def import_speed(registry: ParserRegistry, rounds: int) -> tuple[float, dict[str, float]]:
    """Documents per second over all fixtures, and seconds per MB per format (best of `rounds`)."""
    files = sorted(path for path in RELEASES.iterdir() if path.suffix in (".hwp", ".hwpx", ".pdf"))
    per_format: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    limits = ImportLimits(parse_in_worker=False)
    for _round in range(rounds):
        total = 0.0
        seconds_by_format: dict[str, float] = defaultdict(float)
        for path in files:
            with tempfile.TemporaryDirectory() as folder:
                archive = Archive.open(Path(folder) / "archive")
                try:
                    started = time.perf_counter()
                    run_import(archive, [path], limits=limits, registry=registry)
                    elapsed = time.perf_counter() - started
                finally:
                    archive.close()
            total += elapsed
            seconds_by_format[path.suffix] += elapsed
        totals.append(total)
        for suffix, seconds in seconds_by_format.items():
            megabytes = sum(p.stat().st_size for p in files if p.suffix == suffix) / 1e6
            per_format[suffix].append(seconds / megabytes)
    return len(files) / min(totals), {suffix: min(values) for suffix, values in per_format.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    new, old = registry_with(PdfParser()), registry_with(PypdfParser())
    right, total, wrong = evaluate_fields(None)
    print(f"Fields right on {total} fixtures (tests/ingest/expected_releases.csv), the importer as shipped:")
    for name in FIELDS:
        print(f"  {name:13} {right[name]:3d} / {total}")
    if wrong:
        print("Wrong:")
        print("\n".join(wrong))
    old_right, _total, _wrong = evaluate_fields(old)
    print("With the old PDF path (pypdf): " + ", ".join(f"{name} {old_right[name]}/{total}" for name in FIELDS))
    print()
    pdf_text_figures()
    print()
    print("Import speed through the pipeline (parse in this process), best of", args.rounds, "rounds:")
    for label, registry in (("old PDF path (pypdf)", old), ("new PDF path (pdfium)", new)):
        rate, per_mb = import_speed(registry, args.rounds)
        formats = ", ".join(f"{suffix[1:]} {seconds:.2f} s/MB" for suffix, seconds in sorted(per_mb.items()))
        print(f"  {label:24} {rate:5.2f} documents/s   {formats}")


if __name__ == "__main__":
    main()
