"""`esgdesk export`: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from esgdesk.cli.main import main
from fixture_paths import SAMPLE


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    from esgdesk.core.archive import Archive
    from esgdesk.core.models import Collection
    from esgdesk.ingest.pipeline import run_import

    folder = tmp_path_factory.mktemp("cli") / "archive"
    with Archive.open(folder) as archive:
        report = run_import(archive, [SAMPLE])
        with archive.session() as session:
            session.add(Collection(name="빈 묶음"))
            session.commit()
    release = next(entry for entry in report.imported if entry.kind == "press release")
    return folder, release.id


def test_export_writes_the_packet(archive_dir, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, release_id = archive_dir
    output = tmp_path / "brief.pdf"
    code = main(
        ["--archive", str(folder), "export", "--template", "regional-summary", "--ids", str(release_id),
         "-o", str(output), "--author", "홍길동", "--classification", "대외비", "--date", "2026-11-29"]
    )  # fmt: skip
    assert code == 0
    assert output.read_bytes().startswith(b"%PDF")
    assert str(output) in capsys.readouterr().out


def test_format_from_option(archive_dir, tmp_path: Path) -> None:
    folder, release_id = archive_dir
    output = tmp_path / "brief.out"
    code = main(
        [
            "--archive",
            str(folder),
            "export",
            "--template",
            "timeline",
            "--format",
            "docx",
            "--ids",
            str(release_id),
            "-o",
            str(output),
        ]
    )
    assert code == 0 and output.read_bytes().startswith(b"PK")


def test_unknown_template_exits_2(archive_dir, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, release_id = archive_dir
    code = main(
        [
            "--archive",
            str(folder),
            "export",
            "--template",
            "nope",
            "--ids",
            str(release_id),
            "-o",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2
    assert "no briefing template named 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_empty_selection_exits_2(archive_dir, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = archive_dir
    code = main(
        [
            "--archive",
            str(folder),
            "export",
            "--template",
            "digest",
            "--collection",
            "빈 묶음",
            "-o",
            str(tmp_path / "x.docx"),
        ]
    )
    assert code == 2
    assert "no documents" in capsys.readouterr().err
    code = main(
        ["--archive", str(folder), "export", "--template", "digest", "--ids", "9999", "-o", str(tmp_path / "x.docx")]
    )
    assert code == 2
    assert "9999" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
