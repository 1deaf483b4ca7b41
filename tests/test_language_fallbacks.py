"""Session-15 rules of the script languages: each test fails without its rule."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse import cyrillicnames, scriptnames
from samestory.analyse.cjk import cjk_dates
from samestory.analyse.hannames import han_names, ja_dotted, ja_kind_orgs
from samestory.analyse.quantities import extract_quantities
from samestory.analyse.scriptnames import _place_of, script_mentions
from samestory.analyse.tense import TenseCues, tense_at
from samestory.lang import resource


@pytest.fixture()
def no_morph(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules path of Russian and Ukrainian (pymorphy3 and slovnet absent)."""
    monkeypatch.setattr(cyrillicnames, "morph", lambda language: None)
    monkeypatch.setattr(cyrillicnames, "russian_ner", lambda: None)
    monkeypatch.setattr(scriptnames, "morph", lambda language: None)


def _names(text: str, language: str) -> dict[str, str]:
    return {m.canonical: m.label for m in script_mentions(text, language)}


def test_russian_instrumental_names_and_places_without_morphology(no_morph: None) -> None:
    got = _names("Переговоры с министром труда Чили Лусией Ортегой сорвались.", "ru")
    assert got.get("Лусия Ортега") == "PERSON"
    assert got.get("Chile") == "LOC"
    got = _names("Марокко подписало соглашение с Испанией и Турцией.", "ru")
    assert {"Spain", "Turkey"} <= set(got)


def test_ukrainian_instrumental_and_no_city_inside_a_name(no_morph: None) -> None:
    got = _names("Рейс між Дохою та Лімою, повідомив лідер Пабло Еррера.", "uk")
    assert {"Doha", "Lima"} <= set(got)
    assert "Herrera" not in got
    assert got.get("Пабло Еррера") == "PERSON"


def test_chinese_pointing_phrase_is_no_organisation() -> None:
    found = {s[3] for s in han_names("该公司表示，去年该航空公司运送了乘客。智利国家铜业公司表示")}
    assert "智利国家铜业公司" in found
    assert not any("该" in f for f in found)
    assert {s[3] for s in han_names("工会领导人巴勃罗·埃雷拉表示")} == {"巴勃罗·埃雷拉"}


def test_japanese_minister_field_and_kind_before_name() -> None:
    assert [n for _, _, n in ja_dotted("ユセフ・アムラニ・エネルギー相が")] == ["ユセフ・アムラニ"]
    assert [s[3] for s in ja_kind_orgs("国営企業コデルコは述べた")] == ["コデルコ"]


def test_cjk_bare_year_words() -> None:
    pub = dt.date(2027, 3, 17)
    assert [d.canonical for d in cjk_dates("去年该公司运送了乘客", pub)] == ["2026"]
    assert [d.canonical for d in cjk_dates("生产将于明年开始", pub)] == ["2028"]
    assert [d.canonical for d in cjk_dates("摩洛哥去年5月签署", pub)] == ["2026-05"]


def test_korean_name_after_a_bare_role_word() -> None:
    text = (
        "노조 지도자 파블로 에레라가 산티아고에서 밝혔다. "
        "루시아 오르테가 칠레 노동부 장관과의 협상은 결렬됐다."
    )
    got = _names(text, "ko")
    assert got.get("파블로 에레라") == "PERSON"
    assert got.get("루시아 오르테가") == "PERSON"
    assert "노조" not in got


def test_arabic_clitic_before_a_country_is_checked_on_its_letters() -> None:
    assert _place_of("بابلو", "ar") is None  # Pablo, not "ب" + Palau
    place = _place_of("بتركيا", "ar")
    assert place is not None and place.name == "Turkey"


def test_arabic_title_name_before_a_full_stop() -> None:
    got = _names("قال وزير الطاقة المغربي يوسف العمراني. وستزود المحطة المنازل.", "ar")
    assert got.get("يوسف العمراني") == "PERSON"


def test_turkish_currency_with_case_suffix() -> None:
    got = {q.canonical for q in extract_quantities("Biletler 900 dolardan başlayacak.", "tr")}
    assert "900 USD" in got


def test_vietnamese_numeric_month_is_no_quantity() -> None:
    got = {q.canonical for q in extract_quantities("Việc xây dựng sẽ bắt đầu vào tháng 6.", "vi")}
    assert "6" not in got


def test_turkish_possessive_yields_to_future_suffix() -> None:
    cues = TenseCues.of(resource("tr", "dates", "DATES") or {})
    text = "Qatar Airways cumartesi günü Doha ile Peru'nun başkenti Lima arasında hat açacak."
    start = text.index("cumartesi")
    assert tense_at(text, start, start + len("cumartesi günü"), cues) == "future"
