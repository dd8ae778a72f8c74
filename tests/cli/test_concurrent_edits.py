"""Two analysts' esgdesk processes saving the same note, annotation note or tag at the same moment, on SQLite
and on the real PostgreSQL server: exactly one save, one refusal (exit 2) that names the one who saved and
shows both texts, and the saved text is the winner's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from esgdesk.core.archive import Archive
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.tagging import all_tags, tag_documents
from esgdesk.notes.annotations import create_annotation
from esgdesk.search.service import close_index

SOURCES = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def shared(location: str, sample_path: Path) -> str:
    """An archive (a folder, or a database on the test server) holding the sample release as document 1."""
    archive = Archive.open(location)
    try:
        report = run_import(archive, [sample_path], limits=ImportLimits(parse_in_worker=False))
        assert report.imported and not report.failed
    finally:
        close_index(archive)
        archive.close()
    return location


def _start(author: str, *argv: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "ESGDESK_AUTHOR": author, "PYTHONPATH": str(SOURCES), "LANG": "en_US.UTF-8"}
    environment.pop("LC_ALL", None)
    return subprocess.Popen(
        [sys.executable, *argv], env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _at_once(*processes: subprocess.Popen[str]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


def _cli(location: str, author: str, *args: str) -> subprocess.Popen[str]:
    return _start(author, "-m", "esgdesk", "--archive", location, *args)


def _one_saved_one_refused(results: list[tuple[int, str, str]], texts: dict[str, str]) -> tuple[str, str]:
    """(winner, loser) by author; checks the loser's message names the winner and shows both texts."""
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    authors = list(texts)
    winner = authors[[code for code, _, _ in results].index(0)]
    loser = authors[1 - authors.index(winner)]
    refusal = next(err for code, _, err in results if code == 2)
    assert "Traceback" not in refusal
    assert f"by {winner}" in refusal and texts[winner] in refusal, refusal
    return winner, loser


def test_two_processes_save_one_document_note(shared: str) -> None:
    texts = {"analyst-A": "A가 쓴 메모: 충북 지원 확인", "analyst-B": "B가 쓴 메모: 예산 규모 질문"}
    results = _at_once(
        *[_cli(shared, who, "note", "1", "--text", text, "--expect-version", "1") for who, text in texts.items()]
    )
    winner, loser = _one_saved_one_refused(results, texts)
    refusal = next(err for code, _, err in results if code == 2)
    assert texts[loser] in refusal  # their own text is shown back, not lost
    code, out, _ = _at_once(_cli(shared, loser, "note", "1", "--json"))[0]
    assert code == 0 and json.loads(out) == {"id": 1, "note": texts[winner], "version": 2, "author": winner}


def test_two_processes_without_a_version_still_give_one_save(shared: str) -> None:
    """The one-shot form: each saves against what it read; at once, the second is refused either way."""
    texts = {"analyst-A": "A의 메모", "analyst-B": "B의 메모"}
    results = _at_once(*[_cli(shared, who, "note", "1", "--text", text) for who, text in texts.items()])
    winner, _ = _one_saved_one_refused(results, texts)
    code, out, _ = _at_once(_cli(shared, winner, "note", "1", "--json"))[0]
    assert code == 0 and json.loads(out)["note"] == texts[winner]


def test_two_processes_save_one_annotation_note(shared: str) -> None:
    archive = Archive.open(shared)
    try:
        made = create_annotation(archive, 1, quote="충청북도는", note="처음 메모", author="김작성")
    finally:
        close_index(archive)
        archive.close()
    texts = {"analyst-A": "A: 핵심 근거", "analyst-B": "B: 후속 확인"}
    results = _at_once(
        *[
            _cli(shared, who, "annotation-note", str(made.id), "--text", text, "--expect-version", str(made.version))
            for who, text in texts.items()
        ]
    )
    winner, _ = _one_saved_one_refused(results, texts)
    refusal = next(err for code, _, err in results if code == 2)
    assert "김작성" not in refusal  # the creator did not save the text in place
    code, out, _ = _at_once(_cli(shared, winner, "annotation-note", str(made.id), "--json"))[0]
    assert code == 0 and json.loads(out)["note"] == texts[winner] and json.loads(out)["author"] == winner


RENAME = """
import sys
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.library.tagging import rename_tag
archive = Archive.open(sys.argv[1])
try:
    rename_tag(archive, int(sys.argv[2]), sys.argv[3], version=int(sys.argv[4]))
except EsgdeskError as exc:
    print(exc, file=sys.stderr)
    sys.exit(2)
"""


def test_two_processes_rename_one_tag(shared: str) -> None:
    archive = Archive.open(shared)
    try:
        tag_documents(archive, [1], ["공정전환"])
        tag = next(info for info in all_tags(archive) if info.path == "공정전환")
    finally:
        close_index(archive)
        archive.close()
    texts = {"analyst-A": "정의로운 전환", "analyst-B": "공정한 전환"}
    results = _at_once(*[_start(who, "-c", RENAME, shared, str(tag.id), name, "1") for who, name in texts.items()])
    winner, loser = _one_saved_one_refused(results, texts)
    assert texts[loser] in next(err for code, _, err in results if code == 2)
    with Archive.open(shared) as archive:
        assert [info.path for info in all_tags(archive)] == [texts[winner]]
