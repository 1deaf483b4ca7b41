"""Number words for 'ar': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ",\u066c",
    "decimal": ".\u066b",
    "scales": {"ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9},
    "currencies": {
        "دولار": "USD",
        "دولارا": "USD",
        "يورو": "EUR",
        "روبل": "RUB",
        "ليرة": "TRY",
        "ريال": "SAR",
        "جنيه": "EGP",
    },
    "percent": ("في المئة", "في المائة", "بالمئة", "بالمائة"),
    "approximators": ("نحو", "حوالي", "قرابة", "أكثر من", "ما لا يقل عن"),
}
NUMBERS["words"] = {
    "اثنتين": 2,
    "ثلاث": 3,
    "أربع": 4,
    "خمس": 5,
    "ست": 6,
    "سبع": 7,
    "ثماني": 8,
    "تسع": 9,
    "عشر": 10,
    # masculine forms (with a feminine noun-class ending), as before "أيام": "ثلاثة أيام"
    "اثنان": 2,
    "ثلاثة": 3,
    "أربعة": 4,
    "خمسة": 5,
    "ستة": 6,
    "سبعة": 7,
    "ثمانية": 8,
    "تسعة": 9,
    "عشرة": 10,
}
NUMBERS["durations"] = {
    "أيام": 86400.0,
    "يوما": 86400.0,
    "ساعات": 3600.0,
    "ساعة": 3600.0,
    "دقيقة": 60.0,
    "دقائق": 60.0,
}
