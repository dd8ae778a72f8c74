"""Search as the CLI and the GUI call it: `search()`, `search_ids()`, `facet_counts()`, saved searches.

Ranking is FTS5's BM25 with a title boost (index.WEIGHTS) over *every* match; among equal scores the newest
release comes first, then the higher id, so the order is total and the same on every page: paging through a
query shows each match exactly once. A page asks FTS5 for the best `offset + limit` rows plus a margin (FTS5 keeps
only that many while it scores all matches) and orders ties by date here; when the margin is all one tie it asks
again for more, so a tie across the page's end is ordered exactly as a full sort would order it. Filters (tags,
dates, …) first become a temporary table of candidate ids that FTS5 checks while it walks its matches.

The GUI asks for what it shows: `search_ids()` for the list (ids, no bodies, no snippets), `snippets()` for the
rows on screen, and `facet_counts()` from the unranked set of matches, which costs no BM25 at all.

Interactive queries are bounded: the query language caps terms and length (query.MAX_QUERY_TERMS), a search on
SQLite is interrupted after SEARCH_TIMEOUT_S, and on PostgreSQL it runs under `SET LOCAL statement_timeout`, so
one query never holds the team's server; either way the user gets `SearchTimeoutError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import sqlite3
import threading
import time
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import N_, _
from esgdesk.core.models import SavedSearch
from esgdesk.search import tantivy_query
from esgdesk.search.docmaps import document_maps, year_of
from esgdesk.search.index import WEIGHTS, SearchIndex, SearchIndexError
from esgdesk.search.plan import Plan, plan
from esgdesk.search.query import parse
from esgdesk.search.snippet import make_snippet
from esgdesk.search.tantivy_index import TantivyIndex

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from esgdesk.core.archive import Archive

#: extra rows fetched past the page so that ties at its end can be ordered by date without a join
_TIE_MARGIN = 32
#: called directly rather than through FTS5's `rank` column, which evaluates it about twice as slowly
_BM25 = f"bm25(fts, {', '.join(map(str, WEIGHTS))})"
#: the longest an interactive search may run before it is stopped (both engines)
SEARCH_TIMEOUT_S = 15.0


class SearchTimeoutError(EsgdeskError):
    """A search ran past SEARCH_TIMEOUT_S and was stopped; the archive and the server are free again."""


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
    if isinstance(index, TantivyIndex):
        _ready_tantivy(index)
        return index
    connection = index.connection
    empty = connection.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is None
    if empty:
        documents = connection.execute("SELECT count(*) FROM arc.document").fetchone()[0]
        if documents > AUTO_REBUILD_LIMIT:
            raise index_missing_error(documents)
        if documents:
            index.rebuild()
    index.checked_ready = True
    return index


def _ready_tantivy(index: TantivyIndex) -> None:
    """Build a missing index of a small archive; otherwise heal what a killed indexing run left (documents in
    the archive but not in the index, or the other way round): the first search of every process checks."""
    if not index.exists():
        documents = index.connection.execute("SELECT count(*) FROM arc.document").fetchone()[0]
        if documents > AUTO_REBUILD_LIMIT:
            raise index_missing_error(documents)
        if documents:
            index.rebuild()
    else:
        index.heal()
    index.checked_ready = True


def index_missing_error(documents: int) -> SearchIndexError:
    return SearchIndexError(
        _(
            "The search index of this archive is missing or out of date ({count} documents); "
            "run `esgdesk reindex` once.",
            count=f"{documents:,}",
        )
    )


def close_index(archive: Archive) -> None:
    """Close this thread's index connection for `archive` (before moving or deleting the folder)."""
    cache = getattr(_local, "indexes", None)
    if cache is not None and archive in cache:
        cache.pop(archive).close()


# -- searching -----------------------------------------------------------------------------------------------


def search(archive: Archive, query: str, limit: int = 20, offset: int = 0) -> SearchResult:
    """One page of the documents matching `query`, best first, with snippets. Raises QuerySyntaxError for a
    malformed query, SearchTimeoutError for one that runs too long."""
    tree = parse(query)
    highlights = plan(tree).highlights
    total, ranked = _ranked(archive, tree, max(0, limit), max(0, offset))
    rows = _page_documents(archive, [doc_id for doc_id, _ in ranked])
    hits = []
    for doc_id, score in ranked:
        row = rows.get(doc_id)
        if row is not None:
            title, published, body = row
            hits.append(Hit(doc_id, title, published, round(score, 6) + 0.0, make_snippet(body, highlights)))
    return SearchResult(total, hits, query)


