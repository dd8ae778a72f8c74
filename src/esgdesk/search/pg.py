"""Search on a team archive (PostgreSQL): the same tokens, the same query language, the same hits as FTS5.

Each document's five fields (index.COLUMNS) are tokenised exactly as for SQLite (tokenize.index_text: Hangul
bigrams, whole Latin words, the boundary token) and stored as `tsvector`s in `search_segment`, with a GIN index.
The vectors are written as tsvector literals with explicit positions instead of `to_tsvector('simple', text)`:
PostgreSQL's parser would re-split the tokens by the server's locale (a C-locale server keeps the private-use
boundary token, an en_US one drops it) and treat `a.b` or `x-y` specially, so positions — and with them phrase
matches — would depend on the server. A literal is the FTS5 token stream, position for position.

A tsvector keeps at most 256 positions per lexeme and no position past 16,383. Long fields are therefore cut
into segments of SEGMENT_TOKENS tokens that overlap by SEGMENT_OVERLAP, so every phrase up to that length lies
whole in one segment; boolean operators are evaluated per document, never per segment, so `A B` finds a
document whose A and B are in different segments. A segment whose lexeme would exceed 256 positions is cut
smaller.

Queries: every text leaf of the parsed query becomes `d.id IN (SELECT doc_id FROM search_segment WHERE terms
@@ phrase-tsquery)`, filters the same SQL predicates as on SQLite, and the whole query one predicate over the
`document` table. Ranking is `ts_rank` per field times index.WEIGHTS (not BM25, which PostgreSQL does not have):
the title boost and the newest-first order of ties are the same; exact scores differ.

The index tables are derived data made by this module (not by the archive's migrations), as search.sqlite is
on SQLite: `esgdesk reindex` can drop and rebuild them at any time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection

from esgdesk.core import db
from esgdesk.search.index import _CHUNK, COLUMNS, WEIGHTS, IndexedFields, _chunks, _fields_of
from esgdesk.search.index_base import IndexBase
from esgdesk.search.plan import _HAS_SQL, Phrase, _Compiler, _highlights, text_match
from esgdesk.search.query import DateRange, Filter, MatchAll, Node, Text
from esgdesk.search.tokenize import index_tokens

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

FORMAT_VERSION = "pg-2"
SEGMENT_TOKENS = 2000
SEGMENT_OVERLAP = 64
_MAX_POSITIONS = 256
_FIELD_NUMBER = {name: number for number, name in enumerate(COLUMNS)}
#: index writers of all clients take turns per chunk (a few ms), so a stale read never overwrites a newer entry
_INDEX_LOCK = "esgdesk:search-index"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS search_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_entry (doc_id integer PRIMARY KEY, fingerprint bytea NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_segment (doc_id integer NOT NULL, field smallint NOT NULL, "
    "seg integer NOT NULL, terms tsvector NOT NULL, PRIMARY KEY (doc_id, field, seg))",
    "CREATE INDEX IF NOT EXISTS search_segment_terms ON search_segment USING gin (terms)",
)


class PgSearchIndex(IndexBase):
    """SearchIndex's interface for a PostgreSQL archive (SearchIndex(archive) returns one for a team archive)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.engine = archive.engine
        self.checked_ready = False
        self._schema_ready = False

    # -- schema ------------------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the index tables once per server (under an advisory lock: first users may race)."""
        if self._schema_ready:
            return
        with db.advisory_lock(self.engine, _INDEX_LOCK + ":schema"), self.engine.begin() as connection:
            for statement in _SCHEMA:
                connection.execute(text(statement))
            current = connection.execute(text("SELECT value FROM search_meta WHERE key = 'format'")).scalar()
            if current != FORMAT_VERSION:
                connection.execute(text("DELETE FROM search_segment"))
                connection.execute(text("DELETE FROM search_entry"))
                connection.execute(
                    text(
                        "INSERT INTO search_meta(key, value) VALUES ('format', :v) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
                    ),
                    {"v": FORMAT_VERSION},
                )
        self._schema_ready = True

    def close(self) -> None:
        """Nothing to close: connections come from the archive's pool."""

    # -- maintenance -------------------------------------------------------------------------------------

    def update(self, document_ids: Iterable[int]) -> int:
        """Index or re-index these documents (a missing one is removed); returns how many changed."""
        self.ensure_schema()
        changed = 0
        for chunk in _chunks(sorted(set(document_ids)), _CHUNK):
            with self.engine.begin() as connection:
                db.transaction_lock(connection, _INDEX_LOCK)
                fields = {item.doc_id: item for item in read_fields(connection, chunk)}
                old = _entries(connection, chunk)
                stale = [doc for doc in chunk if doc not in fields and doc in old]
                fresh = [item for doc, item in fields.items() if old.get(doc) != item.fingerprint()]
                _delete(connection, stale + [item.doc_id for item in fresh])
                _insert(connection, fresh)
                changed += len(stale) + len(fresh)
        return changed

    def remove(self, document_ids: Iterable[int]) -> int:
        """Take these documents out of the index (call after deleting them from the archive)."""
        self.ensure_schema()
        removed = 0
        for chunk in _chunks(sorted(set(document_ids)), _CHUNK):
            with self.engine.begin() as connection:
                db.transaction_lock(connection, _INDEX_LOCK)
                removed += _delete(connection, chunk)
        return removed

    def rebuild_steps(self) -> Iterator[tuple[int, int]]:
        """Everything from scratch in one transaction: searches see the old index until it commits."""
        self.ensure_schema()
        with self.engine.begin() as connection:
            db.transaction_lock(connection, _INDEX_LOCK)
            total = connection.execute(text("SELECT count(*) FROM document")).scalar() or 0
            done = 0
            yield done, total
            connection.execute(text("DELETE FROM search_segment"))
            connection.execute(text("DELETE FROM search_entry"))
            for chunk in _all_ids(connection):
                _insert(connection, read_fields(connection, chunk))
                done += len(chunk)
                yield done, max(total, done)

    def check(self) -> list[int]:
        """Documents missing from the index or indexed with other values, and indexed ids no longer there."""
        self.ensure_schema()
        bad: list[int] = []
        seen: set[int] = set()
        with self.engine.connect() as connection:
            for chunk in _all_ids(connection):
                entries = _entries(connection, chunk)
                for item in read_fields(connection, chunk):
                    seen.add(item.doc_id)
                    if entries.get(item.doc_id) != item.fingerprint():
                        bad.append(item.doc_id)
            indexed = connection.execute(text("SELECT doc_id FROM search_entry")).scalars()
            bad.extend(doc_id for doc_id in indexed if doc_id not in seen)
        return sorted(set(bad))

    def repair(self) -> int:
        return self.update(self.check())

    def indexed_count(self) -> int:
        self.ensure_schema()
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM search_entry")).scalar() or 0


