"""Name resources for 'uk': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [
        "президент",
        "прем'єр-міністр",
        "міністр",
        "глава",
        "мер",
        "губернатор",
        "директор",
        "лідер",
        "компанія",
        "концерн",
        "канцлер",
        "король",
        "посол",
        "голова",
        "керівник",
    ],
    "org_cues": [
        "комісія",
        "рада",
        "міністерство",
        "парламент",
        "банк",
        "союз",
        "організація",
        "агентство",
    ],
    "names": {},
}
