"""Name resources for 'ja': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": ["大統領", "首相", "氏", "市長", "最高経営責任者", "外相", "国王"],
    "org_cues": [],
    "function_words": [],
    "demonyms": {},
    "city_names": {
        "ソチ": "Sochi",
        "バレンシア": "Valencia",
        "ワルシャワ": "Warsaw",
        "モスクワ": "Moscow",
        "イスタンブール": "Istanbul",
        "テヘラン": "Tehran",
        "キーウ": "Kyiv",
    },
}
