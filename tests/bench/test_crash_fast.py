"""The crash harness, fast: one SIGKILL per scenario (bench/crash.py runs 23 per scenario), invariants checked.

The `derived` invariant (every committed document searchable by its own word and with its entities after one
further open) needs the change queue of issue 19 item 1 (`esgdesk.core.changes`): until that is in the tree a
kill between a commit and its after-commit steps can leave a document out of the index, and the test of that
invariant is an expected failure — it turns into a plain test the moment the queue exists."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from fixture_paths import PROJECT_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX"),
]

HAS_CHANGE_QUEUE = importlib.util.find_spec("esgdesk.core.changes") is not None


@pytest.fixture(scope="module")
def tallies(tmp_path_factory: pytest.TempPathFactory) -> dict:
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    try:
        import crash
    finally:
        sys.path.remove(str(PROJECT_ROOT / "bench"))
    result = crash.run(
        kills=1,
        seed=int(os.environ.get("ESGDESK_CRASH_SEED", "19")),
        only=None,
        work=tmp_path_factory.mktemp("crash"),
        progress=False,
    )
    print(crash.table(result))
    return result


def _failures(tallies: dict, invariant: str) -> list[str]:
    return [f for tally in tallies.values() for f in tally.failures if f" {invariant}: " in f]


def test_every_scenario_was_killed(tallies: dict) -> None:
    assert len(tallies) == 9
    assert all(tally.kills == 1 for tally in tallies.values())


@pytest.mark.parametrize("invariant", ["whole", "backups", "rerun", "check"])
def test_invariant_holds_after_every_kill(tallies: dict, invariant: str) -> None:
    assert _failures(tallies, invariant) == []


@pytest.mark.xfail(not HAS_CHANGE_QUEUE, reason="needs the change queue (issue 19 item 1)", strict=False)
def test_every_committed_document_is_searchable_with_its_entities_after_the_next_open(tallies: dict) -> None:
    assert _failures(tallies, "derived") == []
