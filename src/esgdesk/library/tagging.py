"""Tag edits at the archive level, for the desktop app: many documents at once, rename, colour, merge, rules.

`esgdesk.core.tags` works inside a caller's session (the CLI opens one per command). The GUI runs each edit as
one job on its writer thread and must be able to undo it, so every function here takes the writer lock itself
and returns exactly what it changed — the (document, tag) pairs attached, the rows removed with their origin,
the tag a merge folded away — so that an undo restores the archive as it was, rule-attached tags included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from esgdesk.core import changes
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EditConflictError, EsgdeskError, NotFoundError
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import Activity, Document, DocumentKind, DocumentTag, Tag, TagRule, stored_id
from esgdesk.core.records import get_document
from esgdesk.core.tags import (
    attach_tag,
    find_tag,
    get_or_create_tag,
    get_or_create_tag_id,
    record_tag_activity,
    tag_path,
)
from esgdesk.core.text import normalize_line
from esgdesk.knowledge import tag_rules


@dataclass(frozen=True)
class TagRow:
    """One document's tag as removed, with who put it there: an undo puts a rule's tag back as the rule's."""

    document_id: int
    path: str
    origin: str = "manual"
    rule_id: int | None = None
    author: str | None = None


@dataclass(frozen=True)
class TagInfo:
    id: int
    path: str
    color: str | None


@dataclass
class MergeRecord:
    """Everything `merge_tags` changed, for `unmerge_tags`."""

    source_name: str
    source_parent_id: int | None
    source_color: str | None
    target_id: int
    rows: list[TagRow] = field(default_factory=list)
    #: documents that got the target tag only through the merge
    gained_target: list[int] = field(default_factory=list)
    children: list[int] = field(default_factory=list)
    rules: list[int] = field(default_factory=list)


# -- reading ----------------------------------------------------------------------------------------------


def all_tags(archive: Archive) -> list[TagInfo]:
    """Every tag with its full path (정책/공정전환), for completion and pickers."""
    with archive.session() as session:
        rows = session.exec(select(Tag)).all()
        infos = [TagInfo(row.id or 0, tag_path(session, row), row.color) for row in rows]
    return sorted(infos, key=lambda info: info.path)


def document_tags(archive: Archive, document_id: int) -> list[TagRow]:
    with archive.session() as session:
        return sorted(_rows_of(session, [document_id]), key=lambda row: row.path)


# -- attaching and removing ---------------------------------------------------------------------------------


def tag_documents(
    archive: Archive, document_ids: Sequence[int], paths: Sequence[str], author: str | None = None
) -> list[TagRow]:
    """Tag every document with every path; returns the tags that are new on a document (all that undo removes)."""
    clean = [path for path in (normalize_line(p) for p in paths) if path]
    if not clean:
        raise EsgdeskError(_("Type a tag name first."))
    who = author or current_user()
    added: list[TagRow] = []
    with archive.writing(N_("tag")), archive.session() as session:
        _require_documents(session, document_ids)
        for path in clean:
            canonical = tag_path(session, get_or_create_tag(session, path))
            for document_id in document_ids:
                if attach_tag(session, document_id, canonical, author=who):
                    added.append(TagRow(document_id, canonical, author=who))
        changes.record(session, changes.TAGS, (row.document_id for row in added))
        session.commit()
    _follow(archive)
    return added


def untag_documents(
    archive: Archive, pairs: Iterable[tuple[int, str]], author: str | None = None, missing_ok: bool = True
) -> list[TagRow]:
    """Remove (document, path) pairs; returns the rows removed, origin and rule included.

    `missing_ok=False` (the command line) refuses an unknown document or tag instead of skipping it."""
    removed: list[TagRow] = []
    with archive.writing(N_("untag")), archive.session() as session:
        for document_id, path in pairs:
            if not missing_ok:
                get_document(session, document_id)
            tag = find_tag(session, path)
            if tag is None:
                if not missing_ok:
                    raise NotFoundError(_("There is no tag {name}.", name=repr(path)))
                continue
            existing = session.get(DocumentTag, (document_id, tag.id))
            if existing is None:
                continue
            removed.append(TagRow(document_id, path, existing.origin, existing.rule_id, existing.author))
            session.delete(existing)
            record_tag_activity(session, "untag", document_id, path, author)
        changes.record(session, changes.TAGS, (row.document_id for row in removed))
        session.commit()
    _follow(archive)
    return removed