# -- writing the index -------------------------------------------------------------------------------------


def _all_ids(connection: Connection) -> Iterator[list[int]]:
    last = 0
    while True:
        chunk = list(
            connection.execute(
                text("SELECT id FROM document WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": _CHUNK}
            ).scalars()
        )
        if not chunk:
            return
        last = chunk[-1]
        yield chunk


def read_fields(connection: Connection, ids: Sequence[int]) -> list[IndexedFields]:
    """The same five values as index._read_fields (tags by name, annotation notes by id, binary order)."""
    rows = connection.execute(
        text(
            """
            SELECT d.id, d.title, d.body, d.note, d.department, o.name, o.aliases::text, o.names::text,
                   (SELECT string_agg(t.name, E'\\n' ORDER BY t.name COLLATE "C") FROM document_tag dt
                    JOIN tag t ON t.id = dt.tag_id WHERE dt.document_id = d.id),
                   (SELECT string_agg(a.note, E'\\n' ORDER BY a.id) FROM annotation a
                    WHERE a.document_id = d.id AND a.note != '')
            FROM document d LEFT JOIN organization o ON o.id = d.ministry_id
            WHERE d.id = ANY(:ids)
            """
        ),
        {"ids": list(ids)},
    ).all()
    return [_fields_of(tuple(row)) for row in rows]


