"""Search as the CLI and the GUI call it: `search()`, `matching_ids()`, saved searches (facets are counted over
the matching ids by esgdesk.library.browse).

Ranking is FTS5's BM25 with a title boost (index.WEIGHTS); among equal scores the newest release comes first.
A search asks FTS5 only for the best `offset + limit` rows plus a margin and sorts ties by date in Python,
instead of joining every match to the documents table: a two-syllable word like 지역 can match most of the
archive, and only the first page is ever shown. Filters become a temporary table of candidate ids that FTS5
checks while it walks its matches. When the margin is all one tie, a full join with the documents decides, so
the order is the same either way. A query matching more than RANK_WINDOW documents is ranked within its
RANK_WINDOW newest matches (see there).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import weakref
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from esgdesk.core.models import SavedSearch
from esgdesk.search.index import WEIGHTS, SearchIndex, SearchIndexError
from esgdesk.search.plan import Plan, plan
from esgdesk.search.query import parse
from esgdesk.search.snippet import make_snippet

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

#: A query matching more documents than this is ranked among its RANK_WINDOW most recently added matches.
#: BM25 costs FTS5 a few microseconds per matching row, so ranking all 90,000 documents that say 지역 would
#: take a quarter of a second (phrases cost more); and a word that common has almost no discriminating
#: weight (its IDF is ~0), so BM25 over the whole set would mostly reshuffle by document length.
#: Deeper pages rank everything.
RANK_WINDOW = 1000
#: extra rows fetched past the page so that ties at its end can be ordered by date without a join
_TIE_MARGIN = 32
#: called directly rather than through FTS5's `rank` column, which evaluates it about twice as slowly
_BM25 = f"bm25(fts, {', '.join(map(str, WEIGHTS))})"


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    published: dt.date | None
    score: float
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)
    query: str = ""

    def as_dict(self) -> dict[str, Any]:
        """DESIGN.md's `search --json` shape."""
        return {"total": self.total, "hits": [hit.as_dict() for hit in self.hits]}


# -- one index connection per archive and thread ---------------------------------------------------------

_local = threading.local()


def index_for(archive: Archive) -> SearchIndex:
    """The SearchIndex of `archive` for this thread, kept open so repeated searches reuse SQLite's cache."""
    cache: weakref.WeakKeyDictionary[Archive, SearchIndex] | None = getattr(_local, "indexes", None)
    if cache is None:
        cache = _local.indexes = weakref.WeakKeyDictionary()
    index = cache.get(archive)
    if index is None:
        index = cache[archive] = SearchIndex(archive)
    return index


#: an archive with no index yet is indexed on its first search up to this size; larger ones need `reindex`
AUTO_REBUILD_LIMIT = 5000


def _ready_index(archive: Archive) -> SearchIndex:
    """The index, built on first use for a small archive that has none (made before search existed, or whose
    index was deleted or had an older format); a large one gets an error that says what to run."""
    index = index_for(archive)
    if index.checked_ready:
        return index
    if archive.shared:
        from esgdesk.search import pg

        pg.ready_check(index, AUTO_REBUILD_LIMIT)  # type: ignore[arg-type]
        return index
    connection = index.connection
    empty = connection.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is None
    if empty:
        documents = connection.execute("SELECT count(*) FROM arc.document").fetchone()[0]
        if documents > AUTO_REBUILD_LIMIT:
            raise SearchIndexError(
                f"The search index of this archive is missing or out of date ({documents:,} documents); "
                "run `esgdesk reindex` once."
            )
        if documents:
            index.rebuild()
    index.checked_ready = True
    return index


def close_index(archive: Archive) -> None:
    """Close this thread's index connection for `archive` (before moving or deleting the folder)."""
    cache = getattr(_local, "indexes", None)
    if cache is not None and archive in cache:
        cache.pop(archive).close()


# -- searching -----------------------------------------------------------------------------------------------


