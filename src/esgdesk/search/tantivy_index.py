"""The full-text index on tantivy: an embedded index in `search-index/` beside `archive.sqlite`.

Why tantivy: FTS5 cannot stop early on a top-k, so ranking every match costs ~4–5 µs a match (150 ms for a word
found in 30,000 releases); tantivy's block-max WAND ranks the same matches in a few milliseconds, and its index
is about a third of the text instead of nine tenths (bench/search.py).

What it is fed: the very token strings the FTS5 index gets (tokenize.index_text: Hangul bigrams, Latin words,
the boundary token where two runs would chain), split on whitespace only. tantivy's own n-gram tokenizer is never
used: it gives every gram of a word one position, so a phrase of bigrams would match anything. With our tokens at
their real positions a phrase query is exact, and the boundary token is the position gap at punctuation that
keeps `에너지 지원` from matching 에너지원 — the same rule as FTS5, so both engines find the same documents.

Layout and who writes:

- `search-index/CURRENT` names the generation folder in use (`g-<ns>`). `rebuild()` builds a new generation
  beside it and switches by replacing CURRENT (an atomic rename); readers see the change on their next search and
  open the new folder. The old folder is deleted once nothing holds it: at once where the OS allows it, otherwise
  (Windows keeps memory-mapped files of a reader open) by the next writer that opens the index.
- Only the process holding the archive's writer lock writes (`update`, `remove`, `rebuild` take the lock; it is
  re-entrant, so a drain that holds it already just proceeds). tantivy's own lock file backs this up.
- A reader never blocks: it reads the last commit, and reloads when `meta.json` changed (one stat a search).
- A crash loses at most the uncommitted batch; tantivy's last commit stays readable. The change queue
  (core/changes.py) still holds the changes the crash interrupted and applies them again, and the first search
  of a writer compares the indexed ids with the archive's (`heal`), so a killed run is repaired on the next open.

Each document also carries its id, a 64-bit fingerprint of everything indexed (for `check`), its kind and its
date (for the `kind:` and `date:` filters, which the engine then answers itself).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esgdesk.core.db import read_only_uri
from esgdesk.core.i18n import _
from esgdesk.search.index import (
    COLUMNS,
    IndexedFields,
    SearchIndexError,
    _all_ids,
    _chunks,
    _read_fields,
)
from esgdesk.search.index_base import IndexBase
from esgdesk.search.tokenize import index_text

if TYPE_CHECKING:
    import tantivy

    from esgdesk.core.archive import Archive

FOLDER_NAME = "search-index"
CURRENT = "CURRENT"
#: bump when tokens or fields change: a generation of another format is rebuilt
FORMAT_VERSION = "t2"
_CHUNK = 500
#: tantivy's indexing arena: small for the change queue's batches, larger for a rebuild
_UPDATE_HEAP = 32_000_000
_REBUILD_HEAP = 192_000_000


def _schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in COLUMNS:
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace", index_option="position")
    builder.add_integer_field("id", stored=False, indexed=True, fast=True)
    builder.add_integer_field("fp", stored=False, indexed=False, fast=True)
    builder.add_integer_field("published", stored=False, indexed=True, fast=True)
    builder.add_text_field("kind", stored=False, tokenizer_name="raw", index_option="basic")
    # facets (and the tag filter): counted by tantivy's aggregations over the match set, in Rust
    builder.add_integer_field("year", stored=False, indexed=False, fast=True)
    builder.add_integer_field("ministry_id", stored=False, indexed=False, fast=True)
    builder.add_integer_field("tag_id", stored=False, indexed=True, fast=True)
    builder.add_integer_field("region_id", stored=False, indexed=False, fast=True)
    return builder.build()


class TantivyIndex(IndexBase):
    """Maintains and searches the tantivy index of one local archive (same methods as index.SearchIndex)."""

    engine = "tantivy"

    def __init__(self, archive: Archive | None = None, *, root: Path | None = None) -> None:
        if archive is None and root is None:
            # English only, not _(): a programming error in our own code, never shown to a user
            raise TypeError("TantivyIndex needs an archive or its root folder")
        self.archive = archive
        self.root = Path(archive.root if archive is not None else root)  # type: ignore[arg-type]
        self.folder = self.root / FOLDER_NAME
        self.path = self.folder
        self.archive_path = self.root / "archive.sqlite"
        self.schema = _schema()
        self._connection: sqlite3.Connection | None = None
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._current_stamp: tuple[int, int, int] | None = None
        self._meta_stamp: tuple[int, int, int] | None = None
        #: set by the search service once it has made sure an archive with documents has an index
        self.checked_ready = False
        #: docmaps.DocumentMaps of the archive as last read (dates, ministries, tags of every document)
        self.document_dates: object = None

    # -- the archive, read-only --------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """An SQLite connection with the archive attached read-only as `arc` (filters, dates, snippets)."""
        if self._connection is None:
            try:
                connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False, uri=True)
                connection.execute("ATTACH DATABASE ? AS arc", (read_only_uri(self.archive_path),))
                connection.execute("PRAGMA arc.cache_size=-32000")
            except sqlite3.DatabaseError as exc:
                raise SearchIndexError(
                    _("The archive {path} cannot be read ({error}).", path=self.archive_path, error=exc)
                ) from exc
            self._connection = connection
        return self._connection

    # -- generations -------------------------------------------------------------------------------------

    def _read_current(self) -> str | None:
        try:
            name = (self.folder / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        fmt, _sep, generation = name.partition(" ")
        if fmt != FORMAT_VERSION or not generation or not (self.folder / generation / "meta.json").is_file():
            return None
        return generation

    def exists(self) -> bool:
        """Whether a complete index of this format is there (it may still lack recent documents)."""
        return self._read_current() is not None

    def index(self) -> tantivy.Index | None:
        """The current generation, reopened if `rebuild` switched generations and reloaded after a commit;
        None when there is no index yet."""
        stamp = _stamp(self.folder / CURRENT)
        if stamp != self._current_stamp or self._index is None:
            generation = self._read_current()
            self._current_stamp = stamp
            if generation != self._generation or self._index is None:
                self._open(generation)
        if self._index is not None and self._generation is not None:
            meta = _stamp(self.folder / self._generation / "meta.json")
            if meta != self._meta_stamp:
                self._meta_stamp = meta
                self._index.reload()
        return self._index

    def _open(self, generation: str | None) -> None:
        import tantivy

        self._index = None
        self._generation = generation
        self._meta_stamp = None
        if generation is None:
            return
        before = _stamp(self.folder / generation / "meta.json")  # taken first: a commit meanwhile reloads later
        try:
            index = tantivy.Index(self.schema, path=str(self.folder / generation), reuse=True)
            index.config_reader(reload_policy="Manual")
        except ValueError as exc:
            if not os.access(self.folder, os.W_OK):  # tantivy writes a lock file even to read
                raise SearchIndexError(
                    _(
                        "The archive folder {folder} is read-only, and searching needs to write its index there; "
                        "copy the archive to a writable disk, or make the folder writable.",
                        folder=self.root,
                    )
                ) from exc
            raise SearchIndexError(
                _(
                    "The search index {path} cannot be opened ({error}); delete it and run `esgdesk reindex`.",
                    path=self.folder,
                    error=exc,
                )
            ) from exc
        self._index = index
        self._meta_stamp = before

    def searcher(self) -> tantivy.Searcher | None:
        index = self.index()
        return None if index is None else index.searcher()

    def close(self) -> None:
        self.document_dates = None
        self._index = None
        self._generation = None
        self._current_stamp = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- writing (the archive's writer only) --------------------------------------------------------------

    @contextlib.contextmanager
    def _writer_lock(self, command: str) -> Iterator[None]:
        if self.archive is None:
            yield
            return
        with self.archive.writing(command):
            yield

    def _writable(self) -> tantivy.Index:
        """The current generation for writing, made (empty) when there is none."""
        index = self.index()
        if index is None:
            self._switch(self._new_generation())
            index = self.index()
            assert index is not None
        return index

    def _new_generation(self) -> str:
        import tantivy

        generation = f"g-{time.time_ns()}"
        path = self.folder / generation
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise SearchIndexError(
                _(
                    "The archive folder {folder} is read-only, and searching needs to write its index there; "
                    "copy the archive to a writable disk, or make the folder writable.",
                    folder=self.root,
                )
            ) from exc
        tantivy.Index(self.schema, path=str(path), reuse=False)
        return generation

    def _switch(self, generation: str) -> None:
        """Make `generation` current (atomic rename of CURRENT), then delete the others that nothing holds."""
        temporary = self.folder / (CURRENT + ".tmp")
        temporary.write_text(f"{FORMAT_VERSION} {generation}\n", encoding="utf-8")
        for attempt in range(50):
            try:
                os.replace(temporary, self.folder / CURRENT)
                break
            except PermissionError:  # Windows: a reader has CURRENT open for the instant it takes to read it
                if attempt == 49:
                    raise
                time.sleep(0.02)
        self._index = None
        self._current_stamp = None
        self.index()
        self.collect_garbage()

    def collect_garbage(self) -> None:
        """Delete generation folders other than the current one; one still mapped by a reader on Windows cannot
        be deleted yet and is tried again by the next writer."""
        current = self._read_current()
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.is_dir() and entry.name != current:
                doomed = entry
                if not entry.name.endswith(".old"):  # renamed first: a half-deleted folder is never a generation
                    doomed = entry.with_name(entry.name + ".old")
                    try:
                        os.rename(entry, doomed)
                    except OSError:
                        continue  # a reader still maps it (Windows): the next writer tries again
                shutil.rmtree(doomed, ignore_errors=True)

    def update(self, document_ids: Iterable[int]) -> int:
        """Index or re-index these documents (a missing document is removed); returns how many changed."""
        ids = sorted(set(document_ids))
        if not ids:
            return 0
        with self._writer_lock("update the search index"):
            index = self._writable()
            indexed = self._fingerprints(ids)
            changed = 0
            writer = index.writer(heap_size=_UPDATE_HEAP, num_threads=1)
            try:
                for chunk in _chunks(ids, _CHUNK):
                    documents = {doc.doc_id: doc for doc in self._documents(self.connection, chunk)}
                    for doc_id in chunk:
                        doc = documents.get(doc_id)
                        old = indexed.get(doc_id)
                        if doc is not None and old == doc.fingerprint:
                            continue
                        if old is not None:
                            writer.delete_documents_by_term("id", doc_id)
                        if doc is not None:
                            writer.add_document(doc.tantivy_document())
                        changed += doc is not None or old is not None
                if changed:
                    writer.commit()
                    writer.wait_merging_threads()
                else:
                    writer.rollback()
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.rollback()
                raise
            self._meta_stamp = None  # reload now: a commit within the clock's tick may leave the stamp alike
            self.index()
            return changed

    def remove(self, document_ids: Iterable[int]) -> int:
        """Take these documents out of the index (call after deleting them from the archive)."""
        ids = sorted(set(document_ids))
        if not ids:
            return 0
        with self._writer_lock("update the search index"):
            index = self.index()
            if index is None:
                return 0
            present = self._fingerprints(ids)
            if not present:
                return 0
            writer = index.writer(heap_size=_UPDATE_HEAP, num_threads=1)
            for doc_id in present:
                writer.delete_documents_by_term("id", doc_id)
            writer.commit()
            writer.wait_merging_threads()
            self._meta_stamp = None
            self.index()
            return len(present)

    def rebuild_steps(self) -> Iterator[tuple[int, int]]:
        """The rebuild as a generator of (done, total), for the GUI's background runner.

        Built into a new generation folder: searches (in this and other processes) keep using the old index
        until the new one is complete and CURRENT names it. A rebuild that is interrupted leaves a folder that
        CURRENT never named, which the next writer deletes.
        """
        import tantivy

        with self._writer_lock("rebuild the search index"):
            connection = self.connection
            total = connection.execute("SELECT count(*) FROM arc.document").fetchone()[0]
            done = 0
            yield done, total
            self.folder.mkdir(parents=True, exist_ok=True)
            generation = self._new_generation()
            fresh = tantivy.Index(self.schema, path=str(self.folder / generation), reuse=True)
            writer = fresh.writer(heap_size=_REBUILD_HEAP, num_threads=min(2, os.cpu_count() or 1))
            try:
                for chunk in _all_ids(connection):
                    for doc in self._documents(connection, chunk):
                        writer.add_document(doc.tantivy_document())
                    done += len(chunk)
                    yield done, max(total, done)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                del writer, fresh
                shutil.rmtree(self.folder / generation, ignore_errors=True)
                raise
            del writer, fresh
            self._switch(generation)

    def check(self) -> list[int]:
        """Ids of documents missing from the index or indexed with other values, and of indexed ids that no
        longer exist in the archive."""
        indexed = self._fingerprints(None)
        bad: list[int] = []
        seen: set[int] = set()
        for chunk in _all_ids(self.connection):
            for doc in self._documents(self.connection, chunk):
                seen.add(doc.doc_id)
                if indexed.get(doc.doc_id) != doc.fingerprint:
                    bad.append(doc.doc_id)
        bad.extend(doc_id for doc_id in indexed if doc_id not in seen)
        return sorted(set(bad))

    def repair(self) -> int:
        """Re-index what `check()` finds; returns how many documents were fixed."""
        bad = self.check()
        return self.update(bad) if bad else 0

    def heal(self) -> int:
        """The cheap check on open: ids in the archive but not in the index, or the other way round (what a
        killed indexing run leaves), re-indexed by the writer. Returns how many were fixed; 0 when this process
        cannot get the writer lock at once (the writer heals them, or its change queue does)."""
        if self._same_id_set():
            return 0
        live = {row[0] for row in self.connection.execute("SELECT id FROM arc.document")}
        indexed = self.indexed_ids()
        differing = live.symmetric_difference(indexed)
        if not differing:
            return 0
        if self.archive is None:
            return self.update(differing)
        from esgdesk.core.errors import ArchiveLockedError

        saved = self.archive.lock_timeout
        self.archive.lock_timeout = 0.2
        try:
            with self.archive.writing("repair the search index"):
                self.archive.lock_timeout = saved
                return self.update(differing)
        except ArchiveLockedError:
            return 0
        finally:
            self.archive.lock_timeout = saved

    def _same_id_set(self) -> bool:
        """Count and sum of the ids, in the archive and in the index (tantivy aggregates them in Rust): a few
        milliseconds for 300,000 documents, where comparing the id sets takes a quarter of a second. A set that
        differs but agrees on both is left to the change queue, which holds every change a crash interrupted."""
        import tantivy

        row = self.connection.execute("SELECT count(*), coalesce(sum(id), 0) FROM arc.document").fetchone()
        count, total = int(row[0]), int(row[1])
        searcher = self.searcher()
        if searcher is None or searcher.num_docs == 0:
            return count == 0
        spec = {"total": {"sum": {"field": "id"}}}
        indexed = searcher.aggregate(tantivy.Query.all_query(), spec)["total"]["value"]
        return int(searcher.num_docs) == count and int(indexed or 0) == total

    def indexed_count(self) -> int:
        searcher = self.searcher()
        return 0 if searcher is None else int(searcher.num_docs)

    def indexed_ids(self) -> set[int]:
        return set(self._fingerprints(None))

    # -- internals ---------------------------------------------------------------------------------------

    def _fingerprints(self, ids: Sequence[int] | None) -> dict[int, int]:
        """id → fingerprint of the indexed documents (of `ids`, or of all)."""
        import tantivy

        searcher = self.searcher()
        if searcher is None or searcher.num_docs == 0:
            return {}
        query = tantivy.Query.all_query()
        if ids is not None:
            query = tantivy.Query.term_set_query(self.schema, "id", list(ids))
        hits = searcher.search(query, limit=max(1, searcher.num_docs), count=False).hits
        addresses = [address for _score, address in hits]
        keys = searcher.fast_field_values("id", addresses)
        prints = searcher.fast_field_values("fp", addresses)
        return {int(key or 0): int(value or 0) for key, value in zip(keys, prints, strict=True)}

    def _documents(self, connection: sqlite3.Connection, ids: Sequence[int]) -> list[_Doc]:
        marks = ",".join("?" * len(ids))
        wanted = list(ids)
        extra = {
            row[0]: (row[1] or "", row[2], row[3])
            for row in connection.execute(
                f"SELECT id, lower(kind), published, ministry_id FROM arc.document WHERE id IN ({marks})", wanted
            )
        }
        tags: dict[int, list[int]] = {}
        for doc_id, tag_id in connection.execute(
            f"SELECT document_id, tag_id FROM arc.document_tag WHERE document_id IN ({marks}) ORDER BY tag_id", wanted
        ):
            tags.setdefault(doc_id, []).append(tag_id)
        regions: dict[int, set[int]] = {}
        for doc_id, region_id in connection.execute(_REGIONS_SQL.format(marks=marks), wanted + wanted):
            regions.setdefault(doc_id, set()).add(region_id)
        return [
            _Doc(
                item,
                *extra[item.doc_id],
                tuple(tags.get(item.doc_id, ())),
                tuple(sorted(regions.get(item.doc_id, ()))),
            )
            for item in _read_fields(connection, ids)
            if item.doc_id in extra
        ]


#: the regions a document counts for in the sidebar's facets: its unambiguous mentions and their provinces
_REGIONS_SQL = (
    "SELECT m.document_id, m.entity_id FROM arc.mention m JOIN arc.entity e ON e.id = m.entity_id "
    "AND e.kind = 'region' WHERE NOT m.ambiguous AND m.document_id IN ({marks}) "
    "UNION SELECT m.document_id, e.parent_id FROM arc.mention m JOIN arc.entity e ON e.id = m.entity_id "
    "AND e.kind = 'region' WHERE NOT m.ambiguous AND e.parent_id IS NOT NULL AND m.document_id IN ({marks})"
)


class _Doc:
    """One document as tantivy gets it: the token strings of its fields, its id and fingerprint, and what the
    filters and facets read: kind, date, year, ministry, tags, regions."""

    __slots__ = ("doc_id", "fields", "fingerprint", "kind", "ministry", "published", "regions", "tags")

    def __init__(
        self,
        item: IndexedFields,
        kind: str,
        published: str | None,
        ministry: int | None,
        tags: tuple[int, ...],
        regions: tuple[int, ...],
    ) -> None:
        self.doc_id = item.doc_id
        self.fields = item
        self.kind = kind
        self.published = date_ordinal(published)
        self.ministry = ministry
        self.tags = tags
        self.regions = regions
        digest = hashlib.blake2b(item.fingerprint(), digest_size=8)
        digest.update(f"{kind}\x00{self.published}\x00{ministry}\x00{tags}\x00{regions}".encode())
        self.fingerprint = int.from_bytes(digest.digest(), "big", signed=True)

    def tantivy_document(self) -> tantivy.Document:
        import tantivy

        texts = zip(COLUMNS, self.fields.values, strict=True)
        values: dict[str, Any] = {name: index_text(value) for name, value in texts}
        if self.published:
            values["year"] = dt.date.fromordinal(self.published).year
        if self.ministry is not None:
            values["ministry_id"] = self.ministry
        if self.tags:
            values["tag_id"] = list(self.tags)
        if self.regions:
            values["region_id"] = list(self.regions)
        return tantivy.Document(id=self.doc_id, fp=self.fingerprint, published=self.published, kind=self.kind, **values)


def date_ordinal(published: str | None) -> int:
    """A publication date as the day ordinal the `published` field holds; 0 for an undated document."""
    if not published:
        return 0
    try:
        return dt.date.fromisoformat(str(published)[:10]).toordinal()
    except ValueError:
        return 0


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is replaced (tantivy writes meta.json, and we write CURRENT, by renaming)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size
