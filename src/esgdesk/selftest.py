"""`esgdesk --self-test`: prove that this installation works, end to end, in a throw-away archive.

Why it exists: an installer can leave out a font, a migration, a Qt plugin or the parse worker's entry point, and
nothing fails until an analyst tries the one feature that needed it. The self-test walks the path every analyst
takes on day one — import the bundled release, search it in Korean, annotate it, export a briefing as DOCX and
PDF, open the main window — in a temporary archive, and reports one line per step. CI runs it against the wheel
and against the frozen app; a user or an IT department can run it on their own machine.

No Qt import at module level: the GUI step imports `esgdesk.ui` only when it runs, so the steps before it say
what works even where Qt cannot load.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from esgdesk.core.paths import resource_path

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive  # imported where the steps run: the self-test starts fast

#: the user's own release, real and bundled; the self-test must pass on exactly what analysts open first
REAL_SAMPLE = "press-release-2023-04-28-motie-just-transition.txt"
#: a passage of the real sample to anchor the test annotation on
ANNOTATED_QUOTE = "취약지역 공정전환 지원사업"
#: Korean queries: a compound (탄소중립), a two-syllable word (지역) and a name as printed (충청북도).
#: Two syllables are the case a trigram index silently fails (DESIGN.md, Search).
KOREAN_QUERIES = ("탄소중립", "지역", "충청북도")


# English only, not _(): the packaged app's smoke test, read in the build log by whoever packages esgdesk.
class SelfTestFailure(Exception):
    """A step ran but found something wrong; the message says what, for the person reading the output."""


@dataclass
class Context:
    """What earlier steps leave for later ones."""

    workdir: Path
    archive: Archive | None = None
    release_id: int | None = None
    document_count: int = 0
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StepResult:
    name: str
    status: str  # "ok", "FAIL" or "skip"
    detail: str
    seconds: float


Step = Callable[[Context], str]


# -- the steps -----------------------------------------------------------------------------------------------


def step_resources(context: Context) -> str:
    """The bundled files every later step needs: a missing one means a broken installer, so say which."""
    from esgdesk.core.db import MIGRATIONS_DIR

    needed = [
        resource_path("samples", REAL_SAMPLE),
        resource_path("fonts", "NanumGothic.ttf"),
        resource_path("fonts", "NanumGothicBold.ttf"),
        resource_path("data", "regions.csv"),
        resource_path("data", "maps", "skorea-provinces-2018-topo-simple.json"),
        resource_path("translations", "esgdesk_ko.qm"),
        Path(MIGRATIONS_DIR) / "env.py",
        Path(MIGRATIONS_DIR) / "script.py.mako",
    ]
    missing = [str(path) for path in needed if not path.is_file()]
    versions = list((Path(MIGRATIONS_DIR) / "versions").glob("*.py"))
    if not versions:
        missing.append(str(Path(MIGRATIONS_DIR) / "versions" / "*.py"))
    if missing:
        raise SelfTestFailure("missing from the installation: " + ", ".join(missing))
    return f"samples, fonts, gazetteers, maps, translations and {len(versions)} migration(s) found"


def step_import(context: Context) -> str:
    """A new archive (runs every migration), then the real release parsed in the worker process."""
    from esgdesk.library.importing import import_paths
    from esgdesk.library.opening import open_archive

    archive = open_archive(context.workdir / "archive")
    context.archive = archive
    report = import_paths(archive, [resource_path("samples", REAL_SAMPLE)])
    if report.failed:
        raise SelfTestFailure("; ".join(f"{Path(f.path).name}: {f.error}" for f in report.failed))
    releases = [entry for entry in report.imported if entry.kind == "press release"]
    if not releases:
        raise SelfTestFailure(f"no press release among {len(report.imported)} imported document(s)")
    context.release_id = releases[0].id
    context.document_count = len(report.imported)
    worker_pid = _parse_worker_pid()
    if worker_pid is None:
        raise SelfTestFailure("the parse worker process is not running (a frozen app needs freeze_support)")
    with archive.session() as session:
        from esgdesk.core.models import Document

        release = session.get(Document, context.release_id)
        published = release.published if release is not None else None
    if published is None or published.isoformat() != "2023-04-28":
        raise SelfTestFailure(f"the release's date was read as {published}, not 2023-04-28")
    return (
        f"#{context.release_id} {releases[0].title} (2023-04-28) and "
        f"{len(report.imported) - 1} listing item(s), parsed in worker process {worker_pid}"
    )


def _parse_worker_pid() -> int | None:
    """The pid of the live parse worker: the import must have run there, not in this process."""
    from esgdesk.ingest import worker

    for parse_worker in worker._shared_workers.values():
        process = parse_worker._process
        if process is not None and process.is_alive():
            return int(process.pid)
    return None


def step_knowledge(context: Context) -> str:
    """Regions and programmes found in the release: what the regional briefing is built from."""
    from esgdesk.knowledge.store import document_entities, document_facts

    archive = _archive(context)
    with archive.session() as session:
        entities = document_entities(session, _release(context))
        facts = document_facts(session, _release(context))
    regions = [str(entity["name"]) for entity in entities if entity["kind"] == "region"]
    programmes = [str(entity["name"]) for entity in entities if entity["kind"] == "programme"]
    if "충청북도" not in regions:
        raise SelfTestFailure(f"충청북도 was not recognised (regions found: {', '.join(regions) or 'none'})")
    if not facts:
        raise SelfTestFailure("no regional facts were extracted")
    return f"{len(regions)} regions, {len(programmes)} programme(s), {len(facts)} regional facts"


def step_search(context: Context) -> str:
    """Korean queries through the bigram index, each of which must find the release."""
    from esgdesk.search.service import search

    archive = _archive(context)
    found: list[str] = []
    for query in KOREAN_QUERIES:
        result = search(archive, query, limit=50)
        if _release(context) not in [hit.id for hit in result.hits]:
            raise SelfTestFailure(f"searching {query!r} did not find the release ({result.total} hit(s))")
        found.append(f"{query} ({result.total})")
    return "found the release for " + ", ".join(found)


def step_annotate(context: Context) -> str:
    """An annotation anchored by its quote, read back: the W3C selectors must round-trip."""
    from esgdesk.notes.annotations import create_annotation, list_annotations

    archive = _archive(context)
    created = create_annotation(
        archive,
        _release(context),
        quote=ANNOTATED_QUOTE,
        occurrence=1,  # the release names its programme twice; the first is the one that introduces it
        note="esgdesk self-test",
        author="esgdesk self-test",
    )
    stored = list_annotations(archive, _release(context))
    if not any(view.id == created.id and view.quote == ANNOTATED_QUOTE for view in stored):
        raise SelfTestFailure("the annotation was not stored with its quote")
    return f"annotation #{created.id} on “{ANNOTATED_QUOTE}”"


def step_export_docx(context: Context) -> str:
    return _export(context, "docx")


def step_export_pdf(context: Context) -> str:
    return _export(context, "pdf")


def _export(context: Context, fmt: str) -> str:
    """The regional summary through the same service `esgdesk export` uses, with the bundled Korean font."""
    from esgdesk.briefing.service import Selection, export_packet

    output = context.workdir / f"regional-summary.{fmt}"
    written = export_packet(_archive(context), "regional-summary", fmt, output, Selection(ids=[_release(context)]))
    data = written.read_bytes()
    if fmt == "pdf":
        if not data.startswith(b"%PDF-"):
            raise SelfTestFailure(f"{written.name} is not a PDF")
        if b"NanumGothic" not in data:
            raise SelfTestFailure(f"{written.name} does not embed the bundled Korean font")
    else:
        with zipfile.ZipFile(written) as docx:
            document = docx.read("word/document.xml").decode("utf-8")
        if "충청북도" not in document:
            raise SelfTestFailure(f"{written.name} does not mention 충청북도")
    return f"regional summary, {len(data):,} bytes"


def step_gui(context: Context) -> str:
    """The desktop app's own start (`esgdesk gui --screenshot`) on the test archive: it opens the main window,
    waits until the archive's documents are on screen, renders the window to a PNG and closes."""
    # Offscreen unless the caller chose a platform: the self-test must not flash a window on a user's desktop,
    # and it must run on CI machines that have no display. Set before Qt is first imported.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    archive = _archive(context)
    from esgdesk.search.service import close_index

    close_index(archive)
    archive.close()  # the window opens the archive itself, on its own thread
    context.archive = None

    from esgdesk.ui.app import run_app  # the only Qt in the self-test, and only here

    screenshot = context.workdir / "main-window.png"
    code = run_app(str(context.workdir / "archive"), screenshot=str(screenshot))
    if code != 0:
        raise SelfTestFailure(f"the main window did not open the archive (exit status {code}; see the message above)")
    width, height = _png_size(screenshot)
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return f"main window opened the archive, showed its documents ({width}×{height} px, Qt platform {platform}), closed"


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header: proof the window was rendered, without importing Qt here."""
    try:
        header = path.read_bytes()[:24]
    except OSError as exc:
        raise SelfTestFailure(f"the window was not rendered ({exc.strerror or exc})") from exc
    if len(header) < 24 or not header.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SelfTestFailure("the window's rendering is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


STEPS: tuple[tuple[str, Step], ...] = (
    ("resources", step_resources),
    ("import", step_import),
    ("knowledge", step_knowledge),
    ("search", step_search),
    ("annotate", step_annotate),
    ("docx", step_export_docx),
    ("pdf", step_export_pdf),
    ("gui", step_gui),
)
#: steps that need the archive the import step makes; they are skipped, not failed, when it failed
NEEDS_IMPORT = frozenset({"knowledge", "search", "annotate", "docx", "pdf", "gui"})


def _archive(context: Context) -> Archive:
    if context.archive is None:
        raise SelfTestFailure("no archive (the import step did not run)")
    return context.archive


def _release(context: Context) -> int:
    if context.release_id is None:
        raise SelfTestFailure("no imported release (the import step did not run)")
    return context.release_id


# -- running ---------------------------------------------------------------------------------------------------


def run_self_test(out: TextIO | None = None, *, gui: bool = True, verbose: bool = False) -> list[StepResult]:
    """Run every step in a temporary folder, printing one line per step as it finishes."""
    from esgdesk import __version__

    stream = out or sys.stdout
    _say(stream, f"esgdesk {__version__} self-test ({_where()})")
    results: list[StepResult] = []
    started = time.perf_counter()
    # ignore_cleanup_errors: on Windows a virus scanner may still hold a file the test wrote.
    with tempfile.TemporaryDirectory(prefix="esgdesk-selftest-", ignore_cleanup_errors=True) as folder:
        context = Context(workdir=Path(folder))
        try:
            for name, step in STEPS:
                if name == "gui" and not gui:
                    result = StepResult(name, "skip", "not asked for", 0.0)
                elif name in NEEDS_IMPORT and context.release_id is None:
                    result = StepResult(name, "skip", "needs the import step", 0.0)
                else:
                    result = _run_step(name, step, context, stream, verbose)
                results.append(result)
                _print(stream, result)
        finally:
            _close(context)
    failed = [result for result in results if result.status != "ok" and result.detail != "not asked for"]
    elapsed = time.perf_counter() - started
    if failed:
        _say(stream, f"self-test FAILED: {len(failed)} of {len(results)} steps did not pass ({elapsed:.1f} s)")
    else:
        _say(stream, f"self-test passed: {len(results)} steps in {elapsed:.1f} s")
    return results


def passed(results: list[StepResult]) -> bool:
    return all(result.status == "ok" or result.detail == "not asked for" for result in results)


def _run_step(name: str, step: Step, context: Context, stream: TextIO, verbose: bool) -> StepResult:
    started = time.perf_counter()
    try:
        detail = step(context)
        status = "ok"
    except SelfTestFailure as exc:
        detail, status = str(exc), "FAIL"
    except Exception as exc:  # any crash is a failed step with its reason, never a traceback for the user
        detail, status = f"{type(exc).__name__}: {exc}", "FAIL"
        if verbose:
            traceback.print_exc(file=stream)
    return StepResult(name, status, detail, time.perf_counter() - started)


def _print(stream: TextIO, result: StepResult) -> None:
    _say(stream, f"{result.status:<4}  {result.name:<9}  {result.seconds:5.1f} s  {result.detail}")


def _say(stream: TextIO, line: str) -> None:
    """Print and flush at once, so a CI log shows the step that hangs; survive a stream that cannot encode."""
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(line.encode(encoding, "replace").decode(encoding) + "\n")
    stream.flush()


def _where() -> str:
    if getattr(sys, "frozen", False):
        return f"frozen app at {Path(sys.executable).parent}"
    return f"Python {sys.version.split()[0]} at {Path(sys.executable).parent}"


def _close(context: Context) -> None:
    """Close the archive and its search index so the temporary folder can be removed (Windows locks files)."""
    if context.archive is None:
        return
    from esgdesk.search.service import close_index

    close_index(context.archive)
    context.archive.close()
    context.archive = None


def main(out: TextIO | None = None, *, gui: bool = True, verbose: bool = False) -> int:
    """0 when every step passed, 1 otherwise (DESIGN.md's 'some inputs failed')."""
    return 0 if passed(run_self_test(out, gui=gui, verbose=verbose)) else 1
