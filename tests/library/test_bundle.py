"""Bundles: an archive round-trips exactly, a second import adds nothing, hostile bundles are refused whole."""

from __future__ import annotations

import hashlib
import io
import json
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from esgdesk.core.archive import Archive
from esgdesk.core.models import (
    Annotation,
    Collection,
    CollectionItem,
    Document,
    DocumentFile,
    DocumentTag,
    Link,
    SavedSearch,
    SourceFile,
    Tag,
    TagRule,
)
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.bundle import (
    BundleError,
    BundleLimits,
    export_bundle,
    import_bundle,
)

COUNTED = (Document, SourceFile, DocumentFile, Tag, DocumentTag, Annotation, Link, Collection, CollectionItem)


def _import(archive: Archive, path: Path) -> None:
    report = run_import(archive, [path], limits=ImportLimits(parse_in_worker=False))
    assert not report.failed


def populate(archive: Archive, sample: Path) -> None:
    """The user's sample plus what an analyst adds: nested tags, a rule, an annotation, links, a collection."""
    _import(archive, sample)
    with archive.writing("test"), archive.session() as session:
        documents = session.exec(select(Document).order_by(Document.id)).all()
        release = next(d for d in documents if d.kind == "press release")
        other = next(d for d in documents if d.id != release.id)
        parent = Tag(name="정책", color="#336699")
        session.add(parent)
        session.flush()
        child = Tag(name="공정전환", parent_id=parent.id)
        session.add(child)
        session.flush()
        rule = TagRule(name="공정전환 규칙", tag_id=child.id, pattern="공정전환")
        session.add(rule)
        session.flush()
        session.add(DocumentTag(document_id=release.id, tag_id=child.id, origin="rule", rule_id=rule.id))
        session.add(DocumentTag(document_id=other.id, tag_id=parent.id))
        start = release.body.index("지역")
        annotation = Annotation(
            document_id=release.id, start=start, end=start + 2, exact="지역", note="**핵심** 지역 주도", color="#ff0"
        )
        session.add(annotation)
        session.flush()
        session.add(
            Link(source_id=release.id, target_id=other.id, relation="related", source_annotation_id=annotation.id)
        )
        session.add(Link(source_id=other.id, target_id=release.id, relation="cites", note="역방향"))
        collection = Collection(name="충북 브리핑", description="회의용")
        session.add(collection)
        session.flush()
        session.add(CollectionItem(collection_id=collection.id, document_id=release.id, position=0))
        session.add(CollectionItem(collection_id=collection.id, document_id=other.id, position=1))
        session.add(SavedSearch(name="전환", query="공정전환"))
        session.commit()


def snapshot(archive: Archive) -> dict[str, Any]:
    """Everything that must survive a round trip, keyed by content rather than ids."""
    with archive.session() as session:
        docs = {d.id: d for d in session.exec(select(Document))}
        key = {doc_id: d.content_hash for doc_id, d in docs.items()}
        tags = {t.id: t for t in session.exec(select(Tag))}

        def tag_path(tag_id: int) -> str:
            tag = tags[tag_id]
            return (tag_path(tag.parent_id) + "/" if tag.parent_id else "") + tag.name

        skip = {"id", "ministry_id"}
        files = {f.id: f for f in session.exec(select(SourceFile))}
        annotations = {a.id: a for a in session.exec(select(Annotation))}
        rules = {r.id: r.name for r in session.exec(select(TagRule))}
        return {
            "documents": sorted(
                json.dumps({k: str(v) for k, v in d.model_dump().items() if k not in skip}, ensure_ascii=False)
                for d in docs.values()
            ),
            "files": sorted(
                (key[df.document_id], files[df.source_file_id].sha256, files[df.source_file_id].name, df.role)
                for df in session.exec(select(DocumentFile))
            ),
            "tags": sorted((tag_path(t.id), t.color) for t in tags.values()),
            "document_tags": sorted(
                (key[dt.document_id], tag_path(dt.tag_id), dt.origin, rules.get(dt.rule_id))
                for dt in session.exec(select(DocumentTag))
            ),
            "annotations": sorted(
                (key[a.document_id], a.start, a.end, a.exact, a.prefix, a.suffix, a.note, a.color, str(a.created_at))
                for a in annotations.values()
            ),
            "links": sorted(
                (
                    key[link.source_id],
                    key[link.target_id],
                    link.relation,
                    link.note,
                    annotations[link.source_annotation_id].exact if link.source_annotation_id else None,
                )
                for link in session.exec(select(Link))
            ),
            "collections": sorted(
                (c.name, c.description, i.position, key[i.document_id])
                for c in session.exec(select(Collection))
                for i in session.exec(select(CollectionItem).where(CollectionItem.collection_id == c.id))
            ),
            "searches": sorted((s.name, s.query) for s in session.exec(select(SavedSearch))),
            "rules": sorted((r.name, tag_path(r.tag_id), r.pattern) for r in session.exec(select(TagRule))),
        }


