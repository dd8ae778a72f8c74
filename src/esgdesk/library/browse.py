"""Browsing the archive: the sidebar's groups with counts, sorted id lists, and table rows fetched by page.

The desktop app's document list is a table over a list of ids (Anki's browser does the same): the ids of a
whole scope come back in one cheap query, and the columns of only the rows on screen are read, a page at a
time. Keeping those queries here (no Qt) lets the CLI, the benchmark and tests use them without a display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import String, and_, cast, func, literal_column, or_, select, update
from sqlalchemy.sql import ColumnElement, Select

from esgdesk.core.archive import Archive
from esgdesk.core.i18n import N_, _
from esgdesk.core.models import (
    Activity,
    Annotation,
    Collection,
    CollectionItem,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentTag,
    Entity,
    Link,
    Mention,
    Organization,
    SavedSearch,
    Tag,
)

# -- scopes: what the sidebar selects -------------------------------------------------------------------------


class ScopeKind(StrEnum):
    ALL = "all"
    #: documents with text to read (releases, letters, reports): every kind but the board's headlines
    DOCUMENTS = "documents"
    INBOX = "inbox"
    READING_LIST = "reading list"
    TAG = "tag"
    REGION = "region"
    MINISTRY = "ministry"
    YEAR = "year"
    COLLECTION = "collection"


@dataclass(frozen=True)
class Scope:
    """A set of documents the sidebar names; `value` is the tag/region/ministry/collection id or the year."""

    kind: ScopeKind = ScopeKind.ALL
    value: int | None = None


class SortKey(StrEnum):
    TITLE = "title"
    PUBLISHED = "published"
    MINISTRY = "ministry"
    TAGS = "tags"
    REGIONS = "regions"
    ANNOTATIONS = "annotations"


def _scope_condition(scope: Scope) -> ColumnElement[bool] | None:
    document_id = Document.__table__.c.id
    if scope.kind is ScopeKind.ALL:
        return None
    if scope.kind is ScopeKind.DOCUMENTS:
        return Document.__table__.c.kind != DocumentKind.LISTING_ITEM
    if scope.kind is ScopeKind.INBOX:
        return Document.__table__.c.status == DocumentStatus.NEW
    if scope.kind is ScopeKind.READING_LIST:
        return Document.__table__.c.kind == DocumentKind.LISTING_ITEM
    if scope.kind is ScopeKind.MINISTRY:
        return Document.__table__.c.ministry_id == scope.value
    if scope.kind is ScopeKind.YEAR:
        year = int(scope.value or 0)
        published = Document.__table__.c.published
        return and_(published >= dt.date(year, 1, 1), published <= dt.date(year, 12, 31))
    if scope.kind is ScopeKind.TAG:
        return document_id.in_(select(DocumentTag.__table__.c.document_id).where(_tag_or_child(scope.value)))
    if scope.kind is ScopeKind.REGION:
        mention = Mention.__table__.c
        entity = Entity.__table__.c
        # A province includes the mentions of its cities and counties (시·도 › 시·군·구).
        region_ids = select(entity.id).where(or_(entity.id == scope.value, entity.parent_id == scope.value))
        return document_id.in_(
            select(mention.document_id).where(mention.entity_id.in_(region_ids), mention.ambiguous.is_(False))
        )
    if scope.kind is ScopeKind.COLLECTION:
        item = CollectionItem.__table__.c
        return document_id.in_(select(item.document_id).where(item.collection_id == scope.value))
    # English only, not _(): a value outside the enums our own code passes: a programming error.
    raise ValueError(f"unknown scope {scope}")


def _tag_or_child(tag_id: int | None) -> ColumnElement[bool]:
    tag = Tag.__table__.c
    children = select(tag.id).where(tag.parent_id == tag_id)
    return or_(DocumentTag.__table__.c.tag_id == tag_id, DocumentTag.__table__.c.tag_id.in_(children))


# -- id lists -------------------------------------------------------------------------------------------------


def _sort_expression(key: SortKey) -> Any:
    document = Document.__table__.c
    if key is SortKey.TITLE:
        return document.title
    if key is SortKey.PUBLISHED:
        return document.published
    if key is SortKey.MINISTRY:
        organization = Organization.__table__.c
        return select(organization.name).where(organization.id == document.ministry_id).scalar_subquery()
    if key is SortKey.TAGS:
        tag, link = Tag.__table__.c, DocumentTag.__table__.c
        return (
            select(func.min(tag.name))
            .join(DocumentTag.__table__, link.tag_id == tag.id)
            .where(link.document_id == document.id)
            .scalar_subquery()
        )
    if key is SortKey.REGIONS:
        entity, mention = Entity.__table__.c, Mention.__table__.c
        return (
            select(func.min(entity.name))
            .join(Mention.__table__, mention.entity_id == entity.id)
            .where(mention.document_id == document.id, entity.kind == "region", mention.ambiguous.is_(False))
            .scalar_subquery()
        )
    if key is SortKey.ANNOTATIONS:
        annotation = Annotation.__table__.c
        return select(func.count()).where(annotation.document_id == document.id).scalar_subquery()
    # English only, not _(): a value outside the enums our own code passes: a programming error.
    raise ValueError(f"unknown sort key {key}")


def document_ids(
    archive: Archive,
    scope: Scope = Scope(),
    sort: SortKey = SortKey.PUBLISHED,
    descending: bool = True,
) -> list[int]:
    """The ids of a scope in display order; empty values sort last either way, ties fall back to newest id."""
    document = Document.__table__.c
    expression = _sort_expression(sort)
    statement: Select[Any] = select(document.id)
    condition = _scope_condition(scope)
    if condition is not None:
        statement = statement.where(condition)
    ordered = expression.desc() if descending else expression.asc()
    statement = statement.order_by(expression.is_(None), ordered, document.id.desc())
    with archive.engine.connect() as connection:
        return list(connection.execute(statement).scalars())


def sort_ids(archive: Archive, ids: Sequence[int], sort: SortKey, descending: bool) -> list[int]:
    """`ids` (e.g. search hits) reordered by a column; used when the list shows a search result."""
    if not ids:
        return []
    document = Document.__table__.c
    expression = _sort_expression(sort)
    order: dict[int, int] = {}
    with archive.engine.connect() as connection:
        for chunk in _chunks(list(ids), 900):
            statement = select(document.id, expression).where(document.id.in_(chunk))
            for document_id, value in connection.execute(statement):
                order[document_id] = value
    present = [document_id for document_id in ids if document_id in order]
    filled = [i for i in present if order[i] is not None]
    empty = [i for i in present if order[i] is None]
    filled.sort(key=lambda i: order[i], reverse=descending)
    return filled + empty


# -- rows -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    """What one line of the document list shows."""

    id: int
    title: str
    published: dt.date | None
    ministry: str | None
    kind: str
    status: str
    tags: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    annotations: int = 0


def document_rows(archive: Archive, ids: Iterable[int]) -> dict[int, DocumentRow]:
    """The rows of `ids` (a page of the list), read with four indexed queries whatever the page size."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    document, organization = Document.__table__.c, Organization.__table__.c
    tag, link = Tag.__table__.c, DocumentTag.__table__.c
    entity, mention = Entity.__table__.c, Mention.__table__.c
    annotation = Annotation.__table__.c
    base: dict[int, dict[str, Any]] = {}
    tags: dict[int, list[str]] = {}
    regions: dict[int, list[str]] = {}
    annotations: dict[int, int] = {}
    with archive.engine.connect() as connection:
        for chunk in _chunks(wanted, 900):
            rows = connection.execute(
                select(
                    document.id,
                    document.title,
                    document.published,
                    organization.name,
                    organization.names,
                    document.kind,
                    document.status,
                )
                .select_from(
                    Document.__table__.join(
                        Organization.__table__, organization.id == document.ministry_id, isouter=True
                    )
                )
                .where(document.id.in_(chunk))
            )
            for row in rows:
                base[row[0]] = {
                    "title": row[1],
                    "published": row[2],
                    "ministry": _name_at(row[3], row[4], row[2]),
                    "kind": row[5],
                    "status": row[6],
                }
            for document_id, name in connection.execute(
                select(link.document_id, tag.name)
                .join(Tag.__table__, tag.id == link.tag_id)
                .where(link.document_id.in_(chunk))
                .order_by(tag.name)
            ):
                tags.setdefault(document_id, []).append(name)
            for document_id, name in connection.execute(
                select(mention.document_id, entity.name)
                .join(Entity.__table__, entity.id == mention.entity_id)
                .where(mention.document_id.in_(chunk), entity.kind == "region", mention.ambiguous.is_(False))
                .group_by(mention.document_id, entity.name)
                .order_by(mention.document_id, func.min(mention.start))
            ):
                regions.setdefault(document_id, []).append(name)
            for document_id, count in connection.execute(
                select(annotation.document_id, func.count())
                .where(annotation.document_id.in_(chunk))
                .group_by(annotation.document_id)
            ):
                annotations[document_id] = count
    return {
        document_id: DocumentRow(
            id=document_id,
            tags=tuple(tags.get(document_id, ())),
            regions=tuple(regions.get(document_id, ())),
            annotations=annotations.get(document_id, 0),
            **values,
        )
        for document_id, values in base.items()
    }


