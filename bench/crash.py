"""The crash harness: SIGKILL esgdesk at random moments of everything that writes, then check what a user relies on.

    python bench/crash.py                  # the full run: 23 kills per scenario, 207 in all
    python bench/crash.py --kills 2        # a quick look (tests/bench/test_crash_fast.py runs this)
    python bench/crash.py --scenario import --kills 5 --seed 7

Scenarios (each kill starts from a fresh copy of a prepared archive): first open (an import into a new folder),
upgrade (opening tests/fixtures/archive-0001, the first schema), import, bundle import, restore, tagging,
annotating, reindexing and `check --repair`. The killed process is the real `esgdesk` command (or, for tagging
and annotating, one Python process calling the command line once per document, as a script would), started
with subprocess and killed with SIGKILL after a random delay within the time an unkilled run takes.

After each kill, invariants:
  whole       every document is whole or absent: a body, its original(s) on disk with the recorded sha256;
  derived     after one further open (`esgdesk info`), every committed document is found by a search for a
              word only it contains, and has its entities (mentions) when the extractor finds any in its text;
  backups     every backup in backups/ before the kill is still there (and the one being restored);
  rerun       running the same command again exits 0 and leaves exactly the intended state;
  check       `esgdesk check` (without --repair) finds nothing wrong.

It prints kills per scenario and how many kills each invariant held for, as a table, and exits 1 if any
invariant failed anywhere. Figures come from whatever machine runs it (a busy shared one, for the ones in the
issue notes); the number of kills, not the timing, is the point.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import select  # noqa: E402

from esgdesk.cli import main as cli_main  # noqa: E402
from esgdesk.core.archive import Archive  # noqa: E402
from esgdesk.core.files import sha256_hex  # noqa: E402
from esgdesk.core.models import Annotation, Document, DocumentFile, Mention, SourceFile  # noqa: E402

FIXTURE_0001 = ROOT / "tests" / "fixtures" / "archive-0001"
INVARIANTS = ("whole", "derived", "backups", "rerun", "check")
REGIONS = ("충청북도", "경상북도", "강원특별자치도", "전라남도", "충청남도", "울산광역시", "부산광역시", "경기도")
TAG = "crash/태그"
NOTE = "crash-note"
QUOTE = "공정전환 지원"

TAG_SCRIPT = """
import sys
from esgdesk.cli import main
root = sys.argv[1]
for document_id in sys.argv[2:]:
    main(["--archive", root, "tag", document_id, "crash/태그"])
"""

ANNOTATE_SCRIPT = """
import sqlite3, sys
from esgdesk.cli import main
root = sys.argv[1]
for document_id in sys.argv[2:]:
    with sqlite3.connect(root + "/archive.sqlite", timeout=30) as connection:
        done = connection.execute(
            "SELECT 1 FROM annotation WHERE document_id = ? AND note = 'crash-note'", (int(document_id),)
        ).fetchone()
    if not done:
        main(["--archive", root, "annotate", document_id, "--quote", "공정전환 지원", "--note", "crash-note"])
