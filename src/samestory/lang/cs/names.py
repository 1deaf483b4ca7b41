"""Name resources for 'cs': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    # Nouns that head an organisation's name, often in lower case after a capitalised
    # adjective or before lower-case ones (see `analyse.langrules.org_extent`).
    "org_lower_case_words": "before",
    "org_cues": [
        "komise",
        "organizace",
        "ministerstvo",
        "banka",
        "agentura",
        "úřad",
        "rada",
        "vláda",
        "parlament",
        "společnost",
        "svaz",
        "fond",
        "soud",
        "univerzita",
        "strana",
        "unie",
    ],
    # Case endings of masculine names cut to the base form ("Erdoganem" -> "Erdogan"):
    # instrumental and dative; see `analyse.nameforms`.
    "case_endings": ["em", "ovi"],
    "titles": [
        "prezident",
        "prezidentem",
        "premiér",
        "ministr",
        "starostka",
        "starosta",
        "ředitel",
        "generální",
    ],
    "demonym_stems": {
        "rusk": "RU",
        "tureck": "TR",
        "spanelsk": "ES",
        "francouzsk": "FR",
        "nemeck": "DE",
        "polsk": "PL",
        "ukrajinsk": "UA",
        "americk": "US",
        "cinsk": "CN",
    },
}