def search(archive: Archive, query: str, limit: int = 20, offset: int = 0) -> SearchResult:
    """Documents matching `query`, best first. Raises QuerySyntaxError for a malformed query."""
    if archive.shared:
        return _search_shared(archive, query, max(0, limit), max(0, offset))
    query_plan = plan(parse(query))
    connection = _ready_index(archive).connection
    total, ranked = _execute(connection, query_plan, max(0, limit), max(0, offset))
    rows = _documents(connection, [doc_id for doc_id, _ in ranked])
    hits = []
    for doc_id, score in ranked:
        row = rows.get(doc_id)
        if row is None:
            continue
        title, published, body = row
        snippet = make_snippet(body, query_plan.highlights)
        hits.append(Hit(doc_id, title, _date(published), round(-score, 6) + 0.0, snippet))
    return SearchResult(total, hits, query)


def matching_ids(archive: Archive, query: str) -> list[int]:
    """Every matching document id, best first (briefing exports and bulk tagging use this)."""
    if archive.shared:
        from esgdesk.search import pg

        tree = parse(query)
        _ready_index(archive)
        with archive.engine.connect() as connection:
            return [doc_id for doc_id, _ in pg.ranked(connection, tree, None, 0, None)[1]]
    query_plan = plan(parse(query))
    connection = _ready_index(archive).connection
    sql, params = _ordered_sql(query_plan)
    return [row[0] for row in connection.execute(sql, params)]


def _search_shared(archive: Archive, query: str, limit: int, offset: int) -> SearchResult:
    """search() on a team archive: the same tree, compiled for PostgreSQL (search/pg.py)."""
    from esgdesk.search import pg

    tree = parse(query)
    highlights = plan(tree).highlights
    _ready_index(archive)
    with archive.engine.connect() as connection:
        total, ranked = pg.ranked(connection, tree, limit, offset, RANK_WINDOW)
        rows = pg.documents(connection, [doc_id for doc_id, _ in ranked])
    hits = []
    for doc_id, score in ranked:
        row = rows.get(doc_id)
        if row is not None:
            title, published, body = row
            hits.append(Hit(doc_id, title, published, round(score, 6) + 0.0, make_snippet(body, highlights)))
    return SearchResult(total, hits, query)


def _execute(connection: sqlite3.Connection, query_plan: Plan, limit: int, offset: int) -> tuple[int, list]:  # type: ignore[type-arg]
    if query_plan.driver is not None:
        ranked = _ranked_from_index(connection, query_plan, limit, offset)
        if ranked is not None:
            return ranked
    sql, params = _ordered_sql(query_plan)
    total = connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    rows = connection.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return total, [(row[0], row[1]) for row in rows]


def _ranked_from_index(
    connection: sqlite3.Connection, query_plan: Plan, limit: int, offset: int
) -> tuple[int, list[tuple[int, float]]] | None:
    """The top rows straight from FTS5, ties ordered by date here; None when the margin is all one tie.

    Filters (tags, dates, …) first become a temporary table of candidate ids, tested with `+rowid IN` (the
    unary plus keeps SQLite from turning it into one FTS5 lookup per candidate): FTS5 then walks its matches
    once, and computes BM25 only for rows that pass.
    """
    driver = query_plan.driver
    restrict = ""
    if query_plan.where != "1":
        connection.execute("DROP TABLE IF EXISTS temp.candidates")
        connection.execute("CREATE TEMP TABLE candidates (id INTEGER PRIMARY KEY)")
        connection.execute(
            f"INSERT INTO temp.candidates SELECT d.id FROM arc.document d WHERE {query_plan.where}",
            query_plan.params,
        )
        restrict = " AND +rowid IN (SELECT id FROM temp.candidates)"
    total = connection.execute(f"SELECT count(*) FROM fts WHERE fts MATCH ?{restrict}", (driver,)).fetchone()[0]
    wanted = offset + limit
    floor = 0
    if total > RANK_WINDOW >= wanted:
        floor = connection.execute(
            f"SELECT rowid FROM fts WHERE fts MATCH ?{restrict} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (driver, RANK_WINDOW - 1),
        ).fetchone()[0]
    rows = connection.execute(
        f"SELECT rowid, {_BM25} AS score FROM fts WHERE fts MATCH ? AND rowid >= ?{restrict} ORDER BY score LIMIT ?",
        (driver, floor, wanted + _TIE_MARGIN),
    ).fetchall()
    if len(rows) == wanted + _TIE_MARGIN and wanted > 0 and rows[wanted - 1][1] == rows[-1][1]:
        return None
    published = _published(connection, [row[0] for row in rows])
    rows = [row for row in rows if row[0] in published]  # an index row for a deleted document is skipped
    rows.sort(key=lambda row: (row[1], -published[row[0]], -row[0]))
    return total, [(row[0], row[1]) for row in rows[offset:wanted]]


