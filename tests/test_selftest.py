"""`esgdesk --self-test`, the bundled samples and licences, and the About dialog.

The self-test runs in a subprocess, as users and CI run it: its GUI step starts the app's own event loop
(`run_app`), which must not share a QApplication with the pytest-qt tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from esgdesk import selftest
from esgdesk.core.paths import resource_path
from fixture_paths import SAMPLE as SHARED_SAMPLE

ROOT = Path(__file__).resolve().parents[1]
STEP_LINE = re.compile(r"^(ok|FAIL|skip)\s+(\w+)\s+[\d.]+ s\s+(.*)$")


def _run_self_test(tmp_path: Path, *extra_env: tuple[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", **dict(extra_env)}
    env["ESGDESK_ARCHIVE"] = str(tmp_path / "never-used")
    return subprocess.run(
        [sys.executable, "-m", "esgdesk", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=240,
    )


@pytest.mark.slow
def test_self_test_passes_every_step_and_exits_0(tmp_path: Path) -> None:
    result = _run_self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = {match.group(2): match.group(1) for line in result.stdout.splitlines() if (match := STEP_LINE.match(line))}
    assert steps == {name: "ok" for name, _ in selftest.STEPS}
    assert result.stdout.splitlines()[-1].startswith("self-test passed")
    # the self-test works in its own temporary folder and leaves nothing behind, not even the default archive
    assert not (tmp_path / "never-used").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_missing_resource_fails_its_step_skips_the_rest_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "no-resources"
    empty.mkdir()
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: empty.joinpath(*parts))
    lines: list[str] = []

    class Out:
        encoding = "utf-8"

        def write(self, text: str) -> None:
            lines.extend(text.splitlines())

        def flush(self) -> None:
            pass

    code = selftest.main(Out(), gui=False)  # type: ignore[arg-type]
    assert code == 1
    statuses = {match.group(2): match.group(1) for line in lines if (match := STEP_LINE.match(line))}
    assert statuses["resources"] == "FAIL"
    assert statuses["import"] == "FAIL"
    assert all(statuses[name] == "skip" for name in ("search", "annotate", "docx", "pdf", "gui"))
    assert any("missing from the installation" in line and "NanumGothic.ttf" in line for line in lines)
    assert lines[-1].startswith("self-test FAILED")


def test_the_flag_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    from esgdesk.cli import main

    assert main(["--help"]) == 0
    assert "--self-test" in capsys.readouterr().out


# -- bundled samples -----------------------------------------------------------------------------------------------


def test_the_real_sample_is_bundled_byte_for_byte() -> None:
    bundled = resource_path("samples", selftest.REAL_SAMPLE)
    assert bundled.is_file()
    if SHARED_SAMPLE.is_file():
        assert bundled.read_bytes() == SHARED_SAMPLE.read_bytes()


def test_every_sample_that_is_not_real_says_so_in_its_own_text() -> None:
    samples = sorted(resource_path("samples").glob("*.txt"))
    assert len(samples) >= 2
    for sample in samples:
        text = sample.read_text(encoding="utf-8")
        if sample.name == selftest.REAL_SAMPLE:
            assert "가상" not in text and "FICTITIOUS" not in sample.name
            continue
        assert "FICTITIOUS" in sample.name, sample.name
        # right below the headline, in Korean and in English, so no reader and no briefing can miss it
        assert "가상의 보도자료" in text[:400] and "fictitious" in text[:400], sample.name
    assert (resource_path("samples") / "README.md").is_file()


# -- licences and identity -----------------------------------------------------------------------------------------


def test_the_bundled_licence_list_is_the_repository_one() -> None:
    """The About dialog shows resources/licenses/THIRD_PARTY_LICENSES.md; it must not drift from the root file."""
    root_file = ROOT / "THIRD_PARTY_LICENSES.md"
    if not root_file.is_file():
        pytest.skip("not a source checkout")
    bundled = resource_path("licenses", "THIRD_PARTY_LICENSES.md")
    assert bundled.read_text(encoding="utf-8") == root_file.read_text(encoding="utf-8"), (
        "copy THIRD_PARTY_LICENSES.md to resources/licenses/ after editing it"
    )
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        assert resource_path("licenses", name).stat().st_size > 5000


def test_one_identity_in_the_installers_and_the_about_dialog() -> None:
    if not (ROOT / "installer").is_dir():
        pytest.skip("not a source checkout")
    about = (ROOT / "src" / "esgdesk" / "ui" / "about.py").read_text(encoding="utf-8")
    plist = (ROOT / "installer" / "macos" / "Info.plist").read_text(encoding="utf-8")
    iss = (ROOT / "installer" / "windows" / "esgdesk.iss").read_text(encoding="utf-8")
    spec = (ROOT / "installer" / "esgdesk.spec").read_text(encoding="utf-8")
    for text in (about, plist, iss, spec):
        assert "ESG Desk" in text and "org.esgdesk.esgdesk" in text
    assert "esgdesk team" in about and "esgdesk team" in iss and "esgdesk team" in spec
    for icon in ("esgdesk.png", "esgdesk-256.png", "esgdesk.ico", "esgdesk.icns"):
        assert resource_path("icons", icon).stat().st_size > 1000


def test_the_about_dialog_shows_version_and_every_licence(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from esgdesk import __version__
    from esgdesk.ui.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "aboutText")
    assert text is not None
    assert __version__ in text.text() and "ESG Desk" in text.text()
    titles = [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]
    assert any("OFL" in title for title in titles) and any("LGPL" in title for title in titles)
    third_party = dialog.tabs.widget(0).toPlainText()
    for library in ("PySide6", "SQLAlchemy", "reportlab", "NanumGothic", "KOGL"):
        assert library in third_party
    for index in range(dialog.tabs.count()):
        assert "missing from the installation" not in dialog.tabs.widget(index).toPlainText()
