"""JSON from outside: a 200,000-deep manifest is refused with a message, never a RecursionError."""

from __future__ import annotations

import pytest

from esgdesk.core.safe_json import UnsafeJsonError, loads_limited, nesting_depth


def test_ordinary_json_reads() -> None:
    assert loads_limited(b'{"a": [1, {"b": "[[[{"}]}', what="manifest") == {"a": [1, {"b": "[[[{"}]}


def test_brackets_inside_strings_do_not_count() -> None:
    assert nesting_depth('{"x": "[[[[[[\\"]]]"}') == 1


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(UnsafeJsonError, match="nested deeper"):
        loads_limited("[" * 200_000 + "]" * 200_000, what="manifest")


def test_malformed_and_undecodable_are_refused() -> None:
    with pytest.raises(UnsafeJsonError, match="not valid JSON"):
        loads_limited('{"a": ', what="manifest")
    with pytest.raises(UnsafeJsonError, match="not UTF-8"):
        loads_limited(b"\xff\xfe{}", what="manifest")
