from __future__ import annotations

import hashlib

import pytest

from esgdesk.core.files import FileStore


def test_originals_are_stored_by_hash_in_shards(tmp_path) -> None:
    store = FileStore(tmp_path / "files")
    data = "보도자료".encode()
    digest = store.store(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.path_for(digest) == tmp_path / "files" / digest[:2] / digest
    assert store.read(digest) == data


def test_storing_the_same_bytes_twice_writes_one_file(tmp_path) -> None:
    store = FileStore(tmp_path / "files")
    store.store(b"same")
    store.store(b"same")
    assert len([p for p in (tmp_path / "files").rglob("*") if p.is_file()]) == 1


def test_no_temporary_files_are_left_behind(tmp_path) -> None:
    store = FileStore(tmp_path / "files")
    store.store(b"a" * 100_000)
    assert not [p for p in (tmp_path / "files").rglob(".incoming-*")]


def test_paths_cannot_be_steered_outside_the_store(tmp_path) -> None:
    with pytest.raises(ValueError):
        FileStore(tmp_path).path_for("../../etc/passwd")
