"""The message catalogue: every message a person can read that does not come from Qt, in Korean and English.

Messages are written in English in the code and marked with `_()` (gettext's convention, as Picard does for its
non-Qt strings); their Korean lives in `resources/locale/ko/*.po`, one file per package so that work on one
package never touches another's catalogue. The CLI picks the language from `--lang` or the system locale
(`LC_ALL`, `LC_MESSAGES`, `LANG`); the GUI from its preferences. A test reads every `_()` and `N_()` call in the
sources and fails when one has no Korean.

    raise ArchiveError(_("no archive at {path}", path=folder))

Values are formatted after translation, so the Korean can put them where Korean grammar wants them.
"""

from __future__ import annotations

import locale
import os
import re
from functools import cache
from pathlib import Path

from esgdesk.core.paths import resource_path

LANGUAGES = ("ko", "en")
_language: str | None = None


def system_language() -> str:
    """`ko` when the user's locale is Korean, else `en` (environment first, as gettext reads it)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "ko" if value.lower().startswith("ko") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ko" if code.lower().startswith(("ko", "korean")) else "en"


def set_language(language: str | None) -> str:
    """Use `language` (`ko`/`en`; None: the system's) for every message from now on; returns the one in use."""
    global _language
    chosen = (language or system_language()).lower()[:2]
    _language = chosen if chosen in LANGUAGES else "en"
    return _language


def current_language() -> str:
    return _language if _language is not None else set_language(None)


def _(message: str, /, **values: object) -> str:
    """`message` in the current language, with `{name}` fields filled from `values`."""
    text = message
    if current_language() != "en":
        text = catalogue(current_language()).get(message) or message
    return text.format(**values) if values else text


def N_(message: str, /) -> str:
    """Marks a message for the catalogue where it is defined; `_()` translates it where it is shown."""
    return message


def translate_as(language: str, message: str, /, **values: object) -> str:
    """`message` in a given language, whatever the current one (for tests and for mixed-language reports)."""
    text = message if language == "en" else catalogue(language).get(message) or message
    return text.format(**values) if values else text


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid → msgstr from every `resources/locale/<language>/*.po` file (empty translations left out)."""
    folder = resource_path("locale", language)
    entries: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.po")):
            entries.update(read_po(path))
    return entries


_PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(line: str) -> str:
    match = _PO_STRING.search(line)
    if not match:
        return ""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), match.group(1))


def read_po(path: Path) -> dict[str, str]:
    """The translated entries of one .po file (msgid/msgstr, continued lines; no plural forms are used)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            key, value = "".join(msgid), "".join(msgstr)
            if key and value:
                entries[key] = value

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
        elif not line or line.startswith("#"):
            continue
    flush()
    return entries
