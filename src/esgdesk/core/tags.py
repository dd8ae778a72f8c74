"""Tags: hierarchical names (`정책/공정전환`), attached by hand or by a rule, with who attached them."""

from __future__ import annotations

from sqlmodel import Session, col, select

from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.i18n import _
from esgdesk.core.lock import current_user
from esgdesk.core.models import Activity, DocumentTag, Tag, stored_id
from esgdesk.core.text import normalize_line

#: separates levels in a tag path: 정책/공정전환 is 공정전환 under 정책
TAG_PATH_SEPARATOR = "/"


def split_tag_path(path: str) -> list[str]:
    parts = [normalize_line(part) for part in path.split(TAG_PATH_SEPARATOR)]
    if not path.strip() or any(not part for part in parts):
        raise EsgdeskError(_("{path!r} is not a tag name (empty levels are not allowed)", path=path))
    return parts


def tag_path(session: Session, tag: Tag) -> str:
    names = [tag.name]
    parent_id = tag.parent_id
    while parent_id is not None:
        parent = session.get(Tag, parent_id)
        if parent is None:
            break
        names.append(parent.name)
        parent_id = parent.parent_id
    return TAG_PATH_SEPARATOR.join(reversed(names))


def find_tag(session: Session, path: str) -> Tag | None:
    return _walk_tag_path(session, path, create=False)


def get_or_create_tag(session: Session, path: str) -> Tag:
    tag = _walk_tag_path(session, path, create=True)
    assert tag is not None
    return tag


def get_or_create_tag_id(session: Session, path: str) -> int:
    """The id of the tag at `path`: an existing tag's, or a new one's (the new levels are flushed)."""
    return stored_id(get_or_create_tag(session, path).id)


def _walk_tag_path(session: Session, path: str, create: bool) -> Tag | None:
    """Follow `정책/공정전환` level by level; make missing levels when `create`, else stop at the first."""
    parent_id: int | None = None
    tag: Tag | None = None
    for name in split_tag_path(path):
        statement = select(Tag).where(Tag.name == name)
        statement = statement.where(col(Tag.parent_id).is_(None) if parent_id is None else Tag.parent_id == parent_id)
        tag = session.exec(statement).first()
        if tag is None:
            if not create:
                return None
            tag = Tag(name=name, parent_id=parent_id)
            session.add(tag)
            session.flush()
        parent_id = tag.id
    return tag


def attach_tag(
    session: Session,
    document_id: int,
    path: str,
    origin: str = "manual",
    rule_id: int | None = None,
    author: str | None = None,
) -> bool:
    """Tag a document; True when the tag is new on it. A manual tag is never downgraded to a rule's."""
    tag_id = get_or_create_tag_id(session, path)
    existing = session.get(DocumentTag, (document_id, tag_id))
    if existing is not None:
        if origin == "manual" and existing.origin != "manual":
            existing.origin, existing.rule_id, existing.author = "manual", None, author
            session.add(existing)
        return False
    session.add(DocumentTag(document_id=document_id, tag_id=tag_id, origin=origin, rule_id=rule_id, author=author))
    if origin == "manual":  # a rule's tags are the rule's doing, not a person's
        record_tag_activity(session, "tag", document_id, path, author)
    return True


def record_tag_activity(session: Session, action: str, document_id: int, path: str, author: str | None) -> None:
    """Who tagged or untagged what, for the activity view of a shared archive."""
    session.add(
        Activity(
            author=author or current_user(), action=action, object_kind="document", object_id=document_id, summary=path
        )
    )


def detach_tag(session: Session, document_id: int, path: str) -> bool:
    tag = find_tag(session, path)
    if tag is None:
        raise NotFoundError(_("There is no tag {path!r}.", path=path))
    existing = session.get(DocumentTag, (document_id, tag.id))
    if existing is None:
        return False
    session.delete(existing)
    record_tag_activity(session, "untag", document_id, path, None)
    return True
