"""What search needs of *every* matching document — its date, ministry and tags — kept in memory until the
archive changes.

Ordering ties by date and counting the sidebar's facets touch every match, and a broad word (지역) matches
90% of the archive. Reading `published` or `ministry_id` from the document row walks the body's overflow pages
(those columns come after the body), which cost ~0.5 s for 90,000 matches; the covering indexes on those
columns, and the primary-key index of document_tag, give the same values for the whole archive in ~0.1 s each.
So each map is read once and kept on the thread's SearchIndex, tagged with `PRAGMA arc.data_version`, which
changes whenever another connection commits to the archive (the index's connection only reads it): a stale map
is never used, and any change — an import, a tag, an edited date — is seen by the next search.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from esgdesk.search.index import SearchIndex


@dataclass
class DocumentMaps:
    """Maps of one archive version; `dates` holds every document id (it doubles as the set of live ids)."""

    version: int
    #: id → publication date as an ordinal, 0 when unknown (undated releases sort last)
    dates: dict[int, int]
    _ministries: dict[int, int | None] | None = field(default=None, repr=False)
    _tags: dict[int, tuple[int, ...]] | None = field(default=None, repr=False)

    def ministries(self, connection: sqlite3.Connection) -> dict[int, int | None]:
        """id → organisation id (None when unknown), read on first use."""
        if self._ministries is None:
            sql = "SELECT id, ministry_id FROM arc.document INDEXED BY ix_document_ministry_id"
            self._ministries = dict(_rows(connection, sql, "SELECT id, ministry_id FROM arc.document"))
        return self._ministries

    def tags(self, connection: sqlite3.Connection) -> dict[int, tuple[int, ...]]:
        """id → its tag ids (every live id, most with none), read on first use."""
        if self._tags is None:
            tags: dict[int, tuple[int, ...]] = dict.fromkeys(self.dates, ())
            rows = connection.execute("SELECT document_id, tag_id FROM arc.document_tag ORDER BY document_id")
            for doc_id, group in itertools.groupby(rows, key=operator.itemgetter(0)):
                if doc_id in tags:
                    tags[doc_id] = tuple(tag_id for _, tag_id in group)
            self._tags = tags
        return self._tags


def document_maps(index: SearchIndex) -> DocumentMaps:
    """The maps of this index's archive as it is now (read again only after the archive changed)."""
    connection = index.connection
    version = connection.execute("PRAGMA arc.data_version").fetchone()[0]
    cached = index.document_dates
    if isinstance(cached, DocumentMaps) and cached.version == version:
        return cached
    dates: dict[int, int] = {}
    sql = "SELECT id, published FROM arc.document INDEXED BY ix_document_published"
    for doc_id, published in _rows(connection, sql, "SELECT id, published FROM arc.document"):
        dates[doc_id] = _ordinal(published)
    maps = DocumentMaps(version, dates)
    index.document_dates = maps
    return maps


def year_of(ordinal: int) -> int | None:
    return dt.date.fromordinal(ordinal).year if ordinal else None


def _ordinal(published: str | None) -> int:
    if not published:
        return 0
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return 0


def _rows(connection: sqlite3.Connection, sql: str, fallback: str) -> sqlite3.Cursor:
    """`sql` through a covering index, or `fallback` for an archive without that index."""
    try:
        return connection.execute(sql)
    except sqlite3.OperationalError:
        return connection.execute(fallback)
