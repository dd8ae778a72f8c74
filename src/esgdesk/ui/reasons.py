"""Why a file could not be imported, in the reader's language.

The importer (no Qt) words its reasons in English; here the common ones get their translation, matched by the
reason's fixed beginning so that the detail after it (a size, a parser's message) is kept as it was. A reason
not listed is shown as the importer wrote it — never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _prefixes() -> list[tuple[str, str, str]]:
    """(the reason's fixed beginning, the message it stands for, that message in the current language)"""
    # Spelled out in full each time: lupdate finds `QCoreApplication.translate("ImportReason", "…")` calls only.
    return [
        ("the file is empty", "the file is empty", QCoreApplication.translate("ImportReason", "the file is empty")),
        (
            "no such file or folder",
            "no such file or folder",
            QCoreApplication.translate("ImportReason", "no such file or folder"),
        ),
        ("not a regular file", "not a regular file", QCoreApplication.translate("ImportReason", "not a regular file")),
        (
            "the file is not text (it holds binary data)",
            "the file is not text (it holds binary data)",
            QCoreApplication.translate("ImportReason", "the file is not text (it holds binary data)"),
        ),
        (
            "the file is not readable text",
            "the file is not readable text (it looks like binary data)",
            QCoreApplication.translate("ImportReason", "the file is not readable text (it looks like binary data)"),
        ),
        (
            "the file is not text in any encoding",
            "the file is not text in any encoding esgdesk knows",
            QCoreApplication.translate("ImportReason", "the file is not text in any encoding esgdesk knows"),
        ),
        (
            "the document holds no text",
            "the document holds no text",
            QCoreApplication.translate("ImportReason", "the document holds no text"),
        ),
        (
            "no text was found in the file",
            "no text was found in the file",
            QCoreApplication.translate("ImportReason", "no text was found in the file"),
        ),
        (
            "the file cannot be read: permission denied",
            "the file cannot be read: permission denied",
            QCoreApplication.translate("ImportReason", "the file cannot be read: permission denied"),
        ),
        (
            "the file is larger than the",
            "the file is larger than the import limit",
            QCoreApplication.translate("ImportReason", "the file is larger than the import limit"),
        ),
        (
            "the PDF is protected by a password",
            "the PDF is protected by a password",
            QCoreApplication.translate("ImportReason", "the PDF is protected by a password"),
        ),
        (
            "the PDF is damaged or incomplete and cannot be read",
            "the PDF is damaged or incomplete",
            QCoreApplication.translate("ImportReason", "the PDF is damaged or incomplete"),
        ),
        (
            "the Word file is damaged",
            "the Word file is damaged",
            QCoreApplication.translate("ImportReason", "the Word file is damaged"),
        ),
        (
            "reading the file took longer than",
            "reading the file took too long and was stopped",
            QCoreApplication.translate("ImportReason", "reading the file took too long and was stopped"),
        ),
        (
            "the reader stopped while reading this file",
            "the reader stopped on this file (out of memory?)",
            QCoreApplication.translate("ImportReason", "the reader stopped on this file (out of memory?)"),
        ),
        (
            "esgdesk cannot read this kind of file",
            "esgdesk cannot read this kind of file",
            QCoreApplication.translate("ImportReason", "esgdesk cannot read this kind of file"),
        ),
        (
            "its path climbs out of the zip file",
            "its path climbs out of the zip file; it was not read",
            QCoreApplication.translate("ImportReason", "its path climbs out of the zip file; it was not read"),
        ),
        (
            "the member is compressed suspiciously well",
            "compressed suspiciously well (a zip bomb?)",
            QCoreApplication.translate("ImportReason", "compressed suspiciously well (a zip bomb?)"),
        ),
        (
            "the member inflates beyond what it declares",
            "inflates beyond its declared size (a zip bomb?)",
            QCoreApplication.translate("ImportReason", "inflates beyond its declared size (a zip bomb?)"),
        ),
        (
            "the disk holding the archive is full",
            "the disk holding the archive is full",
            QCoreApplication.translate("ImportReason", "the disk holding the archive is full"),
        ),
        (
            "not imported: the disk holding the archive is full",
            "not imported: the disk is full",
            QCoreApplication.translate("ImportReason", "not imported: the disk is full"),
        ),
    ]


def translated_reason(reason: str) -> str:
    """The reason in the current language: the translated beginning, then any detail in parentheses."""
    for beginning, message, translated in _prefixes():
        if reason.startswith(beginning):
            if translated == message:  # no translation in this language: the importer's own words say more
                return reason
            detail = reason[len(beginning) :].strip()
            return f"{translated} {detail}" if detail.startswith("(") else translated
    return reason
