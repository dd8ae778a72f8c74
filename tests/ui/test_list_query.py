"""The list's query state is plain Python: stale answers are recognised, views and searches behave as in a
mail client, and the status counts say what the window will show."""

from __future__ import annotations

import ast
from pathlib import Path

from esgdesk.library.browse import Scope, ScopeKind
from esgdesk.ui import list_query
from esgdesk.ui.list_query import EmptyReader, ListQuery


def test_it_imports_no_qt() -> None:
    tree = ast.parse(Path(list_query.__file__).read_text(encoding="utf-8"))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in modules if m.startswith(("PySide6", "PyQt"))]


def test_an_answer_to_an_older_question_is_not_wanted() -> None:
    state = ListQuery()
    first = state.ask("list")
    second = state.ask("list")
    assert not state.wanted("list", first) and state.wanted("list", second)
    assert state.wanted("reader", 0), "each kind of question counts on its own"


def test_picking_a_view_leaves_the_search() -> None:
    state = ListQuery()
    assert state.scope == Scope(ScopeKind.DOCUMENTS)
    state.submit("충북")
    state.search_total = 3
    assert state.choose_scope(Scope(ScopeKind.INBOX)) is True
    assert state.query == "" and state.search_total is None and state.scope.kind is ScopeKind.INBOX
    assert state.choose_scope(Scope(ScopeKind.ALL)) is False


def test_what_the_reader_and_status_bar_say() -> None:
    state = ListQuery()
    assert state.shows_welcome(sidebar_loaded=True) and not state.shows_welcome(sidebar_loaded=False)
    assert state.empty_reader(rows=0) is EmptyReader.NOTHING_YET
    state.total_documents = 24
    assert state.empty_reader(rows=0) is EmptyReader.NOTHING_MATCHES
    assert state.empty_reader(rows=4) is EmptyReader.NOTHING_SELECTED
    assert state.status_counts(rows=4, selected=1) == {"archive": 24, "view": 4}
    state.submit("충북")
    state.search_total = 2
    assert state.status_counts(rows=2, selected=2) == {"archive": 24, "found": 2, "selected": 2}
    state.search_failed()
    assert "found" not in state.status_counts(rows=0, selected=0)
