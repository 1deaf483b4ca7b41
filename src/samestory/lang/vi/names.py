"""Name resources for 'vi': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [
        "nga",
        "thổ",
        "nhĩ",
        "kỳ",
        "tây",
        "ban",
        "nha",
        "tổng",
        "thống",
        "thủ",
        "tướng",
        "thị",
        "trưởng",
        "giám",
        "đốc",
        "cuộc",
        "hai",
        "ủy",
        "doanh",
        "số",
    ],
    "demonym_stems": {},
}