def _ordered_sql(query_plan: Plan) -> tuple[str, list[object]]:
    """SELECT id, score … ORDER BY score, newest first — over the driver's matches or over all documents."""
    order = "ORDER BY score, d.published DESC, d.id DESC"
    if query_plan.driver is not None:
        sql = (
            "SELECT d.id AS id, m.score AS score FROM "
            f"(SELECT rowid AS id, {_BM25} AS score FROM fts WHERE fts MATCH ?) AS m "
            f"JOIN arc.document d ON d.id = m.id WHERE {query_plan.where} {order}"
        )
        return sql, [query_plan.driver, *query_plan.params]
    if query_plan.rank is not None:
        sql = (
            f"WITH r AS MATERIALIZED (SELECT rowid AS id, {_BM25} AS score FROM fts WHERE fts MATCH ?) "
            "SELECT d.id AS id, coalesce(r.score, 0.0) AS score FROM arc.document d "
            f"LEFT JOIN r ON r.id = d.id WHERE {query_plan.where} {order}"
        )
        return sql, [query_plan.rank, *query_plan.params]
    sql = f"SELECT d.id AS id, 0.0 AS score FROM arc.document d WHERE {query_plan.where} {order}"
    return sql, list(query_plan.params)


def _ids_sql(query_plan: Plan) -> tuple[str, list[object]]:
    """SELECT id of every match, unranked (facets need the set, not the order)."""
    if query_plan.driver is not None:
        sql = (
            "SELECT rowid AS id FROM fts WHERE fts MATCH ? AND +rowid IN "
            f"(SELECT d.id FROM arc.document d WHERE {query_plan.where})"
        )
        return sql, [query_plan.driver, *query_plan.params]
    return f"SELECT d.id AS id FROM arc.document d WHERE {query_plan.where}", list(query_plan.params)


def _published(connection: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """Publication dates as ordinals (0 when unknown, so undated releases sort last)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT id, published FROM arc.document WHERE id IN ({marks})", ids)
    return {row[0]: (_date(row[1]).toordinal() if row[1] else 0) for row in rows}  # type: ignore[union-attr]


def _documents(connection: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, str | None, str]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT id, title, published, body FROM arc.document WHERE id IN ({marks})", ids)
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- saved searches ---------------------------------------------------------------------------------------


def save_search(archive: Archive, name: str, query: str) -> SavedSearch:
    """Save (or replace) the search `name`; the query is checked first so a broken one is never saved."""
    from esgdesk.core.errors import EsgdeskError

    name = " ".join(name.split())
    if not name:
        raise EsgdeskError("A saved search needs a name.")
    parse(query)
    with archive.writing("save a search"), archive.session() as session:
        saved = session.exec(select(SavedSearch).where(SavedSearch.name == name)).first()
        if saved is None:
            saved = SavedSearch(name=name, query=query)
        else:
            saved.query = query
        session.add(saved)
        session.commit()
        session.refresh(saved)
        return saved


def list_saved_searches(archive: Archive) -> list[SavedSearch]:
    """Saved searches by name."""
    with archive.session() as session:
        return list(session.exec(select(SavedSearch).order_by(SavedSearch.name)))


def delete_saved_search(archive: Archive, name: str) -> bool:
    with archive.writing("delete a saved search"), archive.session() as session:
        saved = session.exec(select(SavedSearch).where(SavedSearch.name == name)).first()
        if saved is None:
            return False
        session.delete(saved)
        session.commit()
        return True
