"""Name resources for 'he': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": ["נשיא", "ראש הממשלה", "ראש העיר", 'המנכ"ל', "המנכ״ל", "שר החוץ", "שר", "הנשיא"],
    "org_cues": ["הנציבות", "ארגון", "משרד", "בנק", "מועצת"],
    "function_words": [
        "נפגש",
        "עם",
        "ביום",
        "של",
        "את",
        "כך",
        "אמר",
        "מסרה",
        "ב",
        "על",
        "תשקיע",
        "הבטיחה",
    ],
    "demonyms": {"הרוסי": "RU", "הטורקי": "TR", "הספרדי": "ES"},
    "city_names": {"סוצ'י": "Sochi", "מוסקבה": "Moscow", "איסטנבול": "Istanbul", "טהרן": "Tehran"},
}
