"""Which full-text engine a local archive uses: tantivy (the default) or SQLite FTS5 (the fallback).

Both are fed the same bigram tokens (tokenize.py) and answer the same query language, so the choice changes
speed and index size, never what a search finds. `ESGDESK_SEARCH_ENGINE=fts5` selects FTS5 (for a build without
the tantivy wheel, or to compare); without the `tantivy` package installed FTS5 is used as well. A team archive on
PostgreSQL always searches on the server (search/pg.py).
"""

from __future__ import annotations

import importlib.util
import os

ENGINE_ENV = "ESGDESK_SEARCH_ENGINE"
TANTIVY = "tantivy"
FTS5 = "fts5"
ENGINES = (TANTIVY, FTS5)


def engine_name() -> str:
    """The engine for local archives opened from now on, read from the environment each time (tests switch it)."""
    wanted = os.environ.get(ENGINE_ENV, "").strip().lower()
    if wanted == FTS5:
        return FTS5
    if importlib.util.find_spec("tantivy") is None:
        return FTS5
    return TANTIVY
