"""An archive with plain documents written straight into its table: for tests of operations on documents that
need no import (their bodies are all these tests read)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document


def archive_with_documents(folder: Path, bodies: Sequence[str]) -> Archive:
    """A new archive in `folder` holding documents 1…n titled 문서 n, with these bodies."""
    opened = Archive.open(folder)
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "title": f"문서 {n}",
            "body": body,
            "content_hash": f"h{n}",
            "kind": "press release",
            "status": "new",
            "note": "",
            "extra": {},
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for n, body in enumerate(bodies, start=1)
    ]
    with opened.writing("test"), opened.engine.begin() as connection:
        connection.execute(insert(Document.__table__), rows)
    return opened
