"""The safety commands as scripts see them: exit codes 0/1/2, data on stdout, messages on stderr."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from esgdesk.cli.main import main
from esgdesk.core.archive import Archive
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.search.index import SearchIndex


@pytest.fixture
def filled(archive_dir: Path, sample_path: Path) -> Path:
    with Archive.open(archive_dir) as archive:
        assert not run_import(archive, [sample_path], limits=ImportLimits(parse_in_worker=False)).failed
        with SearchIndex(archive) as index:
            index.rebuild()
    return archive_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_exit_codes_and_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--archive", str(filled), "check", "--json")
    assert code == 0 and json.loads(out)["healthy"] is True
    (filled / "files" / ".incoming-abc").write_bytes(b"half")
    code, out, err = run(capsys, "--archive", str(filled), "check")
    assert code == 1 and "temp-file" in err and ".incoming-abc" in err and out == ""
    code, out, err = run(capsys, "--archive", str(filled), "check", "--repair", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] and report["backup"] and report["problems"][0]["repaired"]


def test_check_cannot_run_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_an_archive = tmp_path / "file.txt"
    not_an_archive.write_text("x")
    code, _, err = run(capsys, "--archive", str(not_an_archive), "check")
    assert code == 2 and "esgdesk:" in err


def test_backup_list_and_restore(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--archive", str(filled), "backup", "--json")
    backup = Path(json.loads(out)["backup"])
    assert code == 0 and backup.is_file()
    code, out, _ = run(capsys, "--archive", str(filled), "backup", "--list", "--json")
    assert code == 0 and [item["path"] for item in json.loads(out)] == [str(backup)]
    code, out, err = run(capsys, "--archive", str(filled), "restore", backup.name, "--json")
    assert code == 0 and json.loads(out)["restored"] == str(backup)
    code, _, err = run(capsys, "--archive", str(filled), "restore", "no-such-backup.sqlite")
    assert code == 2 and "No backup" in err


def test_bundle_export_and_import(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "all.esgd"
    code, out, _ = run(capsys, "--archive", str(filled), "bundle", "export", str(bundle), "--json")
    assert code == 0 and json.loads(out)["documents"] >= 1
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--archive", str(other), "bundle", "import", str(bundle), "--json")
    assert code == 0 and json.loads(out)["added"]["documents"] >= 1
    code, out, _ = run(capsys, "--archive", str(other), "bundle", "import", str(bundle))
    assert code == 0 and "nothing new" in out
    code, out, _ = run(capsys, "--archive", str(other), "check")
    assert code == 0


def test_a_hostile_bundle_exits_2_with_a_reason(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "evil.esgd"
    with zipfile.ZipFile(hostile, "w") as zipped:
        zipped.writestr("manifest.json", json.dumps({"format": "esgdesk-bundle", "version": 1, "tables": {}}))
        zipped.writestr("../../evil", b"x")
    code, out, err = run(capsys, "--archive", str(filled), "bundle", "import", str(hostile))
    assert code == 2 and "climbs out" in err and out == "" and "Traceback" not in err
