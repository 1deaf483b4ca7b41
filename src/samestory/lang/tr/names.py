"""Name resources for 'tr': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [
        "rusya",
        "türkiye",
        "devlet",
        "başkanı",
        "cumhurbaşkanı",
        "belediye",
        "bakan",
        "başbakan",
        "ceo",
    ],
    "demonym_stems": {},
}