def restore_tags(archive: Archive, rows: Iterable[TagRow]) -> None:
    """Attach removed rows again exactly as they were (a rule's tag stays the rule's)."""
    rows = list(rows)
    with archive.writing(N_("restore tags")), archive.session() as session:
        for row in rows:
            tag_id = get_or_create_tag_id(session, row.path)
            if session.get(DocumentTag, (row.document_id, tag_id)) is None:
                session.add(
                    DocumentTag(
                        document_id=row.document_id,
                        tag_id=tag_id,
                        origin=row.origin,
                        rule_id=_existing_rule(session, row.rule_id),
                        author=row.author,
                    )
                )
        changes.record(session, changes.TAGS, (row.document_id for row in rows))
        session.commit()
    _follow(archive)


# -- the tags themselves ------------------------------------------------------------------------------------


def rename_tag(archive: Archive, tag_id: int, name: str, version: int | None = None) -> str:
    """Rename one level of a tag (its place in the tree stays); returns the old name.

    With `version` (the one the caller read), a tag changed meanwhile by someone else is refused rather than
    overwritten (a shared archive)."""
    clean = normalize_line(name)
    if not clean or "/" in clean:
        raise EsgdeskError(_("A tag name cannot be empty or contain “/”."))
    with archive.writing(N_("rename tag")), archive.session() as session:
        tag = _tag(session, tag_id, lock=True)
        _check_version(session, tag, version, yours=clean)
        old = tag.name
        sibling = session.exec(
            select(Tag).where(
                Tag.name == clean,
                col(Tag.parent_id).is_(None) if tag.parent_id is None else Tag.parent_id == tag.parent_id,
                Tag.id != tag_id,
            )
        ).first()
        if sibling is not None:
            raise EsgdeskError(_("There is a tag “{clean}” there already; merge the two tags instead.", clean=clean))
        tag.name = clean
        tag.version += 1
        session.add(tag)
        changes.record(session, changes.TAGS, _documents_of(session, tag_id))
        session.add(_tag_activity("rename-tag", tag_id, f"{old} → {clean}"))
        session.commit()
    _follow(archive)
    return old


def set_tag_color(archive: Archive, tag_id: int, color: str | None, version: int | None = None) -> str | None:
    """Set (or clear, with None) a tag's colour; returns the old one. `version` as for rename_tag."""
    with archive.writing(N_("tag colour")), archive.session() as session:
        tag = _tag(session, tag_id, lock=True)
        _check_version(session, tag, version, yours=color)
        old = tag.color
        tag.color = color
        tag.version += 1
        session.add(tag)
        session.add(_tag_activity("recolour-tag", tag_id, f"{tag.name}: {old or '-'} → {color or '-'}"))
        session.commit()
        return old


#: the logged actions that make a new version of a tag (who to name in a conflict)
_TAG_VERSION_ACTIONS = ("rename-tag", "recolour-tag")


def _check_version(session: Session, tag: Tag, version: int | None, yours: str | None) -> None:
    """Refuse a change to a tag someone else changed since `version`, naming them and both values.

    The message is one line (the GUI shows a refused edit's first line): their name or colour, who saved it,
    and what the caller wanted, which was not saved.
    """
    if version is None or tag.version == version:
        return
    who = session.exec(
        select(Activity.author)
        .where(
            Activity.object_kind == "tag",
            Activity.object_id == tag.id,
            col(Activity.action).in_(_TAG_VERSION_ACTIONS),
        )
        .order_by(col(Activity.id).desc())
        .limit(1)
    ).first()
    raise EditConflictError(
        _(
            "The tag “{name}” (colour {color}) was changed by {who} meanwhile (version {actual}, you read "
            "{expected}); yours, “{yours}”, was not saved. Look at it again before changing it.",
            name=tag.name,
            color=tag.color or "-",
            who=who or _("someone else"),
            actual=tag.version,
            expected=version,
            yours=yours or "-",
        )
    )


def _tag_activity(action: str, tag_id: int, summary: str) -> Activity:
    return Activity(author=current_user(), action=action, object_kind="tag", object_id=tag_id, summary=summary)


