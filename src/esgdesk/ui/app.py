"""Starting the desktop app: the application object, font, language, theme, the window and its archive.

`esgdesk gui` (cli.py) calls `run_app`; the `esgdesk-gui` launcher calls `main`. With `screenshot`, the window
is rendered to a PNG once its data is on screen and the app exits — that is how the README's pictures are made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from esgdesk.core.paths import archive_location, default_archive_dir
from esgdesk.ui.about import app_icon
from esgdesk.ui.look import apply_theme, install_korean_font, install_translation, resolve_language
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.operations import wait_for_background_work
from esgdesk.ui.settings import APPLICATION, ORGANIZATION, AppSettings

SCREENSHOT_SIZE = (1440, 900)
#: a screenshot that has not happened by then will not happen: report it rather than hang a script
SCREENSHOT_TIMEOUT_MS = 60_000


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with esgdesk's identity, Korean font, language and theme (reused if one exists)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ESG Desk")
    app.setWindowIcon(app_icon())
    settings = AppSettings()
    install_korean_font(app)
    install_translation(app, resolve_language(settings.language))
    apply_theme(app, settings.theme)
    return app


def choose_archive(location: str, settings: AppSettings) -> str:
    """--archive and $ESGDESK_ARCHIVE win; the folder picked in Preferences beats the platform default."""
    if settings.archive and location == str(default_archive_dir()):
        return settings.archive
    return location


def run_app(location: str, show_id: int | None = None, screenshot: str | None = None) -> int:
    app = make_application()
    settings = AppSettings()
    window = MainWindow(settings, show_id=show_id)
    outcome: dict[str, int] = {}

    if screenshot:
        window.setProperty("saveLayout", False)
        window.resize(*SCREENSHOT_SIZE)

        def capture() -> None:
            saved = window.grab().save(screenshot, "PNG")
            if not saved:
                print(f"esgdesk: cannot write the screenshot {screenshot}", file=sys.stderr)
            outcome["code"] = 0 if saved else 2
            app.quit()

        def give_up(message: str) -> None:
            print(f"esgdesk: {message}", file=sys.stderr)
            outcome["code"] = 2
            app.quit()

        # Two turns of the event loop after the data arrives, so the views have laid out and painted.
        window.ready.connect(lambda: QTimer.singleShot(100, capture))
        window.archiveFailed.connect(give_up)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: give_up("the window did not finish loading in time"))
    else:
        window.restore_layout()
        window.archiveFailed.connect(
            lambda message: QMessageBox.critical(
                window, QCoreApplication.translate("App", "Cannot open the archive"), message
            )
        )

    window.show()
    window.open_archive(choose_archive(location, settings))
    code = app.exec()
    wait_for_background_work()
    if window.archive is not None:
        window.archive.close()
    return outcome.get("code", code)


def main(argv: Sequence[str] | None = None) -> int:
    """The `esgdesk-gui` launcher: the same options as `esgdesk [--archive DIR] gui`."""
    parser = argparse.ArgumentParser(prog="esgdesk-gui", description="The esgdesk desktop app.")
    parser.add_argument("--archive", metavar="DIR")
    parser.add_argument("--show", type=int, metavar="ID")
    parser.add_argument("--screenshot", metavar="PNG")
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    return run_app(archive_location(args.archive), show_id=args.show, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
