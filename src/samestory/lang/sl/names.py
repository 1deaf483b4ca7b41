"""Name resources for 'sl': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    # Nouns that head an organisation's name, often in lower case after a capitalised
    # adjective or before lower-case ones (see `analyse.langrules.org_extent`).
    "org_lower_case_words": "before",
    "org_cues": [
        "komisija",
        "organizacija",
        "ministrstvo",
        "banka",
        "agencija",
        "urad",
        "svet",
        "vlada",
        "parlament",
        "družba",
        "zveza",
        "sklad",
        "sodišče",
        "univerza",
        "stranka",
        "unija",
    ],
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