# -- the sidebar ----------------------------------------------------------------------------------------------


@dataclass
class SidebarEntry:
    """One line of a sidebar group: what it selects, its label, its count and (tags, regions) its children."""

    scope: Scope
    name: str
    count: int
    color: str | None = None
    children: list[SidebarEntry] = field(default_factory=list)
    #: a ministry's other names in its history (renamings), for the line's tooltip
    other_names: tuple[str, ...] = ()


@dataclass
class SavedSearchEntry:
    id: int
    name: str
    query: str


@dataclass
class Sidebar:
    total: int = 0
    #: documents with text (ScopeKind.DOCUMENTS): the window's first view
    documents: int = 0
    inbox: int = 0
    reading_list: int = 0
    tags: list[SidebarEntry] = field(default_factory=list)
    regions: list[SidebarEntry] = field(default_factory=list)
    ministries: list[SidebarEntry] = field(default_factory=list)
    years: list[SidebarEntry] = field(default_factory=list)
    collections: list[SidebarEntry] = field(default_factory=list)
    saved_searches: list[SavedSearchEntry] = field(default_factory=list)


def sidebar(archive: Archive) -> Sidebar:
    """Every sidebar group with its counts, in one read transaction so the numbers agree with each other."""
    document = Document.__table__.c
    result = Sidebar()
    with archive.engine.connect() as connection:

        def scalar(statement: Select[Any]) -> int:
            return int(connection.execute(statement).scalar_one())

        result.total = scalar(select(func.count()).select_from(Document.__table__))
        result.documents = scalar(select(func.count()).where(document.kind != DocumentKind.LISTING_ITEM))
        result.inbox = scalar(select(func.count()).where(document.status == DocumentStatus.NEW))
        result.reading_list = scalar(select(func.count()).where(document.kind == DocumentKind.LISTING_ITEM))
        result.tags = _tag_tree(connection)
        result.regions = _region_tree(connection)

        result.ministries = _ministries(connection)
        year = cast(func.strftime("%Y", document.published), String)
        result.years = [
            SidebarEntry(Scope(ScopeKind.YEAR, int(row[0])), row[0], row[1])
            for row in connection.execute(
                select(year, func.count()).where(document.published.is_not(None)).group_by(year).order_by(year.desc())
            )
            if row[0]
        ]
        collection, item = Collection.__table__.c, CollectionItem.__table__.c
        result.collections = [
            SidebarEntry(Scope(ScopeKind.COLLECTION, row[0]), row[1], row[2])
            for row in connection.execute(
                select(collection.id, collection.name, func.count(item.document_id))
                .join(CollectionItem.__table__, item.collection_id == collection.id, isouter=True)
                .group_by(collection.id, collection.name)
                .order_by(collection.name)
            )
        ]
        saved = SavedSearch.__table__.c
        result.saved_searches = [
            SavedSearchEntry(row[0], row[1], row[2])
            for row in connection.execute(select(saved.id, saved.name, saved.query).order_by(saved.name))
        ]
    return result