def counts(archive: Archive) -> dict[str, int]:
    with archive.session() as session:
        return {m.__name__: session.exec(select(func.count()).select_from(m)).one() for m in COUNTED}


def stored_files(archive: Archive) -> set[str]:
    return {p.name for p in archive.files.root.rglob("*") if p.is_file()}


@pytest.fixture
def source(tmp_path: Path, sample_path: Path) -> Archive:
    archive = Archive.open(tmp_path / "source")
    populate(archive, sample_path)
    yield archive
    archive.close()


@pytest.fixture
def bundle_file(source: Archive, tmp_path: Path) -> Path:
    target = tmp_path / "out" / "all.esgd"
    export_bundle(source, target)
    return target


def test_round_trip_is_exact_and_twice_adds_nothing(source: Archive, bundle_file: Path, archive: Archive) -> None:
    first = import_bundle(archive, bundle_file)
    assert first.added["documents"] == counts(source)["Document"]
    assert snapshot(archive) == snapshot(source)
    for digest in stored_files(source):
        assert archive.files.read(digest) == source.files.read(digest)
    before = counts(archive)
    again = import_bundle(archive, bundle_file)
    assert again.added_total == 0 and again.files_written == 0
    assert counts(archive) == before and snapshot(archive) == snapshot(source)


def test_bundle_holds_a_versioned_manifest_and_checksummed_originals(bundle_file: Path) -> None:
    with zipfile.ZipFile(bundle_file) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
        assert manifest["format"] == "esgdesk-bundle" and manifest["version"] == 1
        for row in manifest["tables"]["files"]:
            assert hashlib.sha256(zipped.read(f"files/{row['sha256']}")).hexdigest() == row["sha256"]
        assert {"documents", "tags", "entities", "mentions", "facts", "annotations", "links"} <= set(manifest["tables"])


def test_merge_into_an_archive_that_has_the_document_adds_only_the_notes(
    source: Archive, bundle_file: Path, archive: Archive, sample_path: Path
) -> None:
    _import(archive, sample_path)
    documents = counts(archive)["Document"]
    report = import_bundle(archive, bundle_file)
    assert "documents" not in report.added and counts(archive)["Document"] == documents
    assert report.added["annotations"] == 1 and report.added["links"] == 2
    assert snapshot(archive)["tags"] == snapshot(source)["tags"]


def test_partial_export_by_query(source: Archive, tmp_path: Path, archive: Archive) -> None:
    report = export_bundle(source, tmp_path / "q.esgd", query="공정전환")
    assert 1 <= report.documents < counts(source)["Document"]
    import_bundle(archive, tmp_path / "q.esgd")
    with archive.session() as session:
        assert all("공정전환" in d.title + d.body for d in session.exec(select(Document)))


def _rewrite(bundle: Path, target: Path, change: Any) -> Path:
    """Copy a bundle, letting `change(name, data)` return new data (or None to drop the member)."""
    with zipfile.ZipFile(bundle) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
    return target


def _assert_nothing_changed(archive: Archive, before_counts: dict[str, int], before_files: set[str]) -> None:
    assert counts(archive) == before_counts
    assert stored_files(archive) == before_files


def test_tampered_original_refuses_the_whole_bundle(bundle_file: Path, archive: Archive, tmp_path: Path) -> None:
    def tamper(name: str, data: bytes) -> bytes:
        return data.replace("지역".encode(), "중앙".encode()) if name.startswith("files/") else data

    bad = _rewrite(bundle_file, tmp_path / "tampered.esgd", tamper)
    before, files = counts(archive), stored_files(archive)
    with pytest.raises(BundleError, match="checksum"):
        import_bundle(archive, bad)
    _assert_nothing_changed(archive, before, files)


def test_failure_while_writing_originals_leaves_nothing(
    bundle_file: Path, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, files = counts(archive), stored_files(archive)

    def disk_full(data: bytes) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive.files, "store", disk_full)
    with pytest.raises(BundleError, match="No space left"):
        import_bundle(archive, bundle_file)
    _assert_nothing_changed(archive, before, files)


def _zip_with(tmp_path: Path, members: dict[str, bytes], name: str = "hostile.esgd") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for member, data in members.items():
            zipped.writestr(member, data)
    return path


