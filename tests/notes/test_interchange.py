"""W3C Web Annotation export re-imports into another archive unchanged, and again as duplicates."""

from __future__ import annotations

import json
from pathlib import Path

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import run_import
from esgdesk.notes.annotations import create_annotation, list_annotations, save_category
from esgdesk.notes.interchange import W3C_CONTEXT, export_annotations, import_annotations, read_import, write_export

PROGRAMME = "「취약지역 공정전환 지원사업」"


def test_round_trip_into_another_archive(archive, release_id: int, sample_path: Path, tmp_path: Path) -> None:
    save_category(archive, "통계", "#abcdef", "numbers to check")
    create_annotation(archive, release_id, quote=PROGRAMME, occurrence=2, note="**계획**", category="통계")
    create_annotation(archive, release_id, quote="충청북도는", note="", color="#ff0000")
    exported = tmp_path / "annotations.jsonld"
    assert write_export(archive, exported) == 2

    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["@context"] == W3C_CONTEXT and data["type"] == "AnnotationCollection"
    item = data["first"]["items"][0]
    assert item["@context"] == W3C_CONTEXT and item["type"] == "Annotation"
    assert item["target"]["source"].startswith("https://www.korea.kr/")
    kinds = [s["type"] for s in item["target"]["selector"]]
    assert kinds == ["TextPositionSelector", "TextQuoteSelector"]

    other = Archive.open(tmp_path / "other")
    try:
        run_import(other, [sample_path])
        report = import_annotations(other, read_import(exported))
        assert len(report.imported) == 2 and not report.failed
        before = [_comparable(v) for v in list_annotations(archive, release_id)]
        after = [_comparable(v) for v in list_annotations(other, report.imported[0]["document_id"])]
        assert after == before
        re_exported = export_annotations(other)["first"]["items"]
        assert [_without_id(i) for i in re_exported] == [_without_id(i) for i in data["first"]["items"]]
        again = import_annotations(other, read_import(exported))
        assert len(again.duplicates) == 2 and not again.imported
    finally:
        other.close()


def test_unknown_document_is_reported(archive, tmp_path: Path) -> None:
    item = {
        "@context": W3C_CONTEXT,
        "type": "Annotation",
        "body": "메모",
        "target": {
            "source": "urn:sha256:" + "0" * 64,
            "selector": [{"type": "TextQuoteSelector", "exact": "없는 글"}],
        },
    }
    report = import_annotations(archive, [item, {"type": "Annotation"}])
    assert [f["index"] for f in report.failed] == [0, 1]
    assert "No document" in report.failed[0]["error"]


def _without_id(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "id"}


def _comparable(view) -> tuple:
    return (
        view.start, view.end, view.quote, view.prefix, view.suffix, view.note, view.category, view.color,
        view.status, view.author, view.created_at,
    )  # fmt: skip
