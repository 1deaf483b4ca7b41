"""Name resources for 'it': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "function_words": ["il", "la"],
    "titles": [
        "presidente",
        "sindaca",
        "sindaco",
        "ministro",
        "premier",
        "amministratore",
        "delegato",
    ],
    "demonym_stems": {
        "russ": "RU",
        "turc": "TR",
        "spagnol": "ES",
        "frances": "FR",
        "tedesc": "DE",
        "polacc": "PL",
        "ucrain": "UA",
        "american": "US",
        "cines": "CN",
    },
}
