"""Help → About ESG Desk: who makes the app, which version runs, and the licences of what it bundles.

Why the licences live in the app and not only on a web page: the LGPL (Qt), the OFL (NanumGothic) and KOGL type 1
(the map data) all ask that their terms or an attribution travel with the copies we hand out, and analysts use
esgdesk offline. The texts are read from the bundled resources (`licenses/`, `fonts/OFL.txt`), so the wheel and
the frozen app show exactly the files they ship.

    from esgdesk.ui.about import show_about
    help_menu.addAction(self.tr("&About ESG Desk"), lambda: show_about(self))
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from esgdesk import __version__
from esgdesk.core.paths import resource_path

#: the name people see (window titles, installers, the Start menu, the Dock); `esgdesk` stays the command's name
APP_DISPLAY_NAME = "ESG Desk"
#: who makes it, as pyproject.toml's authors says; shown here, in the Windows version info and the installers
ORGANISATION_DISPLAY = "esgdesk team"
#: the macOS bundle identifier and the Windows AppUserModelID stem; must match installer/ (one identity)
BUNDLE_ID = "org.esgdesk.esgdesk"

#: (tab title, resource path parts, shown as Markdown?) for each licence text
LICENCE_TABS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("Third-party software", ("licenses", "THIRD_PARTY_LICENSES.md"), True),
    ("NanumGothic (OFL-1.1)", ("fonts", "OFL.txt"), False),
    ("Map data (KOGL)", ("data", "maps", "LICENSE.md"), False),
    ("Qt: LGPL-3.0", ("licenses", "LGPL-3.0.txt"), False),
    ("GPL-3.0", ("licenses", "GPL-3.0.txt"), False),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def app_icon() -> QIcon:
    """The app's icon from the bundled PNG (the .ico and .icns are made from the same image)."""
    icon = QIcon()
    for name in ("esgdesk-256.png", "esgdesk.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def read_licence(*parts: str) -> str:
    """A bundled licence text, or a sentence saying it is missing (a broken install must still show the dialog)."""
    try:
        return resource_path(*parts).read_text(encoding="utf-8")
    except OSError:
        return tr("This file is missing from the installation: %1").replace("%1", "/".join(parts))


def version_lines() -> list[str]:
    """What a bug report needs: the app, Qt, Python and the OS."""
    frozen = tr(" (installed app)") if getattr(sys, "frozen", False) else ""
    return [
        f"{APP_DISPLAY_NAME} {__version__}{frozen}",
        f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
    ]


def _organisation() -> str:
    try:
        author = metadata.metadata("esgdesk").json.get("author", "")
    except metadata.PackageNotFoundError:
        author = ""
    # The metadata's JSON form gives a list for multi-valued fields; Author is single-valued but typed as either.
    return author if isinstance(author, str) and author else ORGANISATION_DISPLAY


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About %1").replace("%1", APP_DISPLAY_NAME))
        self.setWindowIcon(app_icon())
        self.resize(720, 560)

        header = QHBoxLayout()
        logo = QLabel()
        pixmap = QPixmap(str(resource_path("icons", "esgdesk-256.png")))
        if not pixmap.isNull():
            logo.setPixmap(
                pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        text = QLabel()
        text.setObjectName("aboutText")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        versions = "<br>".join(version_lines()[1:])
        text.setText(
            f"<h2>{APP_DISPLAY_NAME} {__version__}</h2>"
            + "<p>"
            + tr(
                "An offline archive of Korean government press releases on carbon neutrality, just transition "
                "and ESG: Korean search, annotations, links and briefing packets in DOCX and PDF."
            )
            + "</p>"
            + f"<p>© {_organisation()}</p>"
            + f"<p><small>{versions}</small></p>"
            + "<p><small>"
            + tr(
                "Qt for Python is used under the LGPL-3.0; the NanumGothic font under the SIL Open Font "
                "License 1.1; the map boundaries are 통계청 SGIS data under KOGL type 1. See the tabs below."
            )
            + "</small></p>"
        )
        header.addWidget(text, 1)

        self.tabs = QTabWidget()
        for title, parts, markdown in LICENCE_TABS:
            browser = QTextBrowser()
            browser.setOpenExternalLinks(True)
            content = read_licence(*parts)
            if markdown:
                browser.setMarkdown(content)
            else:
                browser.setPlainText(content)
            self.tabs.addTab(browser, tr(title))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None = None) -> None:
    """Open the About dialog, modal to `parent`."""
    AboutDialog(parent).exec()
