"""The undoable edits of the workbench, each a (do, undo) pair of service calls (no widgets here).

Undoing a deletion makes the row again with a new id; an edit made before it still names the old one. `Ids`
remembers which id an object has now, so redoing that older edit reaches the right row. Both functions of a
pair run on the writer thread, one at a time, in the order the user asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from esgdesk.core.archive import Archive
from esgdesk.library import collections, tagging
from esgdesk.notes import annotations as notes
from esgdesk.notes import links

Step = Callable[[Archive], Any]


@dataclass(frozen=True)
class Pair:
    do: Step
    undo: Step


class Ids:
    """Which id an annotation, link, tag or collection has now, given the id it had when an edit was made."""

    def __init__(self) -> None:
        self._moved: dict[tuple[str, int], int] = {}

    def now(self, kind: str, original: int) -> int:
        current = original
        seen = set()
        while (kind, current) in self._moved and current not in seen:
            seen.add(current)
            current = self._moved[(kind, current)]
        return current

    def moved(self, kind: str, original: int, new: int) -> None:
        if original != new:
            self._moved[(kind, original)] = new


# -- annotations ----------------------------------------------------------------------------------------------


def create_annotation(
    ids: Ids, document_id: int, start: int, end: int, note: str, category: str | None
) -> tuple[Pair, dict[str, Any]]:
    """The pair and its state: state["id"] is the annotation's first id (what later edits name)."""
    state: dict[str, Any] = {"id": None}

    def do(archive: Archive) -> Any:
        view = notes.create_annotation(archive, document_id, start=start, end=end, note=note, category=category)
        if state["id"] is None:
            state["id"] = view.id
        else:
            ids.moved("annotation", state["id"], view.id)
        return view

    def undo(archive: Archive) -> None:
        notes.delete_annotation(archive, ids.now("annotation", state["id"]))

    return Pair(do, undo), state


def update_annotation(ids: Ids, view: Any, *, note: str | None = None, category: str | None = None) -> Pair:
    """Change the note or the category (None in `category` with note None means: clear the category)."""
    old_note, old_category = view.note, view.category
    first = {"version": view.version}

    def apply(archive: Archive, new_note: str | None, new_category: str | None, touch_category: bool) -> Any:
        annotation_id = ids.now("annotation", view.id)
        version = first.pop("version", None)
        if version is None:
            version = notes.get_annotation(archive, annotation_id).version
        return notes.update_annotation(
            archive,
            annotation_id,
            version=version,
            note=new_note,
            category=new_category if touch_category else None,
            clear_category=touch_category and new_category is None,
        )

    touches = note is None
    return Pair(
        lambda archive: apply(archive, note, category, touches),
        lambda archive: apply(archive, old_note if note is not None else None, old_category, touches),
    )


def delete_annotation(ids: Ids, view: Any) -> Pair:
    def do(archive: Archive) -> None:
        notes.delete_annotation(archive, ids.now("annotation", view.id))

    def undo(archive: Archive) -> Any:
        made = notes.create_annotation(
            archive,
            view.document_id,
            start=view.start,
            end=view.end,
            note=view.note,
            category=view.category,
            color=None if view.category else view.color,
        )
        ids.moved("annotation", view.id, made.id)
        return made

    return Pair(do, undo)


def move_annotation(ids: Ids, view: Any, start: int, end: int) -> Pair:
    """Re-attach an annotation; undo puts it back on its old span (an orphan's old span, now anchored)."""

    def to(archive: Archive, new_start: int, new_end: int) -> Any:
        annotation_id = ids.now("annotation", view.id)
        current = notes.get_annotation(archive, annotation_id)
        return notes.move_annotation(archive, annotation_id, version=current.version, start=new_start, end=new_end)

    return Pair(lambda a: to(a, start, end), lambda a: to(a, view.start, view.end))