def _manifest(**changes: Any) -> bytes:
    manifest = {"format": "esgdesk-bundle", "version": 1, "tables": {}}
    manifest.update(changes)
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("../evil.txt", "climbs out"),
        ("files/../../evil", "climbs out"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/evil.dll", "drive"),
        ("files\\..\\evil", "backslash"),
        ("extra.exe", "unexpected member"),
    ],
)
def test_members_that_climb_out_are_refused(tmp_path: Path, archive: Archive, member: str, reason: str) -> None:
    bundle = _zip_with(tmp_path, {"manifest.json": _manifest(), member: b"payload"})
    with pytest.raises(BundleError, match=reason):
        import_bundle(archive, bundle)
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_is_refused_quickly_with_bounded_memory(tmp_path: Path, archive: Archive) -> None:
    digest = "0" * 64
    bomb = _zip_with(tmp_path, {"manifest.json": _manifest(), f"files/{digest}": bytes(64 * 1024 * 1024)})
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(BundleError, match="zip bomb"):
        import_bundle(archive, bomb)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 2 and peak < 16 * 1024 * 1024


def test_bomb_that_lies_about_its_size_is_stopped_by_the_bytes_read(tmp_path: Path, archive: Archive) -> None:
    """A member declaring a small size but inflating to much more: reading stops at the declared size."""
    payload = bytes(32 * 1024 * 1024)
    bomb = _zip_with(tmp_path, {"manifest.json": payload})
    raw = bytearray(bomb.read_bytes())
    fake = (40_000).to_bytes(4, "little")
    local = raw.index(b"PK\x03\x04")
    raw[local + 22 : local + 26] = fake  # local header: uncompressed size
    central = raw.index(b"PK\x01\x02")
    raw[central + 24 : central + 28] = fake  # central directory: uncompressed size
    bomb.write_bytes(bytes(raw))
    tracemalloc.start()
    with pytest.raises(BundleError):
        import_bundle(archive, bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_too_many_members_are_refused_before_reading(tmp_path: Path, archive: Archive) -> None:
    members = {"manifest.json": _manifest(), **{f"files/{i:064x}": b"x" for i in range(20)}}
    with pytest.raises(BundleError, match="members"):
        import_bundle(archive, _zip_with(tmp_path, members), limits=BundleLimits(max_members=10))


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (_manifest(version=2), "version 2"),
        (_manifest(version="1"), "version"),
        (b"{not json", "not valid JSON"),
        (json.dumps({"format": "zip", "version": 1}).encode(), "not an esgdesk bundle"),
        (_manifest(tables=[]), "tables"),
        (_manifest(tables={"documents": [{"id": 1, "title": 5, "content_hash": "x"}]}), "title"),
        (
            _manifest(
                tables={"tags": [{"id": 1, "name": "a", "parent_id": 2}, {"id": 2, "name": "b", "parent_id": 1}]}
            ),
            "cycle",
        ),
        (_manifest(tables={"document_tags": [{"document_id": 9, "tag_id": 9}]}), "does not hold"),
    ],
)
def test_unknown_versions_and_malformed_manifests_are_refused(
    tmp_path: Path, archive: Archive, manifest: bytes, reason: str
) -> None:
    with pytest.raises(BundleError, match=reason):
        import_bundle(archive, _zip_with(tmp_path, {"manifest.json": manifest}))


def test_not_a_zip_is_refused(tmp_path: Path, archive: Archive) -> None:
    path = tmp_path / "x.esgd"
    path.write_bytes(io.BytesIO(b"plain text").getvalue())
    with pytest.raises(BundleError, match="not a zip"):
        import_bundle(archive, path)


def test_a_manifest_nested_deeply_is_refused_not_a_recursion_error(tmp_path: Path, archive: Archive) -> None:
    nested = ("[" * 200_000 + "]" * 200_000).encode()
    with pytest.raises(BundleError, match=r"nested deeper than \d+ levels"):
        import_bundle(archive, _zip_with(tmp_path, {"manifest.json": nested}))


def test_the_zip_directory_is_read_without_zipfile_internals(tmp_path: Path) -> None:
    from esgdesk.ingest.safe_zip import central_directory

    bundle = _zip_with(tmp_path, {"manifest.json": b"{}", **{f"files/{i:064x}": b"x" for i in range(3)}})
    with bundle.open("rb") as handle:
        entries, size = central_directory(handle)  # type: ignore[misc]
    with zipfile.ZipFile(bundle) as opened:
        assert entries == len(opened.infolist()) == 4
    assert 0 < size < 1000
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"not a zip")
    with plain.open("rb") as handle:
        assert central_directory(handle) is None
