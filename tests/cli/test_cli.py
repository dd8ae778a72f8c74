"""The command-line contract of DESIGN.md: JSON shapes, exit codes, stderr for messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from esgdesk import __version__
from esgdesk.cli import main
from esgdesk.core import db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def imported(archive_dir: Path, sample_path: Path, capsys) -> Path:
    code, _, _ = run(capsys, "--archive", str(archive_dir), "import", str(sample_path), "--json")
    assert code == 0
    return archive_dir


def test_import_json_shape_and_exit_0(archive_dir: Path, sample_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--archive", str(archive_dir), "import", str(sample_path), "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"imported", "duplicates", "failed"}
    assert len(report["imported"]) == 21
    first = report["imported"][0]
    assert {"id", "title", "path"} <= set(first)
    assert first["title"] == "탄소중립에 따른 위기, 지역 주도 준비 지원"
    assert first["path"] == str(sample_path)
    assert report["failed"] == [] and report["duplicates"] == []


def test_import_again_reports_duplicates(imported: Path, sample_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--archive", str(imported), "import", str(sample_path), "--json")
    report = json.loads(out)
    assert code == 0
    assert report["imported"] == []
    assert len(report["duplicates"]) == 21
    assert {"path", "title", "id"} <= set(report["duplicates"][0])


def test_bad_inputs_exit_1_with_each_failure_reported(
    archive_dir: Path, sample_path: Path, tmp_path: Path, capsys
) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 8)
    code, out, err = run(
        capsys,
        "--archive",
        str(archive_dir),
        "import",
        str(empty),
        str(tmp_path / "nope.txt"),
        str(sample_path),
        str(noise),
        "--json",
    )
    assert code == 1
    report = json.loads(out)
    assert [Path(f["path"]).name for f in report["failed"]] == ["empty.txt", "nope.txt", "noise.txt"]
    assert all(f["error"] for f in report["failed"])
    assert len(report["imported"]) == 21
    assert "nope.txt" in err  # and the person at the terminal is told too


def test_list_json_newest_first(imported: Path, capsys) -> None:
    code, out, _ = run(capsys, "--archive", str(imported), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 21
    assert all(set(row) == {"id", "title", "kind", "published", "ministry"} for row in rows)
    dates = [row["published"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert rows[-1]["title"] == "탄소중립에 따른 위기, 지역 주도 준비 지원"
    assert rows[-1]["ministry"] == "산업통상자원부"
    assert rows[0]["kind"] == "listing item"


def test_show_json_shape(imported: Path, capsys) -> None:
    _, out, _ = run(capsys, "--archive", str(imported), "list", "--json")
    release_id = next(row["id"] for row in json.loads(out) if row["kind"] == "press release")
    code, out, _ = run(capsys, "--archive", str(imported), "show", str(release_id), "--json")
    assert code == 0
    shown = json.loads(out)
    for key in (
        "id", "title", "kind", "ministry", "department", "published", "source_url", "source_id", "tags",
        "regions", "files", "body",
    ):  # fmt: skip
        assert key in shown
    assert shown["published"] == "2023-04-28"
    assert shown["department"] == "산업통상부"
    assert shown["source_id"] == "156565174"
    assert shown["files"][0]["media_type"] == "text/plain"
    assert set(shown["files"][0]) >= {"name", "sha256", "media_type"}
    assert shown["body"].startswith("탄소중립은 기존")


def test_show_text_output(imported: Path, capsys) -> None:
    code, out, _ = run(capsys, "--archive", str(imported), "show", "1")
    assert code == 0
    assert out.startswith("탄소중립에 따른 위기, 지역 주도 준비 지원\n")
    assert "department: 산업통상부" in out


def test_show_a_missing_document_exits_2(imported: Path, capsys) -> None:
    code, out, err = run(capsys, "--archive", str(imported), "show", "9999")
    assert code == 2
    assert out == ""
    assert "no document 9999" in err


def test_info_json(imported: Path, capsys) -> None:
    code, out, _ = run(capsys, "--archive", str(imported), "info", "--json")
    assert code == 0
    info = json.loads(out)
    assert info["documents"] == 21
    assert info["files"] == 1
    assert info["tags"] == 0 and info["annotations"] == 0 and info["links"] == 0
    assert info["archive"] == str(imported.resolve())
    assert info["schema"] == db.head_revision()


def test_usage_errors_exit_2(capsys) -> None:
    assert run(capsys, "no-such-command")[0] == 2
    assert run(capsys, "show", "not-a-number")[0] == 2


def test_the_archive_env_variable_is_used(archive_dir: Path, sample_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ESGDESK_ARCHIVE", str(archive_dir))
    run(capsys, "import", str(sample_path))
    assert (archive_dir / "archive.sqlite").is_file()


def test_no_display_says_so_and_points_to_the_command_line(capsys, monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    if sys.platform in ("win32", "darwin"):
        pytest.skip("desktops always have a display")
    code, _, err = run(capsys)
    assert code == 2
    assert "no display" in err
    assert "esgdesk --help" in err


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "esgdesk", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"esgdesk {__version__}"


def test_json_is_utf8_when_piped(imported: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "esgdesk", "--archive", str(imported), "list", "--json"],
        capture_output=True,
        timeout=60,
        # a bare environment, but the sources under test (PYTHONPATH) rather than whichever esgdesk is installed
        env={
            "PATH": "",
            "PYTHONIOENCODING": "latin-1",
            "ESGDESK_ARCHIVE": str(imported),
            **{key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ},
        },
    )
    assert result.returncode == 0
    assert "탄소중립" in result.stdout.decode("utf-8")
