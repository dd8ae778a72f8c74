"""Putting documents into a real temporary archive and indexing them (shared by the search tests)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from sqlalchemy import insert

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document
from esgdesk.search.service import index_for

_hashes = itertools.count()


def add_documents(archive: Archive, *docs: dict[str, Any] | str, index: bool = True) -> list[int]:
    """Insert documents (a dict of Document fields, or just a body) and index them; returns their ids.

    Rows go in through a Core insert rather than ORM objects: property tests insert thousands of them.
    """
    now = dt.datetime.now(dt.UTC)
    ids = []
    with archive.engine.begin() as connection:
        for doc in docs:
            fields = {"body": doc} if isinstance(doc, str) else dict(doc)
            if isinstance(fields.get("published"), str):
                fields["published"] = dt.date.fromisoformat(fields["published"])
            row = {**_DEFAULTS, "content_hash": f"hash-{next(_hashes)}", "created_at": now, "updated_at": now}
            row.update(fields)
            ids.append(connection.execute(insert(Document.__table__), row).inserted_primary_key[0])
    if index:
        index_for(archive).update(ids)
    return ids


_DEFAULTS: dict[str, Any] = {
    "title": "",
    "body": "",
    "kind": "press release",
    "status": "new",
    "partial": False,
    "note": "",
    "extra": {},
    "version": 1,
}