def _entries(connection: Connection, ids: Sequence[int]) -> dict[int, bytes]:
    rows = connection.execute(
        text("SELECT doc_id, fingerprint FROM search_entry WHERE doc_id = ANY(:ids)"), {"ids": list(ids)}
    )
    return {row[0]: bytes(row[1]) for row in rows}


def _delete(connection: Connection, ids: Sequence[int]) -> int:
    if not ids:
        return 0
    connection.execute(text("DELETE FROM search_segment WHERE doc_id = ANY(:ids)"), {"ids": list(ids)})
    result = connection.execute(text("DELETE FROM search_entry WHERE doc_id = ANY(:ids)"), {"ids": list(ids)})
    return result.rowcount or 0


def _insert(connection: Connection, items: Sequence[IndexedFields]) -> None:
    if not items:
        return
    entries = [{"doc": item.doc_id, "fp": item.fingerprint()} for item in items]
    segments = [
        {"doc": item.doc_id, "field": field, "seg": seg, "terms": literal}
        for item in items
        for field, value in enumerate(item.values)
        for seg, literal in enumerate(segment_literals(index_tokens(value)))
    ]
    connection.execute(text("INSERT INTO search_entry(doc_id, fingerprint) VALUES (:doc, :fp)"), entries)
    if segments:
        connection.execute(
            text(
                "INSERT INTO search_segment(doc_id, field, seg, terms) "
                "VALUES (:doc, :field, :seg, CAST(:terms AS tsvector))"
            ),
            segments,
        )


