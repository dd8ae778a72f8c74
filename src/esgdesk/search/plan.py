"""A parsed query turned into what SQLite runs: one FTS5 expression that drives the search, plus SQL filters.

Why split this way: FTS5 intersects posting lists far faster than SQL can filter 100,000 rows, so every part of
the query that the index can answer (words, phrases, their AND/OR/NOT combinations, `title:` and `ministry:`)
is pushed into a single MATCH expression — the *driver* — and ranked there by BM25. What the index cannot answer
(tags, regions, kinds, dates, links, one-syllable scans, or words inside an OR with a filter) becomes an SQL
predicate on the archive's `document` row, joined to the driver's matches. A query with no index part at all
(`kind:notice date:2023`) runs over the documents table, newest first.

Korean words become phrases of bigrams (tokenize.py); a word ending in a particle is the OR of itself and its
stem; a word of one syllable cannot be a bigram, so it is found by scanning title and body with `instr`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from esgdesk.search.query import And, DateRange, Filter, MatchAll, Node, Not, Or, Text
from esgdesk.search.tokenize import PARTICLES, is_cjk, runs, strip_particle, tokens

_SEPARATOR = r"[\W_]*"


@dataclass(frozen=True)
class Phrase:
    """Tokens at consecutive positions; `prefix`: the last one may be the start of a longer token."""

    tokens: tuple[str, ...]
    prefix: bool
    pattern: str

    def fts(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + (" *" if self.prefix else "")


@dataclass(frozen=True)
class TextMatch:
    """Any of `phrases` (a word and its stem), or — for a one-syllable word — a scan for `scan`."""

    phrases: tuple[Phrase, ...]
    scan: str | None
    field: str | None

    @property
    def patterns(self) -> list[str]:
        if self.scan is not None:
            return [re.escape(self.scan)]
        return [phrase.pattern for phrase in self.phrases]


def phrase_of(text: str) -> Phrase:
    """The index phrase for `text`: its tokens in order, the same way documents are tokenised.

    A trailing one-syllable Korean piece after Latin or digits (2030년) is a unigram in the query but the start
    of a bigram in the document (2030년까지 → 년까), so it is matched as a prefix.
    """
    pieces = list(runs(text))
    prefix = len(pieces) > 1 and pieces[-1].cjk and len(pieces[-1].text) == 1
    pattern = _SEPARATOR.join(re.escape(piece.text) for piece in pieces)
    return Phrase(tuple(tokens(text)), prefix, pattern)


@functools.lru_cache(maxsize=1024)
def text_match(node: Text) -> TextMatch:
    pieces = list(runs(node.text))
    if len(pieces) == 1 and pieces[0].cjk and len(pieces[0].text) == 1:
        return TextMatch((), pieces[0].text, node.field)
    phrases = [phrase_of(node.text)]
    last = pieces[-1]
    if not node.phrase and last.cjk:
        stem: str | None
        if len(pieces) > 1 and last.text in PARTICLES:
            stem = node.text[: last.start].rstrip()
        else:
            stem = strip_particle(last.text)
            stem = None if stem is None else node.text[: last.start] + stem
        if stem and any(runs(stem)) and not _single_syllable(stem):
            phrases.append(phrase_of(stem))
    return TextMatch(tuple(phrases), None, node.field)


def _single_syllable(text: str) -> bool:
    pieces = list(runs(text))
    return len(pieces) == 1 and pieces[0].cjk and len(pieces[0].text) == 1


@dataclass
class Plan:
    """`driver`: FTS expression all hits match (None: drive from the documents table);
    `rank`: FTS expression whose BM25 orders hits when there is no driver;
    `where`/`params`: SQL predicate on `d` (arc.document); `highlights`: regexes for snippets."""

    driver: str | None
    rank: str | None
    where: str
    params: list[object] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    match_all: bool = False


def plan(tree: Node) -> Plan:
    compiler = _Compiler()
    conjuncts = list(tree.children) if isinstance(tree, And) else [tree]
    positive = [c for c in conjuncts if not isinstance(c, Not) and compiler.fts(c) is not None]
    negative = [c for c in conjuncts if isinstance(c, Not) and compiler.fts(c.child) is not None]
    highlights = _highlights(tree)
    if positive:
        driver = " AND ".join(f"({compiler.fts(c)})" for c in positive)
        for node in negative:
            driver = f"({driver}) NOT ({compiler.fts(node.child)})"
        rest = [c for c in conjuncts if c not in positive and c not in negative]
        where = " AND ".join(f"({compiler.sql(c)})" for c in rest) or "1"
        return Plan(driver, None, where, compiler.params, highlights)
    ranked = [compiler.fts(node) for node in _positive_texts(tree)]
    rank = " OR ".join(f"({expr})" for expr in ranked if expr) or None
    where = compiler.sql(tree)
    return Plan(None, rank, where, compiler.params, highlights, match_all=isinstance(tree, MatchAll))


def _positive_texts(node: Node) -> list[Text]:
    if isinstance(node, Text):
        return [node]
    if isinstance(node, And | Or):
        return [text for child in node.children for text in _positive_texts(child)]
    return []


def _highlights(node: Node) -> list[str]:
    return [pattern for text in _positive_texts(node) for pattern in text_match(text).patterns]


class _Compiler:
    def __init__(self) -> None:
        self.params: list[object] = []

    # -- the part the index answers ------------------------------------------------------------------------

    def fts(self, node: Node) -> str | None:
        if isinstance(node, Text):
            match = text_match(node)
            if match.scan is not None:
                return None
            expr = " OR ".join(phrase.fts() for phrase in match.phrases)
            if len(match.phrases) > 1:
                expr = f"({expr})"
            return f"{node.field} : {expr}" if node.field else expr
        if isinstance(node, Or):
            parts = [None if isinstance(c, Not) else self.fts(c) for c in node.children]
            if any(part is None for part in parts):
                return None
            return " OR ".join(f"({part})" for part in parts)
        if isinstance(node, And):
            return self._fts_and(node)
        return None

    def _fts_and(self, node: And) -> str | None:
        positive: list[str] = []
        negative: list[str] = []
        for child in node.children:
            inner = child.child if isinstance(child, Not) else child
            expr = self.fts(inner)
            if expr is None:
                return None
            (negative if isinstance(child, Not) else positive).append(expr)
        if not positive:
            return None
        expr = " AND ".join(f"({part})" for part in positive)
        for part in negative:
            expr = f"({expr}) NOT ({part})"
        return expr

    # -- everything as an SQL predicate on d ---------------------------------------------------------------

    def sql(self, node: Node) -> str:
        if isinstance(node, MatchAll):
            return "1"
        if isinstance(node, And):
            return " AND ".join(f"({self.sql(child)})" for child in node.children)
        if isinstance(node, Or):
            return " OR ".join(f"({self.sql(child)})" for child in node.children)
        if isinstance(node, Not):
            return f"NOT ({self.sql(node.child)})"
        if isinstance(node, Text):
            return self._text_sql(node)
        if isinstance(node, DateRange):
            return self._date_sql(node)
        if isinstance(node, Filter):
            return self._filter_sql(node)
        # English only, not _(): a query node the compiler does not know: a programming error.
        raise TypeError(f"cannot compile {node!r}")

    def _text_sql(self, node: Text) -> str:
        match = text_match(node)
        if match.scan is None:
            self.params.append(self.fts(node))
            return "d.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
        needle = match.scan
        if node.field == "title":
            self.params.append(needle)
            return "instr(d.title, ?) > 0"
        if node.field == "ministry":
            self.params.extend([needle, needle])
            return (
                "instr(coalesce(d.department, ''), ?) > 0 OR EXISTS (SELECT 1 FROM arc.organization o "
                "WHERE o.id = d.ministry_id AND instr(o.name, ?) > 0)"
            )
        self.params.extend([needle, needle])
        return "instr(d.title, ?) > 0 OR instr(d.body, ?) > 0"

    def _date_sql(self, node: DateRange) -> str:
        # IS NOT NULL keeps the predicate two-valued, so that -date:2023 keeps undated documents
        parts = ["d.published IS NOT NULL"]
        if node.start is not None:
            parts.append("d.published >= ?")
            self.params.append(node.start.isoformat())
        if node.end is not None:
            parts.append("d.published <= ?")
            self.params.append(node.end.isoformat())
        return " AND ".join(parts)

    def _filter_sql(self, node: Filter) -> str:
        value = node.value
        if node.field == "kind":
            self.params.append(value)
            return "lower(d.kind) = ?"
        if node.field == "linked":
            self.params.extend([int(value), int(value)])
            return (
                "d.id IN (SELECT target_id FROM arc.link WHERE source_id = ? "
                "UNION SELECT source_id FROM arc.link WHERE target_id = ?)"
            )
        if node.field == "has":
            return _HAS_SQL[value]
        if node.field == "tag":
            self.params.append(value)
            return (
                "d.id IN (SELECT dt.document_id FROM arc.document_tag dt WHERE dt.tag_id IN ("
                "WITH RECURSIVE sub(id) AS (SELECT id FROM arc.tag WHERE lower(name) = lower(?) "
                "UNION SELECT c.id FROM arc.tag c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))"
            )
        if node.field == "region":
            self.params.extend([value, value, value, value])
            return (
                "d.id IN (SELECT m.document_id FROM arc.mention m WHERE m.entity_id IN ("
                "WITH RECURSIVE sub(id) AS (SELECT e.id FROM arc.entity e WHERE e.kind = 'region' AND "
                "(e.name = ? OR e.key = ? OR e.code = ? OR EXISTS "
                "(SELECT 1 FROM json_each(e.aliases) j WHERE j.value = ?)) "
                "UNION SELECT c.id FROM arc.entity c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))"
            )
        # English only, not _(): a query node the compiler does not know: a programming error.
        raise TypeError(f"cannot compile the field {node.field!r}")


_HAS_SQL = {
    "annotation": "EXISTS (SELECT 1 FROM arc.annotation a WHERE a.document_id = d.id)",
    "link": (
        "EXISTS (SELECT 1 FROM arc.link l WHERE l.source_id = d.id) "
        "OR EXISTS (SELECT 1 FROM arc.link l WHERE l.target_id = d.id)"
    ),
    "tag": "EXISTS (SELECT 1 FROM arc.document_tag dt WHERE dt.document_id = d.id)",
    "note": "d.note != '' OR EXISTS (SELECT 1 FROM arc.annotation a WHERE a.document_id = d.id AND a.note != '')",
}

__all__ = ["Phrase", "Plan", "TextMatch", "is_cjk", "phrase_of", "plan", "text_match"]
