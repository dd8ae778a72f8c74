"""How long the command line takes to start: `--version`, `--help`, and `search` on a small archive.

Each command runs as a fresh process (as a user or a script runs it) `--runs` times; the median is printed.
Targets (issue 17): --version and --help under 0.3 s, search on a small archive under 0.8 s.

    PYTHONPATH=src python bench/cli_startup.py [--runs 7] [--archive DIR]

Without --archive a small archive (the bundled samples) is made in a temporary folder first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode(errors='replace')}")
    return elapsed


def small_archive(folder: Path, env: dict[str, str]) -> Path:
    archive = folder / "archive"
    samples = Path(__file__).resolve().parent.parent / "resources" / "samples"
    files = sorted(path for path in samples.iterdir() if path.is_file())[:10]
    subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive), "import", *map(str, files)],
        capture_output=True,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(archive), "search", "탄소"], env=env, capture_output=True
    )
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--archive", type=Path)
    args = parser.parse_args()
    env = {**os.environ, "LANG": "C.UTF-8"}
    with tempfile.TemporaryDirectory() as folder:
        archive = args.archive or small_archive(Path(folder), env)
        base = [sys.executable, "-m", "esgdesk"]
        commands = {
            "--version": [*base, "--version"],
            "--help": [*base, "--help"],
            "search (small archive)": [*base, "--archive", str(archive), "search", "탄소중립"],
        }
        print(f"{'command':<26} {'median s':>9} {'min s':>7}  ({args.runs} runs, python {sys.version.split()[0]})")
        for name, command in commands.items():
            times = [timed(command, env) for _ in range(args.runs)]
            print(f"{name:<26} {statistics.median(times):>9.3f} {min(times):>7.3f}")


if __name__ == "__main__":
    main()
