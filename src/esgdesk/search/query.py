"""The search language: a small recursive-descent parser producing a tree the service compiles to SQL.

    탄소 지역                 both words (all must match)
    "탄소 중립"               an exact phrase
    탄소 OR 수소              either;  AND is implied, NOT x is the same as -x
    -폐지  (a OR b) c         exclusion and grouping
    title:탄소  tag:공정전환  region:충북  ministry:산업부  kind:notice
    date:2023  date:2023-01..2023-06  date:..2022  has:annotation  has:link  linked:12
    title:(탄소 OR 수소)      a field applies to a whole group

Errors are `QuerySyntaxError`s whose message names the problem and shows where it is with a caret, because the
person reading it typed the query a second ago and needs to see which character to fix; the CLI exits 2.

Text terms are not tokenised here — the parser keeps the words as typed (NFC) and the service turns them into
bigram phrases (see `esgdesk.search.tokenize`), so the tree stays readable in tests and error messages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _
from esgdesk.search.tokenize import normalize, runs

#: fields matched through the full-text index
TEXT_FIELDS = ("title", "ministry")
#: fields matched through the archive's tables
FILTER_FIELDS = ("tag", "region", "kind", "date", "has", "linked")
FIELDS = TEXT_FIELDS + FILTER_FIELDS
HAS_VALUES = ("annotation", "link", "tag", "note")
_HAS_ALIASES = {
    "annotations": "annotation",
    "links": "link",
    "tags": "tag",
    "notes": "note",
    "주석": "annotation",
    "메모": "note",
    "링크": "link",
    "태그": "tag",
}
#: Korean and hyphenated spellings of the kinds `Document.kind` stores
KIND_ALIASES = {
    "보도자료": "press release",
    "press-release": "press release",
    "pressrelease": "press release",
    "뉴스": "news",
    "공지": "notice",
    "공고": "notice",
    "법안": "bill",
    "목록": "listing item",
    "listing": "listing item",
    "피드": "feed item",
    "feed": "feed item",
    "이메일": "email",
    "웹페이지": "web page",
    "web-page": "web page",
}


class QuerySyntaxError(EsgdeskError):
    """A query that cannot be read; `position` is the 0-based character offset of the problem."""

    def __init__(self, problem: str, query: str, position: int) -> None:
        self.problem = problem
        self.query = query
        self.position = position
        caret = " " * _display_width(query[:position]) + "^"
        shown = query if len(query) <= _SHOWN_QUERY else query[: _SHOWN_QUERY - 1] + "…"
        where = _("{problem} (at position {position})", problem=problem, position=position + 1)
        super().__init__(f"{where}\n  {shown}\n  {caret if position < _SHOWN_QUERY else ''}")


def _display_width(text: str) -> int:
    """Columns a terminal gives `text`: Hangul and Han are double width, so the caret lines up."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


#: Limits that keep one query from occupying the server (or the laptop) for minutes: every term becomes a
#: phrase that the index intersects, and a 300-word query took 116 s on PostgreSQL. Real searches have a few
#: words; a pasted paragraph gets a clear error instead.
MAX_QUERY_TERMS = 64
MAX_QUERY_CHARS = 4000
#: the largest document id either engine can store (a signed 64-bit integer)
_MAX_ID = 2**63 - 1
#: an error message shows at most this much of the query
_SHOWN_QUERY = 200


# -- the tree ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    pass


@dataclass(frozen=True)
class MatchAll(Node):
    """The empty query: every document (the GUI's unfiltered list)."""


@dataclass(frozen=True)
class Text(Node):
    """Words or an exact phrase, in all text fields or in one (`title`, `ministry`)."""

    text: str
    phrase: bool = False
    field: str | None = None


@dataclass(frozen=True)
class Filter(Node):
    """A condition on the archive's tables rather than on words."""

    field: str
    value: str


