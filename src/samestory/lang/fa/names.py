"""Name resources for 'fa': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": ["رئیس\u200cجمهور", "رئیس جمهور", "نخست\u200cوزیر", "وزیر", "شهردار", "مدیرعامل"],
    "org_cues": ["کمیسیون", "سازمان", "وزارت", "بانک", "شورای"],
    "function_words": [
        "در",
        "از",
        "به",
        "با",
        "که",
        "را",
        "و",
        "این",
        "روز",
        "اعلام",
        "دیدار",
        "کرد",
    ],
    "demonyms": {},
    "city_names": {
        "سوچی": "Sochi",
        "والنسیا": "Valencia",
        "مسکو": "Moscow",
        "تهران": "Tehran",
        "کی\u200cیف": "Kyiv",
        "باکو": "Baku",
    },
}
