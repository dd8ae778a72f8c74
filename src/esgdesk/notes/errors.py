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

    Carries both versions so a GUI can offer "reload" with the numbers, and a script can retry.
    """

    def __init__(self, kind: str, object_id: int, expected_version: int, actual_version: int) -> None:
        super().__init__(
            f"The {kind} {object_id} was changed by someone else (you edited version {expected_version}, "
            f"it is now at version {actual_version}). Reload it and make your change again."
        )
        self.kind = kind
        self.object_id = object_id
        self.expected_version = expected_version
        self.actual_version = actual_version


class LinkError(EsgdeskError):
    """A link that cannot be made: to itself, a duplicate, an unknown relation, a passage of another document."""
