"""Where the application is put together: the derived state that follows the change queue (core/changes.py).

Entities and facts follow a document's text; tag rules follow its text and metadata (and may use the
entities, so they run after them); the search index follows everything, rule tags included, so it runs last.
Services are imported when a change is applied, not when esgdesk starts.
"""

from __future__ import annotations

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.i18n import N_
from esgdesk.core.models import Document


def extract_entities(archive: Archive, document_ids: list[int]) -> None:
    """Mentions and facts, replaced by a fresh extraction (idempotent), in one transaction for the batch."""
    from esgdesk.knowledge.store import store_extraction

    with archive.writing(N_("extract entities")), archive.session() as session:
        for document_id in document_ids:
            document = session.get(Document, document_id)
            if document is not None and document.body:
                store_extraction(session, document)
        session.commit()


def apply_tag_rules(archive: Archive, document_ids: list[int]) -> None:
    from esgdesk.knowledge.tag_rules import apply_rules

    with archive.writing(N_("apply tag rules")), archive.session() as session:
        apply_rules(session, document_ids)
        session.commit()


def update_search_index(archive: Archive, document_ids: list[int]) -> None:
    """Index, re-index or remove (a document that is gone) these documents."""
    from esgdesk.search.service import index_for

    index_for(archive).update(document_ids)


def install() -> None:
    """Register the subscribers (idempotent: by name)."""
    changes.subscribe("entities", {changes.ADDED, changes.BODY}, extract_entities)
    changes.subscribe("tag rules", {changes.ADDED, changes.BODY, changes.METADATA}, apply_tag_rules)
    changes.subscribe("search index", changes.KINDS, update_search_index)


install()
