"""Module-scoped fixtures over a seeded archive (see briefing_fixtures.py for what it holds)."""

from __future__ import annotations

import pytest
from briefing_fixtures import OPTIONS, seed_sample

from esgdesk.briefing.service import Selection, build_packet


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory):
    """(archive, release id), shared by a module's tests: importing and rendering take seconds."""
    from esgdesk.core.archive import Archive

    archive = Archive.open(tmp_path_factory.mktemp("briefing") / "archive")
    release_id = seed_sample(archive)
    yield archive, release_id
    archive.close()


@pytest.fixture(scope="module")
def regional_packet(seeded):
    archive, release_id = seeded
    return build_packet(archive, "regional-summary", Selection(ids=[release_id]), OPTIONS)