def overwrite_text(ids: Ids, kind: str, object_id: int, version: int, text: str, theirs: str) -> Pair:
    """Save a text merged by hand over someone else's newer save (the ConflictError's `kind` and numbers).

    The save names the version the conflict reported, so a third save in between is caught again rather than
    overwritten; undo puts their text back the same way. Each run remembers the version it left behind.
    """
    state = {"version": version}

    def save(archive: Archive, new_text: str) -> Any:
        if kind == "annotation":
            annotation_id = ids.now("annotation", object_id)
            view = notes.update_annotation(archive, annotation_id, version=state["version"], note=new_text)
            state["version"] = view.version
            return view
        if kind == "document note":
            state["version"] = notes.set_document_note(archive, object_id, new_text, version=state["version"])
            return state["version"]
        if kind == "link":
            link = links.update_link_note(archive, ids.now("link", object_id), new_text, version=state["version"])
            state["version"] = link.version
            return link
        raise ValueError(f"no text to merge for a {kind}")

    return Pair(lambda archive: save(archive, text), lambda archive: save(archive, theirs))


# -- links ----------------------------------------------------------------------------------------------------


def create_link(
    ids: Ids,
    source_id: int,
    target_id: int,
    relation: str,
    note: str,
    target_annotation_id: int | None = None,
    origin: str = "manual",
) -> Pair:
    state: dict[str, Any] = {"id": None}

    def do(archive: Archive) -> Any:
        view = links.create_link(
            archive,
            source_id,
            target_id,
            relation,
            note=note,
            target_annotation_id=ids.now("annotation", target_annotation_id) if target_annotation_id else None,
            origin=origin,
        )
        if state["id"] is None:
            state["id"] = view.link_id
        else:
            ids.moved("link", state["id"], view.link_id)
        return view

    def undo(archive: Archive) -> None:
        links.delete_link(archive, ids.now("link", state["id"]))

    return Pair(do, undo)


def delete_link(ids: Ids, view: Any, document_id: int) -> Pair:
    """`view` is a LinkView seen from `document_id` (a link or a backlink)."""
    if view.direction == "outgoing":
        source, target = document_id, view.other_id
        source_passage, target_passage = view.annotation_id, view.other_annotation_id
    else:
        source, target = view.other_id, document_id
        source_passage, target_passage = view.other_annotation_id, view.annotation_id

    def do(archive: Archive) -> None:
        links.delete_link(archive, ids.now("link", view.link_id))

    def undo(archive: Archive) -> Any:
        made = links.create_link(
            archive,
            source,
            target,
            view.relation,
            note=view.note,
            source_annotation_id=ids.now("annotation", source_passage) if source_passage else None,
            target_annotation_id=ids.now("annotation", target_passage) if target_passage else None,
            origin=view.origin,
        )
        ids.moved("link", view.link_id, made.link_id)
        return made

    return Pair(do, undo)


def accept_suggestion(ids: Ids, suggestion: Any, document_id: int) -> Pair:
    source, target = (suggestion.id, document_id) if suggestion.reverse else (document_id, suggestion.id)
    return create_link(ids, source, target, suggestion.relation, suggestion.reason, origin="suggested")


# -- tags -----------------------------------------------------------------------------------------------------


def tag_documents(document_ids: Sequence[int], paths: Sequence[str]) -> Pair:
    state: dict[str, list[tagging.TagRow]] = {"added": []}

    def do(archive: Archive) -> list[tagging.TagRow]:
        state["added"] = tagging.tag_documents(archive, list(document_ids), list(paths))
        return state["added"]

    def undo(archive: Archive) -> None:
        tagging.untag_documents(archive, [(row.document_id, row.path) for row in state["added"]])

    return Pair(do, undo)


def untag_documents(pairs: Sequence[tuple[int, str]]) -> Pair:
    state: dict[str, list[tagging.TagRow]] = {"removed": []}

    def do(archive: Archive) -> list[tagging.TagRow]:
        state["removed"] = tagging.untag_documents(archive, list(pairs))
        return state["removed"]

    def undo(archive: Archive) -> None:
        tagging.restore_tags(archive, state["removed"])

    return Pair(do, undo)


