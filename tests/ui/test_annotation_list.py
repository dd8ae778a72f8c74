"""The annotations panel lists notes as plain words; the editor's preview renders their Markdown."""

from __future__ import annotations


def test_annotation_notes_are_listed_without_markdown_marks() -> None:
    from esgdesk.ui.annotations_panel import plain_markdown

    assert plain_markdown("**핵심** — [근거 자료](https://www.korea.kr/x) `21.5억원`\n- 후속 확인") == (
        "핵심 — 근거 자료 21.5억원\n후속 확인"
    )
