"""Starting the desktop app: the application object, font, language, theme, the window and its archive.

`esgdesk gui` (cli.py) calls `run_app`; the `esgdesk-gui` launcher calls `main`. With `screenshot`, the window
is rendered to a PNG once its data is on screen and the app exits — that is how the README's pictures are made.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from esgdesk.core.paths import archive_location, default_archive_dir
from esgdesk.ui.about import app_icon
from esgdesk.ui.look import apply_theme, install_korean_font, install_translation, resolve_language
from esgdesk.ui.main_window import MainWindow
from esgdesk.ui.operations import wait_for_background_work
from esgdesk.ui.settings import APPLICATION, ORGANIZATION, AppSettings

SCREENSHOT_SIZE = (1440, 900)
#: Qt's offscreen platform says this for every top-level window; it is noise, not a problem of the app
KNOWN_NOISE = ("This plugin does not support propagateSizeHints()",)
#: a screenshot that has not happened by then will not happen: report it rather than hang a script
SCREENSHOT_TIMEOUT_MS = 60_000


def _filter_known_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages reach stderr as before, except the offscreen platform's known harmless ones."""
    if any(noise in message for noise in KNOWN_NOISE):
        return
    print(message, file=sys.stderr)


def screenshot_size() -> tuple[int, int]:
    """$ESGDESK_SCREENSHOT_SIZE=1024x700 renders a laptop screen; the README's pictures use 1440×900."""
    value = os.environ.get("ESGDESK_SCREENSHOT_SIZE", "")
    width, _x, height = value.lower().partition("x")
    if width.isdigit() and height.isdigit() and 320 <= int(width) <= 8000 and 240 <= int(height) <= 8000:
        return int(width), int(height)
    return SCREENSHOT_SIZE


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with esgdesk's identity, Korean font, language and theme (reused if one exists).

    $ESGDESK_LANGUAGE (ko|en) and $ESGDESK_THEME (light|dark) override the preferences for one run, without
    saving them: that is how screenshots in each language and theme are made."""
    qInstallMessageHandler(_filter_known_noise)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ESG Desk")
    app.setWindowIcon(app_icon())
    settings = AppSettings()
    install_korean_font(app)
    language = os.environ.get("ESGDESK_LANGUAGE", "")
    theme = os.environ.get("ESGDESK_THEME", "")
    install_translation(app, resolve_language(language if language in ("ko", "en") else settings.language))
    apply_theme(app, theme if theme in ("light", "dark") else settings.theme)
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
        window.resize(*screenshot_size())

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

    def unknown_document(message: str) -> None:
        print(f"esgdesk: {message}", file=sys.stderr)
        outcome["code"] = 2
        app.quit()

    window.showFailed.connect(unknown_document)
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
