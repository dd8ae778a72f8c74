"""Peak memory and time of importing one large honest file: 10, 60 and 200 MB of release-like text.

    python bench/import_memory.py [--sizes 10 60 200]

Each size is written as a UTF-8 text file of Korean release paragraphs, then imported by `esgdesk import` in a
fresh process (the real pipeline: worker parse, normalise, forms, duplicate check, store, entities, rules,
index). The importer's and the parse worker's peak resident memory are read from getrusage in that process
(ru_maxrss of itself and of its waited-for children). Target: the importer under 1 GiB at every size; the
text beyond esgdesk.ingest.limits.MAX_BODY_CHARS is cut with a warning and the original kept whole.

Figures come from a shared 2-core machine; the time varies by ±30 %.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = (
    "산업통상자원부는 {n}일 충청북도와 함께 탄소중립 산업 전환 지원 계획을 발표했다. 올해 지원 예산은 {m}억원으로 "
    "석탄화력 폐지 지역의 공정전환과 중소기업 설비 교체, 노동자 재교육에 쓰인다. 담당부서 지역경제진흥과.\n"
)
CHILD = """
import json, resource, sys
from esgdesk.cli.main import main
code = 0
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code or 0
from esgdesk.ingest import worker
worker._close_shared_workers()  # joined, so its peak counts among this process's children
usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"exit": code, "importer_kb": usage, "worker_kb": children}), file=sys.stderr)
"""


def write_text(path: Path, megabytes: int) -> None:
    target = megabytes * 1_000_000
    with path.open("w", encoding="utf-8") as handle:
        handle.write("탄소중립 산업 전환 지원 계획 (대용량 시험 문서)\n\n")
        written, n = 0, 0
        while written < target:
            line = PARAGRAPH.format(n=n % 28 + 1, m=n % 977)
            handle.write(line)
            written += len(line.encode("utf-8"))
            n += 1


def measure(megabytes: int, work: Path) -> dict[str, object]:
    source = work / f"large-{megabytes}mb.txt"
    write_text(source, megabytes)
    archive = work / f"archive-{megabytes}"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "--archive", str(archive), "import", "--json", str(source)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    seconds = time.perf_counter() - started
    usage = json.loads(result.stderr.strip().splitlines()[-1])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    source.unlink()
    return {
        "size_mb": megabytes,
        "seconds": round(seconds, 1),
        "importer_mib": round(usage["importer_kb"] / 1024),
        "worker_mib": round(usage["worker_kb"] / 1024),
        "imported": len(report.get("imported", [])),
        "failed": [entry["error"] for entry in report.get("failed", [])],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 60, 200])
    args = parser.parse_args()
    print(f"{'size':>6} {'seconds':>8} {'importer MiB':>13} {'worker MiB':>11}  result")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            row = measure(megabytes, Path(folder))
            result = f"imported {row['imported']}" + (f", failed: {row['failed']}" if row["failed"] else "")
            verdict = "" if int(row["importer_mib"]) < 1024 else "  OVER 1 GiB"  # type: ignore[call-overload]
            figures = f"{megabytes:4d} MB {row['seconds']:8} {row['importer_mib']:13} {row['worker_mib']:11}"
            print(f"{figures}  {result}{verdict}", flush=True)


if __name__ == "__main__":
    main()
