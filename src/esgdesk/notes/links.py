"""Typed, directed links between releases (or passages), their backlinks, and suggested links with reasons.

A link is one row read from both ends: from its source it shows its label ("follows up"), from its target the
inverse label ("is followed by"). Symmetric relations (related, same programme) read the same both ways and are
refused a second time in reverse. Deleting a document cascades in the database, so no link dangles.

Suggestions look only at a bounded set of candidates found by SQL (same source id, shared programme or region
mentions, title words, a body naming this release's title, a near date), then score each with cheap signals.
Dismissed pairs are remembered in DismissedSuggestion and never offered again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from esgdesk.core.archive import Archive
from esgdesk.core.errors import NotFoundError
from esgdesk.core.i18n import N_, _
from esgdesk.core.lock import current_user
from esgdesk.core.models import Annotation, DismissedSuggestion, Document, Entity, Link, Mention, stored_id
from esgdesk.core.records import get_document
from esgdesk.core.text import nfc, title_key
from esgdesk.notes.annotations import check_version, last_editor, record
from esgdesk.notes.errors import LinkError


@dataclass(frozen=True)
class Relation:
    key: str
    label: str
    inverse_label: str
    symmetric: bool = False


RELATIONS: dict[str, Relation] = {
    r.key: r
    for r in (
        Relation("follows_up", N_("follows up"), N_("is followed by")),
        Relation("supersedes", N_("supersedes"), N_("is superseded by")),
        Relation("corrects", N_("corrects"), N_("is corrected by")),
        Relation("same_programme", N_("same programme"), N_("same programme"), symmetric=True),
        Relation("cites", N_("cites"), N_("is cited by")),
        Relation("related", N_("related"), N_("related"), symmetric=True),
    )
}


def relation_named(name: str) -> Relation:
    """`follows-up`, `follows_up` and `Follows Up` all name the same relation."""
    key = re.sub(r"[\s-]+", "_", name.strip().casefold())
    key = {"same_program": "same_programme", "follow_up": "follows_up", "followsup": "follows_up"}.get(key, key)
    if key not in RELATIONS:
        known = ", ".join(k.replace("_", "-") for k in RELATIONS)
        raise LinkError(_("Unknown link type “{name}”. Use one of: {known}.", name=name, known=known))
    return RELATIONS[key]


@dataclass(frozen=True)
class LinkView:
    """One link as seen from one document: `other_*` is the document at the far end."""

    link_id: int
    other_id: int
    other_title: str
    relation: str
    label: str
    direction: str  # "outgoing" | "incoming"
    note: str
    origin: str
    annotation_id: int | None
    other_annotation_id: int | None
    version: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.other_id,
            "title": self.other_title,
            "relation": self.relation,
            "label": self.label,
            "note": self.note,
            "link_id": self.link_id,
            "direction": self.direction,
            "origin": self.origin,
            "annotation_id": self.annotation_id,
            "other_annotation_id": self.other_annotation_id,
            "version": self.version,
        }


@dataclass(frozen=True)
class DocumentLinks:
    links: list[LinkView]
    backlinks: list[LinkView]

    def as_json(self) -> dict[str, Any]:
        return {"links": [v.as_json() for v in self.links], "backlinks": [v.as_json() for v in self.backlinks]}


# -- links -----------------------------------------------------------------------------------------------


def create_link(
    archive: Archive,
    source_id: int,
    target_id: int,
    relation: str,
    *,
    note: str = "",
    source_annotation_id: int | None = None,
    target_annotation_id: int | None = None,
    origin: str = "manual",
    author: str | None = None,
) -> LinkView:
    """Link `source_id` to `target_id`; either end may be a passage (an annotation of that document)."""
    kind = relation_named(relation)
    if source_id == target_id:
        raise LinkError(_("A document cannot be linked to itself (#{source_id}).", source_id=source_id))
    with archive.writing(N_("link")), archive.session() as session:
        source = get_document(session, source_id)
        target = get_document(session, target_id)
        _check_passage(session, source_annotation_id, source_id)
        _check_passage(session, target_annotation_id, target_id)
        _refuse_duplicate(session, source_id, target_id, kind)
        who = author or current_user()
        row = Link(
            source_id=source_id,
            target_id=target_id,
            relation=kind.key,
            source_annotation_id=source_annotation_id,
            target_annotation_id=target_annotation_id,
            note=nfc(note),
            origin=origin,
            author=who,
        )
        session.add(row)
        session.flush()
        # stored in the linking analyst's language, like a commit message
        summary = f"#{source_id} {_(kind.label)} #{target_id} ({_short(source.title)} → {_short(target.title)})"
        record(session, who, "link", "link", row.id, summary)
        session.commit()
        return _outgoing(row, target.title)


def update_link_note(archive: Archive, link_id: int, note: str, *, version: int, author: str | None = None) -> LinkView:
    with archive.writing(N_("edit link")), archive.session() as session:
        row = _link(session, link_id, lock=True)
        check_version(
            "link", link_id, version, row.version,
            theirs=row.note, yours=note, their_author=last_editor(session, "link", link_id) or row.author,
        )  # fmt: skip
        row.note = nfc(note)
        row.version += 1
        session.add(row)
        record(session, author or current_user(), "edit-link", "link", link_id, _short(row.note))
        session.commit()
        return _outgoing(row, get_document(session, row.target_id).title)


def delete_link(archive: Archive, link_id: int, *, author: str | None = None) -> None:
    with archive.writing(N_("unlink")), archive.session() as session:
        row = _link(session, link_id)
        summary = f"#{row.source_id} {RELATIONS[row.relation].label} #{row.target_id}"
        session.delete(row)
        record(session, author or current_user(), "unlink", "link", link_id, summary)
        session.commit()


def links_of(archive: Archive, document_id: int) -> DocumentLinks:
    """Links from the document (its labels) and to it (the inverse labels), oldest first."""
    with archive.session() as session:
        get_document(session, document_id)
        outgoing = session.exec(
            select(Link, Document.title)
            .join(Document, col(Document.id) == Link.target_id)
            .where(Link.source_id == document_id)
            .order_by(col(Link.id))
        ).all()
        incoming = session.exec(
            select(Link, Document.title)
            .join(Document, col(Document.id) == Link.source_id)
            .where(Link.target_id == document_id)
            .order_by(col(Link.id))
        ).all()
        return DocumentLinks(
            links=[_outgoing(row, title) for row, title in outgoing],
            backlinks=[_incoming(row, title) for row, title in incoming],
        )


def deletion_impact(archive: Archive, document_id: int) -> dict[str, int]:
    """What deleting a document takes with it, so the user can be asked first (links cascade in the DB)."""
    with archive.session() as session:
        get_document(session, document_id)

        def count(statement: Any) -> int:
            return int(session.exec(statement).one())

        return {
            "annotations": count(
                select(func.count()).select_from(Annotation).where(Annotation.document_id == document_id)
            ),
            "links": count(select(func.count()).select_from(Link).where(Link.source_id == document_id)),
            "backlinks": count(select(func.count()).select_from(Link).where(Link.target_id == document_id)),
        }


def _refuse_duplicate(session: Session, source_id: int, target_id: int, kind: Relation) -> None:
    same = session.exec(
        select(Link).where(Link.source_id == source_id, Link.target_id == target_id, Link.relation == kind.key)
    ).first()
    if same is not None:
        raise LinkError(
            _(
                "#{source_id} already {kind} #{target_id} (link {link}).",
                source_id=source_id,
                kind=_(kind.label),
                target_id=target_id,
                link=same.id,
            )
        )
    reverse = session.exec(
        select(Link).where(Link.source_id == target_id, Link.target_id == source_id, Link.relation == kind.key)
    ).first()
    if reverse is not None:
        if kind.symmetric:
            raise LinkError(
                _(
                    "#{source_id} and #{target_id} are already linked as “{kind}” (link {link}).",
                    source_id=source_id,
                    target_id=target_id,
                    kind=_(kind.label),
                    link=reverse.id,
                )
            )
        raise LinkError(
            _(
                "#{target_id} already {kind} #{source_id} (link {link}); "
                "the reverse link would contradict it. Delete that link first.",
                target_id=target_id,
                kind=_(kind.label),
                source_id=source_id,
                link=reverse.id,
            )
        )


def _check_passage(session: Session, annotation_id: int | None, document_id: int) -> None:
    if annotation_id is None:
        return
    annotation = session.get(Annotation, annotation_id)
    if annotation is None:
        raise NotFoundError(_("There is no annotation {annotation_id} in this archive.", annotation_id=annotation_id))
    if annotation.document_id != document_id:
        raise LinkError(
            _(
                "Annotation {annotation_id} belongs to document #{owner}, not #{document_id}.",
                annotation_id=annotation_id,
                owner=annotation.document_id,
                document_id=document_id,
            )
        )


def _link(session: Session, link_id: int, lock: bool = False) -> Link:
    """`lock`: read FOR UPDATE, so that on a shared archive the version check and the write are one step."""
    row = session.get(Link, link_id, with_for_update=lock or None)
    if row is None:
        raise NotFoundError(_("There is no link {link_id} in this archive.", link_id=link_id))
    return row


def _outgoing(row: Link, other_title: str) -> LinkView:
    kind = RELATIONS.get(row.relation) or Relation(row.relation, row.relation, row.relation)
    assert row.id is not None
    return LinkView(
        row.id, row.target_id, other_title, row.relation, kind.label, "outgoing", row.note, row.origin,
        row.source_annotation_id, row.target_annotation_id, row.version,
    )  # fmt: skip


def _incoming(row: Link, other_title: str) -> LinkView:
    kind = RELATIONS.get(row.relation) or Relation(row.relation, row.relation, row.relation)
    assert row.id is not None
    return LinkView(
        row.id, row.source_id, other_title, row.relation, kind.inverse_label, "incoming", row.note, row.origin,
        row.target_annotation_id, row.source_annotation_id, row.version,
    )  # fmt: skip


# -- suggestions -----------------------------------------------------------------------------------------

#: candidates scored per request (the SQL pre-selection keeps the rest of the archive out of Python)
MAX_CANDIDATES = 400
#: suggestions below this combined score are noise
MIN_SCORE = 0.3
#: shingle width for near-duplicate text (characters, white space removed: robust to Korean spacing)
SHINGLE = 5
NEAR_DUPLICATE = 0.5


@dataclass(frozen=True)
class Suggestion:
    id: int
    title: str
    reason: str
    score: float
    #: the relation accepting would create; from the other document to this one when `reverse`
    relation: str
    reverse: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "reason": self.reason,
            "score": self.score,
            "relation": self.relation,
            "reverse": self.reverse,
        }


def suggest_links(archive: Archive, document_id: int, limit: int = 20) -> list[Suggestion]:
    """Documents worth linking to `document_id`, best first, each with why; linked or dismissed ones left out."""
    with archive.session() as session:
        document = get_document(session, document_id)
        excluded = _linked_or_dismissed(session, document_id) | {document_id}
        programmes = _entities(session, document_id, "programme")
        regions = _entities(session, document_id, "region")
        candidates = _candidates(session, document, programmes, regions, excluded)
        suggestions = []
        for other in candidates:
            suggestion = _score(session, document, other, programmes, regions)
            if suggestion is not None:
                suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.id))
    return suggestions[:limit]


def dismiss_suggestion(archive: Archive, document_id: int, other_id: int, *, author: str | None = None) -> None:
    """Never suggest this pair again (in either direction)."""
    with archive.writing(N_("dismiss suggestion")), archive.session() as session:
        get_document(session, document_id)
        get_document(session, other_id)
        if session.get(DismissedSuggestion, (document_id, other_id)) is None:
            session.add(DismissedSuggestion(source_id=document_id, target_id=other_id))
        record(session, author or current_user(), "dismiss-suggestion", "document", document_id, f"#{other_id}")
        session.commit()


def accept_suggestion(archive: Archive, suggestion: Suggestion, document_id: int, *, note: str = "") -> LinkView:
    """Make the suggested link (origin "suggested"), from the later release to the earlier one when known."""
    source, target = (suggestion.id, document_id) if suggestion.reverse else (document_id, suggestion.id)
    return create_link(archive, source, target, suggestion.relation, note=note or suggestion.reason, origin="suggested")


def _linked_or_dismissed(session: Session, document_id: int) -> set[int]:
    ids: set[int] = set()
    for source, target in session.exec(
        select(Link.source_id, Link.target_id).where(
            or_(col(Link.source_id) == document_id, col(Link.target_id) == document_id)
        )
    ):
        ids.update((source, target))
    for source, target in session.exec(
        select(DismissedSuggestion.source_id, DismissedSuggestion.target_id).where(
            or_(col(DismissedSuggestion.source_id) == document_id, col(DismissedSuggestion.target_id) == document_id)
        )
    ):
        ids.update((source, target))
    return ids


def _entities(session: Session, document_id: int, kind: str) -> dict[int, str]:
    rows = session.exec(
        select(Entity.id, Entity.name)
        .join(Mention, col(Mention.entity_id) == Entity.id)
        .where(Mention.document_id == document_id, Entity.kind == kind, col(Mention.ambiguous).is_(False))
        .distinct()
    ).all()
    return {stored_id(entity_id): name for entity_id, name in rows}


def _candidates(
    session: Session, document: Document, programmes: dict[int, str], regions: dict[int, str], excluded: set[int]
) -> list[Document]:
    ids: list[int] = []

    def add(statement: Any) -> None:
        for (found,) in session.execute(statement.limit(MAX_CANDIDATES)):
            if found not in excluded and found not in ids:
                ids.append(found)

    if document.source_id:
        add(select(Document.id).where(Document.source_id == document.source_id))
    if programmes:
        add(select(Mention.document_id).where(col(Mention.entity_id).in_(programmes)).distinct())
    for word in _title_words(document.title)[:4]:
        add(select(Document.id).where(col(Document.title).contains(word)).order_by(col(Document.id).desc()))
    if len(title_key(document.title)) >= 8:
        add(select(Document.id).where(col(Document.body).contains(document.title)))
    if document.published is not None:
        near = (document.published - dt.timedelta(days=3), document.published + dt.timedelta(days=3))
        add(select(Document.id).where(col(Document.published).between(*near)))
    if regions and len(ids) < MAX_CANDIDATES:
        add(select(Mention.document_id).where(col(Mention.entity_id).in_(regions)).distinct())
    ids = ids[:MAX_CANDIDATES]
    if not ids:
        return []
    return list(session.exec(select(Document).where(col(Document.id).in_(ids))).all())


def _score(
    session: Session, document: Document, other: Document, programmes: dict[int, str], regions: dict[int, str]
) -> Suggestion | None:
    """Each signal gives (score, reason, relation, reverse); they combine as independent evidence (noisy-or)."""
    signals: list[tuple[float, str, str, bool]] = []
    if document.source_id and other.source_id == document.source_id:
        signals.append((0.95, _("same source id {source_id}", source_id=document.source_id), "related", False))
    similarity = _text_similarity(document.body, other.body)
    if similarity >= NEAR_DUPLICATE:
        later = document if _is_later(document, other) else other
        relation = "corrects" if _is_correction(later.title) else "supersedes"
        signals.append(
            (
                similarity,
                _("near-identical text ({similarity:.0%} shared)", similarity=similarity),
                relation,
                later is other,
            )
        )
    shared = sorted(set(programmes) & set(_entities(session, other.id or 0, "programme")))
    if shared:
        names = ", ".join(programmes[i] for i in shared[:3])
        score = min(0.8, 0.6 + 0.1 * (len(shared) - 1))
        signals.append((score, _("same programme: {names}", names=names), "same_programme", False))
    signals.extend(_mentions(document, other))
    title_similarity = _title_similarity(document.title, other.title)
    if title_similarity >= 0.3:
        signals.append(
            (
                0.6 * title_similarity,
                _("similar title ({similarity:.0%})", similarity=title_similarity),
                "related",
                False,
            )
        )
    shared_regions = sorted(set(regions) & set(_entities(session, other.id or 0, "region")))
    if shared_regions:
        names = ", ".join(regions[i] for i in shared_regions[:3])
        signals.append((min(0.3, 0.1 * len(shared_regions)), _("same regions: {names}", names=names), "related", False))
    if not signals:
        return None
    remaining = 1.0
    for signal in signals:
        remaining *= 1.0 - signal[0]
    total = round(1.0 - remaining, 3)
    if total < MIN_SCORE:
        return None
    signals.sort(key=lambda s: -s[0])
    reason = "; ".join(signal[1] for signal in signals)
    return Suggestion(other.id or 0, other.title, reason, total, signals[0][2], signals[0][3])


def _mentions(document: Document, other: Document) -> list[tuple[float, str, str, bool]]:
    """A later release naming an earlier one's title (strong) or its date (weak)."""
    found = []
    for later, earlier in ((other, document), (document, other)):
        if not _is_later(later, earlier) or not later.body:
            continue
        if len(title_key(earlier.title)) >= 8 and title_key(earlier.title) in title_key(later.body):
            reason = (
                _("the later release names this release's title")
                if later is other
                else _("the later release names #{id}'s title", id=earlier.id)
            )
            found.append((0.7, reason, "cites", later is other))
        elif earlier.published and _names_date(later.body, earlier.published):
            day = earlier.published.isoformat()
            reason = (
                _("the later release names this release's date ({day})", day=day)
                if later is other
                else _("the later release names #{id}'s date ({day})", id=earlier.id, day=day)
            )
            found.append((0.25, reason, "follows_up", later is other))
    return found


