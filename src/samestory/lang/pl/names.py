"""Name resources for 'pl': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

# Country words are listed as titles: the capitalisation rules glue "Rusya Devlet Başkanı"
# to the name after it, and a title is what they cut.
NAMES: dict[str, Any] = {
    # Nouns that head an organisation's name, often in lower case after a capitalised
    # adjective or before lower-case ones (see `analyse.langrules.org_extent`).
    "org_lower_case_words": "before",
    "org_cues": [
        "komisja",
        "organizacja",
        "ministerstwo",
        "bank",
        "agencja",
        "urząd",
        "rada",
        "rząd",
        "parlament",
        "spółka",
        "związek",
        "fundusz",
        "sąd",
        "uniwersytet",
        "partia",
        "unia",
    ],
    # Case endings of masculine names cut to the base form ("Erdoganem" -> "Erdogan"):
    # instrumental and dative; see `analyse.nameforms`.
    "case_endings": ["em", "owi"],
    "titles": [
        "rosji",
        "turcji",
        "prezydent",
        "prezydentem",
        "premier",
        "minister",
        "burmistrz",
        "prezes",
    ],
    "demonym_stems": {
        "rosyjsk": "RU",
        "tureck": "TR",
        "hiszpansk": "ES",
        "francusk": "FR",
        "niemieck": "DE",
        "polsk": "PL",
        "ukrainsk": "UA",
        "amerykansk": "US",
        "chinsk": "CN",
    },
}
