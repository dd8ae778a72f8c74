"""The desktop app's preferences, typed, in one place over QSettings (organisation "esgdesk").

Each preference is a property, so a misspelt key is an AttributeError rather than a silently empty value.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "esgdesk"
APPLICATION = "esgdesk"

LANGUAGES = ("system", "ko", "en")
THEMES = ("system", "light", "dark")


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANIZATION, APPLICATION)

    def _text(self, key: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
        value = self._settings.value(key, default)
        text = str(value) if value is not None else default
        if allowed is not None and text not in allowed:
            return default
        return text

    @property
    def language(self) -> str:
        """system | ko | en"""
        return self._text("language", "system", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value)

    @property
    def theme(self) -> str:
        """system | light | dark"""
        return self._text("theme", "system", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("theme", value)

    @property
    def archive(self) -> str:
        """The archive folder chosen in Preferences; empty means --archive, $ESGDESK_ARCHIVE or the default."""
        return self._text("archive", "")

    @archive.setter
    def archive(self, value: str) -> None:
        self._settings.setValue("archive", value)

    @property
    def author(self) -> str:
        return self._text("author", "")

    @author.setter
    def author(self, value: str) -> None:
        self._settings.setValue("author", value)

    @property
    def export_folder(self) -> str:
        return self._text("export_folder", "")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._settings.setValue("export_folder", value)

    @property
    def samples_declined(self) -> bool:
        """The analyst said "No, thanks" to the bundled samples: an empty archive no longer offers them."""
        value = self._settings.value("samples_declined", False)
        return value is True or str(value).lower() in ("true", "1")

    @samples_declined.setter
    def samples_declined(self, value: bool) -> None:
        self._settings.setValue("samples_declined", bool(value))

    # -- window layout ------------------------------------------------------------------------------------

    def layout(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{name}", value)

    def sync(self) -> None:
        self._settings.sync()
