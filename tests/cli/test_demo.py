"""`esgdesk demo [DIR]`: a demo archive from the bundled samples, a regional briefing in two formats, the app."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from esgdesk.cli import app as app_command
from esgdesk.cli import demo as demo_command
from esgdesk.cli import main


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """One demo for the module's tests: it imports four releases and renders two briefings (~10 s)."""
    folder = tmp_path_factory.mktemp("demo") / "my demo"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["demo", str(folder), "--no-gui"])
    return folder, code, out.getvalue()


def test_demo_makes_an_archive_and_a_regional_briefing_in_both_formats(demo_run) -> None:
    folder, code, out = demo_run
    assert code == 0, out
    assert (folder / "archive" / "archive.sqlite").is_file()
    pdf = folder / "regional-summary.pdf"
    docx = folder / "regional-summary.docx"
    assert pdf.read_bytes().startswith(b"%PDF-")
    with zipfile.ZipFile(docx) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert "충청북도" in document
    # the briefing includes releases written for the demo, and says so on its cover and every page
    assert demo_command.DEMO_LABEL in document
    assert str(pdf) in out and str(docx) in out


def test_demo_prints_documents_regions_and_programmes(demo_run) -> None:
    _, _, out = demo_run
    assert "Documents: 4 release(s)" in out
    assert "탄소중립에 따른 위기, 지역 주도 준비 지원" in out
    assert out.count("[fictitious demo release]") == 3
    regions = next(line for line in out.splitlines() if line.startswith("Regions"))
    assert "충청북도" in regions and "울산광역시" in regions
    programmes = next(line for line in out.splitlines() if line.startswith("Programmes"))
    assert "취약지역 공정전환 지원사업 ×2" in programmes
    assert "esgdesk --archive" in out  # how to open it later


def test_the_demo_archive_is_searchable_at_once(demo_run, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _, _ = demo_run
    assert main(["--archive", str(folder / "archive"), "search", "공정전환", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] >= 2


def test_running_the_demo_again_adds_nothing(demo_run, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _, _ = demo_run
    assert main(["demo", str(folder), "--no-gui"]) == 0
    out = capsys.readouterr().out
    assert "0 document(s) added" in out
    assert "Documents: 4 release(s)" in out


def test_without_a_display_the_demo_says_how_to_open_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(demo_command, "display_available", lambda: False)
    only_the_real_one = demo_command.sample_paths()[:1]
    monkeypatch.setattr(demo_command, "sample_paths", lambda: only_the_real_one)
    assert main(["demo", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert "No display is available" in out
    assert f"esgdesk --archive {tmp_path / 'd' / 'archive'}" in out


def test_with_a_display_the_demo_opens_the_app_on_its_archive(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(demo_command, "display_available", lambda: True)
    only_the_real_one = demo_command.sample_paths()[:1]
    monkeypatch.setattr(demo_command, "sample_paths", lambda: only_the_real_one)
    import esgdesk.ui.app

    monkeypatch.setattr(esgdesk.ui.app, "run_app", lambda location, **_: opened.append(location) or 0)
    assert main(["demo", str(tmp_path / "d")]) == 0
    assert opened == [str((tmp_path / "d" / "archive").resolve())]


def test_esgdesk_without_a_display_points_to_demo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app_command, "display_available", lambda: False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "no display" in err and "esgdesk demo" in err and "--help" in err
