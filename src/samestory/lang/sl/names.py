"""Name resources for 'sl': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    # Case endings of masculine names cut to the base form ("Erdoganem" -> "Erdogan"):
    # instrumental and dative; see `analyse.nameforms`.
    "case_endings": ["om", "em", "ovi"],
    "titles": [
        "predsednik",
        "predsednikom",
        "premier",
        "minister",
        "županja",
        "župan",
        "direktor",
        "izvršni",
    ],
    "demonym_stems": {
        "rusk": "RU",
        "tursk": "TR",
        "spansk": "ES",
        "francosk": "FR",
        "nemsk": "DE",
        "poljsk": "PL",
        "ukrajinsk": "UA",
        "americk": "US",
        "kitajsk": "CN",
    },
}
