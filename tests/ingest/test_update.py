"""`import --update`: a corrected release replaces the text of the archived one, keeps the earlier text and
file, and carries the analyst's annotations over."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select

from esgdesk.cli import main
from esgdesk.core.models import DocumentRevision
from esgdesk.ingest.pipeline import ImportPipeline, run_import
from esgdesk.library.documents import document_details
from esgdesk.notes.annotations import create_annotation, list_annotations


def corrected_copy(sample_path: Path, tmp_path: Path) -> Path:
    text = sample_path.read_text(encoding="utf-8")
    text = text.replace("중?소상공인", "중·소상공인")  # the correction fixes the lost middle dot
    text = text.replace(
        "탄소중립은 기존 화석연료",
        "【정정】 4월 28일 배포 자료 중 일부 표기를 바로잡습니다.\n\n탄소중립은 기존 화석연료",
    )
    text = text.replace("지역별 정책기획, 기업 컨설팅, 근로자 교육훈련을 지원하는 사업이다.", "")
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(text, encoding="utf-8")
    return corrected


def test_update_replaces_text_and_reanchors(archive, sample_path: Path, tmp_path: Path) -> None:
    run_import(archive, [sample_path])
    kept = create_annotation(archive, 1, quote="시멘트 산업과 반도체 산업이 밀집해", note="충북 핵심 산업")
    dropped = create_annotation(archive, 1, quote="기업 컨설팅, 근로자 교육훈련을 지원하는 사업이다.", note="사업 내용")

    without_update = run_import(archive, [corrected_copy(sample_path, tmp_path)])
    assert without_update.updated == []
    assert "source id 156565174" in without_update.duplicates[0].reason

    report = list(ImportPipeline(archive, update=True).run([corrected_copy(sample_path, tmp_path)]))[-1].report
    [updated] = report.updated
    assert updated.id == 1
    assert [change.annotation_id for change in updated.revision.moved] == [kept.id]
    assert [change.annotation_id for change in updated.revision.orphaned] == [dropped.id]

    details = document_details(archive, 1)
    assert details["body"].startswith("【정정】")
    assert "중·소상공인" in details["body"]
    roles = {file["name"]: file["role"] for file in details["files"]}
    assert roles == {sample_path.name: "revision", "corrected.txt": "original"}  # the earlier file is kept
    with archive.session() as session:
        [revision] = session.exec(select(DocumentRevision)).all()
    assert not revision.body.startswith("【정정】")  # the earlier text, with the sentence the correction dropped
    assert "기업 컨설팅, 근로자 교육훈련을 지원하는 사업이다." in revision.body
    annotations = {annotation.id: annotation for annotation in list_annotations(archive, 1)}
    body = details["body"]
    moved = annotations[kept.id]
    assert body[moved.start : moved.end] == "시멘트 산업과 반도체 산업이 밀집해"
    assert annotations[dropped.id].status == "orphaned"
    assert details["regions"][0] == "충청북도"  # entities were extracted again from the new text


def test_update_cli_reports_what_moved(archive_dir: Path, sample_path: Path, tmp_path: Path, capsys) -> None:
    base = ["--archive", str(archive_dir)]
    assert main([*base, "import", str(sample_path)]) == 0
    quote = "시멘트 산업과 반도체 산업이 밀집해"
    assert main([*base, "annotate", "1", "--quote", quote, "--note", "핵심"]) == 0
    capsys.readouterr()
    assert main([*base, "import", "--update", "--json", str(corrected_copy(sample_path, tmp_path))]) == 0
    report = json.loads(capsys.readouterr().out)
    [updated] = report["updated"]
    assert updated["id"] == 1
    assert [change["new"]["quote"] for change in updated["annotations"]["moved"]] == [quote]