def merge_tags(archive: Archive, source_id: int, target_id: int) -> MergeRecord:
    """Fold `source` into `target`: its documents, sub-tags and rules move over, then `source` is deleted."""
    if source_id == target_id:
        raise EsgdeskError(_("A tag cannot be merged into itself."))
    with archive.writing(N_("merge tags")), archive.session() as session:
        source, target = _tag(session, source_id), _tag(session, target_id)
        if _is_below(session, target, source_id):
            raise EsgdeskError(_("A tag cannot be merged into one of its own sub-tags."))
        record = MergeRecord(source.name, source.parent_id, source.color, target_id)
        source_path = tag_path(session, source)
        for link in session.exec(select(DocumentTag).where(DocumentTag.tag_id == source_id)).all():
            record.rows.append(TagRow(link.document_id, source_path, link.origin, link.rule_id, link.author))
            if session.get(DocumentTag, (link.document_id, target_id)) is None:
                session.add(
                    DocumentTag(
                        document_id=link.document_id,
                        tag_id=target_id,
                        origin=link.origin,
                        rule_id=link.rule_id,
                        author=link.author,
                    )
                )
                record.gained_target.append(link.document_id)
            session.delete(link)
        for child in session.exec(select(Tag).where(Tag.parent_id == source_id)).all():
            child.parent_id = target_id
            session.add(child)
            record.children.append(child.id or 0)
        for rule in session.exec(select(TagRule).where(TagRule.tag_id == source_id)).all():
            rule.tag_id = target_id
            session.add(rule)
            record.rules.append(rule.id or 0)
        session.flush()
        session.delete(source)
        changes.record(session, changes.TAGS, (row.document_id for row in record.rows))
        session.commit()
    _follow(archive)
    return record


def unmerge_tags(archive: Archive, record: MergeRecord) -> int:
    """Undo `merge_tags`: the source tag comes back (with a new id, returned) holding what it held."""
    with archive.writing(N_("unmerge tags")), archive.session() as session:
        source = Tag(name=record.source_name, parent_id=record.source_parent_id, color=record.source_color)
        session.add(source)
        session.flush()
        assert source.id is not None
        for document_id in record.gained_target:
            link = session.get(DocumentTag, (document_id, record.target_id))
            if link is not None:
                session.delete(link)
        for row in record.rows:
            session.add(
                DocumentTag(
                    document_id=row.document_id,
                    tag_id=source.id,
                    origin=row.origin,
                    rule_id=_existing_rule(session, row.rule_id),
                    author=row.author,
                )
            )
        for child_id in record.children:
            child = session.get(Tag, child_id)
            if child is not None:
                child.parent_id = source.id
                session.add(child)
        for rule_id in record.rules:
            rule = session.get(TagRule, rule_id)
            if rule is not None:
                rule.tag_id = source.id
                session.add(rule)
        changes.record(session, changes.TAGS, (row.document_id for row in record.rows))
        session.commit()
        new_id = source.id
    _follow(archive)
    return new_id


# -- rules --------------------------------------------------------------------------------------------------


def rules(archive: Archive) -> list[dict[str, object]]:
    with archive.session() as session:
        return tag_rules.list_rules(session)


def add_rule(archive: Archive, name: str, tag: str, match_kind: str, pattern: str, field: str = "all") -> None:
    if not normalize_line(name):
        raise EsgdeskError(_("A rule needs a name."))
    with archive.writing(N_("add a tag rule")), archive.session() as session:
        tag_rules.add_rule(session, normalize_line(name), tag, match_kind, pattern, field)
        session.commit()


def remove_rule(archive: Archive, name: str, remove_tags: bool = True) -> int:
    with archive.writing(N_("remove a tag rule")), archive.session() as session:
        rule = tag_rules.get_rule(session, name)
        tagged = session.exec(select(DocumentTag.document_id).where(DocumentTag.rule_id == rule.id)).all()
        removed = tag_rules.remove_rule(session, name, remove_tags=remove_tags)
        if removed:
            changes.record(session, changes.TAGS, tagged)
        session.commit()
    _follow(archive)
    return removed


def apply_all_rules(archive: Archive) -> int:
    """Run every enabled rule over the whole archive; returns how many tags were new."""
    return sum(1 for match in apply_rules(archive) if match.added)


