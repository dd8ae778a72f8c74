"""Where the tests find their files: the one place fixture paths are resolved.

Every file a test reads lives under tests/fixtures/ (copied with its NOTICE.md) or is made by the test itself;
nothing is read from outside the repository, so a fresh clone runs every test. Test modules import these names
(`from fixture_paths import fixture_path`), as pytest puts tests/ on sys.path for its top-level conftest.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
#: the user's own example release (also shipped in resources/samples/)
SAMPLE = FIXTURES / "samples" / "press-release-2023-04-28-motie-just-transition.txt"
#: real releases of ministries and public bodies, each in the formats it was published in (see its NOTICE.md)
RELEASES = FIXTURES / "releases"


def fixture_path(*parts: str) -> Path:
    """The path of a file or folder under tests/fixtures/; fails loudly when it is missing."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"test fixture missing from the repository: {path}")
    return path
