"""Name resources for 'ko': titles, organisation cues, function words, places."""

from __future__ import annotations

from typing import Any

NAMES: dict[str, Any] = {
    "titles": [],
    "org_cues": [],
    "function_words": [],
    "demonyms": {},
    "city_names": {"발렌시아": "Valencia", "바르샤바": "Warsaw", "모스크바": "Moscow"},
}
