"""Chinese, Japanese and Korean names and places chosen in session 16 (issue #17)."""

from __future__ import annotations

import pytest

from samestory.analyse.personnames import name_tokens, person_key
from samestory.analyse.scriptnames import script_mentions
from samestory.lang.coverage import pack_installed


def _got(text: str, language: str) -> dict[str, str]:
    return {m.text: m.label for m in script_mentions(text, language)}


def _places(text: str, language: str) -> list[str]:
    return [m.canonical for m in script_mentions(text, language) if m.label == "LOC"]


def test_korean_athlete_and_company_kinds() -> None:
    got = _got("케냐의 메리 와웨루 선수가 일요일 우승했다.", "ko")
    assert got.get("메리 와웨루") == "PERSON"
    assert _got("독일 제조사 보쉬가 새 공장을 짓는다.", "ko").get("보쉬") == "ORG"
    # a kind with a particle closes its phrase: no company after it
    assert "ORG" not in _got("그 제조사는 공장을 짓는다.", "ko").values()


def test_korean_company_before_its_head() -> None:
    got = _got("노키아의 페카 룬드마크 최고경영자는 말했다.", "ko")
    assert got.get("노키아") == "ORG" and got.get("페카 룬드마크") == "PERSON"
    # a place before the head is a place, not a company
    assert "ORG" not in _got("핀란드의 페카 룬드마크 최고경영자는 말했다.", "ko").values()


def test_korean_places_listed_and_before_and() -> None:
    assert _places("지진은 이즈미르에서 발생했다.", "ko") == ["İzmir"]
    assert "Doha" in _places("노선은 도하와 리마를 잇는다.", "ko")


@pytest.mark.skipif(not pack_installed("ja"), reason="the ja pack (fugashi) is not installed")
def test_japanese_places_by_mecab_tag_and_no_dotted_place_person() -> None:
    assert _places("専門家が京都に集まった。", "ja") == ["Kyoto"]
    got = _got("選手はハンブルク・マラソンで優勝した。", "ja")
    assert "PERSON" not in got.values() and _places("ハンブルク・マラソンで", "ja") == ["Hamburg"]


def test_japanese_companies_by_head_kind_and_museum() -> None:
    got = _got("ノキアのペッカ・ルンドマルク最高経営責任者は述べた。", "ja")
    assert got.get("ノキア") == "ORG" and got.get("ペッカ・ルンドマルク") == "PERSON"
    assert _got("電機メーカーの東西電機が発表した。", "ja").get("東西電機") == "ORG"
    assert _got("ルーブル美術館が貸し出す。", "ja").get("ルーブル美術館") == "ORG"
    assert "ORG" not in _got("絵画をソウルの美術館に貸し出す。", "ja").values()


def test_chinese_company_after_its_kind_and_airline_of_a_place() -> None:
    got = _got("丹麦航运公司马士基将于明年开设码头。", "zh")
    assert got.get("马士基") == "ORG" and got.get("丹麦") == "LOC"
    assert "丹麦航运公司" not in got
    got = _got("卡塔尔航空周六将开通新航线。", "zh")
    assert got.get("卡塔尔航空") == "ORG" and "LOC" not in got.values()
    assert _places("飞机从图卢兹出发。", "zh") == ["Toulouse"]


def test_dotted_names_have_parts() -> None:
    assert len(name_tokens("ティギスト・アレム")) == 2
    assert person_key("蒂吉斯特·阿莱穆") == person_key("阿莱穆·蒂吉斯特")


def test_chinese_without_jieba_kind_orgs_and_long_place_names() -> None:
    from samestory.analyse.hannames import zh_kind_orgs_plain
    from samestory.analyse.hanplaces import han_place_pattern

    spans, kinds = zh_kind_orgs_plain("丹麦航运公司马士基将于明年开设码头。")
    assert [s[3] for s in spans] == ["马士基"] and kinds == {6}
    # a verb or a time word after the kind is no name
    assert zh_kind_orgs_plain("国有企业智利国家铜业公司表示，该公司每周将运营3个航班。")[0] == []
    assert [m.group() for m in han_place_pattern().finditer("在蒙巴萨港和汉堡")] == ["蒙巴萨"]