def apply_rules(archive: Archive, names: Sequence[str] | None = None) -> list[tag_rules.RuleMatch]:
    """Run the enabled rules (only those named, when given) over the whole archive; every match, new or not."""
    with archive.writing(N_("apply tag rules")), archive.session() as session:
        matches = tag_rules.apply_rules(session, rule_names=names or None)
        changes.record(session, changes.TAGS, (match.document_id for match in matches if match.added))
        session.commit()
    _follow(archive)
    return matches


def tag_entities(archive: Archive, kind: str = "region") -> int:
    """Make entities tags (`region:충청북도`) on every document that mentions them; returns tags attached."""
    with archive.writing(N_("tag entities")), archive.session() as session:
        before = set(session.exec(select(DocumentTag.document_id, DocumentTag.tag_id)).all())
        added = tag_rules.tag_entities(session, kind)
        if added:
            after = set(session.exec(select(DocumentTag.document_id, DocumentTag.tag_id)).all())
            changes.record(session, changes.TAGS, (document_id for document_id, _tag_id in after - before))
        session.commit()
    _follow(archive)
    return added


def preview_rule(
    archive: Archive, match_kind: str, pattern: str, field: str = "all", limit: int = 200
) -> tuple[int, list[tuple[int, str]]]:
    """What a rule would tag, without saving it: (how many documents, the first `limit` as (id, title))."""
    if match_kind not in tag_rules.MATCH_KINDS or field not in tag_rules.FIELDS:
        raise EsgdeskError(
            _("Unknown match kind {match_kind!r} or field {field!r}.", match_kind=match_kind, field=field)
        )
    if not pattern.strip():
        return 0, []
    if match_kind == "regex":
        tag_rules.compile_rule_regex(pattern)
    total = 0
    shown: list[tuple[int, str]] = []
    with archive.session() as session:
        statement = select(Document).where(Document.kind != DocumentKind.LISTING_ITEM).order_by(col(Document.id))
        for document in session.exec(statement):
            # The same text apply_rules reads, so the preview never disagrees with what applying will do.
            text = tag_rules._field_text(session, document, field)
            if tag_rules.rule_matches(match_kind, pattern, text):
                total += 1
                if len(shown) < limit:
                    shown.append((stored_id(document.id), document.title))
    return total, shown


# -- helpers ------------------------------------------------------------------------------------------------


def _tag(session: Session, tag_id: int, lock: bool = False) -> Tag:
    """`lock`: read FOR UPDATE, so the version check and the write are one step on a shared archive too."""
    tag = session.get(Tag, tag_id, with_for_update=lock or None)
    if tag is None:
        raise NotFoundError(_("There is no tag {tag_id} in this archive.", tag_id=tag_id))
    return tag


def _is_below(session: Session, tag: Tag, ancestor_id: int) -> bool:
    parent_id = tag.parent_id
    while parent_id is not None:
        if parent_id == ancestor_id:
            return True
        parent = session.get(Tag, parent_id)
        parent_id = parent.parent_id if parent else None
    return False


def _existing_rule(session: Session, rule_id: int | None) -> int | None:
    return rule_id if rule_id is not None and session.get(TagRule, rule_id) is not None else None


def _require_documents(session: Session, document_ids: Sequence[int]) -> None:
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        raise EsgdeskError(_("Select the documents to tag first."))
    found = set(session.exec(select(Document.id).where(col(Document.id).in_(ids))).all())
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise NotFoundError(_("There is no document {ids} in this archive.", ids=", ".join(missing)))


def _rows_of(session: Session, document_ids: Sequence[int]) -> list[TagRow]:
    links = session.exec(select(DocumentTag).where(col(DocumentTag.document_id).in_(list(document_ids)))).all()
    rows = []
    for link in links:
        tag = session.get(Tag, link.tag_id)
        if tag is not None:
            rows.append(TagRow(link.document_id, tag_path(session, tag), link.origin, link.rule_id, link.author))
    return rows


def _documents_of(session: Session, tag_id: int) -> set[int]:
    return set(session.exec(select(DocumentTag.document_id).where(DocumentTag.tag_id == tag_id)).all())


def _follow(archive: Archive) -> None:
    """Tags are searchable (`tag:` and plain words): the queued changes are applied at once."""
    changes.follow(archive)
