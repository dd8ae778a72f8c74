"""Errors of the notes layer: each says what went wrong and what the user can do about it."""

from __future__ import annotations

from esgdesk.core.errors import EsgdeskError


class QuoteNotFoundError(EsgdeskError):
    """The quoted text does not occur in the document (or not that many times)."""


class AmbiguousQuoteError(EsgdeskError):
    """The quote occurs more than once and no occurrence was chosen; `occurrences` says how often."""

    def __init__(self, message: str, occurrences: int) -> None:
        super().__init__(message)
        self.occurrences = occurrences


class ConflictError(EsgdeskError):
    """Someone else changed the object since the caller read it (optimistic concurrency).

    Carries both versions so a GUI can offer "reload" with the numbers, and a script can retry; for notes it
    also carries both texts (`theirs`: what is saved now, `yours`: what the caller tried to save), which the
    message shows, so the second analyst of a shared archive sees both and loses neither.
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
        message = (
            f"The {kind} {object_id} was changed by someone else (you edited version {expected_version}, "
            f"it is now at version {actual_version}). Reload it and make your change again."
        )
        if theirs is not None and yours is not None:
            who = f" by {their_author}" if their_author else ""
            message += f"\n\nSaved now{who}:\n{theirs}\n\nYour version (not saved):\n{yours}"
        super().__init__(message)
        self.kind = kind
        self.object_id = object_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        self.theirs = theirs
        self.yours = yours
        self.their_author = their_author


class LinkError(EsgdeskError):
    """A link that cannot be made: to itself, a duplicate, an unknown relation, a passage of another document."""
