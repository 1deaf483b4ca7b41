"""Chinese places as written (analyse/hanplaces.py): cities and provinces by jieba word."""

from __future__ import annotations

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.hanplaces import han_places


def test_han_names_of_cities_and_provinces() -> None:
    han = han_places()
    assert han["武汉"].name == "Wuhan" and han["石家庄"].name == "Shijiazhuang"
    assert han["湖北"] == han["湖北省"] and han["湖北"].key.startswith("geo:region:cn-")


def test_chinese_article_places_are_found_as_whole_words() -> None:
    pytest.importorskip("jieba")
    text = "话剧巡演来到张家口和石家庄。武汉的医生回到湖北以外的地区。"
    places = {m.canonical for m in extract_mentions(text, "zh") if m.label == "LOC"}
    assert {"Zhangjiakou", "Shijiazhuang", "Wuhan"} <= places
    assert any(p.startswith("Hubei") for p in places)