def _ministries(connection: Any) -> list[SidebarEntry]:
    """One line per ministry, named as its newest document names it, so the line and the table agree.

    The table shows each document's ministry by its name on the document's date (what the release itself
    says); a ministry whose documents all predate a renaming is listed under that older name, and the other
    names of its history go to the tooltip.
    """
    document, organization = Document.__table__.c, Organization.__table__.c
    rows = connection.execute(
        select(
            organization.id,
            organization.name,
            organization.names,
            func.count(document.id),
            func.max(document.published),
        )
        .join(Document.__table__, document.ministry_id == organization.id)
        .group_by(organization.id, organization.name, organization.names)
    ).all()
    entries = []
    for organization_id, name, names, count, newest in rows:
        shown = _name_at(name, names, _as_date(newest)) or name
        history = [str(entry.get("name")) for entry in names or [] if entry.get("name")]
        others = tuple(dict.fromkeys(other for other in [*history, name] if other != shown))
        entries.append(SidebarEntry(Scope(ScopeKind.MINISTRY, organization_id), shown, count, other_names=others))
    entries.sort(key=lambda entry: (-entry.count, entry.name))
    return entries


def _as_date(value: Any) -> dt.date | None:
    """SQLite hands an aggregate of a DATE column back as text."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _tag_tree(connection: Any) -> list[SidebarEntry]:
    tag, link = Tag.__table__.c, DocumentTag.__table__.c
    rows = connection.execute(
        select(tag.id, tag.parent_id, tag.name, tag.color, func.count(link.document_id))
        .join(DocumentTag.__table__, link.tag_id == tag.id, isouter=True)
        .group_by(tag.id)
        .order_by(tag.name)
    ).all()
    return _tree([(row[0], row[1], row[2], row[3], row[4]) for row in rows], ScopeKind.TAG)


def _region_tree(connection: Any) -> list[SidebarEntry]:
    entity, mention = Entity.__table__.c, Mention.__table__.c
    rows = connection.execute(
        select(
            entity.id, entity.parent_id, entity.name, literal_column("NULL"), func.count(mention.document_id.distinct())
        )
        .join(Mention.__table__, and_(mention.entity_id == entity.id, mention.ambiguous.is_(False)))
        .where(entity.kind == "region")
        .group_by(entity.id)
        .order_by(entity.name)
    ).all()
    entries = [(row[0], row[1], row[2], row[3], row[4]) for row in rows]
    present = {row[0] for row in entries}
    missing_parents = {row[1] for row in entries if row[1] is not None and row[1] not in present}
    if missing_parents:
        # A city is listed under its province even when no document names the province itself.
        for row in connection.execute(
            select(entity.id, entity.parent_id, entity.name).where(entity.id.in_(missing_parents))
        ):
            entries.append((row[0], row[1], row[2], None, 0))
    tree = _tree(entries, ScopeKind.REGION)
    _roll_up_regions(connection, tree)
    tree.sort(key=lambda entry: (-entry.count, entry.name))
    return tree


def _roll_up_regions(connection: Any, tree: list[SidebarEntry]) -> None:
    """A province counts the documents of its cities too — the same set its line selects (`_scope_condition`).

    Counted as distinct documents: a release naming both 경상남도 and 창원시 is one document of 경상남도.
    """
    entity, mention = Entity.__table__.c, Mention.__table__.c
    documents: dict[int, set[int]] = {}
    for entity_id, parent_id, document_id in connection.execute(
        select(entity.id, entity.parent_id, mention.document_id)
        .join(Mention.__table__, and_(mention.entity_id == entity.id, mention.ambiguous.is_(False)))
        .where(entity.kind == "region")
        .distinct()
    ):
        documents.setdefault(entity_id, set()).add(document_id)
        if parent_id is not None:
            documents.setdefault(parent_id, set()).add(document_id)
    for province in tree:
        if province.children and province.scope.value is not None:
            province.count = len(documents.get(int(province.scope.value), set()))


def _tree(rows: list[tuple[int, int | None, str, str | None, int]], kind: ScopeKind) -> list[SidebarEntry]:
    entries = {row[0]: SidebarEntry(Scope(kind, row[0]), row[2], row[4], row[3]) for row in rows}
    roots: list[SidebarEntry] = []
    for row in rows:
        parent = entries.get(row[1]) if row[1] is not None else None
        (parent.children if parent is not None else roots).append(entries[row[0]])
    return roots


def facet_counts(archive: Archive, ids: Sequence[int]) -> dict[Scope, int]:
    """How many of `ids` (a search's matches) each tag, region, ministry and year line of the sidebar holds.

    Keyed by the sidebar's own scopes rather than by name: names repeat among regions (중구 is in six cities,
    고성군 in two provinces), so counting by name would credit one city's matches to another. The counting is
    the search layer's (`search.service.facet_counts_of_ids`, province roll-up included), so the sidebar and
    `search --facets` can never count differently.
    """
    from esgdesk.search.service import facet_counts_of_ids

    if not ids:
        return {}
    return _scoped(facet_counts_of_ids(archive, ids))


def query_facet_counts(archive: Archive, query: str) -> dict[Scope, int]:
    """`facet_counts` of everything `query` matches, counted where the search runs (tantivy's aggregations on a
    local archive): what the sidebar shows beside a search, without handing every match's id around."""
    from esgdesk.search.service import facet_counts as search_facets

    return _scoped(search_facets(archive, query))


