"""A parsed query as a tantivy query, and the ranked page / match set it yields.

The same words become the same token phrases as for FTS5 (plan.text_match): a Korean word is a phrase of its
bigrams, a word ending in a particle the OR of itself and its stem, each searched in every text field (or the one
named by `title:`/`ministry:`) with the field's weight (index.WEIGHTS) as a boost, so BM25 ranks a title match
first. `kind:` and `date:` are answered by the engine's own fields. What the index cannot answer — a one-syllable
word (a scan of title and body), tags and regions with their hierarchies, `has:`, `linked:` — is the set of
document ids plan.py's SQL predicate selects, as a constant-score id set: it filters without changing the ranking.
"""

from __future__ import annotations

import operator
import sqlite3
from typing import TYPE_CHECKING, Any

from esgdesk.search.index import COLUMNS, WEIGHTS
from esgdesk.search.plan import Phrase, _Compiler, text_match
from esgdesk.search.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Text

if TYPE_CHECKING:
    import tantivy

    from esgdesk.search.tantivy_index import TantivyIndex

_WEIGHT = dict(zip(COLUMNS, WEIGHTS, strict=True))
#: extra rows fetched past the page so that ties at its end can be ordered by date. The search visits every
#: match anyway (it counts them), so a wider margin costs only its rows (~0.1 ms for 200), while a tie that runs
#: past it costs a second search: releases made from one template tie by the hundred.
TIE_MARGIN = 200


class TantivyCompiler:
    def __init__(self, schema: tantivy.Schema, connection: sqlite3.Connection) -> None:
        import tantivy

        self.tantivy = tantivy
        self.schema = schema
        self.connection = connection

    def query(self, node: Node) -> tantivy.Query:
        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        if isinstance(node, Text):
            return self._text(node)
        if isinstance(node, And):
            clauses = [
                (Occur.MustNot, self.query(child.child)) if isinstance(child, Not) else (Occur.Must, self.query(child))
                for child in node.children
            ]
            if all(occur == Occur.MustNot for occur, _ in clauses):
                clauses.insert(0, (Occur.Must, self._everything()))
            return Query.boolean_query(clauses)
        if isinstance(node, Or):
            return Query.boolean_query([(Occur.Should, self.query(child)) for child in node.children])
        if isinstance(node, Not):
            return Query.boolean_query([(Occur.Must, self._everything()), (Occur.MustNot, self.query(node.child))])
        if isinstance(node, MatchAll):
            return self._everything()
        if isinstance(node, DateRange):
            lower = node.start.toordinal() if node.start is not None else 1  # 0 is "undated", never in a range
            upper = node.end.toordinal() if node.end is not None else None
            return Query.const_score_query(
                Query.range_query(self.schema, "published", self.tantivy.FieldType.Integer, lower, upper), 0.0
            )
        if isinstance(node, Filter) and node.field == "kind":
            return Query.const_score_query(Query.term_query(self.schema, "kind", node.value), 0.0)
        if isinstance(node, Filter) and node.field == "tag":
            return self._tags(node.value)
        if isinstance(node, Filter):
            return self._ids(node)
        # English only, not _(): a programming error in our own code, never shown to a user
        raise TypeError(f"cannot compile {node!r}")

    def _everything(self) -> tantivy.Query:
        return self.tantivy.Query.const_score_query(self.tantivy.Query.all_query(), 0.0)

    def _text(self, node: Text) -> tantivy.Query:
        match = text_match(node)
        if match.scan is not None:
            return self._ids(node)
        fields = [node.field] if node.field else list(COLUMNS)
        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        alternatives = [
            (Occur.Should, Query.boost_query(self._phrase(field, phrase), _WEIGHT[field]))
            for phrase in match.phrases
            if phrase.tokens
            for field in fields
        ]
        if not alternatives:
            return Query.empty_query()
        return Query.boolean_query(alternatives)

    def _phrase(self, field: str, phrase: Phrase) -> tantivy.Query:
        Query = self.tantivy.Query
        words: list[str | tuple[int, str]] = list(phrase.tokens)
        if phrase.prefix:
            return Query.phrase_prefix_query(self.schema, field, words)
        if len(words) == 1:
            return Query.term_query(self.schema, field, phrase.tokens[0], index_option="freq")
        return Query.phrase_query(self.schema, field, words)

    def _tags(self, name: str) -> tantivy.Query:
        """The tag and its sub-tags (resolved in the small tag table), matched on the documents' tag field."""
        rows = self.connection.execute(_TAG_TREE_SQL, (name,))
        tag_ids = [row[0] for row in rows]
        Query = self.tantivy.Query
        if not tag_ids:
            return Query.empty_query()
        return Query.const_score_query(Query.term_set_query(self.schema, "tag_id", tag_ids), 0.0)

    def _ids(self, node: Node) -> tantivy.Query:
        """Documents selected by plan.py's SQL predicate for `node`, as a constant-score filter."""
        compiler = _Compiler()
        where = compiler._text_sql(node) if isinstance(node, Text) else compiler.sql(node)
        ids = [
            row[0] for row in self.connection.execute(f"SELECT d.id FROM arc.document d WHERE {where}", compiler.params)
        ]
        Query = self.tantivy.Query
        if not ids:
            return Query.empty_query()
        return Query.const_score_query(Query.term_set_query(self.schema, "id", ids), 0.0)


