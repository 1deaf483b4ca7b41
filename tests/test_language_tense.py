"""Issue #17, session 14: a bare weekday's direction (the coming one or the last one) and
bare months in ar, he, fa, ru, uk, tr, vi, zh, ja, ko. Fast: rules only, no model."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.cjktense import cjk_tense
from samestory.analyse.dates import extract_dates

PUB = dt.date(2026, 11, 18)  # a Wednesday: the last Friday is 11-13, the coming one 11-20
LAST_FRI, NEXT_FRI, LAST_THU = "2026-11-13", "2026-11-20", "2026-11-12"


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "Выставка откроется в пятницу и продлится 90 дней.", NEXT_FRI),
        ("ru", "Выставка открылась в пятницу.", LAST_FRI),
        ("uk", "Виставка відкриється в п'ятницю і триватиме 90 днів.", NEXT_FRI),
        ("uk", "Виставка відкрилася в п'ятницю.", LAST_FRI),
        ("tr", "Sergi cuma günü açılacak ve 90 gün sürecek.", NEXT_FRI),
        ("tr", "Sergi cuma günü açıldı.", LAST_FRI),
        ("vi", "Triển lãm sẽ khai mạc vào thứ Sáu.", NEXT_FRI),
        ("vi", "Triển lãm đã khai mạc vào thứ Sáu.", LAST_FRI),
        ("ar", "وسيفتتح المعرض يوم الجمعة ويستمر 90 يوما.", NEXT_FRI),
        ("ar", "وافتتح المعرض يوم الجمعة.", LAST_FRI),
        # "سيول" (Seoul) has the shape of a future verb but is a city
        ("ar", "افتتح معرض في سيول يوم الجمعة.", LAST_FRI),
        ("he", "התערוכה תיפתח ביום שישי ותימשך 90 יום.", NEXT_FRI),
        # the passive past begins with "נ": not a future
        ("he", "השר נפגש ביום שישי עם השגריר.", LAST_FRI),
        # a name of the future's shape far from the weekday is not a verb
        ("he", "שריפה פרצה ביום שישי ונמשכה 12 שעות, כך מסר הדובר יאניס פטרו.", LAST_FRI),
        ("fa", "نمایشگاه روز جمعه گشایش می‌یابد و ۹۰ روز ادامه دارد.", NEXT_FRI),
        ("fa", "نمایشگاه روز جمعه افتتاح خواهد شد.", NEXT_FRI),
        ("fa", "نمایشگاه روز جمعه افتتاح شد.", LAST_FRI),
        ("zh", "展览将于周五开幕，为期90天。", NEXT_FRI),
        ("zh", "台风周四袭击马尼拉，造成14人死亡。", LAST_THU),
        ("ja", "展覧会は金曜日に開幕し、90日間開かれる。", NEXT_FRI),
        ("ja", "台風が木曜日にマニラを襲ったと述べた。", LAST_THU),
        ("ko", "전시회는 금요일에 개막해 90일 동안 열린다.", NEXT_FRI),
        ("ko", "태풍이 목요일 마닐라를 강타했다고 밝혔다.", LAST_THU),
    ],
)
def test_weekday_tense(lang: str, text: str, want: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В сентябре похожая выставка собрала 400 000 посетителей."),
        ("ar", "وفي سبتمبر جذب معرض مماثل 400 ألف زائر."),
        ("he", "בספטמבר משכה תערוכה דומה 400,000 מבקרים."),
    ],
)
def test_bare_month(lang: str, text: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == ["2026-09"]


def test_hebrew_director_is_not_may() -> None:
    # "במאי" alone is also "the director": it needs a cue ("בחודש מאי")
    assert extract_dates("במאי הסרט אמר", "he", PUB) == []


def test_cjk_tense_without_cue() -> None:
    text = "周五，展览开幕"
    assert cjk_tense(text, 0, 2) is None


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("ar", "وأرسل الصليب الأحمر واليونيسف 80 متطوعا.", ["الصليب الأحمر", "اليونيسف"]),
        ("he", "הצלב האדום ויוניסף שלחו 80 מתנדבים.", ["הצלב האדום", "יוניסף"]),
        ("fa", "صلیب سرخ و یونیسف ۸۰ داوطلب فرستادند.", ["صلیب سرخ", "یونیسف"]),
        ("zh", "红十字会和联合国儿童基金会派出80名志愿者。", ["红十字会", "联合国儿童基金会"]),
        ("ja", "赤十字とユニセフは80人のボランティアを送った。", ["赤十字", "ユニセフ"]),
        ("ko", "적십자와 유니세프는 자원봉사자 80명을 보냈다.", ["적십자", "유니세프"]),
    ],
)
def test_world_orgs(lang: str, text: str, surface: list[str]) -> None:
    from samestory.analyse.worldorgs import world_org_mentions

    found = world_org_mentions(text, lang)
    assert [m.text for m in found] == surface
    assert {m.canonical for m in found} == {"Red Cross", "UNICEF"}
    assert all(text[m.start : m.end] == m.text for m in found)


def test_world_orgs_merge_replaces_a_guess_and_yields_to_a_place() -> None:
    from samestory.analyse.worldorgs import merge_world_orgs
    from samestory.models import Mention

    text = "وافق صندوق النقد الدولي في نيروبي"
    guess = Mention("صندوق النقد", "PERSON", "x", "person:x", 5, 16)
    place = Mention("نيروبي", "LOC", "Nairobi", "geo:city:1", 27, 33)
    merged = merge_world_orgs([guess, place], text, "ar")
    assert [(m.label, m.canonical) for m in merged] == [
        ("ORG", "International Monetary Fund"), ("LOC", "Nairobi"),
    ]  # fmt: skip
    assert merge_world_orgs([place], "لا شيء هنا", "ar") == [place]


def test_world_orgs_need_a_word_boundary_in_spaced_scripts() -> None:
    from samestory.analyse.worldorgs import world_org_mentions

    # "ناتو" inside a longer word is no NATO
    assert world_org_mentions("کاناتوها", "fa") == []


def _persons(text: str, lang: str) -> list[str]:
    from samestory.analyse.entities import extract_mentions

    return [m.text for m in extract_mentions(text, lang) if m.label == "PERSON"]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ar", "بحسب ما قالت أمينة المعرض كلير دوبوا في باريس.", "كلير دوبوا"),
        ("he", "כך אמרה האוצרת קלייר דובואה בפריז.", "קלייר דובואה"),
        ("fa", "آنا کلر، رئیس هیئت، در نایروبی اعلام کرد.", "آنا کلر"),
        ("ko", "클레르 뒤부아 큐레이터는 파리에서 말했다.", "클레르 뒤부아"),
        # a preposition on the article opens the next phrase: not part of the name
        ("ar", "ورحب وزير المالية الكيني دانيال أوتينو بالقرار.", "دانيال أوتينو"),
    ],
)
def test_roles_before_and_after_names(lang: str, text: str, name: str) -> None:
    assert name in _persons(text, lang)


def test_arabic_finance_is_not_mali() -> None:
    from samestory.analyse.entities import extract_mentions

    text = "ورحب وزير المالية الكيني دانيال أوتينو بالقرار."
    assert [m.canonical for m in extract_mentions(text, "ar") if m.label == "LOC"] == ["Kenya"]


def test_vietnamese_museum_is_an_organisation() -> None:
    from samestory.analyse.entities import extract_mentions

    text = "Bảo tàng Louvre sẽ cho một bảo tàng ở Seoul mượn 120 bức tranh."
    orgs = [m.text for m in extract_mentions(text, "vi") if m.label == "ORG"]
    assert orgs == ["Bảo tàng Louvre"]


JAN = dt.date(2027, 1, 20)  # in January the nearest May is the coming one; "last May" is not


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("tr", "geçen mayıs ayında", "2026-05"),
        ("tr", "geçen yıl mayıs ayında", "2026-05"),
        ("uk", "минулого травня", "2026-05"),
        ("uk", "у травні минулого року", "2026-05"),
        ("ru", "в мае прошлого года", "2026-05"),
        ("vi", "tháng 5 năm ngoái", "2026-05"),
        ("ar", "في مايو الماضي", "2026-05"),
        ("fa", "ماه مه گذشته", "2026-05"),
        ("fa", "مه سال گذشته", "2026-05"),
        ("he", "במאי האחרון", "2026-05"),
        ("zh", "去年5月与西班牙签署了协议", "2026-05"),
        ("ja", "昨年5月、協定を結んだ", "2026-05"),
        ("ko", "지난해 5월 협정을 체결했다", "2026-05"),
        # without a modifier: the nearest May
        ("ru", "в мае", "2027-05"),
        ("zh", "5月", "2027-05"),
    ],
)
def test_last_may(lang: str, text: str, want: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, JAN)] == [want]


def test_last_weekday_by_modifier() -> None:
    assert [d.canonical for d in extract_dates("يوم الاثنين الماضي", "ar", JAN)] == ["2027-01-18"]
