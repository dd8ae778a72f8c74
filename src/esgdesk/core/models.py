"""The archive's tables (SQLModel), all of DESIGN.md's data model from the first migration on.

Later features add behaviour, not tables: annotations, links, entities, collections and tag rules are here
already, so an archive made by the first release opens in every later one through ordinary migrations.

Conventions:
- Text is stored NFC-normalised (the importer and every writer normalise).
- Timestamps are UTC. Dates printed on releases are plain dates.
- `version` columns let a shared (PostgreSQL) archive detect concurrent edits (optimistic concurrency);
  `author` records who made a change (the OS user by default).
- `extra` holds format- or source-specific metadata as JSON (board views, embargo, contact, warnings).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, Column, Index, MetaData, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from esgdesk.core.i18n import N_, _

# Stable constraint names keep Alembic autogenerate and the hand-written migration in step on every engine.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


if TYPE_CHECKING:

    class TableModel(SQLModel):
        """What a type checker sees of a table model: SQLModel sets `__table__` on every `table=True` class
        (the Core queries of library/browse.py and the bundle's column lists use it) but does not declare it."""

        __table__: ClassVar[Table]

else:
    # At run time the models derive from SQLModel itself, so the mapping and the metadata are unchanged.
    TableModel = SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stored_id(value: int | None) -> int:
    """The primary key of a row the database holds: `int | None` on the model, because a new row has none
    until it is flushed, but never None once stored (read back by a query, or after `session.flush()`)."""
    if value is None:
        # English only, not _(): a programming error (a row used before it was flushed), never shown to a user
        raise ValueError("a row without a primary key: it was read before it was stored")
    return value


class DocumentKind:
    """The kinds a document can have; plain strings in the table so new kinds need no migration."""

    PRESS_RELEASE = "press release"
    NEWS = "news"
    NOTICE = "notice"
    BILL = "bill"
    LISTING_ITEM = "listing item"
    FEED_ITEM = "feed item"
    EMAIL = "email"
    WEB_PAGE = "web page"
    OTHER = "document"


#: what a kind is called where a person reads it; the stored value stays as above, because it is also the
#: search keyword (`kind:"listing item"`) and the JSON value scripts rely on
KIND_LABELS: dict[str, str] = {
    DocumentKind.PRESS_RELEASE: N_("press release"),
    DocumentKind.NEWS: N_("news"),
    DocumentKind.NOTICE: N_("notice"),
    DocumentKind.BILL: N_("bill"),
    DocumentKind.LISTING_ITEM: N_("listing item"),
    DocumentKind.FEED_ITEM: N_("feed item"),
    DocumentKind.EMAIL: N_("e-mail"),
    DocumentKind.WEB_PAGE: N_("web page"),
    DocumentKind.OTHER: N_("document"),
}


def kind_label(kind: str) -> str:
    """The kind in the reader's language (an unknown kind, from a newer esgdesk, as it is stored)."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


class DocumentStatus:
    NEW = "new"
    REVIEWED = "reviewed"


class Organization(TableModel, table=True):
    """A ministry, agency or public body. Renamed ministries stay one row; `names` records the history."""

    id: int | None = Field(default=None, primary_key=True)
    #: stable key across renamings, e.g. "motie" for 산업통상자원부 → 산업통상부
    key: str = Field(index=True, unique=True)
    name: str = Field(index=True)
    kind: str = "ministry"
    code: str | None = None
    #: [{"name": ..., "valid_from": "YYYY-MM-DD" | null, "valid_to": ...}, ...]
    names: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    parent_id: int | None = Field(default=None, foreign_key="organization.id")


class Document(TableModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    kind: str = Field(default=DocumentKind.PRESS_RELEASE, index=True)
    status: str = Field(default=DocumentStatus.NEW, index=True)
    ministry_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    #: 담당부서 exactly as printed (it may name a ministry by a newer or older name than `ministry`)
    department: str | None = None
    published: dt.date | None = Field(default=None, index=True)
    source_url: str | None = None
    #: korea.kr newsId, a feed guid, or another id the source gives the release
    source_id: str | None = Field(default=None, index=True)
    #: sha256 of the normalised text; equal hashes are duplicates
    content_hash: str = Field(index=True)
    #: only part of the text could be recovered (e.g. a distribution document's preview)
    partial: bool = False
    #: the analyst's note on the whole document (Markdown)
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    author: str | None = None
    version: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow, index=True)


class SourceFile(TableModel, table=True):
    """An original file, stored once by content under files/ab/abcdef…; never modified or deleted by import."""

    __tablename__ = "source_file"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True, unique=True)
    name: str
    media_type: str
    size: int
    created_at: dt.datetime = Field(default_factory=utcnow)


class DocumentFile(TableModel, table=True):
    """Which originals a document came from: a release, its attachments, and earlier revisions."""

    __tablename__ = "document_file"

    document_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    source_file_id: int = Field(foreign_key="source_file.id", primary_key=True)
    #: original | attachment | revision
    role: str = "original"
    added_at: dt.datetime = Field(default_factory=utcnow)


class DocumentRevision(TableModel, table=True):
    """The text a document had before an update replaced it, so moved annotations can be explained."""

    __tablename__ = "document_revision"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    title: str
    body: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str
    replaced_at: dt.datetime = Field(default_factory=utcnow)
    author: str | None = None


class Tag(TableModel, table=True):
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_tag_parent_name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    parent_id: int | None = Field(default=None, foreign_key="tag.id")
    color: str | None = None
    #: renaming, recolouring and merging are checked against this on a shared archive (migration 0002)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    created_at: dt.datetime = Field(default_factory=utcnow)


class TagRule(TableModel, table=True):
    """Tags a document automatically when it matches (Paperless-ngx style matching)."""

    __tablename__ = "tag_rule"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    tag_id: int = Field(foreign_key="tag.id", index=True)
    #: any | all | phrase | regex | fuzzy
    match_kind: str = "any"
    pattern: str
    #: title | body | ministry | all
    field: str = "all"
    enabled: bool = True
    created_at: dt.datetime = Field(default_factory=utcnow)


class DocumentTag(TableModel, table=True):
    __tablename__ = "document_tag"

    document_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, ondelete="CASCADE")
    #: manual | rule
    origin: str = "manual"
    rule_id: int | None = Field(default=None, foreign_key="tag_rule.id", ondelete="SET NULL")
    author: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Entity(TableModel, table=True):
    """A region, organisation, programme or industry, with its official code and the names it goes by."""

    __table_args__ = (UniqueConstraint("kind", "key", name="uq_entity_kind_key"),)

    id: int | None = Field(default=None, primary_key=True)
    #: region | organization | programme | industry
    kind: str = Field(index=True)
    #: stable key within the kind: an administrative code, an organisation key, a normalised programme name
    key: str
    name: str = Field(index=True)
    code: str | None = None
    parent_id: int | None = Field(default=None, foreign_key="entity.id")
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Mention(TableModel, table=True):
    """Where a document names an entity: a character span of the NFC body."""

    __table_args__ = (Index("ix_mention_document_entity", "document_id", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    entity_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    start: int
    end: int
    sentence_index: int = 0
    text: str
    #: a name that fits several entities and that context did not settle; `candidates` lists their keys
    ambiguous: bool = False
    candidates: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Fact(TableModel, table=True):
    """What a document says about a region: years, industries, amounts (the briefing's summary table)."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    region_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    region: str
    region_code: str | None = None
    years: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    industries: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    amounts: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sentence: str = Field(default="", sa_column=Column(Text, nullable=False))
    start: int = 0
    end: int = 0


class AnnotationCategory(TableModel, table=True):
    """A colour whose meaning the analyst sets (defaults: 핵심, 근거, 질문, 후속조치)."""

    __tablename__ = "annotation_category"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    color: str
    description: str = ""
    position: int = 0


class Annotation(TableModel, table=True):
    """A note on a passage, anchored like the W3C Web Annotation model (Hypothesis stores the same).

    TextPositionSelector: `start`/`end` offsets into the NFC body. TextQuoteSelector: `exact` with `prefix`
    and `suffix` (32 characters each), which re-anchor the note when the text changes.
    """

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    exact: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = ""
    suffix: str = ""
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    category_id: int | None = Field(default=None, foreign_key="annotation_category.id")
    color: str | None = None
    #: anchored | moved | fuzzy | orphaned
    anchor_status: str = "anchored"
    author: str | None = None
    version: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Link(TableModel, table=True):
    """A typed, directed link between documents (or passages); backlinks are the same rows read backwards."""

    __table_args__ = (UniqueConstraint("source_id", "target_id", "relation", name="uq_link_source_target_relation"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    target_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    #: related | follows_up | supersedes | corrects | same_programme | cites
    relation: str
    source_annotation_id: int | None = Field(default=None, foreign_key="annotation.id", ondelete="SET NULL")
    target_annotation_id: int | None = Field(default=None, foreign_key="annotation.id", ondelete="SET NULL")
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    #: manual | suggested
    origin: str = "manual"
    author: str | None = None
    version: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)


class DismissedSuggestion(TableModel, table=True):
    """A link suggestion the analyst said no to, so it is not offered again."""

    __tablename__ = "dismissed_suggestion"

    source_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    target_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    dismissed_at: dt.datetime = Field(default_factory=utcnow)


class Collection(TableModel, table=True):
    """An ordered set of documents: a briefing in the making."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    description: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)


class CollectionItem(TableModel, table=True):
    __tablename__ = "collection_item"

    collection_id: int = Field(foreign_key="collection.id", primary_key=True, ondelete="CASCADE")
    document_id: int = Field(foreign_key="document.id", primary_key=True, ondelete="CASCADE")
    position: int = 0


class SavedSearch(TableModel, table=True):
    __tablename__ = "saved_search"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    query: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class Activity(TableModel, table=True):
    """Who did what, for the activity view of a shared archive."""

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    author: str | None = None
    #: e.g. import, tag, annotate, link, edit-note
    action: str
    object_kind: str
    object_id: int | None = None
    summary: str = ""


class PendingChange(TableModel, table=True):
    """A write that derived state (search index, entities and facts, rule tags) has not yet followed.

    Recorded in the same transaction as the write and deleted once every subscriber has applied it
    (core/changes.py), so a crash between the commit and the indexing leaves a row, never a silent gap.
    `document_id` has no foreign key: the change of a deleted document must outlive the document."""

    __tablename__ = "pending_change"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(index=True)
    #: added, body, metadata, tags, annotations, deleted (core/changes.py)
    kind: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    #: how many drains failed on this change, and why the last one did
    attempts: int = 0
    last_error: str | None = None
