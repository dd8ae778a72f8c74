"""How the app looks and speaks: the bundled Korean font, the translation and the colour theme.

A bare PySide6 window on a machine without Korean fonts draws Hangul as boxes; registering NanumGothic and
naming it as the Hangul fallback fixes that everywhere at once, whatever font the platform picks for Latin.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from esgdesk.core.i18n import set_language
from esgdesk.core.paths import korean_font_paths, resource_path

KOREAN_FAMILY = "NanumGothic"


def install_korean_font(app: QGuiApplication) -> str | None:
    """Register the bundled fonts and make NanumGothic the fallback for Hangul; returns the family name."""
    family: str | None = None
    for path in korean_font_paths().values():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    if family is None:
        return None
    font = app.font()
    # The platform's UI font first, for Latin; NanumGothic next, for every glyph the first one lacks. A font
    # asked for by name elsewhere (a reader's family) falls back to it too, through the substitution table.
    families = font.families() or [font.family()]
    if family not in families:
        font.setFamilies([*families, family])
    app.setFont(font)
    for name in {*families, "Sans Serif", "Serif", "Monospace"}:
        if name != family:
            QFont.insertSubstitution(name, family)
    return family


# -- language -------------------------------------------------------------------------------------------------


def resolve_language(preference: str, locale: QLocale | None = None) -> str:
    """'ko' or 'en': the preference, or the system locale when the preference is 'system'."""
    if preference in ("ko", "en"):
        return preference
    locale = locale or QLocale.system()
    return "ko" if locale.language() == QLocale.Language.Korean else "en"


_installed: list[QTranslator] = []


def install_translation(app: QCoreApplication, language: str) -> bool:
    """Load esgdesk_<language>.qm (replacing one loaded before); True when it was found.

    The non-Qt layers' messages (query errors, import and duplicate reasons, archive and lock errors) follow
    the same language through esgdesk.core.i18n, so the Korean app never shows the core's English."""
    set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    translator = QTranslator(app)
    folder = resource_path("translations")
    if not translator.load(f"esgdesk_{language}", str(folder)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own words (OK, Cancel, a wizard's Next and Back, the colour picker) come from qtbase_<lang>.qm.
    qt_translator = QTranslator(app)
    if language != "en" and qt_translator.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    QLocale.setDefault(QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English))
    return True


# -- theme ----------------------------------------------------------------------------------------------------


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading, and disabled text that still reads as text."""
    palette = QPalette()
    window, base, alternate = QColor(0x2B, 0x2D, 0x31), QColor(0x1F, 0x21, 0x24), QColor(0x27, 0x29, 0x2D)
    text, bright = QColor(0xE6, 0xE6, 0xE6), QColor(0xFF, 0xFF, 0xFF)
    highlight = QColor(0x3D, 0x7E, 0xD6)
    role = QPalette.ColorRole
    palette.setColor(role.Window, window)
    palette.setColor(role.WindowText, text)
    palette.setColor(role.Base, base)
    palette.setColor(role.AlternateBase, alternate)
    palette.setColor(role.ToolTipBase, QColor(0x3A, 0x3D, 0x42))
    palette.setColor(role.ToolTipText, text)
    palette.setColor(role.PlaceholderText, QColor(0x8E, 0x92, 0x99))
    palette.setColor(role.Text, text)
    palette.setColor(role.Button, QColor(0x35, 0x38, 0x3D))
    palette.setColor(role.ButtonText, text)
    palette.setColor(role.BrightText, bright)
    palette.setColor(role.Light, QColor(0x45, 0x48, 0x4E))
    palette.setColor(role.Midlight, QColor(0x3A, 0x3D, 0x42))
    palette.setColor(role.Mid, QColor(0x30, 0x33, 0x38))
    palette.setColor(role.Dark, QColor(0x18, 0x19, 0x1B))
    palette.setColor(role.Shadow, QColor(0x0E, 0x0F, 0x10))
    palette.setColor(role.Highlight, highlight)
    palette.setColor(role.HighlightedText, bright)
    palette.setColor(role.Link, QColor(0x7F, 0xB3, 0xFF))
    palette.setColor(role.LinkVisited, QColor(0xB4, 0x9C, 0xF0))
    disabled = QPalette.ColorGroup.Disabled
    for dimmed in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, dimmed, QColor(0x7A, 0x7D, 0x83))
    palette.setColor(disabled, role.Highlight, QColor(0x45, 0x48, 0x4E))
    return palette


_system_style: str | None = None
_system_palette: QPalette | None = None


def apply_theme(app: QApplication, theme: str) -> None:
    """system: the platform's own look. light/dark: Fusion with an explicit palette, since native styles
    (Windows in particular) ignore a custom palette."""
    global _system_style, _system_palette
    if _system_style is None:
        _system_style = app.style().name()
        _system_palette = app.palette()
    if theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(app.style().standardPalette())
    else:
        app.setStyle(QStyleFactory.create(_system_style))
        app.setPalette(_system_palette or app.style().standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def hangul_font() -> QFont:
    return QFont(KOREAN_FAMILY)
