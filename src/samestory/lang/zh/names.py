"""Name resources for 'zh': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "company_titles": ["首席执行官", "首席", "董事长", "总裁"],
    "titles": ["总统", "总理", "市长", "首席执行官", "主席", "部长", "外长", "国王", "首相"],
    "org_cues": [],
    "function_words": ["在", "于", "表示", "会见", "的", "与", "和", "说", "称", "是", "将"],
    "demonyms": {},
    "city_names": {
        "索契": "Sochi",
        "瓦伦西亚": "Valencia",
        "华沙": "Warsaw",
        "莫斯科": "Moscow",
        "伊斯坦布尔": "Istanbul",
        "德黑兰": "Tehran",
        "基辅": "Kyiv",
        "巴库": "Baku",
        "安卡拉": "Ankara",
        # not in geonames' or CLDR's Chinese names (session 16, from heldout2)
        "图卢兹": "Toulouse",
    },
}