def search_ids(archive: Archive, query: str, offset: int = 0, limit: int | None = None) -> tuple[int, list[int]]:
    """(total, ids) of the matches of `query` in search()'s order, from `offset`, at most `limit` (None: all).

    What a list shows: no bodies are read and no snippets are cut. `search_ids(a, q)` is the whole order, the
    same one every page of `search()` follows.
    """
    total, ranked = _ranked(archive, parse(query), limit, max(0, offset))
    return total, [doc_id for doc_id, _ in ranked]


def matching_ids(archive: Archive, query: str) -> list[int]:
    """Every matching document id, best first (briefing exports and bulk tagging use this)."""
    return search_ids(archive, query)[1]


def match_set(archive: Archive, query: str) -> list[int]:
    """Every matching document id, unranked (in id order): what counts and facets need, at no BM25 cost."""
    tree = parse(query)
    if archive.shared:
        from esgdesk.search import pg

        _ready_index(archive)
        with _pg_interactive(archive) as team:
            where, params, _leaves, _ = pg.compile_query(tree)
            sql = f"SELECT d.id FROM document d WHERE {where} ORDER BY d.id"
            return [row[0] for row in team.exec_driver_sql(sql, tuple(params))]
    index = _ready_index(archive)
    if isinstance(index, TantivyIndex):
        live = document_maps(index).dates
        return sorted(doc_id for doc_id in tantivy_query.match_ids(index, tree) if doc_id in live)
    connection = index.connection
    sql, params = _ids_sql(plan(tree))
    with _sqlite_interactive(connection):
        return sorted(row[0] for row in connection.execute(sql, params))


def snippets(archive: Archive, query: str, ids: Sequence[int]) -> dict[int, str]:
    """Snippets of these documents for `query`: for the rows a list has on screen, not for every match."""
    highlights = plan(parse(query)).highlights
    rows = _page_documents(archive, list(ids))
    return {doc_id: make_snippet(row[2], highlights) for doc_id, row in rows.items()}


def _ranked(archive: Archive, tree: Any, limit: int | None, offset: int) -> tuple[int, list[tuple[int, float]]]:
    """(total, [(id, score)…]) of one page in the one order: score (higher is better), newest, higher id."""
    if archive.shared:
        from esgdesk.search import pg

        _ready_index(archive)
        with _pg_interactive(archive) as team:
            return pg.ranked(team, tree, limit, offset)
    index = _ready_index(archive)
    if isinstance(index, TantivyIndex):
        with _sqlite_interactive(index.connection):
            return tantivy_query.ranked(index, tree, limit, offset, document_maps(index).dates)
    query_plan = plan(tree)
    with _sqlite_interactive(index.connection):
        total, ranked = _execute(index, query_plan, limit, offset)
    return total, [(doc_id, -score + 0.0) for doc_id, score in ranked]


def _page_documents(archive: Archive, ids: list[int]) -> dict[int, tuple[str, dt.date | None, str]]:
    if archive.shared:
        from esgdesk.search import pg

        with archive.engine.connect() as connection:
            return pg.documents(connection, ids)
    rows = _documents(_ready_index(archive).connection, ids)
    return {doc_id: (title, _date(published), body) for doc_id, (title, published, body) in rows.items()}


@contextlib.contextmanager
def _sqlite_interactive(connection: sqlite3.Connection) -> Iterator[None]:
    """Interrupt a statement that runs past SEARCH_TIMEOUT_S (SQLite has no statement timeout of its own)."""
    deadline = time.monotonic() + SEARCH_TIMEOUT_S
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 100_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise _timeout_error() from exc
        raise
    finally:
        connection.set_progress_handler(None, 0)


@contextlib.contextmanager
def _pg_interactive(archive: Archive) -> Iterator[Connection]:
    """A read transaction under `SET LOCAL statement_timeout`: a runaway query is cancelled by the server itself,
    which is then free again (the setting ends with the transaction, so pooled connections keep no trace)."""
    from sqlalchemy.exc import OperationalError

    try:
        with archive.engine.begin() as connection:
            connection.exec_driver_sql(f"SET LOCAL statement_timeout = {int(SEARCH_TIMEOUT_S * 1000)}")
            yield connection
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) == "57014":  # query_canceled
            raise _timeout_error() from exc
        raise


def _timeout_error() -> SearchTimeoutError:
    return SearchTimeoutError(
        _(
            "The search took longer than {seconds} seconds and was stopped; search for fewer or more specific words.",
            seconds=int(SEARCH_TIMEOUT_S),
        )
    )


