"""Where esgdesk keeps things: the default archive folder and the bundled resources.

Resources live in the top-level `resources/` folder of a checkout, ship as the package `esgdesk._resources`
in a wheel, and sit under `sys._MEIPASS/esgdesk/_resources` in a PyInstaller bundle. `resource_path` hides the
difference (Vorta's get_asset does the same) so no caller ever builds such a path itself.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "esgdesk"
ARCHIVE_ENV = "ESGDESK_ARCHIVE"


def default_archive_dir() -> Path:
    """The archive used when neither --archive nor ESGDESK_ARCHIVE names one."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "archive"


def archive_location(cli_value: str | None) -> str:
    """--archive beats ESGDESK_ARCHIVE beats the platform default. A URL is returned as it is."""
    if cli_value:
        return cli_value
    env_value = os.environ.get(ARCHIVE_ENV)
    if env_value:
        return env_value
    return str(default_archive_dir())


@cache
def resources_root() -> Path:
    """The folder holding fonts/, data/, icons/ and translations/, wherever esgdesk runs from."""
    candidates: list[Path] = []
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        candidates.append(Path(bundle_dir) / "esgdesk" / "_resources")
    package_dir = Path(__file__).resolve().parent.parent
    # A source checkout or editable install: src/esgdesk/core/paths.py -> <root>/resources
    candidates.append(package_dir.parent.parent / "resources")
    # An installed wheel: esgdesk/_resources inside site-packages
    candidates.append(package_dir / "_resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    # English only, not _(): the Korean catalogue lives in the missing folder, so this one cannot be translated.
    raise FileNotFoundError(
        "esgdesk's resources folder is missing; the installation is incomplete (looked in: "
        + ", ".join(str(c) for c in candidates)
        + ")"
    )


def resource_path(*parts: str) -> Path:
    """A bundled resource, e.g. resource_path("fonts", "NanumGothic.ttf")."""
    return resources_root().joinpath(*parts)


def korean_font_paths() -> dict[str, Path]:
    """The bundled Korean font (TrueType outlines, so reportlab can embed it) by style."""
    return {
        "regular": resource_path("fonts", "NanumGothic.ttf"),
        "bold": resource_path("fonts", "NanumGothicBold.ttf"),
    }
