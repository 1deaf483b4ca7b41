"""Session-11 rules for Arabic, Hebrew, Korean and Japanese: names next to titles,
clitics, number words (invented sentences; each case failed before the rule it checks,
but for the guards against a new rule's false positives)."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.dates import extract_dates
from samestory.analyse.entities import extract_mentions
from samestory.analyse.quantities import extract_quantities

PUB = dt.date(2026, 6, 10)  # a Wednesday


def _names(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(text, lang) if m.label != "LOC"}


@pytest.mark.parametrize(
    ("lang", "text", "name", "label"),
    [
        # a definite complement after a construct-state title is not part of the name
        ("ar", "قال وزير الخارجية سامي حداد إن المحادثات مستمرة.", "سامي حداد", "PERSON"),
        # two complements (one an unlisted demonym); the article after the name closes it
        ("ar", "زار رئيس الوزراء البرتغالي جواو سيلفا المصنع الجديد.", "جواو سيلفا", "PERSON"),
        # a title under a clitic: "بالمتحدثة"
        ("ar", "والتقى الوفد بالمتحدثة سلمى رشيد أمس.", "سلمى رشيد", "PERSON"),
        # an organisation cue takes its definite words
        ("ar", "أصدرت منظمة التجارة العالمية تقريرا.", "منظمة التجارة العالمية", "ORG"),
        ("he", "כך מסר אתמול שר האוצר דני לוי.", "דני לוי", "PERSON"),
        ("he", "כך אמרה הדוברת נועה כהן אתמול.", "נועה כהן", "PERSON"),
        ("he", "ארגון הסחר העולמי פרסם דוח.", "ארגון הסחר העולמי", "ORG"),
        # a cue under the article; a hif'il verb after it is not part of the name
        ("he", "הבנק המרכזי הודיע על ריבית חדשה.", "הבנק המרכזי", "ORG"),
        # a verb ending is not a name word; "만" is not cut from a name
        ("ko", "두 명이 다쳤다고 한스 뮐러 장관이 말했다.", "한스 뮐러", "PERSON"),
        ("ko", "토마스 호프만 총리는 회의에 참석했다.", "토마스 호프만", "PERSON"),
        ("ko", "사고에 대해 김민수 대변인이 설명했다.", "김민수", "PERSON"),
        # a katakana name with "・" is read whole
        ("ja", "会合にはオルガ・ヴェルチェンコが出席した。", "オルガ・ヴェルチェンコ", "PERSON"),
        ("ja", "ケマル・ドゥルスンオール議員は反対した。", "ケマル・ドゥルスンオール", "PERSON"),
    ],
)
def test_titled_names(lang: str, text: str, name: str, label: str) -> None:
    assert _names(text, lang).get(name) == label, _names(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "wrong"),
    [
        ("ar", "قال وزير الخارجية سامي حداد إن المحادثات مستمرة.", "الخارجية سامي حداد"),
        ("he", "כך מסר אתמול שר האוצר דני לוי.", "האוצר דני לוי"),
        ("ko", "두 명이 다쳤다고 한스 뮐러 장관이 말했다.", "다쳤다고 한스 뮐러"),
        # MeCab tags only the first part 人名: the name was cut after "・"
        ("ja", "会合にはオルガ・ヴェルチェンコが出席した。", "オルガ・"),
        # dotted places are not a person
        ("ja", "スペイン・マドリードで会議が開かれた。", "スペイン・マドリード"),
    ],
)
def test_no_glued_names(lang: str, text: str, wrong: str) -> None:
    assert wrong not in _names(text, lang)


def test_hebrew_prefix_doubles_vav() -> None:
    # "וינה" under "ב" is written "בווינה"
    places = {m.canonical for m in extract_mentions("הכנס השנתי נערך השנה בווינה.", "he")}
    assert "Vienna" in places


@pytest.mark.parametrize(
    ("lang", "text", "canonical"),
    [
        ("ar", "وعمل المهندسون لمدة خمسة أيام.", "5 d"),  # a masculine number word
        ("he", "העבודות נמשכו חמישה ימים.", "5 d"),
        ("he", "הפרויקט עולה 20 מיליון אירו.", "2e+07 EUR"),  # the spelling "אירו"
    ],
)
def test_number_words(lang: str, text: str, canonical: str) -> None:
    assert canonical in {q.canonical for q in extract_quantities(text, lang)}


def test_arabic_relative_date_under_conjunction() -> None:
    found = {d.canonical for d in extract_dates("وقبل أسبوعين وقع الاتفاق.", "ar", PUB)}
    assert found == {"2026-05-25/2026-05-31"}


def test_chinese_womens_name_characters() -> None:
    names = _names("航空公司首席执行官莉娅·沃尔夫宣布了新计划。", "zh")
    assert names.get("莉娅·沃尔夫") == "PERSON", names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dışişleri Bakanı Hakan Fidan Ankara'da konuştu.", "Dışişleri Bakanı"),
        ("Sağlık Bakanı Kemal Demir açıklama yaptı.", "Sağlık Bakanı"),
    ],
)
def test_turkish_minister_title_is_not_an_entity(text: str, title: str) -> None:
    names = _names(text, "tr")
    assert title not in names and any(n.endswith(("Fidan", "Demir")) for n in names), names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mart'ta fabrika açıldı.", {"2026-03"}),  # a bare month with the locative
        ("Nisan ayında 30 kişi geldi.", {"2026-04"}),
        ("Mart kapıyı açtı.", set()),  # no cue: a name, not a month
        ("Ocak'tan beri üretim durdu.", set()),  # the ablative is not "in January"
    ],
)
def test_turkish_bare_month_with_locative(text: str, found: set[str]) -> None:
    assert {d.canonical for d in extract_dates(text, "tr", PUB)} == found
