"""Import failures are explained in the reader's language, with the importer's detail kept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from esgdesk.ui.look import install_translation
from esgdesk.ui.reasons import translated_reason


def test_reasons_in_korean_and_english(qapp) -> None:  # type: ignore[no-untyped-def]
    install_translation(qapp, "ko")
    try:
        assert translated_reason("the file is empty") == "빈 파일입니다"
        assert translated_reason("the PDF is damaged or incomplete and cannot be read (EOF marker not found)") == (
            "PDF가 손상되었거나 불완전합니다 (EOF marker not found)"
        )
        assert translated_reason("a reason nobody listed") == "a reason nobody listed"
    finally:
        install_translation(qapp, "en")
    size_reason = "the file is larger than the 200 MB import limit (300,000,000 bytes)"
    assert translated_reason(size_reason) == size_reason
    assert QCoreApplication.translate("ImportReason", "the file is empty") == "the file is empty"