_SCOPE_KINDS = {
    "tag": ScopeKind.TAG,
    "region": ScopeKind.REGION,
    "ministry": ScopeKind.MINISTRY,
    "year": ScopeKind.YEAR,
}


def _scoped(counts: dict[str, dict[int, int]]) -> dict[Scope, int]:
    return {
        Scope(_SCOPE_KINDS[kind], int(value)): count
        for kind, by_value in counts.items()
        for value, count in by_value.items()
        if count
    }


#: the ministry line of `named_facets` for matches without one
NO_MINISTRY = "(부처 미상)"


def named_facets(archive: Archive, query: str) -> dict[str, dict[Any, int]]:
    """`search --json --facets`: the counts of `facet_counts` over what `query` matches, by name, largest first
    (e.g. {"tags": {"공정전환": 12}, "regions": {…}, "ministries": {…}, "years": {2023: 40}})."""
    from esgdesk.search.service import matching_ids

    ids = matching_ids(archive, query)
    counts = facet_counts(archive, ids)
    by_kind: dict[ScopeKind, dict[int, int]] = {}
    for scope, count in counts.items():
        by_kind.setdefault(scope.kind, {})[int(scope.value)] = count  # type: ignore[arg-type]
    with archive.session() as session:
        tags = _names(session, Tag, by_kind.get(ScopeKind.TAG, {}))
        regions = _names(session, Entity, by_kind.get(ScopeKind.REGION, {}))
        ministries = _names(session, Organization, by_kind.get(ScopeKind.MINISTRY, {}))
    without_ministry = len(set(ids)) - sum(by_kind.get(ScopeKind.MINISTRY, {}).values())
    if without_ministry:
        ministries[NO_MINISTRY] = ministries.get(NO_MINISTRY, 0) + without_ministry
    years = {year: count for year, count in by_kind.get(ScopeKind.YEAR, {}).items()}
    return {
        "tags": _largest_first(tags),
        "regions": _largest_first(regions),
        "ministries": _largest_first(ministries),
        "years": dict(sorted(years.items(), key=lambda item: (-item[1], -item[0]))),
    }


