"""Name resources for 'tr': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

# Country words are listed as titles: the capitalisation rules glue "Rusya Devlet Başkanı"
# to the name after it, and a title is what they cut.
NAMES: dict[str, Any] = {
    # Case suffixes of place (locative, ablative, dative, "-deki") written after a proper
    # noun and an apostrophe ("Soçi'de"): such a place ends the name before it.
    "place_suffixes": [
        "de",
        "da",
        "te",
        "ta",
        "den",
        "dan",
        "ten",
        "tan",
        "e",
        "a",
        "ye",
        "ya",
        "deki",
        "daki",
        "teki",
        "taki",
        "ne",
        "na",
        "nde",
        "nda",
        "nden",
        "ndan",
    ],
    "titles": [
        "rusya",
        "türkiye",
        "devlet",
        "başkanı",
        "cumhurbaşkanı",
        "belediye",
        "bakan",
        "bakanı",
        # the ministries a "Bakanı" heads: "İçişleri Bakanı Ali Yerlikaya"
        "içişleri",
        "dışişleri",
        "maliye",
        "savunma",
        "adalet",
        "sağlık",
        "ticaret",
        "enerji",
        "başbakan",
        "başbakanı",
        "ceo",
    ],
    # "Yunanistan Başbakanı Kiryakos Miçotakis": a country, its office, the name
    "country_before_title": True,
    "demonym_stems": {},
    # "-lı" after the country's name ("Etiyopyalı", "Kenyalı"), folded, vowel harmony
    "demonym_suffixes": ("li", "lu"),
}
