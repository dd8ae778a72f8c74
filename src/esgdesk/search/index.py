"""The full-text index: SQLite FTS5 in its own file, `search.sqlite`, beside `archive.sqlite`.

Why a separate file (as calibre keeps `full-text-search.db` beside its library): the index is derived data.
It can be deleted and rebuilt from the documents at any time, it roughly doubles the database's size, and
backups of the archive need not carry it. Why its own sqlite3 connection, with the archive ATTACHed read-only,
rather than ATTACHing it to the archive's SQLAlchemy engine:

- index writes are their own transactions, so a failure while indexing never rolls back an import (the
  document stays committed and `check()` later finds it missing from the index);
- the archive is attached with `mode=ro`, so no code path in search can change archive data;
- a query can still join FTS matches with the archive's tables (kind, dates, tags, regions) in one statement;
- the archive's engine and its connection pool stay exactly as `core` configures them.

One `SearchIndex` (one connection) per thread; WAL lets readers search while a writer indexes.

The FTS5 table is contentless (the text already lives in the archive; storing it twice would double the index).
A contentless row can only be deleted by handing FTS5 the exact values it was indexed with (before SQLite 3.43's
`contentless_delete`), so `entry.source` keeps those values zlib-compressed; with SQLite ≥ 3.43 the index uses
`contentless_delete=1` and stores no copy. `entry.fingerprint` is a hash of the indexed values: `update()` skips
unchanged documents, and `check()` finds stale ones by comparing it with the archive's current values.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _
from esgdesk.search.index_base import IndexBase
from esgdesk.search.tokenize import index_text, normalize

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

INDEX_NAME = "search.sqlite"
#: bump when tokens or columns change: an index of another format is dropped and must be rebuilt
FORMAT_VERSION = "2"
COLUMNS = ("title", "body", "ministry", "tags", "notes")
#: BM25 column weights, in COLUMNS order: a word in the title counts five times one in the body
WEIGHTS = (5.0, 1.0, 2.0, 3.0, 2.0)
_CHUNK = 250
_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co'"
_CONTENTLESS_DELETE = sqlite3.sqlite_version_info >= (3, 43, 0)


class SearchIndexError(EsgdeskError):
    """The search index cannot be used; `esgdesk reindex` rebuilds it."""


@dataclass(frozen=True)
class IndexedFields:
    """What one document contributes to the index, NFC, in COLUMNS order."""

    doc_id: int
    values: tuple[str, str, str, str, str]

    def fingerprint(self) -> bytes:
        digest = hashlib.blake2b(digest_size=16)
        for value in self.values:
            digest.update(value.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.digest()

    def tokens(self) -> tuple[str, ...]:
        return tuple(index_text(value) for value in self.values)


class SearchIndex(IndexBase):
    """Maintains search.sqlite for one archive. Index or re-index after every change to a document.

    `SearchIndex(archive)` gives the engine engine.engine_name() selects: a `tantivy_index.TantivyIndex` (the
    default) or this FTS5 index (`ESGDESK_SEARCH_ENGINE=fts5`, or without the tantivy package).

    For a team archive (PostgreSQL) `SearchIndex(archive)` gives a `search.pg.PgSearchIndex` with the same
    methods, so the importer, `reindex`, `check` and the notes never ask which engine they talk to.
    """

    def __new__(cls, archive: Archive | None = None, *, root: Path | None = None) -> SearchIndex:
        if cls is SearchIndex and archive is not None and getattr(archive, "shared", False):
            from esgdesk.search.pg import PgSearchIndex

            return PgSearchIndex(archive)  # type: ignore[return-value]
        if cls is SearchIndex:
            from esgdesk.search.engine import TANTIVY, engine_name

            if engine_name() == TANTIVY:
                from esgdesk.search.tantivy_index import TantivyIndex

                return TantivyIndex(archive, root=root)  # type: ignore[return-value]
        return super().__new__(cls)

    def __init__(self, archive: Archive | None = None, *, root: Path | None = None) -> None:
        if archive is None and root is None:
            raise TypeError("SearchIndex needs an archive or its root folder")
        self.root = Path(archive.root if archive is not None else root)  # type: ignore[arg-type]
        self.path = self.root / INDEX_NAME
        self.archive_path = self.root / "archive.sqlite"
        self._connection: sqlite3.Connection | None = None
        self.contentless_delete = _CONTENTLESS_DELETE
        #: set by the search service once it has made sure an archive with documents has an index
        self.checked_ready = False
        #: docmaps.DocumentMaps of the archive as last read (dates, ministries, tags of every document)
        self.document_dates: object = None

    # -- connection --------------------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._connect()
        return self._connection

    def _connect(self) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30, uri=True)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA busy_timeout=10000")
            connection.execute("PRAGMA cache_size=-32000")
            connection.execute("PRAGMA temp_store=MEMORY")
            connection.execute("ATTACH DATABASE ? AS arc", (self.archive_path.as_uri() + "?mode=ro",))
            self._ensure_schema(connection)
        except sqlite3.DatabaseError as exc:
            if not os.access(self.path.parent, os.W_OK):
                raise SearchIndexError(
                    _(
                        "The archive folder {folder} is read-only, and searching needs to write its index there; "
                        "copy the archive to a writable disk, or make the folder writable.",
                        folder=self.path.parent,
                    )
                ) from exc
            raise SearchIndexError(
                _(
                    "The search index {path} cannot be opened ({error}); delete it and run `esgdesk reindex`.",
                    path=self.path,
                    error=exc,
                )
            ) from exc
        return connection

    def _ensure_schema(self, connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = connection.execute("SELECT value FROM search_meta WHERE key = 'format'").fetchone()
        if row is not None and row[0] == FORMAT_VERSION:
            self.contentless_delete = False  # made by an older SQLite: keeps working, with stored values
            return
        if row is not None and row[0] == FORMAT_VERSION + "-cd" and _CONTENTLESS_DELETE:
            self.contentless_delete = True
            return
        with _transaction(connection):
            self._create_tables(connection)

    def _format(self) -> str:
        return FORMAT_VERSION + ("-cd" if self.contentless_delete else "")

    def _create_tables(self, connection: sqlite3.Connection) -> None:
        """(Re)create empty index tables; any index of another format is dropped (it is derived data)."""
        connection.execute("DROP TABLE IF EXISTS fts")
        connection.execute("DROP TABLE IF EXISTS entry")
        options = ", contentless_delete=1" if self.contentless_delete else ""
        connection.execute(
            f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(COLUMNS)}, content='', tokenize=\"{_TOKENIZER}\"{options})"
        )
        connection.execute("INSERT INTO fts(fts, rank) VALUES('rank', ?)", (f"bm25({', '.join(map(str, WEIGHTS))})",))
        connection.execute("CREATE TABLE entry (doc_id INTEGER PRIMARY KEY, fingerprint BLOB NOT NULL, source BLOB)")
        connection.execute("INSERT OR REPLACE INTO search_meta(key, value) VALUES('format', ?)", (self._format(),))

    def close(self) -> None:
        self.document_dates = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- maintenance -------------------------------------------------------------------------------------

    def update(self, document_ids: Iterable[int]) -> int:
        """Index or re-index these documents (a missing document is removed); returns how many changed."""
        changed = 0
        for chunk in _chunks(sorted(set(document_ids)), _CHUNK):
            fields = {item.doc_id: item for item in self._read_fields(chunk)}
            with _transaction(self.connection):
                old = self._entries(chunk)
                for doc_id in chunk:
                    item = fields.get(doc_id)
                    if item is None:
                        changed += self._delete(doc_id, old.get(doc_id))
                    elif old.get(doc_id, (None,))[0] != item.fingerprint():
                        self._delete(doc_id, old.get(doc_id))
                        self._insert(item)
                        changed += 1
        return changed

    def remove(self, document_ids: Iterable[int]) -> int:
        """Take these documents out of the index (call after deleting them from the archive)."""
        removed = 0
        for chunk in _chunks(sorted(set(document_ids)), _CHUNK):
            with _transaction(self.connection):
                old = self._entries(chunk)
                for doc_id in chunk:
                    removed += self._delete(doc_id, old.get(doc_id))
        return removed

    def rebuild_steps(self) -> Iterator[tuple[int, int]]:
        """The rebuild as a generator of (done, total), for the GUI's background runner.

        The whole rebuild is one transaction: searches keep seeing the old index until the new one is complete.
        A reader thread reads and tokenises the next documents while this thread compresses and inserts:
        tokenising holds the GIL, but zlib and SQLite release it, so the two overlap on a second core without
        the worker processes a frozen desktop app would have to bootstrap.
        """
        connection = self.connection
        total = connection.execute("SELECT count(*) FROM arc.document").fetchone()[0]
        done = 0
        yield done, total
        batches: queue.Queue[list[_Prepared] | BaseException | None] = queue.Queue(maxsize=4)
        stop = threading.Event()
        reader = threading.Thread(target=self._prepare_all, args=(batches, stop), daemon=True)
        connection.execute("PRAGMA cache_size=-256000")
        reader.start()
        try:
            with _transaction(connection):
                self.contentless_delete = _CONTENTLESS_DELETE
                self._create_tables(connection)
                while (batch := batches.get()) is not None:
                    if isinstance(batch, BaseException):
                        raise batch
                    for prepared in batch:
                        self._insert_prepared(prepared)
                    done += len(batch)
                    yield done, max(total, done)
                connection.execute("INSERT INTO fts(fts) VALUES('optimize')")
        finally:
            stop.set()
            while reader.is_alive():
                with contextlib.suppress(queue.Empty):
                    batches.get(timeout=0.1)
            connection.execute("PRAGMA cache_size=-32000")

    def _prepare_all(self, batches: queue.Queue[list[_Prepared] | BaseException | None], stop: threading.Event) -> None:
        """Reader thread: every document's tokens, in batches, on its own read-only connection."""
        try:
            connection = sqlite3.connect(":memory:", uri=True)
            try:
                connection.execute("ATTACH DATABASE ? AS arc", (self.archive_path.as_uri() + "?mode=ro",))
                for chunk in _all_ids(connection):
                    batch = [_prepare(item) for item in _read_fields(connection, chunk)]
                    while not stop.is_set():
                        with contextlib.suppress(queue.Full):
                            batches.put(batch, timeout=0.1)
                            break
                    if stop.is_set():
                        return
            finally:
                connection.close()
            batches.put(None)
        except BaseException as exc:  # handed to the writing thread, which raises it
            batches.put(exc)

    def check(self) -> list[int]:
        """Ids of documents missing from the index or indexed with other values, and of indexed ids that no
        longer exist in the archive."""
        bad: list[int] = []
        seen: set[int] = set()
        for chunk in self._all_ids():
            entries = self._entries(chunk, with_source=False)
            for item in self._read_fields(chunk):
                seen.add(item.doc_id)
                entry = entries.get(item.doc_id)
                if entry is None or entry[0] != item.fingerprint():
                    bad.append(item.doc_id)
        indexed = (row[0] for row in self.connection.execute("SELECT doc_id FROM entry"))
        bad.extend(doc_id for doc_id in indexed if doc_id not in seen)
        return sorted(set(bad))

    def repair(self) -> int:
        """Re-index what `check()` finds; returns how many documents were fixed."""
        return self.update(self.check())

    def indexed_count(self) -> int:
        count: int = self.connection.execute("SELECT count(*) FROM entry").fetchone()[0]
        return count

    def exists(self) -> bool:
        return self.path.is_file()

    # -- internals ---------------------------------------------------------------------------------------

    def _all_ids(self) -> Iterator[list[int]]:
        return _all_ids(self.connection)

    def _read_fields(self, ids: Sequence[int]) -> list[IndexedFields]:
        return _read_fields(self.connection, ids)

    def _entries(self, ids: Sequence[int], with_source: bool = True) -> dict[int, tuple[bytes, bytes | None]]:
        marks = ",".join("?" * len(ids))
        source = "source" if with_source else "NULL"
        rows = self.connection.execute(
            f"SELECT doc_id, fingerprint, {source} FROM entry WHERE doc_id IN ({marks})", list(ids)
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def _insert(self, item: IndexedFields) -> None:
        self._insert_prepared(_prepare(item))

    def _insert_prepared(self, prepared: _Prepared) -> None:
        self.connection.execute(
            f"INSERT INTO fts(rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)",
            (prepared.doc_id, *prepared.tokens),
        )
        source = None if self.contentless_delete else zlib.compress(prepared.values_json, 1)
        self.connection.execute(
            "INSERT OR REPLACE INTO entry(doc_id, fingerprint, source) VALUES (?, ?, ?)",
            (prepared.doc_id, prepared.fingerprint, source),
        )

    def _delete(self, doc_id: int, entry: tuple[bytes, bytes | None] | None) -> int:
        if entry is None:
            return 0
        if self.contentless_delete:
            self.connection.execute("DELETE FROM fts WHERE rowid = ?", (doc_id,))
        else:
            assert entry[1] is not None, "an index without contentless_delete keeps the indexed values"
            values = json.loads(zlib.decompress(entry[1]).decode("utf-8", "surrogatepass"))
            tokens = [index_text(value) for value in values]
            self.connection.execute(
                f"INSERT INTO fts(fts, rowid, {', '.join(COLUMNS)}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                (doc_id, *tokens),
            )
        self.connection.execute("DELETE FROM entry WHERE doc_id = ?", (doc_id,))
        return 1


@dataclass(frozen=True)
class _Prepared:
    """A document ready to insert: what the reader thread computes, so the writer only writes."""

    doc_id: int
    tokens: tuple[str, ...]
    fingerprint: bytes
    values_json: bytes


def _prepare(item: IndexedFields) -> _Prepared:
    values_json = json.dumps(item.values, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return _Prepared(item.doc_id, item.tokens(), item.fingerprint(), values_json)


def _all_ids(connection: sqlite3.Connection) -> Iterator[list[int]]:
    """Every document id of the attached archive, in chunks, by keyset pagination."""
    last = 0
    while True:
        rows = connection.execute(
            "SELECT id FROM arc.document WHERE id > ? ORDER BY id LIMIT ?", (last, _CHUNK)
        ).fetchall()
        if not rows:
            return
        chunk = [row[0] for row in rows]
        last = chunk[-1]
        yield chunk


def _read_fields(connection: sqlite3.Connection, ids: Sequence[int]) -> list[IndexedFields]:
    marks = ",".join("?" * len(ids))
    rows = connection.execute(
        f"""
        SELECT d.id, d.title, d.body, d.note, d.department, o.name, o.aliases, o.names,
               (SELECT group_concat(name, char(10)) FROM (
                    SELECT t.name AS name FROM arc.document_tag dt JOIN arc.tag t ON t.id = dt.tag_id
                    WHERE dt.document_id = d.id ORDER BY t.name)),
               (SELECT group_concat(note, char(10)) FROM (
                    SELECT a.note AS note FROM arc.annotation a
                    WHERE a.document_id = d.id AND a.note != '' ORDER BY a.id))
        FROM arc.document d LEFT JOIN arc.organization o ON o.id = d.ministry_id
        WHERE d.id IN ({marks})
        """,
        list(ids),
    ).fetchall()
    return [_fields_of(row) for row in rows]


def _fields_of(row: tuple[Any, ...]) -> IndexedFields:
    doc_id, title, body, note, department, org_name, aliases, names, tags, notes = row
    ministry = [org_name or ""]
    ministry.extend(_json_list(aliases))
    ministry.extend(str(entry.get("name", "")) for entry in _json_list(names) if isinstance(entry, dict))
    ministry.append(department or "")
    values = (
        normalize(title or ""),
        normalize(body or ""),
        normalize("\n".join(part for part in ministry if part)),
        normalize(tags or ""),
        normalize("\n".join(part for part in (note or "", notes or "") if part)),
    )
    return IndexedFields(doc_id, values)


def _json_list(value: str | None) -> list[Any]:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        return []
    return parsed if isinstance(parsed, list) else []


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class _transaction:
    """BEGIN IMMEDIATE … COMMIT on an autocommit connection (re-entrant: nested use joins the outer one)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.outer = False

    def __enter__(self) -> None:
        if not self.connection.in_transaction:
            self.connection.execute("BEGIN IMMEDIATE")
            self.outer = True

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.connection.execute("COMMIT")
        else:
            self.connection.execute("ROLLBACK")


def index_documents(archive: Archive, document_ids: Iterable[int]) -> None:
    """An `after_commit` hook for the import pipeline: index what was just committed."""
    from esgdesk.search.service import index_for

    index_for(archive).update(document_ids)