def _names(session: Any, model: Any, counts: dict[int, int]) -> dict[str, int]:
    """Counts by the rows' names; rows of one name (two regions called 중구) are added up."""
    named: dict[str, int] = {}
    if not counts:
        return named
    for row_id, name in session.execute(select(model.id, model.name).where(model.id.in_(list(counts)))):
        named[name] = named.get(name, 0) + counts[row_id]
    return named


def _largest_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# -- small changes the list offers ----------------------------------------------------------------------------


def set_status(archive: Archive, ids: Sequence[int], status: str) -> int:
    """Mark documents new or reviewed (the Inbox is the documents still new); returns how many changed."""
    if status not in (DocumentStatus.NEW, DocumentStatus.REVIEWED):
        # English only, not _(): a value outside the enums our own code passes: a programming error.
        raise ValueError(f"unknown status {status!r}")
    document = Document.__table__.c
    changed = 0
    with archive.writing(N_("set status")), archive.engine.begin() as connection:
        for chunk in _chunks(list(ids), 900):
            result = connection.execute(
                update(Document.__table__)
                .where(document.id.in_(chunk), document.status != status)
                .values(status=status, updated_at=dt.datetime.now(dt.UTC))
            )
            changed += result.rowcount or 0
    return changed


# -- search terms for highlighting ----------------------------------------------------------------------------


