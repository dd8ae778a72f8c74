"""Reading one row by id with a clear error: what every layer needs inside its own session."""

from __future__ import annotations

from sqlmodel import Session

from esgdesk.core.errors import NotFoundError
from esgdesk.core.i18n import _
from esgdesk.core.models import Document


def get_document(session: Session, document_id: int, lock: bool = False) -> Document:
    """`lock`: read FOR UPDATE (a shared archive's version check and write then cannot interleave)."""
    document = session.get(Document, document_id, with_for_update=lock or None)
    if document is None:
        raise NotFoundError(_("There is no document {id} in this archive.", id=document_id))
    return document
