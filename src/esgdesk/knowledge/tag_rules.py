"""Tag rules, matched the way Paperless-ngx matches: any word, all words, exact phrase, regular expression, fuzzy.

Matching is over NFC-normalised, case-folded text, so a rule written on a Mac (decomposed Hangul) matches a
release typed on Windows. A Korean word also matches with a particle attached (`공정전환` in `공정전환을`),
because Korean glues particles on; Latin words match whole words only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.i18n import _
from esgdesk.core.models import Document, DocumentKind, DocumentTag, Entity, Mention, Organization, Tag, TagRule
from esgdesk.core.tags import attach_tag, get_or_create_tag_id, tag_path
from esgdesk.core.text import nfc

MATCH_KINDS = ("any", "all", "phrase", "regex", "fuzzy")
FIELDS = ("all", "title", "body", "ministry")
#: a fuzzy rule matches where some stretch of the text is at least this similar to the pattern
FUZZY_THRESHOLD = 0.85
#: a regular expression longer than this, or one that takes too long, is refused rather than run
MAX_PATTERN_LENGTH = 500


@dataclass(frozen=True)
class RuleMatch:
    rule: str
    tag: str
    document_id: int
    added: bool


def _fold(text: str) -> str:
    return nfc(text).casefold()


def _words(pattern: str) -> list[str]:
    return [word for word in _fold(pattern).split() if word]


def _word_pattern(word: str) -> re.Pattern[str]:
    escaped = re.escape(word)
    if re.search(r"[\uac00-\ud7a3]", word):
        # Hangul: a particle may follow, and a compound may lead in (탄소중립 in 2050탄소중립); no boundary.
        return re.compile(escaped)
    return re.compile(rf"(?<!\w){escaped}(?!\w)")


def rule_matches(match_kind: str, pattern: str, text: str) -> bool:
    """Whether `text` matches the rule; `text` may be in any normalisation form and case."""
    folded = _fold(text)
    if match_kind == "any":
        return any(_word_pattern(word).search(folded) for word in _words(pattern))
    if match_kind == "all":
        words = _words(pattern)
        return bool(words) and all(_word_pattern(word).search(folded) for word in words)
    if match_kind == "phrase":
        phrase = " ".join(_words(pattern))
        return bool(phrase) and phrase in " ".join(folded.split())
    if match_kind == "regex":
        return compile_rule_regex(pattern).search(nfc(text)) is not None
    if match_kind == "fuzzy":
        return _fuzzy(" ".join(_words(pattern)), " ".join(folded.split()))
    raise EsgdeskError(
        _(
            "unknown match kind {match_kind!r}; use one of {choices}",
            match_kind=match_kind,
            choices=", ".join(MATCH_KINDS),
        )
    )


def compile_rule_regex(pattern: str) -> re.Pattern[str]:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise EsgdeskError(_("the regular expression is too long"))
    try:
        return re.compile(nfc(pattern), re.IGNORECASE)
    except re.error as exc:
        raise EsgdeskError(_("the regular expression is not valid: {exc}", exc=exc)) from exc


def _fuzzy(pattern: str, text: str) -> bool:
    if not pattern:
        return False
    if pattern in text:
        return True
    width = len(pattern)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(pattern)
    # Every window of the pattern's length; the cheap bound skips almost all of them before the real ratio.
    for start in range(0, max(1, len(text) - width + 1)):
        matcher.set_seq1(text[start : start + width])
        if matcher.quick_ratio() >= FUZZY_THRESHOLD and matcher.ratio() >= FUZZY_THRESHOLD:
            return True
    return False


def _field_text(session: Session, document: Document, field: str) -> str:
    ministry = ""
    if field in ("ministry", "all") and document.ministry_id:
        organization = session.get(Organization, document.ministry_id)
        ministry = " ".join([organization.name, *organization.aliases]) if organization else ""
    if field == "title":
        return document.title
    if field == "body":
        return document.body
    if field == "ministry":
        return f"{ministry} {document.department or ''}"
    return "\n".join([document.title, document.body, ministry, document.department or ""])


# -- rules in the archive --------------------------------------------------------------------------------


def add_rule(session: Session, name: str, tag: str, match_kind: str, pattern: str, field: str = "all") -> TagRule:
    if match_kind not in MATCH_KINDS:
        raise EsgdeskError(
            _(
                "unknown match kind {match_kind!r}; use one of {choices}",
                match_kind=match_kind,
                choices=", ".join(MATCH_KINDS),
            )
        )
    if field not in FIELDS:
        raise EsgdeskError(_("unknown field {field!r}; use one of {choices}", field=field, choices=", ".join(FIELDS)))
    if not pattern.strip():
        raise EsgdeskError(_("a rule needs a pattern"))
    if match_kind == "regex":
        compile_rule_regex(pattern)
    if session.exec(select(TagRule).where(TagRule.name == name)).first():
        raise EsgdeskError(_("a rule named {name!r} exists already", name=name))
    rule = TagRule(
        name=name, tag_id=get_or_create_tag_id(session, tag), match_kind=match_kind, pattern=nfc(pattern), field=field
    )
    session.add(rule)
    session.flush()
    return rule


def get_rule(session: Session, name: str) -> TagRule:
    rule = session.exec(select(TagRule).where(TagRule.name == name)).first()
    if rule is None:
        raise NotFoundError(_("There is no rule {name!r}.", name=name))
    return rule


def remove_rule(session: Session, name: str, remove_tags: bool = True) -> int:
    """Delete a rule; with `remove_tags`, also the tags it attached (manual tags stay). Returns tags removed."""
    rule = get_rule(session, name)
    removed = 0
    if remove_tags:
        statement = select(DocumentTag).where(DocumentTag.rule_id == rule.id, DocumentTag.origin == "rule")
        for document_tag in session.exec(statement).all():
            session.delete(document_tag)
            removed += 1
    else:
        for document_tag in session.exec(select(DocumentTag).where(DocumentTag.rule_id == rule.id)).all():
            document_tag.rule_id = None
            session.add(document_tag)
    session.delete(rule)
    return removed


def list_rules(session: Session) -> list[dict[str, object]]:
    rules = session.exec(select(TagRule).order_by(col(TagRule.name))).all()
    return [
        {
            "name": rule.name,
            "tag": tag_path(session, _tag(session, rule.tag_id)),
            "match": rule.match_kind,
            "pattern": rule.pattern,
            "field": rule.field,
            "enabled": rule.enabled,
        }
        for rule in rules
    ]


def apply_rules(
    session: Session, document_ids: Iterable[int] | None = None, rule_names: Iterable[str] | None = None
) -> list[RuleMatch]:
    """Run enabled rules over documents (all when `document_ids` is None); tags attached are the rule's."""
    statement = select(TagRule).where(col(TagRule.enabled).is_(True))
    if rule_names is not None:
        statement = statement.where(col(TagRule.name).in_(list(rule_names)))
    rules = session.exec(statement).all()
    if not rules:
        return []
    documents_statement = select(Document).where(Document.kind != DocumentKind.LISTING_ITEM)
    if document_ids is not None:
        documents_statement = select(Document).where(col(Document.id).in_(list(document_ids)))
    matches: list[RuleMatch] = []
    for document in session.exec(documents_statement):
        for rule in rules:
            if rule_matches(rule.match_kind, rule.pattern, _field_text(session, document, rule.field)):
                path = tag_path(session, _tag(session, rule.tag_id))
                added = attach_tag(session, document.id or 0, path, origin="rule", rule_id=rule.id)
                matches.append(RuleMatch(rule.name, path, document.id or 0, added))
    return matches


def tag_entities(session: Session, kind: str = "region") -> int:
    """Make entities tags on request (`region:충청북도`); returns how many tags were attached."""
    statement = (
        select(Mention.document_id, Entity.name)
        .join(Entity, col(Mention.entity_id) == Entity.id)
        .where(Entity.kind == kind, col(Mention.ambiguous).is_(False))
        .distinct()
    )
    added = 0
    for document_id, name in session.exec(statement).all():
        added += attach_tag(session, document_id, f"{kind}:{name}", origin="rule")
    return added


def _tag(session: Session, tag_id: int) -> Tag:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise NotFoundError(_("tag {tag_id} is missing", tag_id=tag_id))
    return tag
