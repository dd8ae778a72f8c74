"""The command line speaks the user's language: --lang, else the system locale (LC_ALL, LC_MESSAGES, LANG).

Issue 18's done-when checks run the real command in its own process: a bad query, failed imports and a locked
archive read in Korean under a Korean locale or with --lang ko, and in English otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from esgdesk.cli.main import main
from esgdesk.core.i18n import current_language, set_language
from fixture_paths import fixture_path


@pytest.fixture(autouse=True)
def _restore_language() -> object:
    yield
    set_language("en")


def _run(tmp_path: Path, *options: str) -> int:
    # `info` on an empty archive: a command that runs through the whole dispatch and needs nothing else (a read
    # command makes no archive, so the test makes it first).
    from esgdesk.core.archive import Archive

    Archive.open(tmp_path / "archive").close()
    return main([*options, "--archive", str(tmp_path / "archive"), "info", "--json"])


def test_lang_chooses_the_language_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _run(tmp_path, "--lang", "ko") == 0
    assert current_language() == "ko"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert _run(tmp_path, "--lang", "en") == 0
    assert current_language() == "en"


def test_without_lang_the_system_locale_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert _run(tmp_path) == 0
    assert current_language() == "ko"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert _run(tmp_path) == 0
    assert current_language() == "en"


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    assert _run(tmp_path, "--lang", "fr") == 2


# -- what the user reads, end to end: the real command in a real process, Korean by locale or by --lang ----------

HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from esgdesk.core.archive import Archive
    archive = Archive.open(sys.argv[1])
    with archive.writing("import"):   # what `esgdesk import` writes in the lock file
        print("locked", flush=True)
        sys.stdin.read()              # hold until the test closes our stdin
    """
)

#: (environment's LANG, options before the command, the language the user must read)
SETTINGS = [
    pytest.param("ko_KR.UTF-8", [], "ko", id="LANG=ko"),
    pytest.param("en_US.UTF-8", ["--lang", "ko"], "ko", id="--lang ko"),
    pytest.param("en_US.UTF-8", [], "en", id="LANG=en"),
    pytest.param("ko_KR.UTF-8", ["--lang", "en"], "en", id="--lang en"),
]


def _esgdesk(lang: str, options: list[str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m esgdesk` as a user's shell would run it, with only LANG saying the locale."""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang, ESGDESK_LOCK_TIMEOUT="0.3", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "esgdesk", *options, *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def _made(folder: Path) -> Path:
    from esgdesk.core.archive import Archive

    Archive.open(folder).close()
    return folder


@pytest.mark.parametrize(("lang", "options", "language"), SETTINGS)
def test_a_bad_query_is_explained_in_the_users_language(
    tmp_path: Path, lang: str, options: list[str], language: str
) -> None:
    archive = _made(tmp_path / "archive")
    result = _esgdesk(lang, options, "--archive", str(archive), "search", '"청주')
    assert result.returncode == 2
    if language == "ko":
        assert '이 따옴표(")가 닫히지 않았습니다 (1번째 글자)' in result.stderr
        assert "never closed" not in result.stderr
    else:
        assert 'This quote " is never closed (at position 1)' in result.stderr


@pytest.mark.parametrize(("lang", "options", "language"), SETTINGS)
def test_failed_imports_give_their_reasons_in_the_users_language(
    tmp_path: Path, lang: str, options: list[str], language: str
) -> None:
    cut = tmp_path / "잘린 문서.hwp"  # an HWP file cut short: its OLE directory survives, its body does not
    cut.write_bytes(fixture_path("hwp", "source.hwp").read_bytes()[:5000])
    not_a_zip = tmp_path / "report.docx"
    not_a_zip.write_bytes(b"\x00\x01\x02\x03 not a zip package \xff\xfe")
    result = _esgdesk(lang, options, "--archive", str(tmp_path / "archive"), "import", str(cut), str(not_a_zip))
    assert result.returncode == 1  # some files failed
    if language == "ko":
        assert "0건 가져옴, 중복 0건, 실패 2건" in result.stderr
        assert f"esgdesk: {cut}을(를) 가져올 수 없습니다: 손상되었거나 불완전한 HWP 문서입니다(" in result.stderr
        assert "Word 파일이 손상되었습니다(읽을 수 있는 zip 패키지가 아닙니다)" in result.stderr
        assert "cannot import" not in result.stderr and "damaged" not in result.stderr
    else:
        assert "0 imported, 0 duplicates, 2 failed" in result.stderr
        assert f"esgdesk: cannot import {cut}: the HWP file is damaged or incomplete (" in result.stderr
        assert "the Word file is damaged (it is not a readable zip package)" in result.stderr


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    archive = _made(tmp_path / "archive")
    env = {**os.environ, "LANG": "en_US.UTF-8"}  # the holder's language must not matter to the reader
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(archive)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None and process.stdin is not None
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.stdin.close()
    process.wait(timeout=10)


@pytest.mark.parametrize(("lang", "options", "language"), SETTINGS)
def test_a_locked_archive_is_explained_in_the_users_language(
    tmp_path: Path, lock_holder: subprocess.Popen[str], lang: str, options: list[str], language: str, sample_path: Path
) -> None:
    result = _esgdesk(lang, options, "--archive", str(tmp_path / "archive"), "import", str(sample_path))
    assert result.returncode == 2
    if language == "ko":
        assert "esgdesk: 다른 esgdesk(가져오기, 사용자 " in result.stderr
        assert f"의 프로세스 {lock_holder.pid}, 컴퓨터 " in result.stderr
        assert (
            "가 보관함을 변경하고 있습니다. 작업이 끝날 때까지 기다리거나 그 창을 닫은 뒤 다시 시도하십시오."
            in result.stderr
        )
        assert "process" not in result.stderr
    else:
        assert f"The archive is being changed by another esgdesk (import, process {lock_holder.pid} of user " in (
            result.stderr
        )


def test_an_argument_refused_while_parsing_is_explained_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # --limit's own check runs inside argparse, before the parsed --lang could be applied
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    archive = str(_made(tmp_path / "archive"))
    assert main(["--lang", "ko", "--archive", archive, "search", "--limit", "x", "청주"]) == 2
    assert "'x'은(는) 0부터 999999999까지의 정수가 아닙니다" in capsys.readouterr().err
    assert main(["--lang=en", "--archive", archive, "search", "--limit", "x", "청주"]) == 2
    assert "'x' is not a whole number from 0 to 999999999" in capsys.readouterr().err