@dataclass(frozen=True)
class DateRange(Node):
    """Published on or after `start` and on or before `end` (either may be open)."""

    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Or(Node):
    children: tuple[Node, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Not(Node):
    child: Node


# -- lexing ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "(" ")" "OR" "NOT" "WORD" "PHRASE" "FIELD"
    value: str
    position: int


_FIELD_RE = re.compile(r"([A-Za-z]+):")
_WORD_STOP = set('()"') | {" ", "\t", "\n", "\r", "\u3000"}


def _lex(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            out.append(_Token(char, char, i))
            i += 1
        elif char == '"':
            close = query.find('"', i + 1)
            if close < 0:
                raise QuerySyntaxError(_('This quote " is never closed'), query, i)
            out.append(_Token("PHRASE", query[i + 1 : close], i))
            i = close + 1
        elif char == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] not in ")-":
            out.append(_Token("NOT", "-", i))
            i += 1
        else:
            i = _lex_word(query, i, out)
    return out


def _lex_word(query: str, start: int, out: list[_Token]) -> int:
    field_match = _FIELD_RE.match(query, start)
    if field_match and not query.startswith("//", field_match.end()):
        name = field_match.group(1).lower()
        if name not in FIELDS:
            raise QuerySyntaxError(
                _(
                    "Unknown field '{field}:'; the fields are {fields}",
                    field=field_match.group(1),
                    fields=", ".join(f + ":" for f in FIELDS),
                ),
                query,
                start,
            )
        out.append(_Token("FIELD", name, start))
        end = field_match.end()
        if end >= len(query) or query[end].isspace() or query[end] == ")":
            raise QuerySyntaxError(_("'{field}:' needs a value right after the colon", field=name), query, start)
        return end
    end = start
    while end < len(query) and query[end] not in _WORD_STOP and not query[end].isspace():
        end += 1
    word = query[start:end]
    kind = {"OR": "OR", "AND": "AND", "NOT": "NOT"}.get(word, "WORD")
    out.append(_Token(kind, word, start))
    return end


# -- parsing -----------------------------------------------------------------------------------------------


def parse(query: str) -> Node:
    """The tree of `query`; raises QuerySyntaxError with the position of the first problem."""
    query = normalize(query)
    if not query.strip():
        return MatchAll()
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            _(
                "The query is {length} characters long; a search takes at most {limit}",
                length=len(query),
                limit=MAX_QUERY_CHARS,
            ),
            query,
            MAX_QUERY_CHARS,
        )
    lexed = _lex(query)
    terms = [token for token in lexed if token.kind in ("WORD", "PHRASE")]
    if len(terms) > MAX_QUERY_TERMS:
        raise QuerySyntaxError(
            _(
                "The query has {count} terms; a search takes at most {limit}; search for fewer words",
                count=len(terms),
                limit=MAX_QUERY_TERMS,
            ),
            query,
            terms[MAX_QUERY_TERMS].position,
        )
    parser = _Parser(query, lexed)
    tree = parser.parse()
    if tree is None:
        raise QuerySyntaxError(_("The query has no words to search for"), query, 0)
    return tree


