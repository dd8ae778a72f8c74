"""The frozen `esgdesk-gui` executable (windowed: no console on Windows, the .app's main program on macOS).

Started from the Start menu, the Dock or by opening an .esgd bundle. With no arguments it opens the app on the
user's archive, as `esgdesk` alone does. With one .esgd file (a double-click in Explorer or Finder) it merges the
bundle into the user's archive — a bundle import is all-or-nothing and adds nothing twice — and then opens the
app; a failure is shown in a message box, since a windowed program has nowhere to print. Any other arguments are
`esgdesk-gui`'s own (--archive, --show, --screenshot).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    arguments = sys.argv[1:]
    if len(arguments) == 1 and arguments[0].lower().endswith(".esgd"):
        from pathlib import Path

        from esgdesk.core.archive import Archive
        from esgdesk.core.bundle import import_bundle
        from esgdesk.core.errors import EsgdeskError
        from esgdesk.core.paths import archive_location
        from esgdesk.ui.app import choose_archive
        from esgdesk.ui.settings import AppSettings

        # The archive the app is about to open: the one chosen in Preferences, else $ESGDESK_ARCHIVE or the default.
        location = choose_archive(archive_location(None), AppSettings())
        try:
            with Archive.open(location) as archive:
                import_bundle(archive, Path(arguments[0]))
        except (EsgdeskError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            from esgdesk.ui.app import make_application

            make_application()
            QMessageBox.critical(None, "ESG Desk", f"{Path(arguments[0]).name}:\n{exc}")
        from esgdesk.ui.app import run_app

        sys.exit(run_app(location))
    from esgdesk.ui.app import main

    sys.exit(main(arguments))
