"""Companies without a cue word in Arabic, Hebrew and Persian (session 15, `headlines`)."""

from __future__ import annotations

from samestory.analyse.scriptnames import script_mentions


def _labels(text: str, language: str) -> dict[str, str]:
    return {m.text: m.label for m in script_mentions(text, language)}


def test_arabic_company_opening_the_headline_with_a_feminine_verb() -> None:
    text = "نوكيا تفتتح مركزا للبحث\n\nستفتح نوكيا مركزا جديدا للبحث يوم الأحد."
    got = [m for m in script_mentions(text, "ar") if m.label == "ORG"]
    assert [m.text for m in got] == ["نوكيا", "نوكيا"]  # the headline and the body


def test_hebrew_company_of_two_words_opening_the_headline() -> None:
    text = "טויוטה מוטורס תבנה מפעל חדש\n\nטויוטה מוטורס תשקיע מיליארד דולר במפעל."
    assert _labels(text, "he").get("טויוטה מוטורס") == "ORG"
    past = "נוקיה הודיעה על פיטורים\n\nנוקיה תפטר 300 עובדים."
    assert _labels(past, "he").get("נוקיה") == "ORG"


def test_no_company_from_a_masculine_verb_a_country_a_common_noun_or_a_person() -> None:
    quake = "زلزال يضرب المدينة\n\nضرب زلزال قوي المدينة فجر اليوم."
    assert "ORG" not in _labels(quake, "ar").values()
    country = "קניה תקבל הלוואה\n\nקניה תקבל הלוואה חדשה בשבוע הבא."
    assert "ORG" not in _labels(country, "he").values()
    loan = "נוקיה הלוואה חדשה\n\nנוקיה הלוואה חדשה בשבוע הבא."  # a noun, not a hif'il past
    assert "ORG" not in _labels(loan, "he").values()
    definite = "الحكومة تقرر خفض الضرائب\n\nقالت الحكومة إنها ستخفض الضرائب."
    assert "ORG" not in _labels(definite, "ar").values()
    person = "כהן תבקר בפריז\n\nהשרה דנה כהן תבקר מחר בפריז."
    got = _labels(person, "he")
    assert "ORG" not in got.values() and got.get("דנה כהן") == "PERSON"


def test_no_headline_rule_without_a_body_or_outside_arabic_and_hebrew() -> None:
    assert "ORG" not in _labels("נוקיה הודיעה על פיטורים", "he").values()
    persian = "زیمنس در ورشو کارخانه می‌سازد\n\nزیمنس کارخانه‌ای می‌سازد."
    assert "ORG" not in _labels(persian, "fa").values()


def test_company_word_then_state_then_name() -> None:
    fa = "شرکت دولتی پتروکو اعلام کرد که زیان می‌بیند."
    assert _labels(fa, "fa").get("پتروکו".replace("ו", "و")) == "ORG"
    he = "וחברת המדינה פטרוקו הודיעה כי היא מפסידה כסף."
    assert _labels(he, "he").get("פטרוקו") == "ORG"


def test_korean_museum_after_its_name_and_not_alone() -> None:
    got = _labels("파리의 오르세 박물관이 그림 50점을 서울의 한 박물관에 대여한다.", "ko")
    assert got.get("오르세 박물관") == "ORG"
    assert [t for t, label in got.items() if label == "ORG"] == ["오르세 박물관"]
