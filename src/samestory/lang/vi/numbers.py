"""Number words for 'vi': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9},
    "currencies": {
        "usd": "USD",
        "đô la": "USD",
        "đô-la": "USD",
        "euro": "EUR",
        "đồng": "VND",
        "nhân dân tệ": "CNY",
    },
    "percent": ("phần trăm",),
    "approximators": ("khoảng", "gần", "hơn", "ít nhất"),
}
NUMBERS["words"] = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
NUMBERS["durations"] = {"ngày": 86400.0, "giờ": 3600.0, "tiếng": 3600.0, "phút": 60.0}
