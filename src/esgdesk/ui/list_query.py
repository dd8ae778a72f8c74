"""What the main window's list is asked now — library view, search, the counts — as plain Python, no Qt.

The window shows; this says what to show and whether an answer is still wanted. Every read runs in the
background, so each kind of question carries a generation number: an answer to an older question (a query
typed over, a view left) is recognised and dropped instead of overwriting the newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from esgdesk.library.browse import Scope, ScopeKind

#: the kinds of background question the window asks
PARTS = ("list", "reader", "sidebar", "facets")


class EmptyReader(Enum):
    """Why the reader has nothing to show, which decides what it says."""

    NOTHING_YET = "nothing yet"  # an empty archive: the list area offers how to import
    NOTHING_MATCHES = "nothing matches"  # a view or a search with no documents
    NOTHING_SELECTED = "nothing selected"


@dataclass
class ListQuery:
    #: the first view lists what can be read: the board's headlines wait in the Reading list
    scope: Scope = field(default_factory=lambda: Scope(ScopeKind.DOCUMENTS))
    query: str = ""
    total_documents: int = 0
    #: how many documents the current search matches in all (None: no search, or not answered yet)
    search_total: int | None = None
    _generations: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))

    def ask(self, part: str) -> int:
        """A new question of this kind: earlier answers of the kind are stale from now on."""
        self._generations[part] += 1
        return self._generations[part]

    def wanted(self, part: str, generation: int) -> bool:
        return self._generations[part] == generation

    def choose_scope(self, scope: Scope) -> bool:
        """Picking a library view leaves the search, as in a mail client; True when a search was left."""
        self.scope = scope
        left = bool(self.query)
        self.query = ""
        self.search_total = None
        return left

    def submit(self, query: str) -> None:
        self.query = query
        if not query:
            self.search_total = None

    def search_failed(self) -> None:
        """A query that does not parse has no results: the old ones must not stay on screen as if current."""
        self.search_total = None

    def shows_welcome(self, sidebar_loaded: bool) -> bool:
        """The empty-archive panel replaces the list while there is nothing to list and no search."""
        return sidebar_loaded and self.total_documents == 0 and not self.query

    def empty_reader(self, rows: int) -> EmptyReader:
        if self.total_documents == 0 and not self.query:
            return EmptyReader.NOTHING_YET
        if rows == 0:
            return EmptyReader.NOTHING_MATCHES
        return EmptyReader.NOTHING_SELECTED

    def status_counts(self, rows: int, selected: int) -> dict[str, int]:
        """The numbers the status bar shows: in the archive, found or in this view, and selected (when > 1)."""
        counts = {"archive": self.total_documents}
        if self.query and self.search_total is not None:
            counts["found"] = self.search_total
        elif self.scope.kind is not ScopeKind.ALL:
            counts["view"] = rows
        if selected > 1:
            counts["selected"] = selected
        return counts
