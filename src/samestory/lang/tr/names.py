"""Name resources for 'tr': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

# Country words are listed as titles: the capitalisation rules glue "Rusya Devlet Başkanı"
# to the name after it, and a title is what they cut.
NAMES: dict[str, Any] = {
    # A case suffix follows a proper noun after an apostrophe ("Soçi'de"): it ends the name.
    "apostrophe_suffix": True,
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
