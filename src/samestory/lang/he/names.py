"""Name resources for 'he': titles, organisation cues, function words, places (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [
        "נשיא",
        "ראש",
        "העיר",
        "הממשלה",
        'המנכ"ל',
        "המנכ״ל",
        'מנכ"ל',
        "שר",
        "הנשיא",
        "שרת",
        # spokespeople and feminine forms: "הדוברת מרתה נובאק", "המנכ״לית"
        "דובר",
        "דוברת",
        'מנכ"לית',
        "מנכ״לית",
        "השר",
        "השרה",
        'יו"ר',
        "יו״ר",
    ],
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
        "על",
        "תשקיע",
        "הבטיחה",
        "נשיא",
        "בשווי",
        "אתמול",
        "היום",
    ],
    "demonyms": {"הרוסי": "RU", "הטורקי": "TR", "הספרדי": "ES"},
    "city_names": {
        "וורשה": "Warsaw",
        "סוצ'י": "Sochi",
        "ולנסיה": "Valencia",
        "ורשה": "Warsaw",
        "מוסקבה": "Moscow",
        "איסטנבול": "Istanbul",
        "טהרן": "Tehran",
    },
}
