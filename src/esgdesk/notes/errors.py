"""Errors of the notes layer: each says what went wrong and what the user can do about it."""

from __future__ import annotations

from esgdesk.core.errors import EditConflictError, EsgdeskError
from esgdesk.core.i18n import N_, _

#: the kinds of object a conflict can name, marked for the catalogue (the messages translate them with `_()`)
CONFLICT_KINDS = (N_("annotation"), N_("document note"), N_("link"), N_("document"))


class QuoteNotFoundError(EsgdeskError):
    """The quoted text does not occur in the document (or not that many times)."""


class AmbiguousQuoteError(EsgdeskError):
    """The quote occurs more than once and no occurrence was chosen; `occurrences` says how often."""

    def __init__(self, message: str, occurrences: int) -> None:
        super().__init__(message)
        self.occurrences = occurrences


class ConflictError(EditConflictError):
    """Someone else changed the object since the caller read it (optimistic concurrency).

    Carries both versions so a GUI can offer "reload" with the numbers, and a script can retry; for notes it
    also carries both texts (`theirs`: what is saved now, `yours`: what the caller tried to save) and who saved
    theirs (`their_author`: the author of the change that made the current version, from the activity log —
    not whoever first made the object), which the message shows, so the second analyst of a shared archive
    sees both and loses neither.
    """

    def __init__(
        self,
        kind: str,
        object_id: int,
        expected_version: int,
        actual_version: int,
        *,
        theirs: str | None = None,
        yours: str | None = None,
        their_author: str | None = None,
    ) -> None:
        message = _(
            "The {kind} {id} was changed by {who} (you edited version {expected}, it is now at version "
            "{actual}); nothing was overwritten. Reload it and make your change again.",
            kind=_(kind),
            id=object_id,
            who=their_author or _("someone else"),
            expected=expected_version,
            actual=actual_version,
        )
        if theirs is not None and yours is not None:
            saved = _("Saved now by {who}:", who=their_author) if their_author else _("Saved now:")
            message += f"\n\n{saved}\n{theirs}\n\n{_('Your version (not saved):')}\n{yours}"
        super().__init__(message)
        self.kind = kind
        self.object_id = object_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        self.theirs = theirs
        self.yours = yours
        self.their_author = their_author


class UnreadNoteError(EditConflictError):
    """A one-shot save (the CLI without --expect-version) would replace a note someone else wrote.

    The CLI cannot know which text its user read before typing the command, so it replaces only an empty note
    or the user's own; another analyst's text is replaced only when the user names the version they read.
    """

    def __init__(self, kind: str, object_id: int, version: int, theirs: str, their_author: str | None) -> None:
        message = _(
            "The note on {kind} {id} was saved by {who} (version {version}) and this command has not shown it "
            "to you. Read it first, then save with --expect-version {version} to replace it.",
            kind=_("document" if kind == "document note" else kind),
            id=object_id,
            who=their_author or _("someone else"),
            version=version,
        )
        message += f"\n\n{_('Saved now:')}\n{theirs}"
        super().__init__(message)
        self.kind = kind
        self.object_id = object_id
        self.version = version
        self.theirs = theirs
        self.their_author = their_author


class LinkError(EsgdeskError):
    """A link that cannot be made: to itself, a duplicate, an unknown relation, a passage of another document."""