"""


# -- the corpus and the prepared archives ------------------------------------------------------------------


def write_corpus(folder: Path, label: str, count: int) -> list[Path]:
    """`count` releases, each with a word no other contains (`Q{label}{n}ZX`) and a region to extract."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        region = REGIONS[number % len(REGIONS)]
        path = folder / f"{label}-{number:03d}.txt"
        path.write_text(
            f"{region} 공정전환 지원 {label} {number}호\n\n"
            f"산업통상자원부는 {region}의 공정전환 지원 사업 Q{label}{number}ZX 를 안내한다. "
            + f"{region} 지역 일자리와 산업 전환 대책 {number}. "
            * 15,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def quiet_cli(*argv: str) -> int:
    """The command line, in this process, its output swallowed."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = cli_main(list(argv))
    _release_connections()
    return code


def _release_connections() -> None:
    """The command line leaves its engines to the interpreter's exit; a harness of hundreds of runs cannot."""
    gc.collect()
    for thing in gc.get_objects():
        if isinstance(thing, Engine):
            with contextlib.suppress(Exception):
                thing.dispose()
    with contextlib.suppress(Exception):
        from esgdesk.search import service

        for name in list(vars(service._local)):
            with contextlib.suppress(Exception):
                delattr(service._local, name)


@dataclass
class Prepared:
    base: Path  # an archive of 12 releases with one manual backup
    corpus_import: Path  # 20 more releases to import
    corpus_new: Path  # 12 releases for a first open
    bundle: Path  # a bundle of 20 releases from another archive
    backup_name: str  # the base's manual backup


def prepare(work: Path) -> Prepared:
    write_corpus(work / "corpus-base", "B", 12)
    base = work / "base"
    assert quiet_cli("--archive", str(base), "import", str(work / "corpus-base")) == 0
    assert quiet_cli("--archive", str(base), "backup") == 0
    backup_name = sorted((base / "backups").glob("*.sqlite"))[-1].name
    write_corpus(work / "corpus-import", "I", 20)
    write_corpus(work / "corpus-new", "N", 12)
    write_corpus(work / "corpus-bundle", "U", 20)
    other = work / "bundle-source"
    assert quiet_cli("--archive", str(other), "import", str(work / "corpus-bundle")) == 0
    bundle = work / "crash.esgd"
    assert quiet_cli("--archive", str(other), "bundle", "export", str(bundle)) == 0
    return Prepared(base, work / "corpus-import", work / "corpus-new", bundle, backup_name)


# -- scenarios ------------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    setup: Callable[[Prepared, Path], Path]  # makes the archive a kill starts from; returns its folder
    argv: Callable[[Prepared, Path], list[str]]  # the command to kill (after `python`)
    expect: Callable[[Prepared, Path], str | None]  # after the rerun: None, or what is wrong


def _copy_base(prepared: Prepared, target: Path) -> Path:
    shutil.copytree(prepared.base, target)
    return target


def _esgdesk(root: Path, *args: str) -> list[str]:
    return ["-m", "esgdesk", "--archive", str(root), *args]


def _document_ids(root: Path) -> list[str]:
    with sqlite3.connect(root / "archive.sqlite") as connection:
        return [str(row[0]) for row in connection.execute("SELECT id FROM document ORDER BY id")]


def _titles(root: Path) -> list[str]:
    with sqlite3.connect(root / "archive.sqlite") as connection:
        return [row[0] for row in connection.execute("SELECT title FROM document")]


def _expect_titles(root: Path, label: str, count: int) -> str | None:
    titles = [title for title in _titles(root) if f" {label} " in title]
    wanted = {title for title in titles}
    if len(titles) != count or len(wanted) != count:
        return f"{len(titles)} documents of {label} ({len(wanted)} distinct), {count} expected"
    return None


def _expect_all(root: Path, sql: str, what: str) -> str | None:
    with sqlite3.connect(root / "archive.sqlite") as connection:
        documents = connection.execute("SELECT count(*) FROM document").fetchone()[0]
        done = connection.execute(sql).fetchall()
    counts = [row[0] for row in done]
    if len(counts) != documents or any(count != 1 for count in counts):
        return f"{what}: {len(counts)} of {documents} documents, counts {sorted(set(counts))}"
    return None


def _expect_untagged(root: Path) -> str | None:
    with sqlite3.connect(root / "archive.sqlite") as connection:
        left = connection.execute("SELECT count(*) FROM tag WHERE name = 'after-backup'").fetchone()[0]
    return f"{left} tags from after the backup survived the restore" if left else None


def _setup_repair(prepared: Prepared, target: Path) -> Path:
    root = _copy_base(prepared, target)
    (root / "files" / "stray-file.txt").write_text("not an original")  # something for --repair to do
    for name in ("search.sqlite", "search.sqlite-wal", "search.sqlite-shm"):
        (root / name).unlink(missing_ok=True)
    return root


SCENARIOS = [
    Scenario(
        "first open",
        lambda prepared, target: target,
        lambda prepared, root: _esgdesk(root, "import", str(prepared.corpus_new)),
        lambda prepared, root: _expect_titles(root, "N", 12),
    ),
    Scenario(
        "upgrade",
        lambda prepared, target: Path(shutil.copytree(FIXTURE_0001, target)),
        lambda prepared, root: _esgdesk(root, "info"),
        lambda prepared, root: None if len(_titles(root)) == 21 else f"{len(_titles(root))} documents, 21 expected",
    ),
    Scenario(
        "import",
        _copy_base,
        lambda prepared, root: _esgdesk(root, "import", str(prepared.corpus_import)),
        lambda prepared, root: _expect_titles(root, "I", 20) or _expect_titles(root, "B", 12),
    ),
    Scenario(
        "bundle import",
        _copy_base,
        lambda prepared, root: _esgdesk(root, "bundle", "import", str(prepared.bundle)),
        lambda prepared, root: _expect_titles(root, "U", 20) or _expect_titles(root, "B", 12),
    ),
    Scenario(
        "restore",
        lambda prepared, target: _restore_setup(prepared, target),
        lambda prepared, root: _esgdesk(root, "restore", prepared.backup_name),
        lambda prepared, root: _expect_titles(root, "B", 12) or _expect_untagged(root),
    ),
    Scenario(
        "tagging",
        _copy_base,
        lambda prepared, root: ["-c", TAG_SCRIPT, str(root), *_document_ids(root)],
        lambda prepared, root: _expect_all(
            root,
            "SELECT count(*) FROM document_tag JOIN tag ON tag.id = document_tag.tag_id "
            "WHERE tag.name = '태그' GROUP BY document_id",
            "tagged",
        ),
    ),
    Scenario(
        "annotating",
        _copy_base,
        lambda prepared, root: ["-c", ANNOTATE_SCRIPT, str(root), *_document_ids(root)],
        lambda prepared, root: _expect_all(
            root, f"SELECT count(*) FROM annotation WHERE note = '{NOTE}' GROUP BY document_id", "annotated"
        ),
    ),
    Scenario(
        "reindexing",
        _copy_base,
        lambda prepared, root: _esgdesk(root, "reindex"),
        lambda prepared, root: None,  # `derived` and `check` say whether the index is whole
    ),
    Scenario(
        "repair",
        _setup_repair,
        lambda prepared, root: _esgdesk(root, "check", "--repair"),
        lambda prepared, root: None if not (root / "files" / "stray-file.txt").exists() else "stray file left",
    ),
]


def _restore_setup(prepared: Prepared, target: Path) -> Path:
    """The base plus tags added after its backup: the restore takes them away again. (Documents imported after
    the backup would leave their originals behind as orphans, which `check` reports after any restore.)"""
    root = _copy_base(prepared, target)
    for document_id in _document_ids(root)[:3]:
        assert quiet_cli("--archive", str(root), "tag", document_id, "after-backup") == 0
    return root


# -- invariants -----------------------------------------------------------------------------------------------


def bodiless(root: Path) -> set[str]:
    """Titles of documents that had no body or no original before the kill (listing items of archive-0001)."""
    if not (root / "archive.sqlite").exists():
        return set()
    with sqlite3.connect(root / "archive.sqlite") as connection:
        rows = connection.execute(
            "SELECT title FROM document d WHERE d.body = '' OR NOT EXISTS "
            "(SELECT 1 FROM document_file f WHERE f.document_id = d.id)"
        )
        return {row[0] for row in rows}


def check_whole(root: Path, excused: set[str]) -> str | None:
    with Archive.open(root, create=False) as archive, archive.session() as session:
        for document in session.exec(select(Document)):
            links = session.exec(select(DocumentFile).where(DocumentFile.document_id == document.id)).all()
            if document.title in excused:
                pass
            elif not document.body:
                return f"document {document.id} has no body"
            elif not links:
                return f"document {document.id} has no original"
            for link in links:
                source = session.get(SourceFile, link.source_file_id)
                if source is None:
                    return f"document {document.id}: source file row missing"
                path = archive.files.path_for(source.sha256)
                if not path.is_file() or sha256_hex(path.read_bytes()) != source.sha256:
                    return f"document {document.id}: original {source.sha256[:12]} missing or altered"
    return None


def check_derived(root: Path) -> str | None:
    """After one further open: every document found by a word only it contains, and with its entities."""
    from esgdesk.knowledge.extract import extract
    from esgdesk.search.service import close_index, search

    if quiet_cli("--archive", str(root), "info") != 0:
        return "the further open (`esgdesk info`) failed"
    problems: list[str] = []
    with Archive.open(root, create=False) as archive:
        with archive.session() as session:
            documents = [(doc.id, doc.title, doc.body, doc.published) for doc in session.exec(select(Document))]
            mentioned = {row for row in session.exec(select(Mention.document_id).distinct())}
        texts = {doc_id: f"{title}\n{body}" for doc_id, title, body, _ in documents}
        unsearchable = []
        for doc_id, _title, _body, _published in documents:
            word = unique_word(doc_id, texts)
            if word is not None and doc_id not in {hit.id for hit in search(archive, word, limit=50).hits}:
                unsearchable.append(doc_id)
        without = [
            doc_id
            for doc_id, _title, body, published in documents
            if doc_id not in mentioned and extract(body, published).mentions
        ]
        close_index(archive)
    if unsearchable:
        problems.append(f"{len(unsearchable)} of {len(documents)} not found by their own word")
    if without:
        problems.append(f"{len(without)} of {len(documents)} without their entities")
    _release_connections()
    return "; ".join(problems) or None


def unique_word(doc_id: int, texts: dict[int, str]) -> str | None:
    """A word of the document that no other document contains (Latin first: the corpus plants one)."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]{3,}|[가-힣]{4,}", texts[doc_id])
    others = [text for other, text in texts.items() if other != doc_id]
    for word in sorted(set(words), key=lambda w: (not w.isascii(), -len(w))):
        if not any(word in text for text in others):
            return word
    return None


def user_backups(root: Path) -> set[str]:
    return {path.name for path in (root / "backups").glob("archive-*.sqlite")}


def check_clean(root: Path) -> str | None:
    from esgdesk.library.check import check_archive

    with Archive.open(root, create=False) as archive:
        report = check_archive(archive)
        result = None if report.healthy else "; ".join(sorted({p.kind for p in report.remaining}))
    _release_connections()
    return result


# -- running --------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    finished_first: int = 0  # the command ended before the kill came
    held: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INVARIANTS, 0))
    failures: list[str] = field(default_factory=list)


def typical_duration(scenario: Scenario, prepared: Prepared, work: Path) -> float:
    root = scenario.setup(prepared, work / "timing")
    started = time.monotonic()
    subprocess.run([sys.executable, *scenario.argv(prepared, root)], capture_output=True, env=_env(), timeout=600)
    duration = time.monotonic() - started
    shutil.rmtree(work / "timing", ignore_errors=True)
    return duration


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LANG": "C.UTF-8", "LC_ALL": ""}


def one_kill(scenario: Scenario, prepared: Prepared, work: Path, delay: float, tally: Tally, number: int) -> None:
    target = work / f"{scenario.name.replace(' ', '-')}-{number}"
    root = scenario.setup(prepared, target)
    argv = scenario.argv(prepared, root)
    backups_before = user_backups(root) if root.exists() else set()
    excused = bodiless(root)
    child = subprocess.Popen([sys.executable, *argv], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    else:
        tally.finished_first += 1
    child.wait(timeout=60)
    tally.kills += 1
    results: dict[str, str | None] = {}
    if not (root / "archive.sqlite").exists():
        results["whole"] = results["derived"] = None  # killed before the archive existed: nothing to lose
    else:
        results["whole"] = _guard(lambda r: check_whole(r, excused), root)
        results["derived"] = _guard(check_derived, root)
    missing = backups_before - user_backups(root)
    results["backups"] = f"lost {sorted(missing)}" if missing else None
    code = quiet_cli(*_cli_args(argv))
    results["rerun"] = f"rerun exited {code}" if code != 0 else _guard(lambda r: scenario.expect(prepared, r), root)
    results["check"] = _guard(check_clean, root)
    for name in INVARIANTS:
        if results[name] is None:
            tally.held[name] += 1
        else:
            tally.failures.append(f"{scenario.name} #{number} (killed at {delay:.2f}s) {name}: {results[name]}")
    shutil.rmtree(target, ignore_errors=True)


def _cli_args(argv: list[str]) -> list[str]:
    """The killed command again, run in this process (a script of several commands runs each)."""
    if argv[:2] == ["-m", "esgdesk"]:
        return argv[2:]
    script, root, *ids = argv[1:]
    for document_id in ids:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if script == TAG_SCRIPT:
                cli_main(["--archive", root, "tag", document_id, TAG])
            elif not _annotated(Path(root), int(document_id)):
                cli_main(["--archive", root, "annotate", document_id, "--quote", QUOTE, "--note", NOTE])
    _release_connections()
    return ["--archive", root, "info"]


def _annotated(root: Path, document_id: int) -> bool:
    with Archive.open(root, create=False) as archive, archive.session() as session:
        found = session.exec(
            select(Annotation).where(Annotation.document_id == document_id, Annotation.note == NOTE)
        ).first()
    return found is not None


def _guard(check: Callable[[Path], str | None], root: Path) -> str | None:
    try:
        return check(root)
    except Exception as exc:  # a check that cannot even run is a failed invariant, with its reason
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def run(kills: int, seed: int, only: str | None, work: Path, progress: bool = True) -> dict[str, Tally]:
    rng = random.Random(seed)
    prepared = prepare(work)
    tallies: dict[str, Tally] = {}
    for scenario in SCENARIOS:
        if only and scenario.name != only:
            continue
        duration = typical_duration(scenario, prepared, work)
        tally = tallies[scenario.name] = Tally()
        for number in range(kills):
            # From a little after start-up (imports take most of a short command) to the end of a typical run.
            delay = rng.uniform(min(0.3, duration / 2), duration * 1.05)
            one_kill(scenario, prepared, work, delay, tally, number)
        if progress:
            print(f"  {scenario.name}: {tally.kills} kills, typical run {duration:.1f}s", file=sys.stderr, flush=True)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    header = f"| {'scenario':<14} | kills | ended first | " + " | ".join(f"{name:>7}" for name in INVARIANTS) + " |"
    lines = [header, "|" + "|".join("-" * (len(cell) + 2) for cell in header.strip("|").split("|")[:-1]) + "|"]
    lines[1] = "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"
    for name, tally in tallies.items():
        cells = " | ".join(f"{tally.held[inv]:>3}/{tally.kills:<3}" for inv in INVARIANTS)
        lines.append(f"| {name:<14} | {tally.kills:>5} | {tally.finished_first:>11} | {cells} |")
    total = sum(t.kills for t in tallies.values())
    lines.append(
        f"| {'all':<14} | {total:>5} | {sum(t.finished_first for t in tallies.values()):>11} | "
        + " | ".join(f"{sum(t.held[inv] for t in tallies.values()):>3}/{total:<3}" for inv in INVARIANTS)
        + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=23, help="kills per scenario (default 23: 207 in all)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--scenario", choices=[s.name for s in SCENARIOS])
    parser.add_argument("--failures", type=int, default=30, help="how many failed checks to list")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="esgdesk-crash-") as folder:
        started = time.monotonic()
        tallies = run(args.kills, args.seed, args.scenario, Path(folder))
        print(table(tallies))
        print(f"\n{sum(t.kills for t in tallies.values())} kills in {time.monotonic() - started:.0f}s")
        failures = [failure for tally in tallies.values() for failure in tally.failures]
        for failure in failures[: args.failures]:
            print(f"  {failure}")
        if len(failures) > args.failures:
            print(f"  … and {len(failures) - args.failures} more")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
