"""Version-checked edits on both engines: a conflict names who saved the version in place (not whoever made
the object) and shows both texts; a one-shot save never replaces a colleague's text it was not shown."""

from __future__ import annotations

import pytest

from esgdesk.core.errors import EditConflictError
from esgdesk.library.tagging import rename_tag, set_tag_color, tag_documents
from esgdesk.notes.annotations import create_annotation, get_document_note, set_document_note, update_annotation
from esgdesk.notes.editing import ANNOTATION_NOTE, DOCUMENT_NOTE, read_note, save_note_once
from esgdesk.notes.errors import ConflictError, UnreadNoteError
from esgdesk.notes.links import create_link, update_link_note


@pytest.fixture
def as_author(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Act as the analyst `name` from now on (ESGDESK_AUTHOR, as two analysts' machines would)."""
    return lambda name: monkeypatch.setenv("ESGDESK_AUTHOR", name)


def test_an_annotation_conflict_names_the_colleague_who_saved_not_the_creator(archive, release_id: int) -> None:
    made = create_annotation(archive, release_id, quote="충청북도는", note="처음", author="김작성")
    update_annotation(archive, made.id, version=made.version, note="동료의 메모", author="박동료")
    with pytest.raises(ConflictError) as caught:
        update_annotation(archive, made.id, version=made.version, note="나의 메모", author="이나중")
    conflict = caught.value
    assert conflict.their_author == "박동료"
    assert (conflict.theirs, conflict.yours) == ("동료의 메모", "나의 메모")
    assert "Saved now by 박동료:\n동료의 메모" in str(conflict) and "김작성" not in str(conflict)


def test_a_note_conflict_names_who_saved_the_note_whatever_happened_to_the_document_since(
    archive, release_id: int, as_author
) -> None:  # type: ignore[no-untyped-def]
    _, version = get_document_note(archive, release_id)
    set_document_note(archive, release_id, "B의 메모", version=version, author="analyst-B")
    as_author("analyst-C")
    tag_documents(archive, [release_id], ["정책/공정전환"])  # logged on the document too, by someone else
    with pytest.raises(ConflictError) as caught:
        set_document_note(archive, release_id, "A의 메모", version=version, author="analyst-A")
    assert caught.value.their_author == "analyst-B"
    assert (caught.value.theirs, caught.value.yours) == ("B의 메모", "A의 메모")
    assert get_document_note(archive, release_id)[0] == "B의 메모"


def test_a_link_note_conflict_names_its_editor(archive, release_id: int, add_document) -> None:  # type: ignore[no-untyped-def]
    other = add_document("후속 보도자료", "충청북도 후속 조치를 알립니다.")
    link = create_link(archive, other, release_id, "follows-up", note="처음", author="김작성")
    update_link_note(archive, link.link_id, "박의 설명", version=link.version, author="박동료")
    with pytest.raises(ConflictError) as caught:
        update_link_note(archive, link.link_id, "나의 설명", version=link.version, author="이나중")
    assert caught.value.their_author == "박동료" and caught.value.theirs == "박의 설명"


def test_a_tag_conflict_names_the_colleague_and_both_names(archive, release_id: int, as_author) -> None:  # type: ignore[no-untyped-def]
    tag_documents(archive, [release_id], ["공정전환"])
    from esgdesk.library.tagging import all_tags

    tag = next(info for info in all_tags(archive) if info.path == "공정전환")
    as_author("analyst-B")
    rename_tag(archive, tag.id, "정의로운 전환", version=1)
    as_author("analyst-A")
    with pytest.raises(EditConflictError) as caught:
        rename_tag(archive, tag.id, "공정한 전환", version=1)
    message = str(caught.value)
    assert "analyst-B" in message and "정의로운 전환" in message and "공정한 전환" in message
    assert "\n" not in message  # the GUI shows a refused edit's first line: all of it must be there
    with pytest.raises(EditConflictError, match="analyst-B"):
        set_tag_color(archive, tag.id, "#ff0000", version=1)
    assert [info.path for info in all_tags(archive)] == ["정의로운 전환"]


def test_a_one_shot_save_replaces_only_an_empty_or_own_note(archive, release_id: int, as_author) -> None:  # type: ignore[no-untyped-def]
    as_author("analyst-A")
    first = save_note_once(archive, DOCUMENT_NOTE, release_id, "A의 첫 메모")
    assert (first.text, first.author) == ("A의 첫 메모", "analyst-A")
    assert save_note_once(archive, DOCUMENT_NOTE, release_id, "A가 고친 메모").version == first.version + 1
    as_author("analyst-B")
    with pytest.raises(UnreadNoteError) as refused:
        save_note_once(archive, DOCUMENT_NOTE, release_id, "B의 메모")
    assert refused.value.their_author == "analyst-A" and "A가 고친 메모" in str(refused.value)
    assert "--expect-version" in str(refused.value)
    seen = read_note(archive, DOCUMENT_NOTE, release_id)
    assert (seen.text, seen.author) == ("A가 고친 메모", "analyst-A")
    saved = save_note_once(archive, DOCUMENT_NOTE, release_id, "B의 메모", expect_version=seen.version)
    assert saved.version == seen.version + 1
    with pytest.raises(ConflictError) as stale:
        save_note_once(archive, DOCUMENT_NOTE, release_id, "B의 두 번째", expect_version=seen.version)
    assert stale.value.their_author == "analyst-B"


def test_a_one_shot_annotation_note_save(archive, release_id: int, as_author) -> None:  # type: ignore[no-untyped-def]
    made = create_annotation(archive, release_id, quote="충청북도는", note="김의 주석", author="김작성")
    as_author("analyst-B")
    with pytest.raises(UnreadNoteError, match="김작성"):
        save_note_once(archive, ANNOTATION_NOTE, made.id, "B의 주석")
    saved = save_note_once(archive, ANNOTATION_NOTE, made.id, "B의 주석", expect_version=made.version)
    assert read_note(archive, ANNOTATION_NOTE, made.id).text == "B의 주석" and saved.author == "analyst-B"
    as_author("analyst-A")
    with pytest.raises(ConflictError) as caught:
        save_note_once(archive, ANNOTATION_NOTE, made.id, "A의 주석", expect_version=made.version)
    assert caught.value.their_author == "analyst-B"
