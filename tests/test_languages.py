"""Issue #17 languages: dates, numbers, names and places outside en/fr/de/es (fast, no models
except the optional packs, skipped when not installed)."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.dates import extract_dates
from samestory.analyse.entities import extract_mentions
from samestory.analyse.quantities import extract_quantities
from samestory.lang.coverage import coverage_note, pack_installed

PUB = dt.date(2026, 3, 4)  # a Wednesday: "Monday" is 2026-03-02


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Путин в понедельник встретился с Эрдоганом."),
        ("uk", "Путін у понеділок зустрівся з Ердоганом."),
        ("ar", "التقى بوتين يوم الاثنين بأردوغان."),
        ("fa", "پوتین روز دوشنبه با اردوغان دیدار کرد."),
        ("he", "פוטין נפגש ביום שני עם ארדואן."),
        ("zh", "普京周一会见了埃尔多安。"),
        ("ja", "プーチン大統領は月曜日、エルドアン大統領と会談した。"),
        ("ko", "푸틴 대통령은 월요일 에르도안 대통령과 만났다."),
        ("tr", "Putin pazartesi günü Erdoğan ile görüştü."),
        ("pl", "Putin spotkał się w poniedziałek z Erdoganem."),
        ("vi", "Putin đã gặp Erdogan vào thứ Hai."),
    ],
)
def test_monday_resolves_against_publication(lang: str, text: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == ["2026-03-02"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "поставки газа на 2,5 млрд долларов"),
        ("uk", "постачання газу на 2,5 млрд доларів"),
        ("ar", "إمدادات غاز بقيمة 2.5 مليار دولار"),
        ("fa", "گاز به ارزش ۲.۵ میلیارد دلار"),
        ("he", "אספקת גז בשווי 2.5 מיליארד דולר"),
        ("zh", "价值25亿美元的天然气"),
        ("ja", "25億ドル規模のガス供給"),
        ("ko", "25억 달러 규모의 가스"),
        ("tr", "2,5 milyar dolar değerindeki doğal gaz"),
        ("cs", "plynu v hodnotě 2,5 miliardy dolarů"),
    ],
)
def test_scaled_money(lang: str, text: str) -> None:
    assert [q.canonical for q in extract_quantities(text, lang)] == ["2.5e+09 USD"]


def test_cjk_hours_and_dates() -> None:
    zh = "会谈持续了四个小时。2026年1月15日"
    assert [q.canonical for q in extract_quantities(zh, "zh")] == ["4 h"]
    assert [d.canonical for d in extract_dates(zh, "zh", PUB)] == ["2026-01-15"]


def test_arabic_names_and_places_cross_script() -> None:
    text = "التقى الرئيس الروسي فلاديمير بوتين في سوتشي بالرئيس التركي رجب طيب أردوغان."
    ms = extract_mentions(text, "ar")
    people = {m.canonical for m in ms if m.label == "PERSON"}
    places = {m.canonical for m in ms if m.label == "LOC"}
    assert people == {"Vladimir Putin", "Recep Tayyip Erdogan"}
    assert {"Russia", "Sochi", "Turkey"} <= places


def test_russian_case_endings_lemmatised() -> None:
    pytest.importorskip("pymorphy3")
    if not pack_installed("ru"):
        pytest.skip("ru pack not installed")
    text = (
        "Президент России Владимир Путин встретился в Сочи "
        "с президентом Турции Реджепом Тайипом Эрдоганом."
    )
    ms = extract_mentions(text, "ru")
    assert {m.canonical for m in ms if m.label == "PERSON"} == {
        "Vladimir Putin", "Recep Tayyip Erdogan"
    }  # fmt: skip
    assert {m.canonical for m in ms if m.label == "LOC"} == {"Russia", "Sochi", "Turkey"}


def test_chinese_places_and_titled_names() -> None:
    pytest.importorskip("jieba")
    ms = extract_mentions("俄罗斯总统普京周一在索契会见了土耳其总统埃尔多安。", "zh")
    assert {"Russia", "Sochi", "Turkey"} <= {m.canonical for m in ms if m.label == "LOC"}
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= {
        m.canonical for m in ms if m.label == "PERSON"
    }


def test_coverage_notes() -> None:
    assert coverage_note("en") is None
    assert "no name, date or number rules" in (coverage_note("sw") or "")
    if not pack_installed("zh"):
        assert "samestory[cjk]" in (coverage_note("zh") or "")


def test_one_person_across_scripts_links_to_one_key() -> None:
    from samestory.analyse.aliases import link_entities

    ar = extract_mentions(
        "التقى الرئيس الروسي فلاديمير بوتين بالرئيس التركي رجب طيب أردوغان.", "ar"
    )
    he = extract_mentions("נשיא רוסיה ולדימיר פוטין נפגש עם נשיא טורקיה רג'פ טאיפ ארדואן.", "he")
    ko = extract_mentions(
        "블라디미르 푸틴 러시아 대통령은 에르도안 튀르키예 대통령과 만났다.", "ko"
    )
    linked = link_entities([ar, he, ko])
    keys = [{m.key for m in ms if m.label == "PERSON"} for ms in linked]
    assert keys[0] == keys[1] == keys[2] and len(keys[0]) == 2
    places = [{m.key for m in ms if m.label == "LOC"} for ms in linked]
    assert places[0] == places[1] == places[2]


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        ("zh", "会见了埃尔多安。会谈持续了四个小时！价值多少？", 3),
        ("ja", "会談は4時間に及んだ。両首脳は協議した！", 2),
        ("ar", "التقى بوتين بأردوغان. واستمرت المحادثات أربع ساعات؟ نعم!", 3),
        ("he", "נפגש עם ארדואן. השיחות נמשכו ארבע שעות?", 2),
    ],
)
def test_sentences_in_other_scripts(lang: str, text: str, n: int) -> None:
    from samestory.analyse.sentences import split_sentences

    assert len(split_sentences(text, lang)) == n


def test_language_outside_the_list_degrades_to_places() -> None:
    ms = extract_mentions("रूसी राष्ट्रपति ने सोमवार को सोची में मुलाकात की। मास्को में बैठक", "hi")
    assert "Sochi" in {m.canonical for m in ms if m.label == "LOC"}
    assert extract_mentions("ปูตินพบกับแอร์โดอันที่โซชีเมื่อวันจันทร์", "th") == []


def test_inflected_places_in_latin_script_languages() -> None:
    pl = extract_mentions("Fabryka powstanie w Warszawie, poinformował prezes.", "pl")
    cs = extract_mentions("Setkali se ve Varšavě s ruským ministrem.", "cs")
    assert "Warsaw" in {m.canonical for m in pl if m.label == "LOC"}
    assert {"Warsaw", "Russia"} <= {m.canonical for m in cs if m.label == "LOC"}


@pytest.mark.parametrize("lang", ["ru", "uk", "zh", "ja", "ko", "ar", "fa", "he", "hi"])
@pytest.mark.parametrize("text", ["", "2026", "!!! ... ؟", "Siemens AG 40 %", "a\n\nb"])
def test_odd_input_never_raises(lang: str, text: str) -> None:
    extract_mentions(text, lang)
    extract_dates(text, lang, PUB)
    extract_quantities(text, lang)


def test_turkish_percent_before_the_number() -> None:
    assert [q.canonical for q in extract_quantities("Satışlar yüzde 20 arttı.", "tr")] == ["20 %"]


def test_analysis_carries_its_coverage_note() -> None:
    from samestory.analyse.pipeline import Pipeline
    from samestory.models import Article

    pipe = Pipeline().without("embeddings", "scorer_embedding")
    a = pipe(Article(id="x", title="", body="Habari ya leo kutoka Nairobi.", language="sw"))
    assert a.coverage is not None and "'sw'" in a.coverage
    assert "Nairobi" in {m.canonical for m in a.mentions if m.label == "LOC"}