def highlight_terms(query: str) -> list[str]:
    """The words of `query` a reader should highlight: its text terms (not negated), longest first.

    A Korean word typed with its particle (탄소중립을) is also highlighted without it, since the index matches
    it that way. A query that does not parse highlights nothing rather than guessing.
    """
    from esgdesk.search import query as query_language
    from esgdesk.search.tokenize import strip_particle

    try:
        tree = query_language.parse(query)
    except query_language.QuerySyntaxError:
        return []
    terms: list[str] = []

    def walk(node: object, negated: bool) -> None:
        if isinstance(node, query_language.Text):
            if negated:
                return
            words = [node.text] if node.phrase else node.text.split()
            for word in words:
                terms.append(word)
                stripped = strip_particle(word)
                if stripped:
                    terms.append(stripped)
        elif isinstance(node, query_language.Not):
            walk(node.child, not negated)
        elif isinstance(node, query_language.And | query_language.Or):
            for child in node.children:
                walk(child, negated)

    walk(tree, False)
    unique = [term for term in dict.fromkeys(terms) if term.strip()]
    return sorted(unique, key=len, reverse=True)


def _name_at(name: str | None, names: list[dict[str, Any]] | None, on: dt.date | None) -> str | None:
    """The ministry's name on the release's date (the reader shows the same, via the knowledge store)."""
    if name is None:
        return None
    from esgdesk.knowledge.store import organization_name_at

    # organization_name_at reads only .name and .names, so the row's two columns stand in for the object.
    return organization_name_at(_NamedOrganization(name, names or []), on)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _NamedOrganization:
    name: str
    names: list[dict[str, Any]]


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# -- the reader -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnnotationSpan:
    start: int
    end: int
    color: str | None
    note: str


def document_annotations(archive: Archive, document_id: int) -> list[AnnotationSpan]:
    """The anchored passages of a document, for the reader's highlights (orphaned notes have no place)."""
    from esgdesk.core.models import AnnotationCategory

    annotation, category = Annotation.__table__.c, AnnotationCategory.__table__.c
    statement = (
        select(annotation.start, annotation.end, func.coalesce(annotation.color, category.color), annotation.note)
        .select_from(
            Annotation.__table__.join(AnnotationCategory.__table__, category.id == annotation.category_id, isouter=True)
        )
        .where(annotation.document_id == document_id, annotation.anchor_status != "orphaned")
        .order_by(annotation.start)
    )
    with archive.engine.connect() as connection:
        return [AnnotationSpan(row[0], row[1], row[2], row[3]) for row in connection.execute(statement)]


@dataclass(frozen=True)
class DocumentNote:
    """A document's own note and who saved it last (the document's `author` is whoever imported it)."""

    text: str
    author: str | None
    at: dt.datetime | None


def document_note(archive: Archive, document_id: int) -> DocumentNote:
    """The note on a whole document with its last editor, from the activity log that every save writes."""
    document, activity = Document.__table__.c, Activity.__table__.c
    with archive.engine.connect() as connection:
        note = connection.execute(select(document.note).where(document.id == document_id)).scalar()
        last = connection.execute(
            select(activity.author, activity.at)
            .where(activity.action == "edit-note", activity.object_kind == "document")
            .where(activity.object_id == document_id)
            .order_by(activity.id.desc())
            .limit(1)
        ).first()
    return DocumentNote(note or "", last[0] if last else None, last[1] if last else None)


