"""Name resources for 'pt': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "function_words": ["da", "o", "a"],
    "titles": [
        "presidente",
        "ministro",
        "primeiro-ministro",
        "executivo",
        "câmara",
    ],
    "demonym_stems": {
        "russ": "RU",
        "turc": "TR",
        "espanhol": "ES",
        "frances": "FR",
        "alem": "DE",
        "polac": "PL",
        "ucranian": "UA",
        "american": "US",
        "chines": "CN",
    },
}
