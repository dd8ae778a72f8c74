"""Facet counts: while a search is active the sidebar counts within its results, and back when it is cleared."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import open_window

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import run_import
from esgdesk.library.browse import Scope, ScopeKind
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.operations import wait_for_background_work

#: a second release, read with entity extraction, naming 충청남도 당진시; a search for 석탄화력 finds only it
OTHER = """환경부, 충청남도 석탄화력 폐지 지역 공정전환 지원 확대

담당부서 : 환경부 기후변화정책과

환경부는 2024년 5월 2일 충청남도 당진시와 보령시의 석탄화력 발전소 폐지에 따른 지역 공정전환 지원을 확대한다고 밝혔다.
"""


@pytest.fixture
def two_releases(archive_dir: Path, tmp_path: Path) -> Path:
    release = tmp_path / "other.txt"
    release.write_text(OTHER, encoding="utf-8")
    archive = Archive.open(archive_dir)
    try:
        report = run_import(archive, [release])
        assert report.imported, report.failed
    finally:
        try:
            from esgdesk.search.service import close_index

            close_index(archive)
        finally:
            archive.close()
    return archive_dir


@pytest.fixture
def facet_window(qtbot, two_releases: Path):  # type: ignore[no-untyped-def]
    from esgdesk.ui.operations import wait_for_background_work

    main = open_window(qtbot, two_releases, timeout=10_000)
    yield main
    wait_for_background_work()
    if main.archive is not None:
        main.archive.close()


def _counts(window: MainWindow, kind: ScopeKind) -> dict[str, str]:
    from esgdesk.ui.sidebar import SCOPE_ROLE

    counts: dict[str, str] = {}
    for item in window.sidebar._all_items():
        scope = item.data(0, SCOPE_ROLE)
        if isinstance(scope, Scope) and scope.kind is kind:
            counts[item.text(0)] = item.text(1)
    return counts


def test_the_sidebar_counts_within_the_search_and_back(qtbot, facet_window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    window = facet_window
    years_before = _counts(window, ScopeKind.YEAR)
    regions_before = _counts(window, ScopeKind.REGION)
    # The sample release is the archive's one of 2023; its board listing's headlines are dated later.
    assert years_before["2023"] == "1" and len(years_before) == 2, years_before
    (later,) = set(years_before) - {"2023"}
    assert regions_before["당진시"] == "1"
    # Typed key by key: the counts arrive once, after the search's pause, off the GUI thread.
    loads: list[object] = []
    window.facetsLoaded.connect(loads.append)
    with qtbot.waitSignal(window.facetsLoaded, timeout=10_000) as loaded:
        type_text(window.search_bar.field, "석탄화력")
    assert isinstance(loaded.args[0], dict)
    qtbot.wait(300)
    assert len(loads) == 1, "facets were counted more than once for one typed word"
    assert window.sidebar.showing_facets
    # The new release has no date: no year holds any of the results.
    assert _counts(window, ScopeKind.YEAR) == {"2023": "0", later: "0"}
    regions = _counts(window, ScopeKind.REGION)
    assert regions["당진시"] == "1" and regions["보령시"] == "1"
    assert set(regions) == set(regions_before), "lines must not come and go while typing"
    # A line outside the results stays in place, greyed, and says both counts.
    item = window.sidebar.findItems("2023", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)[0]
    assert item.data(0, Qt.ItemDataRole.ForegroundRole) is not None
    assert item.toolTip(1) == "0 in the search results, 1 in the archive"
    # A province counts the hits of its cities, as its archive-wide line counts their documents.
    province = window.sidebar.findItems("충청남도", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)[0]
    assert int(province.text(1)) >= int(regions["당진시"]) and province.data(0, Qt.ItemDataRole.ForegroundRole) is None
    # The fixed views keep counting the whole archive.
    everything = window.sidebar.findItems("Everything", Qt.MatchFlag.MatchExactly, 0)[0]
    assert everything.text(1) == str(window.state.total_documents) and window.state.total_documents > 2

    with qtbot.waitSignal(window.facetsLoaded, timeout=10_000) as cleared:
        window.search_bar.field.clear()
    assert cleared.args[0] is None
    assert not window.sidebar.showing_facets
    assert _counts(window, ScopeKind.YEAR) == years_before
    assert _counts(window, ScopeKind.REGION) == regions_before
    assert item.data(0, Qt.ItemDataRole.ForegroundRole) is None


def test_facets_survive_a_sidebar_reload_during_a_search(qtbot, facet_window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    window = facet_window
    with qtbot.waitSignal(window.facetsLoaded, timeout=10_000):
        type_text(window.search_bar.field, "석탄화력")
    with qtbot.waitSignal(window.sidebarLoaded, timeout=10_000):
        window.lists.load_sidebar()  # as after marking a document reviewed
    assert _counts(window, ScopeKind.REGION)["당진시"] == "1"
    assert _counts(window, ScopeKind.YEAR)["2023"] == "0"


def test_a_tag_added_during_a_search_is_counted_within_it(qtbot, facet_window: MainWindow, type_text) -> None:  # type: ignore[no-untyped-def]
    """An edit reloads the sidebar; during a search its counts are recounted within the results, so a new tag
    on a found document shows 1, not the 0 of a tag the search's counts never saw."""
    window = facet_window
    with qtbot.waitSignal(window.facetsLoaded, timeout=10_000):
        type_text(window.search_bar.field, "석탄화력")
    # The found document, not the one the library view had selected before the results arrived (the counts
    # and the list come back separately).
    qtbot.waitUntil(
        lambda: window.model.rowCount() == 1 and window.current_document_id() in window.model.ids(), timeout=10_000
    )
    wait_for_background_work()  # the search's own counts are in: what follows is the edit's
    window.workbench.tagging.tag_selection(["검토필요"])
    # Without the recount the tag stays at the 0 of a name the search's counts never saw.
    qtbot.waitUntil(lambda: _counts(window, ScopeKind.TAG) == {"검토필요": "1"}, timeout=10_000)
