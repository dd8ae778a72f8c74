"""JSON from outside (bundle manifests, annotation exports, settings others wrote) parsed with limits.

Python's json module recurses once per nesting level, so a manifest nested 200,000 deep raises RecursionError —
a crash instead of a refusal. `loads_limited` measures the nesting first (outside strings) and refuses anything
deeper than any file esgdesk writes, with a message a person can act on.
"""

from __future__ import annotations

import json
from typing import Any

from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _

#: deeper than anything esgdesk writes (its manifests nest four or five levels)
MAX_DEPTH = 64
#: larger than any manifest or export of 100,000 documents' metadata
MAX_BYTES = 512 * 1024 * 1024


class UnsafeJsonError(EsgdeskError):
    """JSON from outside that is malformed, too deep or too large to read safely."""


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def loads_limited(data: str | bytes, *, what: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse `data` (naming it `what` in errors), refusing malformed, oversized or too deeply nested JSON."""
    if len(data) > MAX_BYTES:
        raise UnsafeJsonError(_("{what} is too large to read ({size} bytes)", what=what, size=len(data)))
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise UnsafeJsonError(_("{what} is not UTF-8 text ({error})", what=what, error=error)) from None
    if nesting_depth(text) > max_depth:
        raise UnsafeJsonError(_("{what} is nested deeper than {limit} levels; refused", what=what, limit=max_depth))
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise UnsafeJsonError(_("{what} is not valid JSON ({error})", what=what, error=error)) from None