class _Parser:
    def __init__(self, query: str, tokens: list[_Token]) -> None:
        self.query = query
        self.tokens = tokens
        self.index = 0

    def parse(self) -> Node | None:
        node = self._or(None, depth=0)
        if self.index < len(self.tokens):
            token = self.tokens[self.index]
            raise QuerySyntaxError(_("This ')' has no '(' to close"), self.query, token.position)
        return node

    def _peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _error(self, problem: str, position: int | None = None) -> QuerySyntaxError:
        if position is None:
            token = self._peek()
            position = token.position if token else len(self.query)
        return QuerySyntaxError(problem, self.query, position)

    def _or(self, field_name: str | None, depth: int) -> Node | None:
        parts: list[Node] = []
        first = self._and(field_name, depth)
        if first is not None:
            parts.append(first)
        while (token := self._peek()) is not None and token.kind == "OR":
            if first is None and not parts:
                raise self._error(_("OR needs a term before it"), token.position)
            self.index += 1
            nxt = self._and(field_name, depth)
            if nxt is None:
                raise self._error(_("OR needs a term after it"), token.position)
            parts.append(nxt)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def _and(self, field_name: str | None, depth: int) -> Node | None:
        parts: list[Node] = []
        while (token := self._peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.index += 1
                continue
            node = self._unary(field_name, depth)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def _unary(self, field_name: str | None, depth: int) -> Node | None:
        token = self._peek()
        assert token is not None
        if token.kind == "NOT":
            self.index += 1
            following = self._peek()
            if following is None or following.kind in ("OR", ")"):
                raise self._error(_("'{operator}' needs a term to exclude", operator=token.value), token.position)
            child = self._unary(field_name, depth)
            return None if child is None else Not(child)
        return self._primary(field_name, depth)

    def _primary(self, field_name: str | None, depth: int) -> Node | None:
        token = self._peek()
        assert token is not None
        self.index += 1
        if token.kind == "(":
            return self._group(token, field_name, depth)
        if token.kind == "FIELD":
            if field_name is not None:
                raise self._error(
                    _("'{inner}:' cannot be used inside '{outer}:'", inner=token.value, outer=field_name),
                    token.position,
                )
            following = self._peek()
            if following is not None and following.kind == "FIELD":
                raise self._error(
                    _("'{inner}:' cannot be used inside '{outer}:'", inner=following.value, outer=token.value),
                    following.position,
                )
            if following is None or following.kind not in ("(", "WORD", "PHRASE"):
                raise self._error(
                    _("'{field}:' needs a value right after the colon", field=token.value), token.position
                )
            return self._primary(token.value, depth)
        if token.kind == "PHRASE":
            return self._leaf(field_name, token, phrase=True)
        return self._leaf(field_name, token, phrase=False)

    def _group(self, opening: _Token, field_name: str | None, depth: int) -> Node | None:
        if depth > 50:
            raise self._error(_("Parentheses are nested too deeply"), opening.position)
        node = self._or(field_name, depth + 1)
        closing = self._peek()
        if closing is None or closing.kind != ")":
            raise self._error(_("This '(' is never closed"), opening.position)
        self.index += 1
        if node is None:
            raise self._error(_("Empty parentheses"), opening.position)
        return node

    def _leaf(self, field_name: str | None, token: _Token, phrase: bool) -> Node | None:
        value = token.value.strip()
        if field_name is None or field_name in TEXT_FIELDS:
            if not any(runs(value)):
                return None  # punctuation only: nothing the index could hold
            return Text(value, phrase=phrase, field=field_name)
        if not value:
            raise self._error(_("'{field}:' needs a value", field=field_name), token.position)
        return _filter(field_name, value, self.query, token.position)


def _filter(field_name: str, value: str, query: str, position: int) -> Node:
    if field_name == "date":
        return parse_date_range(value, query, position)
    if field_name == "has":
        has = _HAS_ALIASES.get(value.lower(), value.lower())
        if has not in HAS_VALUES:
            raise QuerySyntaxError(
                _("'has:{value}' is not known; use has:annotation, has:link, has:tag or has:note", value=value),
                query,
                position,
            )
        return Filter("has", has)
    if field_name == "linked":
        if not (value.isascii() and value.isdigit()):
            raise QuerySyntaxError(_("'linked:' takes a document number, not '{value}'", value=value), query, position)
        if int(value) > _MAX_ID:  # past SQLite's and PostgreSQL's 64-bit integers: no document has it
            raise QuerySyntaxError(
                _("'linked:{value}' is not a document number: it is too large", value=value), query, position
            )
        return Filter("linked", str(int(value)))
    if field_name == "kind":
        kind = " ".join(value.lower().replace("_", " ").split())
        return Filter("kind", KIND_ALIASES.get(kind, kind))
    return Filter(field_name, value)


_DATE_RE = re.compile(r"(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?")


def parse_date_range(value: str, query: str = "", position: int = 0) -> DateRange:
    """`2023`, `2023-04`, `2023-04-28`, and ranges `A..B` with either end open."""
    if ".." in value:
        low, high = value.split("..", 1)
        if not low and not high:
            raise QuerySyntaxError(_("'date:..' needs a date on at least one side"), query or value, position)
        start = _date_bound(low, query, position, first=True) if low else None
        end = _date_bound(high, query, position, first=False) if high else None
        if start and end and start > end:
            raise QuerySyntaxError(
                _("The date range '{value}' ends before it starts", value=value), query or value, position
            )
        return DateRange(start, end)
    return DateRange(_date_bound(value, query, position, True), _date_bound(value, query, position, False))


def _date_bound(text: str, query: str, position: int, first: bool) -> dt.date:
    match = _DATE_RE.fullmatch(text)
    problem = _("'{value}' is not a date; write 2023, 2023-04 or 2023-04-28", value=text)
    if not match:
        raise QuerySyntaxError(problem, query or text, position)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return dt.date(year, 1, 1) if first else dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1) if first else dt.date(year, month, last)
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise QuerySyntaxError(problem, query or text, position) from exc
