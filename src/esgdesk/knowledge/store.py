"""Storing what `extract` finds: Entity, Mention and Fact rows for a document, and ministries as one row
across their renamings.

Extraction is pure (`esgdesk.knowledge.extract`); this module is the only place that turns its result into
rows, so re-running it (a better gazetteer, a revised text) replaces a document's mentions and facts whole.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from esgdesk.core.models import Document, Entity, Fact, Mention, Organization, stored_id
from esgdesk.core.text import normalize_line
from esgdesk.knowledge.extract import Extraction, extract
from esgdesk.knowledge.facts import summarise
from esgdesk.knowledge.gazetteer import Version, gazetteer


def store_extraction(session: Session, document: Document) -> Extraction:
    """Replace the document's mentions and facts with a fresh extraction of its text (no commit)."""
    result = extract(document.body, document.published)
    session.exec(delete(Mention).where(col(Mention.document_id) == document.id))
    session.exec(delete(Fact).where(col(Fact.document_id) == document.id))
    entities: dict[tuple[str, str], int] = {}

    def entity_id(kind: str, key: str, mention: object | None) -> int:
        if (kind, key) not in entities:
            entities[(kind, key)] = _entity(session, kind, key, mention).id or 0
        return entities[(kind, key)]

    # Plain row dictionaries through one executemany each: a release has hundreds of mentions, and building
    # ORM objects for them cost more than the extraction itself.
    mention_rows = [
        {
            "document_id": document.id,
            "entity_id": entity_id(mention.kind, mention.id, mention) if mention.id is not None else None,
            "start": mention.start,
            "end": mention.end,
            "sentence_index": mention.sentence,
            "text": mention.text,
            "ambiguous": mention.ambiguous,
            "candidates": [candidate.id for candidate in mention.candidates],
        }
        for mention in result.mentions
        # 경상남도 in "경상남도 거제시" only places 거제시; it is not a region of the release
        if not mention.qualifier
    ]
    fact_rows = [
        {
            "document_id": document.id,
            "region_id": entity_id("region", fact.region_id, None),
            "region": fact.region,
            "region_code": fact.region_code,
            "years": list(fact.years),
            "industries": list(fact.industries),
            "amounts": [amount.to_json() for amount in fact.amounts],
            "sentence": fact.sentence,
            "start": fact.start,
            "end": fact.end,
        }
        for fact in result.facts
    ]
    if mention_rows:
        session.execute(insert(Mention), mention_rows)
    if fact_rows:
        session.execute(insert(Fact), fact_rows)
    return result


def _entity(session: Session, kind: str, key: str, mention: object | None) -> Entity:
    existing = session.exec(select(Entity).where(Entity.kind == kind, Entity.key == key)).first()
    if existing is not None:
        return existing
    name, code, aliases = _describe(kind, key, mention)
    entity = Entity(kind=kind, key=key, name=name, code=code, aliases=aliases)
    if kind == "region":
        parent_key = gazetteer().regions[key].at(None).parent_id if key in gazetteer().regions else None
        if parent_key:
            entity.parent_id = _entity(session, "region", parent_key, None).id
    session.add(entity)
    session.flush()
    return entity


def _describe(kind: str, key: str, mention: object | None) -> tuple[str, str | None, list[str]]:
    """Name (as in force today), code and other names of an entity, from the gazetteer where it knows it."""
    gaz = gazetteer()
    if kind == "region" and key in gaz.regions:
        region = gaz.regions[key]
        return gaz.display_name(key), region.at(None).code, sorted(region.names | region.short_forms)
    if kind == "organization" and key in gaz.organizations:
        organization = gaz.organizations[key]
        names = {version.name for version in organization.versions} | organization.abbreviations
        return organization.name_at(None), None, sorted(names)
    name = getattr(mention, "name", None) or key
    return str(name), getattr(mention, "code", None), []


def organization_for(session: Session, written_name: str | None, on: dt.date | None) -> Organization | None:
    """The Organization row for a ministry as written in a release, one row across its renamings.

    A 2023 release signed 산업통상자원부 and a 2026 release signed 산업통상부 land on the same row (key
    `industry`), whose `names` history lets each be shown under the name in force on its date.
    """
    if not written_name or not written_name.strip():
        return None
    written_name = normalize_line(written_name)
    refs = gazetteer().lookup(written_name, on, kind="organization")
    if len(refs) == 1:
        organization = gazetteer().organizations[refs[0].id]
        key, name, names = organization.id, organization.name_at(None), _history(organization.versions)
        aliases = sorted(organization.abbreviations)
    else:
        key, name, names, aliases = f"unlisted:{written_name}", written_name, [{"name": written_name}], []
    existing = session.exec(select(Organization).where(Organization.key == key)).first()
    if existing is None:
        existing = Organization(key=key, name=name, names=names, aliases=aliases)
        session.add(existing)
        session.flush()
    return existing


def organization_name_at(organization: Organization, on: dt.date | None) -> str:
    """The name the organisation had on `on` (its current name when undated or unknown)."""
    if on is None:
        return organization.name
    for entry in organization.names:
        start = _parse_date(entry.get("valid_from"))
        end = _parse_date(entry.get("valid_to"))
        if (start is None or start <= on) and (end is None or on <= end):
            return str(entry["name"])
    return organization.name


def _history(versions: tuple[Version, ...]) -> list[dict[str, str | None]]:
    return [
        {
            "name": version.name,
            "valid_from": version.valid_from.isoformat() if version.valid_from else None,
            "valid_to": version.valid_to.isoformat() if version.valid_to else None,
        }
        for version in versions
    ]


def _parse_date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def document_facts(session: Session, document_id: int) -> list[dict[str, object]]:
    """`esgdesk facts ID --json`: one entry per region, its years, industries, programmes and amounts merged.

    Each entry keeps the keys of the per-mention entries it replaces (``sentence``, ``start``, ``end``: the
    first evidence) and lists every evidence sentence with its offsets under ``evidence``. Extraction is
    pure and quick, so the entries come from the document's current text rather than from stored rows, which
    keep only what the briefing and the reader's panel need.
    """
    return summarise(_extraction(session, document_id).facts)


def document_programme_amounts(session: Session, document_id: int) -> list[dict[str, object]]:
    """Budgets the document states for a programme as a whole (``'24년 25억원``), with year and programme."""
    return [amount.to_json() for amount in _extraction(session, document_id).programme_amounts]


def _extraction(session: Session, document_id: int) -> Extraction:
    document = session.get(Document, document_id)
    if document is None:
        return extract("", None)
    return extract(document.body, document.published)


def document_entities(session: Session, document_id: int) -> list[dict[str, object]]:
    """Distinct resolved entities of a document in order of first mention: {kind, name, code, key}."""
    statement = (
        select(Entity, Mention.start)
        .join(Mention, col(Mention.entity_id) == Entity.id)
        .where(Mention.document_id == document_id)
        .order_by(col(Mention.start))
    )
    seen: dict[int, dict[str, object]] = {}
    for entity, _start in session.exec(statement):
        entity_id = stored_id(entity.id)
        if entity_id not in seen:
            seen[entity_id] = {"kind": entity.kind, "name": entity.name, "code": entity.code, "key": entity.key}
    return list(seen.values())