def _names_date(body: str, day: dt.date) -> bool:
    forms = (
        f"{day.year}.{day.month:02d}.{day.day:02d}",
        f"{day.year}. {day.month}. {day.day}.",
        f"{day.year}.{day.month}.{day.day}.",
        f"{day.year}년 {day.month}월 {day.day}일",
    )
    return any(form in body for form in forms)


def _is_later(a: Document, b: Document) -> bool:
    if a.published and b.published:
        return a.published > b.published
    return (a.id or 0) > (b.id or 0)


def _is_correction(title: str) -> bool:
    return any(word in title for word in ("정정", "바로잡", "수정", "correction"))


def _shingles(text: str) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    if len(compact) < SHINGLE:
        return {compact} if compact else set()
    return {compact[i : i + SHINGLE] for i in range(len(compact) - SHINGLE + 1)}


def _text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of character shingles (exact sets: fine for the few hundred candidates scored)."""
    if not a or not b or min(len(a), len(b)) < 3 * max(len(a), len(b)) // 10:
        return 0.0
    first, second = _shingles(a), _shingles(b)
    union = len(first | second)
    return len(first & second) / union if union else 0.0


_TITLE_WORD = re.compile(r"[0-9A-Za-z가-힣]{2,}")
_TITLE_STOP = frozenset({"관련", "위한", "대한", "통해", "추진", "개최", "지원", "보도자료", "참고자료"})


def _title_words(title: str) -> list[str]:
    """Distinctive title words, longest first (they narrow the SQL pre-selection most)."""
    words = {w for w in _TITLE_WORD.findall(nfc(title)) if w not in _TITLE_STOP}
    return sorted(words, key=lambda w: (-len(w), w))


def _title_similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: Korean titles share stems even when particles differ."""
    first, second = _bigrams(title_key(a)), _bigrams(title_key(b))
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