def _execute(
    index: SearchIndex, query_plan: Plan, limit: int | None, offset: int
) -> tuple[int, list[tuple[int, float]]]:
    """(total, [(id, bm25)…]) with bm25 lower-is-better, in the one order."""
    if query_plan.driver is not None:
        return _ranked_from_index(index, query_plan, limit, offset)
    connection = index.connection
    sql, params = _ordered_sql(query_plan)
    if limit is None:
        rows = connection.execute(f"{sql} LIMIT -1 OFFSET ?", [*params, offset]).fetchall()
        total = offset + len(rows) if rows or offset == 0 else _count(connection, query_plan)
        return total, [(row[0], row[1]) for row in rows]
    total = _count(connection, query_plan)
    rows = connection.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return total, [(row[0], row[1]) for row in rows]


def _count(connection: sqlite3.Connection, query_plan: Plan) -> int:
    sql, params = _ids_sql(query_plan)
    return int(connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def _ranked_from_index(
    index: SearchIndex, query_plan: Plan, limit: int | None, offset: int
) -> tuple[int, list[tuple[int, float]]]:
    """One page straight from FTS5, which scores every match but keeps only the best `offset + limit + margin`
    (`limit` None: all of them, from `offset`).

    The rows are then ordered by (score, newest, higher id), dates from `docmaps`. That is the full
    order's page as long as every row that ties with the page's last row was fetched; when the margin is one
    tie, fetch again with a larger margin. Filters first become a temporary table of candidate ids, tested with
    `+rowid IN` (the unary plus keeps SQLite from turning it into one FTS5 lookup per candidate): FTS5 then walks
    its matches once, and computes BM25 only for rows that pass.
    """
    connection = index.connection
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
    ranking = f"SELECT rowid, {_BM25} AS score FROM fts WHERE fts MATCH ?{restrict} ORDER BY score"
    dates = document_maps(index).dates
    if limit is None:
        rows = connection.execute(ranking, (driver,)).fetchall()
        total, wanted = len(rows), len(rows)
    else:
        total = connection.execute(f"SELECT count(*) FROM fts WHERE fts MATCH ?{restrict}", (driver,)).fetchone()[0]
        wanted = offset + limit
        if wanted == 0 or offset >= total:
            return total, []
        fetch = wanted + _TIE_MARGIN
        while True:
            rows = connection.execute(f"{ranking} LIMIT ?", (driver, fetch)).fetchall()
            boundary = rows[min(wanted, len(rows)) - 1][1] if rows else None
            if len(rows) < fetch or rows[-1][1] != boundary:
                break
            fetch *= 4  # the tie runs past the margin: the whole tie must be here to be ordered by date
    known = [row for row in rows if row[0] in dates]  # an index row for a deleted document is skipped
    if limit is None:
        total -= len(rows) - len(known)
    known.sort(key=lambda row: (row[1], -dates[row[0]], -row[0]))
    return total, [(row[0], row[1]) for row in known[offset:wanted]]


def _ordered_sql(query_plan: Plan) -> tuple[str, list[object]]:
    """SELECT id, score … ORDER BY score, newest first — over the driver's matches or over all documents."""
    order = "ORDER BY score, d.published DESC, d.id DESC"  # SQLite puts NULL last in DESC
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
        if query_plan.where == "1":
            return "SELECT rowid AS id FROM fts WHERE fts MATCH ?", [query_plan.driver]
        sql = (
            "SELECT rowid AS id FROM fts WHERE fts MATCH ? AND +rowid IN "
            f"(SELECT d.id FROM arc.document d WHERE {query_plan.where})"
        )
        return sql, [query_plan.driver, *query_plan.params]
    return f"SELECT d.id AS id FROM arc.document d WHERE {query_plan.where}", list(query_plan.params)


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


# -- facets -------------------------------------------------------------------------------------------------


def facet_counts(archive: Archive, query: str) -> dict[str, dict[int, int]]:
    """How many matches of `query` each tag, region, ministry and year holds, keyed by id (years by year):
    `{"tag": {tag_id: n}, "region": {entity_id: n}, "ministry": {organization_id: n}, "year": {2023: n}}`.

    Counted from the unranked match set by the rules of the sidebar's archive-wide counts (a region counts its
    unambiguous mentions and a province those of its cities too, a tag its own documents), so the two compare
    line by line. Keyed by id because names repeat (중구 is in six cities). The one implementation of facet
    counting: the sidebar's `library.browse.facet_counts` is this, keyed by its scopes.
    """
    tree = parse(query)
    if archive.shared:
        from esgdesk.search import pg

        _ready_index(archive)
        with _pg_interactive(archive) as team:
            return pg.facet_ids(team, tree)
    index = _ready_index(archive)
    if isinstance(index, TantivyIndex):
        with _sqlite_interactive(index.connection):
            return tantivy_query.facets(index, tree)
    sql, params = _ids_sql(plan(tree))
    with _sqlite_interactive(index.connection):
        return _local_facets(index, [row[0] for row in index.connection.execute(sql, params)])


def facet_counts_of_ids(archive: Archive, ids: Sequence[int]) -> dict[str, dict[int, int]]:
    """`facet_counts` over given documents (a result list the caller already holds), by the same rules."""
    if archive.shared:
        from esgdesk.search import pg

        with archive.engine.connect() as connection:
            return pg.facet_ids_of(connection, [int(doc_id) for doc_id in ids])
    return _local_facets(index_for(archive), ids)


def _local_facets(index: SearchIndex | TantivyIndex, ids: Iterable[int]) -> dict[str, dict[int, int]]:
    """Tags, ministries and years from the in-memory document maps (current even for a change the index has
    not followed yet); regions in SQL, where the mentions are."""
    connection = index.connection
    maps = document_maps(index)  # type: ignore[arg-type]
    live = [doc_id for doc_id in ids if doc_id in maps.dates]
    years = Counter(map(maps.dates.__getitem__, live))
    ministries = Counter(map(maps.ministries(connection).__getitem__, live))
    tags = Counter(itertools.chain.from_iterable(map(maps.tags(connection).__getitem__, live)))
    counts: dict[str, dict[int, int]] = {
        "tag": dict(tags),
        "region": _region_counts(connection, live),
        "ministry": {key: n for key, n in ministries.items() if key is not None},
        "year": {},
    }
    for ordinal, n in years.items():
        if (year := year_of(ordinal)) is not None:
            counts["year"][year] = counts["year"].get(year, 0) + n
    return counts


def _region_counts(connection: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """Regions counted in SQL: mentions are many per document, too many to keep in memory for every one."""
    if not ids or connection.execute("SELECT 1 FROM arc.mention LIMIT 1").fetchone() is None:
        return {}
    connection.execute("DROP TABLE IF EXISTS temp.facet_ids")
    connection.execute("CREATE TEMP TABLE facet_ids (id INTEGER PRIMARY KEY)")
    try:
        connection.executemany("INSERT INTO temp.facet_ids VALUES (?)", ((doc_id,) for doc_id in ids))
        return _id_counts(connection, REGION_ROLL_UP_SQL.format(ids="temp.facet_ids", schema="arc."))
    finally:
        connection.execute("DROP TABLE IF EXISTS temp.facet_ids")


#: documents per region among `{ids}` (a table or CTE of ids): its own unambiguous mentions and, for a province,
#: those of its cities, each document once (the sidebar's archive-wide rule); SQLite and PostgreSQL alike
REGION_ROLL_UP_SQL = (
    "SELECT r.region, count(DISTINCT r.doc) FROM ("
    "SELECT m.entity_id AS region, m.document_id AS doc FROM {ids} f JOIN {schema}mention m ON m.document_id = f.id "
    "JOIN {schema}entity e ON e.id = m.entity_id AND e.kind = 'region' WHERE NOT m.ambiguous "
    "UNION ALL "
    "SELECT e.parent_id AS region, m.document_id AS doc FROM {ids} f JOIN {schema}mention m "
    "ON m.document_id = f.id JOIN {schema}entity e ON e.id = m.entity_id AND e.kind = 'region' "
    "WHERE NOT m.ambiguous AND e.parent_id IS NOT NULL"
    ") r GROUP BY r.region"
)


def _id_counts(connection: sqlite3.Connection, sql: str) -> dict[int, int]:
    return {int(key): int(count) for key, count in connection.execute(sql) if key is not None}


# -- saved searches ---------------------------------------------------------------------------------------


def save_search(archive: Archive, name: str, query: str) -> SavedSearch:
    """Save (or replace) the search `name`; the query is checked first so a broken one is never saved."""
    from esgdesk.core.errors import EsgdeskError

    name = " ".join(name.split())
    if not name:
        raise EsgdeskError(_("A saved search needs a name."))
    parse(query)
    with archive.writing(N_("save a search")), archive.session() as session:
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
    with archive.writing(N_("delete a saved search")), archive.session() as session:
        saved = session.exec(select(SavedSearch).where(SavedSearch.name == name)).first()
        if saved is None:
            return False
        session.delete(saved)
        session.commit()
        return True
