"""argparse's own words — `usage:`, the section titles, its error messages — in the user's language.

argparse marks them for gettext and looks `_` up in its module each time it formats, so pointing that name at
our catalogue makes `esgdesk --help` and a mistyped option speak the same language as every other message,
without a second translation system (Python ships no Korean catalogue for argparse). Texts that a newer Python
words differently simply stay English.
"""

from __future__ import annotations

import argparse

from esgdesk.core.i18n import N_, _

#: the messages of argparse a user meets (the rest are programming errors in our own parser)
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _translated(message: str) -> str:
    return _(message)


def use_catalogue_for_argparse() -> None:
    """From now on argparse formats its own texts through `esgdesk.core.i18n` (the current language)."""
    argparse._ = _translated  # type: ignore[attr-defined]


def requested_language(arguments: list[str]) -> str | None:
    """The value of `--lang` among the arguments, read before the parser exists (its help is in that language)."""
    for position, argument in enumerate(arguments):
        if argument == "--lang" and position + 1 < len(arguments):
            return arguments[position + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None
