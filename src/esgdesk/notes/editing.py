"""Notes as a one-shot command reads and saves them: the state it shows, and a save that never overwrites unseen.

The GUI keeps the version it showed and passes it back (`set_document_note`, `update_annotation`). A command
like `esgdesk note 5 --text …` has no such memory: whatever its user read, they read in another process, maybe
an hour ago. What it can honestly promise is this:

- with `--expect-version N` (the version `note 5` printed), the save happens only if the note is still at N —
  checked under the row lock, on SQLite and PostgreSQL alike — and otherwise is refused with both texts and
  the name of who saved the current one;
- without it, the command saves against the version it read itself a moment before (so two commands at once
  give one save and one conflict), and only over an empty note or one whose current text the same author
  wrote; replacing a colleague's text needs `--expect-version`, which says "I read that version".

Reading the version, then writing under `SELECT … FOR UPDATE` with the check, is the same optimistic
concurrency the GUI uses; nothing here takes a lock across the two steps, so a command never holds up others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from esgdesk.core.archive import Archive
from esgdesk.core.lock import current_user
from esgdesk.core.records import get_document
from esgdesk.notes.annotations import _annotation, last_editor, set_document_note, update_annotation
from esgdesk.notes.errors import UnreadNoteError

#: the two kinds of note a command edits: a whole document's and an annotation's
DOCUMENT_NOTE = "document note"
ANNOTATION_NOTE = "annotation"


@dataclass(frozen=True)
class NoteState:
    """A note as read: its text, the version to pass back when saving, and who wrote that text."""

    kind: str
    object_id: int
    text: str
    version: int
    author: str | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.object_id, "note": self.text, "version": self.version, "author": self.author}


def read_note(archive: Archive, kind: str, object_id: int) -> NoteState:
    """The note on a document (`DOCUMENT_NOTE`) or an annotation (`ANNOTATION_NOTE`), with its version."""
    with archive.session() as session:
        if kind == DOCUMENT_NOTE:
            document = get_document(session, object_id)
            author = last_editor(session, "document", object_id, note_only=True)
            return NoteState(kind, object_id, document.note, document.version, author)
        row = _annotation(session, object_id)
        author = last_editor(session, "annotation", object_id, note_only=True) or row.author
        return NoteState(kind, object_id, row.note, row.version, author)


def save_note_once(
    archive: Archive, kind: str, object_id: int, text: str, *, expect_version: int | None = None
) -> NoteState:
    """Save a note from a one-shot command without overwriting a text its user has not seen (module doc)."""
    me = current_user()
    if expect_version is None:
        seen = read_note(archive, kind, object_id)
        if seen.text.strip() and seen.text != text and seen.author != me:
            raise UnreadNoteError(kind, object_id, seen.version, seen.text, seen.author)
        expect_version = seen.version
    if kind == DOCUMENT_NOTE:
        version = set_document_note(archive, object_id, text, version=expect_version, author=me)
        return NoteState(kind, object_id, text, version, me)
    view = update_annotation(archive, object_id, version=expect_version, note=text, author=me)
    return NoteState(kind, object_id, view.note, view.version, me)