def link_authors(archive: Archive, link_ids: Iterable[int]) -> dict[int, tuple[str | None, dt.datetime | None]]:
    """Who made each link and when: the panel says who linked (LinkView carries neither)."""
    wanted = list(dict.fromkeys(link_ids))
    link = Link.__table__.c
    found: dict[int, tuple[str | None, dt.datetime | None]] = {}
    with archive.engine.connect() as connection:
        for chunk in _chunks(wanted, 900):
            for row in connection.execute(select(link.id, link.author, link.created_at).where(link.id.in_(chunk))):
                found[row[0]] = (row[1], row[2])
    return found


def last_change(archive: Archive, object_kind: str, object_id: int) -> tuple[str | None, dt.datetime | None]:
    """Who changed an object last and when, from the activity log (an annotation's `author` made it)."""
    activity = Activity.__table__.c
    with archive.engine.connect() as connection:
        row = connection.execute(
            select(activity.author, activity.at)
            .where(activity.object_kind == object_kind, activity.object_id == object_id)
            .order_by(activity.id.desc())
            .limit(1)
        ).first()
    return (row[0], row[1]) if row else (None, None)


def activity_authors(archive: Archive) -> list[str]:
    """Everyone who changed something, for the activity view's author filter."""
    activity = Activity.__table__.c
    with archive.engine.connect() as connection:
        rows = connection.execute(
            select(activity.author).where(activity.author.is_not(None)).distinct().order_by(activity.author)
        )
        return [row[0] for row in rows if row[0]]


def activity_documents(archive: Archive, objects: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int], int]:
    """The document each logged object belongs to, so the activity view can open it.

    Activity rows name an object (a document, an annotation, a link); an annotation or link deleted since has
    no document any more and is simply left out.
    """
    by_kind: dict[str, set[int]] = {}
    for kind, object_id in objects:
        if object_id is not None:
            by_kind.setdefault(kind, set()).add(object_id)
    found: dict[tuple[str, int], int] = {}
    document, annotation, link = Document.__table__.c, Annotation.__table__.c, Link.__table__.c
    queries = {
        "document": (document.id, document.id),
        "annotation": (annotation.id, annotation.document_id),
        "link": (link.id, link.source_id),
    }
    with archive.engine.connect() as connection:
        for kind, ids in by_kind.items():
            if kind not in queries:
                continue
            key, target = queries[kind]
            for chunk in _chunks(sorted(ids), 900):
                for row in connection.execute(select(key, target).where(key.in_(chunk))):
                    found[(kind, row[0])] = row[1]
    return found


_MEDIA_SUFFIXES = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/pdf": ".pdf",
    "application/x-hwp": ".hwp",
    "application/haansofthwp": ".hwp",
    "application/hwp+zip": ".hwpx",
    "application/vnd.hancom.hwpx": ".hwpx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/zip": ".zip",
    "message/rfc822": ".eml",
}


def copy_original(archive: Archive, sha256: str, name: str, media_type: str, folder: Path) -> Path:
    """A copy of a stored original under its own name, so the system viewer can open it.

    The store names files by hash without an extension; viewers choose by extension, so the copy gets the
    original's (or one that fits its media type). The archive's own file is never handed out to be edited.
    """
    import mimetypes
    import shutil

    from esgdesk.core.files import safe_file_name

    source = archive.files.path_for(sha256)
    if not source.is_file():
        from esgdesk.core.errors import NotFoundError

        raise NotFoundError(_("The original file {name} is missing from the archive's files folder.", name=name))
    safe_name = safe_file_name(name, fallback=sha256[:12])
    if not Path(safe_name).suffix:
        suffix = _MEDIA_SUFFIXES.get(media_type) or mimetypes.guess_extension(media_type) or ""
        safe_name += suffix
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_name
    shutil.copyfile(source, target)
    return target
