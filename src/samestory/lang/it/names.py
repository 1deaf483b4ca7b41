"""Name resources for 'it': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    # Nouns that head an organisation's name, often in lower case after a capitalised
    # adjective or before lower-case ones (see `analyse.langrules.org_extent`).
    "org_lower_case_words": "after",
    "org_cues": [
        "commissione",
        "organizzazione",
        "ministero",
        "banca",
        "agenzia",
        "ufficio",
        "consiglio",
        "governo",
        "parlamento",
        "società",
        "unione",
        "fondo",
        "tribunale",
        "università",
        "partito",
        "federazione",
    ],
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
    # The nations of a state, which Babel's territories leave out.
    "country_names": {
        "Inghilterra": "GB",
        "Scozia": "GB",
        "Galles": "GB",
        "Olanda": "NL",
    },
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
