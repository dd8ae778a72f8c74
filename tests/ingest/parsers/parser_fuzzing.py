"""What every parser's hostile-input tests share: mutated bytes, and what must hold for any outcome.

A parser fed damaged bytes either refuses with ParseError or returns clean text: NFC, no control characters
but newline and tab, no private-use code points, and quickly. Each test module names only its base file and
the format-specific snippets worth inserting.
"""

from __future__ import annotations

import random
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence

from hypothesis import strategies as st

from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, Parser, SourceInput

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: Hancom's private-use characters: the HWP/HWPX readers drop or map them
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


@st.composite
def mutated(draw: st.DrawFn, base: bytes, snippets: Sequence[bytes] = ()) -> bytes:
    """`base` with up to six bytes set, runs deleted, bytes (or format-specific snippets) inserted, or a cut."""
    data = bytearray(base)
    inserts = st.binary(min_size=1, max_size=32)
    if snippets:
        inserts = st.one_of(inserts, st.sampled_from(list(snippets)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data) - 1))
        operation = draw(st.sampled_from(["set", "delete", "insert", "truncate"]))
        if operation == "set":
            data[position] = draw(st.integers(0, 255))
        elif operation == "delete":
            del data[position : position + draw(st.integers(1, 64))]
        elif operation == "insert":
            data[position:position] = draw(inserts)
        else:
            del data[position:]
        if not data:
            break
    return bytes(data)


def flipped_bytes(original: bytes, rng: random.Random, max_flips: int) -> bytes:
    """A copy with 1..max_flips bytes set at random (seeded: the same mutations every run)."""
    data = bytearray(original)
    for _ in range(rng.randint(1, max_flips)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def assert_clean_text(text: str, private_use: bool = True) -> None:
    assert unicodedata.is_normalized("NFC", text)
    assert not _CONTROLS.search(text), repr(text)
    if not private_use:
        assert not _PRIVATE_USE.search(text), repr(text)


def parse_or_refuse(
    parser: Parser, name: str, data: bytes, seconds: float = 5.0, private_use: bool = True
) -> list[ParsedDocument]:
    """The documents, or [] when the parser refused with ParseError; anything else escaping fails the test."""
    source = SourceInput(name, data)
    started = time.monotonic()
    parser.score(source)
    try:
        documents = parser.parse(source)
    except ParseError:
        documents = []
    assert time.monotonic() - started < seconds
    for document in documents:
        for text in _texts(document):
            assert_clean_text(text, private_use)
    return documents


def _texts(document: ParsedDocument) -> Iterable[str]:
    yield document.body
    yield document.title or ""
    yield from (attachment.name for attachment in document.attachments)
