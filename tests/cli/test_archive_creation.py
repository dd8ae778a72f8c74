"""An archive is made only when asked: read commands need one, write commands make one only in a new or empty
folder and say so, and a folder holding anything else is left exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from esgdesk.cli import main
from esgdesk.core.paths import resources_root
from fixture_paths import RELEASES

RELEASES_SOME = sorted(RELEASES.iterdir())[:4]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(folder: Path) -> dict[str, float]:
    return {str(path): path.stat().st_mtime for path in folder.rglob("*")}


@pytest.mark.parametrize(
    "command",
    [["list"], ["show", "1"], ["search", "탄소"], ["info"], ["check"], ["facts", "1"], ["backup"], ["tag", "1", "x"]],
)
def test_read_and_edit_commands_on_a_missing_archive_exit_2_and_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    typo = tmp_path / "archvie"
    code, _out, err = run(capsys, "--archive", str(typo), *command)
    assert code == 2
    assert f"no archive at {typo}" in err
    assert not typo.exists()


def test_import_creates_an_archive_in_a_new_folder_and_says_so(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "new"
    code, _out, err = run(capsys, "--archive", str(root), "import", str(sample_path))
    assert code == 0, err
    assert f"created a new archive at {root}" in err
    assert (root / "archive.sqlite").is_file()
    code, _out, err = run(capsys, "--archive", str(root), "import", str(sample_path))
    assert "created a new archive" not in err  # only the first time


def test_import_into_an_empty_existing_folder_is_allowed(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    code, _out, err = run(capsys, "--archive", str(root), "import", str(sample_path))
    assert code == 0 and "created a new archive" in err


def test_a_non_empty_folder_that_is_not_an_archive_is_refused_untouched(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my-documents"
    folder.mkdir()
    (folder / "report.hwp").write_bytes(b"an analyst's own file")
    before = _snapshot(folder)
    for command in (["import", str(sample_path)], ["list"], ["bundle", "import", str(sample_path)]):
        code, _out, err = run(capsys, "--archive", str(folder), *command)
        assert code == 2 and "no archive at" in err
    assert _snapshot(folder) == before and sorted(os.listdir(folder)) == ["report.hwp"]


def test_pointing_at_the_apps_own_resources_writes_nothing(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources = resources_root()
    before = _snapshot(resources)
    code, _out, err = run(capsys, "--archive", str(resources), "import", str(sample_path))
    assert code == 2 and "no archive at" in err
    assert _snapshot(resources) == before


def test_a_read_only_originals_folder_stops_the_import_once_with_exit_2(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    root = tmp_path / "archive"
    assert run(capsys, "--archive", str(root), "import", str(sample_path))[0] == 0
    files = root / "files"
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (a chmod does not stop root)")
    mounted = subprocess.run(["mount", "--bind", str(files), str(files)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(files)], check=True, capture_output=True)
        code, _out, err = run(capsys, "--archive", str(root), "import", *map(str, RELEASES_SOME))
    finally:
        subprocess.run(["umount", str(files)], capture_output=True)
    assert code == 2
    assert err.count("cannot be written") == 1 and "Traceback" not in err