def rename_tag(ids: Ids, tag_id: int, name: str) -> Pair:
    state: dict[str, str] = {}

    def do(archive: Archive) -> None:
        state["old"] = tagging.rename_tag(archive, ids.now("tag", tag_id), name)

    return Pair(do, lambda archive: tagging.rename_tag(archive, ids.now("tag", tag_id), state["old"]))


def set_tag_color(ids: Ids, tag_id: int, color: str | None) -> Pair:
    state: dict[str, str | None] = {}

    def do(archive: Archive) -> None:
        state["old"] = tagging.set_tag_color(archive, ids.now("tag", tag_id), color)

    return Pair(do, lambda archive: tagging.set_tag_color(archive, ids.now("tag", tag_id), state["old"]))


def merge_tags(ids: Ids, source_id: int, target_id: int) -> Pair:
    state: dict[str, tagging.MergeRecord] = {}

    def do(archive: Archive) -> None:
        state["record"] = tagging.merge_tags(archive, ids.now("tag", source_id), ids.now("tag", target_id))

    def undo(archive: Archive) -> None:
        record = state["record"]
        ids.moved("tag", ids.now("tag", source_id), tagging.unmerge_tags(archive, record))

    return Pair(do, undo)


# -- collections ----------------------------------------------------------------------------------------------


def add_to_collection(ids: Ids, collection: int | str, document_ids: Sequence[int]) -> Pair:
    """Add to a collection given by id, or by a name that is made into a new collection first."""
    state: dict[str, Any] = {"added": [], "made": None}

    def do(archive: Archive) -> list[int]:
        if isinstance(collection, str):
            made = collections.create_collection(archive, collection)
            if state["made"] is not None:
                ids.moved("collection", state["made"], made.id)
            else:
                state["made"] = made.id
            collection_id = made.id
        else:
            collection_id = ids.now("collection", collection)
        added: list[int] = collections.add_documents(archive, collection_id, document_ids)
        state["added"] = added
        return added

    def undo(archive: Archive) -> None:
        if state["made"] is not None:
            collections.delete_collection(archive, ids.now("collection", state["made"]))
            return
        collections.remove_documents(archive, ids.now("collection", int(collection)), state["added"])

    return Pair(do, undo)


def arrange_collection(ids: Ids, collection_id: int, order: Sequence[int], removed: Sequence[int]) -> Pair:
    state: dict[str, Any] = {}

    def do(archive: Archive) -> None:
        current = ids.now("collection", collection_id)
        state["before"] = collections.get_collection(archive, current).document_ids
        state["removed"] = collections.remove_documents(archive, current, removed)
        collections.reorder(archive, current, order)

    def undo(archive: Archive) -> None:
        current = ids.now("collection", collection_id)
        collections.restore_documents(archive, current, state["removed"])
        collections.reorder(archive, current, state["before"])

    return Pair(do, undo)


def rename_collection(ids: Ids, collection_id: int, name: str) -> Pair:
    state: dict[str, str] = {}

    def do(archive: Archive) -> None:
        current = ids.now("collection", collection_id)
        state["old"] = collections.get_collection(archive, current).name
        collections.rename_collection(archive, current, name)

    return Pair(
        do, lambda archive: collections.rename_collection(archive, ids.now("collection", collection_id), state["old"])
    )


def delete_collection(ids: Ids, collection_id: int) -> Pair:
    state: dict[str, Any] = {}

    def do(archive: Archive) -> None:
        state["view"] = collections.delete_collection(archive, ids.now("collection", collection_id))

    def undo(archive: Archive) -> None:
        view = state["view"]
        made = collections.create_collection(archive, view.name, view.description)
        collections.add_documents(archive, made.id, view.document_ids)
        ids.moved("collection", ids.now("collection", collection_id), made.id)

    return Pair(do, undo)
