"""Domain errors: each carries a message a user can act on. The CLI prints it and exits 2; the GUI shows it."""


class EsgdeskError(Exception):
    """Base of every error esgdesk reports to a person rather than as a crash."""


class ArchiveError(EsgdeskError):
    """The archive cannot be opened or used (missing, unreadable, too new)."""


class ArchiveLockedError(ArchiveError):
    """Another esgdesk process is writing to the archive."""


class NotFoundError(EsgdeskError):
    """A document, tag or other object named by the user does not exist."""


class ImportFailed(EsgdeskError):
    """One input could not be imported; the batch goes on and reports it."""


class EditConflictError(EsgdeskError):
    """Someone else changed the object after the caller read it (a shared archive); nothing was overwritten."""


class NoArchiveError(ArchiveError):
    """There is no archive where the user pointed, and the command may not (or cannot) make one there."""
