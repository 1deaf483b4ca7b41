"""`json.loads` with a nesting limit: a body of 100,000 `[` would otherwise raise
RecursionError (not a ValueError) from deep inside the decoder.

The depth is measured before decoding, on the text with its strings blanked out, so a
hostile document costs one regular-expression pass and one numpy sum, never a deep
recursion. Too deep is a `json.JSONDecodeError`, which every caller already handles.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

__all__ = ["json_depth", "loads"]

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?')
_OPEN = str.maketrans({"[": "(", "{": "("})
_KEEP = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in `text` (0 for a scalar)."""
    if "[" not in text and "{" not in text:
        return 0
    brackets = _KEEP.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    codes = np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


def loads(text: str | bytes, max_depth: int) -> Any:
    """`json.loads`, refusing (`json.JSONDecodeError`) nesting deeper than `max_depth`."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8")  # UnicodeDecodeError: a ValueError, as json's
    # More opening brackets than the limit is needed to exceed it: most records skip the scan.
    if text.count("[") + text.count("{") > max_depth and json_depth(text) > max_depth:
        raise json.JSONDecodeError(
            f"nested deeper than {max_depth} levels (max_json_depth)", text, 0
        )
    return json.loads(text)