def segment_literals(stream: Sequence[str], size: int = SEGMENT_TOKENS) -> list[str]:
    """tsvector literals of overlapping windows of `stream` (one token list of one field), positions from 1."""
    if not stream:
        return []
    step = max(1, size - SEGMENT_OVERLAP)
    literals = []
    for start in range(0, max(1, len(stream) - SEGMENT_OVERLAP), step):
        window = stream[start : start + size]
        positions: dict[str, list[int]] = {}
        for offset, token in enumerate(window, start=1):
            positions.setdefault(token, []).append(offset)
        if size > 2 * SEGMENT_OVERLAP and max(map(len, positions.values())) > _MAX_POSITIONS:
            literals.extend(segment_literals(window, size // 2))  # a lexeme too frequent: smaller windows
            continue
        literals.append(" ".join(f"{_quote(token)}:{','.join(map(str, spots))}" for token, spots in positions.items()))
        if start + size >= len(stream):
            break
    return literals


def _quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


# -- compiling queries -------------------------------------------------------------------------------------


def phrase_query(phrase: Phrase) -> str:
    """A tsquery for one index phrase: its tokens at consecutive positions, the last one maybe a prefix."""
    parts = [_quote(token) for token in phrase.tokens]
    if phrase.prefix and parts:
        parts[-1] += ":*"
    return " <-> ".join(parts)


def text_query(node: Text) -> str | None:
    """The tsquery of a text leaf (a word or its stem), or None for a one-syllable scan."""
    match = text_match(node)
    if match.scan is not None:
        return None
    return " | ".join(f"({phrase_query(phrase)})" for phrase in match.phrases)


class _PgCompiler(_Compiler):
    """plan._Compiler's predicates in PostgreSQL's dialect, with `%s` parameters and text leaves as tsqueries."""

    def __init__(self) -> None:
        super().__init__()
        self.ranked: list[tuple[str, int | None]] = []

    def sql(self, node: Node) -> str:
        if isinstance(node, MatchAll):
            return "TRUE"
        return super().sql(node)

    def _text_sql(self, node: Text) -> str:
        query = text_query(node)
        if query is not None:
            field = _FIELD_NUMBER[node.field] if node.field else None
            self.params.append(query)
            restrict = ""
            if field is not None:
                restrict = " AND s.field = %s"
                self.params.append(field)
            return f"d.id IN (SELECT s.doc_id FROM search_segment s WHERE s.terms @@ %s::tsquery{restrict})"
        needle = text_match(node).scan
        if node.field == "title":
            self.params.append(needle)
            return "strpos(d.title, %s) > 0"
        if node.field == "ministry":
            self.params.extend([needle, needle])
            return (
                "strpos(coalesce(d.department, ''), %s) > 0 OR EXISTS (SELECT 1 FROM organization o "
                "WHERE o.id = d.ministry_id AND strpos(o.name, %s) > 0)"
            )
        self.params.extend([needle, needle])
        return "strpos(d.title, %s) > 0 OR strpos(d.body, %s) > 0"

    def _date_sql(self, node: DateRange) -> str:
        parts = ["d.published IS NOT NULL"]
        if node.start is not None:
            parts.append("d.published >= %s")
            self.params.append(node.start)
        if node.end is not None:
            parts.append("d.published <= %s")
            self.params.append(node.end)
        return " AND ".join(parts)

    def _filter_sql(self, node: Filter) -> str:
        if node.field == "has":
            return _HAS_SQL[node.value].replace("arc.", "")
        if node.field == "region":
            value = node.value
            self.params.extend([value, value, value, value])
            return (
                "d.id IN (SELECT m.document_id FROM mention m WHERE m.entity_id IN ("
                "WITH RECURSIVE sub(id) AS (SELECT e.id FROM entity e WHERE e.kind = 'region' AND "
                "(e.name = %s OR e.key = %s OR e.code = %s OR EXISTS "
                "(SELECT 1 FROM json_array_elements_text(e.aliases) j WHERE j = %s)) "
                "UNION SELECT c.id FROM entity c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))"
            )
        # kind, linked and tag: plan's SQL is standard apart from the schema prefix and the placeholder
        return super()._filter_sql(node).replace("arc.", "").replace("?", "%s")


def _ranked_leaves(node: Node) -> list[tuple[str, int | None]]:
    """(tsquery, field) of every positive text leaf: what orders the hits, as plan.rank does on SQLite."""
    from esgdesk.search.plan import _positive_texts

    leaves = []
    for leaf in _positive_texts(node):
        query = text_query(leaf)
        if query is not None:
            leaves.append((query, _FIELD_NUMBER[leaf.field] if leaf.field else None))
    return leaves


def compile_query(tree: Node) -> tuple[str, list[object], list[tuple[str, int | None]], list[str]]:
    """(predicate on `d`, its parameters, ranking leaves, snippet highlights)."""
    compiler = _PgCompiler()
    where = compiler.sql(tree)
    return where, compiler.params, _ranked_leaves(tree), _highlights(tree)


# -- running them ----------------------------------------------------------------------------------------------


def _score_sql(leaves: list[tuple[str, int | None]], candidates: str) -> tuple[str, list[object]]:
    """SELECT doc_id, score over `candidates` (an SQL set of ids): Σ weight(field) · ts_rank, per leaf.

    The sum runs in a fixed order (field, segment, leaf): floating-point addition in whatever order the
    aggregate met its rows could give one document two scores in two queries, and pages would then disagree.
    """
    if not leaves:
        return "SELECT NULL::integer AS doc_id, 0.0::float8 AS score WHERE FALSE", []
    values = ", ".join(f"(%s::tsquery, %s::smallint, {number})" for number in range(len(leaves)))
    weights = ", ".join(f"({number}, {weight})" for number, weight in enumerate(WEIGHTS))
    sql = (
        "SELECT s.doc_id, sum((w.weight * ts_rank(s.terms, q.query, 1))::float8 ORDER BY s.field, s.seg, q.n) "
        f"AS score FROM (VALUES {values}) AS q(query, field, n) "
        "JOIN search_segment s ON s.terms @@ q.query AND (q.field IS NULL OR s.field = q.field) "
        f"JOIN (VALUES {weights}) AS w(field, weight) ON w.field = s.field "
        f"WHERE s.doc_id IN ({candidates}) GROUP BY s.doc_id"
    )
    return sql, [value for leaf in leaves for value in leaf]


_ORDER = "ORDER BY score DESC, m.published DESC NULLS LAST, m.id DESC"


def ranked(connection: Connection, tree: Node, limit: int | None, offset: int) -> tuple[int, list[tuple[int, float]]]:
    """(total, [(id, score)…]) of one page of every match ranked: score, newest first, higher id — a total
    order, so pages never overlap or skip (`limit` None: from `offset` to the end)."""
    where, params, leaves, _ = compile_query(tree)
    matches = f"SELECT d.id, d.published FROM document d WHERE {where}"
    total = _scalar(connection, f"SELECT count(*) FROM ({matches}) AS m", params)
    if offset >= total or limit == 0:
        return int(total), []
    score_sql, score_params = _score_sql(leaves, "SELECT id FROM m")
    page = f" LIMIT {'ALL' if limit is None else int(limit)} OFFSET {int(offset)}"
    sql = (
        f"WITH m AS MATERIALIZED ({matches}), r AS ({score_sql}) "
        f"SELECT m.id, coalesce(r.score, 0.0) AS score FROM m LEFT JOIN r ON r.doc_id = m.id {_ORDER}{page}"
    )
    rows = connection.exec_driver_sql(sql, tuple(params + score_params)).all()
    return int(total), [(row[0], float(row[1])) for row in rows]


def documents(connection: Connection, ids: list[int]) -> dict[int, tuple[str, dt.date | None, str]]:
    if not ids:
        return {}
    rows = connection.execute(
        text("SELECT id, title, published, body FROM document WHERE id = ANY(:ids)"), {"ids": ids}
    )
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def facet_ids(connection: Connection, tree: Node) -> dict[str, dict[int, int]]:
    """service.facet_counts on PostgreSQL: counts keyed by tag, entity and organisation id, and by year."""
    where, params, _, _ = compile_query(tree)
    return _facets(connection, f"SELECT d.id FROM document d WHERE {where}", tuple(params))


def facet_ids_of(connection: Connection, ids: list[int]) -> dict[str, dict[int, int]]:
    """service.facet_counts_of_ids on PostgreSQL: the same counts over given documents."""
    if not ids:
        return {"tag": {}, "region": {}, "ministry": {}, "year": {}}
    return _facets(connection, "SELECT unnest(%s::integer[]) AS id", (ids,))


def _facets(connection: Connection, id_sql: str, params: tuple[object, ...]) -> dict[str, dict[int, int]]:
    from esgdesk.search.service import REGION_ROLL_UP_SQL

    ids = f"WITH f AS MATERIALIZED ({id_sql}) "
    out: dict[str, dict[int, int]] = {}
    queries = {**_FACET_ID_SQL, "region": REGION_ROLL_UP_SQL.format(ids="f", schema="")}
    for kind in ("tag", "region", "ministry", "year"):
        rows = connection.exec_driver_sql(ids + queries[kind], params)
        out[kind] = {int(key): int(count) for key, count in rows if key is not None}
    return out


_FACET_ID_SQL = {
    "tag": "SELECT dt.tag_id, count(DISTINCT dt.document_id) FROM f JOIN document_tag dt ON dt.document_id = f.id "
    "GROUP BY dt.tag_id",
    "ministry": "SELECT d.ministry_id, count(*) FROM f JOIN document d ON d.id = f.id "
    "WHERE d.ministry_id IS NOT NULL GROUP BY d.ministry_id",
    "year": "SELECT extract(year FROM d.published)::int, count(*) FROM f JOIN document d ON d.id = f.id "
    "WHERE d.published IS NOT NULL GROUP BY 1",
}


def _scalar(connection: Connection, sql: str, params: list[object]) -> int:
    return connection.exec_driver_sql(sql, tuple(params)).scalar() or 0


def ready_check(index: PgSearchIndex, auto_limit: int) -> None:
    """Build the index on first use for a small archive; ask for `esgdesk reindex` on a large one."""
    index.ensure_schema()
    with index.engine.connect() as connection:
        empty = connection.execute(text("SELECT 1 FROM search_entry LIMIT 1")).first() is None
        documents_count = (connection.execute(text("SELECT count(*) FROM document")).scalar() or 0) if empty else 0
    if empty and documents_count > auto_limit:
        from esgdesk.search.service import index_missing_error

        raise index_missing_error(documents_count)
    if empty and documents_count:
        index.rebuild()
    index.checked_ready = True
