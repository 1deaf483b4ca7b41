"""Name resources for 'nl': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "function_words": ["de", "het"],
    "titles": ["president", "burgemeester", "minister", "premier", "topman", "het"],
    "demonym_stems": {
        "russisch": "RU",
        "turks": "TR",
        "turkse": "TR",
        "spaans": "ES",
        "spaanse": "ES",
        "frans": "FR",
        "duits": "DE",
        "pools": "PL",
        "poolse": "PL",
        "oekraiens": "UA",
        "amerikaans": "US",
        "chinees": "CN",
        "chinese": "CN",
    },
}
