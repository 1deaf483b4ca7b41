"""Name resources for 'fa': titles, organisation cues, function words, places (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [],
    "titles_after": [
        "رئیس\u200cجمهور",
        "رئیس جمهور",
        "نخست\u200cوزیر",
        "وزیر",
        "شهردار",
        "مدیرعامل",
        # spokesperson, with and without the ezafe: "یانیس پترو، سخنگوی …"
        "سخنگوی",
        "سخنگو",
        # the other roles news puts after a name: "آنا کلر، رئیس هیئت" (head of the mission),
        # "کلر دوبوآ، متصدی نمایشگاه" (the curator), ambassadors, experts, envoys
        "رئیس",
        "متصدی",
        "مدیر",
        "سفیر",
        "فرمانده",
        "استاد",
        "کارشناس",
        "رهبر",
        "دبیرکل",
        "نماینده",
        "مربی",
        "سرپرست",
    ],
    # "according to": a name follows, up to its comma ("به گفته سارا لیندکویست، …")
    "name_openers": ["به گفته"],
    # prepositions of place: a city after one may be known by its sound
    "locatives": ["در", "از", "به", "تا"],
    "org_cues": ["کمیسیون", "سازمان", "وزارت", "بانک", "شورای"],
    "org_after": ["مدیرعامل", "شرکت", "خودروساز"],
    # between the company word and the name: "شرکت دولتی کودلکو" (the state company)
    "org_modifiers": ["دولتی"],
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
        "گفته",
        # generic nouns of place: "در شهر …"
        "شهر",
        "بندر",  # a port ("بندر مومباسا"), not Bender
        "استان",
        "کشور",
        "اعلام",
        "دیدار",
        "کرد",
        # "شرکت کردند" (took part): "شرکت" is a company and the verb "to take part"
        "کردند",
        "کند",
        "کنند",
        "کرده",
        "سیل",
        "وعده",
        "کمک",
        # time words and an adjective between a cue and a name ("شرکت دولتی کودلکو", "هفته‌ای")
        "هفته‌ای",
        "سال",
        "گذشته",
        "پیش",
        "دیروز",
        "دولتی",
        "سالانه",
        "روزانه",
    ],
    "demonyms": {},
    "city_names": {
        "سوچی": "Sochi",
        "والنسیا": "Valencia",
        "ورشو": "Warsaw",
        "مسکو": "Moscow",
        "تهران": "Tehran",
        "کی\u200cیف": "Kyiv",
        "باکو": "Baku",
    },
}