_TAG_TREE_SQL = (
    "WITH RECURSIVE sub(id) AS (SELECT id FROM arc.tag WHERE lower(name) = lower(?) "
    "UNION SELECT c.id FROM arc.tag c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub"
)
#: facet fields and the keys of service.facet_counts
_FACETS = {"tag": "tag_id", "region": "region_id", "ministry": "ministry_id", "year": "year"}
#: more buckets than any archive has tags, regions, ministries or years
_BUCKETS = 1_000_000


def compile_query(index: TantivyIndex, tree: Node) -> tantivy.Query:
    return TantivyCompiler(index.schema, index.connection).query(tree)


def ranked(
    index: TantivyIndex, tree: Node, limit: int | None, offset: int, dates: dict[int, int]
) -> tuple[int, list[tuple[int, float]]]:
    """(total, [(id, score)…]) of one page in the one order: score (higher is better), newest, higher id.

    tantivy returns the best `offset + limit` plus a margin; when the margin is one tie, fetch more, so that a
    tie across the page's end is ordered by date exactly as a full sort would order it. The order is a plain
    descending sort of (score, date, id) tuples, compared in C: for 90,000 matches that is a third of the time
    a key function takes.
    """
    searcher = index.searcher()
    if searcher is None or searcher.num_docs == 0:
        return 0, []
    query = compile_query(index, tree)
    if limit is None:
        result = searcher.search(query, limit=max(1, searcher.num_docs), count=False)
        rows = _rows(searcher, result.hits, dates)
        total = wanted = len(rows)
    else:
        wanted = offset + limit
        fetch = wanted + TIE_MARGIN
        total = -1
        while True:
            # counted on the first search only: without counting, tantivy may skip blocks that cannot enter the top
            result = searcher.search(query, limit=fetch, count=total < 0)
            if total < 0:
                total = int(result.count or 0)  # type: ignore[attr-defined]  # (missing from tantivy's stub)
            if wanted == 0 or offset >= total:
                return total, []
            hits = result.hits
            boundary = hits[min(wanted, len(hits)) - 1][0] if hits else None
            if len(hits) < fetch or hits[-1][0] != boundary:
                break
            fetch *= 8  # the tie runs past the margin: the whole tie must be here to be ordered by date
        rows = _rows(searcher, hits, dates)
    rows.sort(reverse=True)
    return total, [(doc_id, score) for score, _date, doc_id in rows[offset:wanted]]


def match_ids(index: TantivyIndex, tree: Node) -> list[int]:
    """Every matching id, unranked: collected by id order, which lets tantivy skip BM25."""
    searcher = index.searcher()
    if searcher is None or searcher.num_docs == 0:
        return []
    query = compile_query(index, tree)
    hits = searcher.search(query, limit=max(1, searcher.num_docs), count=False, order_by_field="id").hits
    return [key for key, _address in hits]


def _rows(
    searcher: tantivy.Searcher, hits: list[tuple[float, tantivy.DocAddress]], dates: dict[int, int]
) -> list[tuple[float, int, int]]:
    """(score, date, id) of the hits, built by C-level maps and zip (a Python loop costs more than the search);
    an index entry of a document deleted since (not in `dates`) is skipped."""
    ids: list[Any] = searcher.fast_field_values("id", list(map(_SECOND, hits)))
    days: list[Any] = list(map(dates.get, ids))
    rows = list(zip(map(_FIRST, hits), days, ids, strict=True))
    if None in days:
        rows = [row for row in rows if row[1] is not None]
    return rows


_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)


def facets(index: TantivyIndex, tree: Node) -> dict[str, dict[int, int]]:
    """service.facet_counts from tantivy's terms aggregations over the match set (no id list in Python)."""
    counts: dict[str, dict[int, int]] = {key: {} for key in _FACETS}
    searcher = index.searcher()
    if searcher is None or searcher.num_docs == 0:
        return counts
    spec = {key: {"terms": {"field": field, "size": _BUCKETS}} for key, field in _FACETS.items()}
    result = searcher.aggregate(compile_query(index, tree), spec)
    for key in _FACETS:
        for bucket in result.get(key, {}).get("buckets", ()):
            counts[key][int(bucket["key"])] = int(bucket["doc_count"])
    return counts
