"""Issue #17, session 16: country adjectives made of the country's name (tr, uk, fa, he),
"next year" in five languages, a weekday's clause in verb-final and reported speech,
companies after their trade and nationality, Turkish ministry titles, abjad cities by
sound. Fast: rules only (pymorphy3 for uk where installed), no model."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.abjadnames import nisba_bases, sounds_like
from samestory.analyse.dates import extract_dates
from samestory.analyse.entities import extract_mentions
from samestory.analyse.inflection import country_adjective, local_place

PUB = dt.date(2026, 11, 18)  # a Wednesday: the last Tuesday is 11-17


def _places(text: str, lang: str) -> set[str]:
    return {m.canonical for m in extract_mentions(text, lang) if m.label == "LOC"}


def _names(text: str, lang: str, label: str) -> set[str]:
    return {m.text for m in extract_mentions(text, lang) if m.label == label}


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("tr", "Etiyopyalı koşucu yarışı kazandı.", "Ethiopia"),
        ("tr", "Danimarkalı şirket terminal açacak.", "Denmark"),
        ("uk", "Ефіопська бігунка виграла марафон.", "Ethiopia"),
        ("uk", "Термінал відкриють у кенійському порту.", "Kenya"),
        ("fa", "دونده اتیوپیایی در مسابقه اول شد.", "Ethiopia"),
        ("he", "הרצה האתיופית ניצחה במרוץ.", "Ethiopia"),
        ("he", "חברת הספנות הדנית תפתח מסוף.", "Denmark"),
    ],
)
def test_country_adjectives(lang: str, text: str, country: str) -> None:
    assert country in _places(text, lang)


def test_adjective_rules_leave_other_words() -> None:
    assert country_adjective("московський", "uk") is None  # a city's adjective
    assert country_adjective("людський", "uk") is None
    assert local_place("ali", "tr", names=False) is None  # a name, not "-lı"
    assert nisba_bases("دانمارکی", "fa") == ["دانمارک"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "وسيبدأ الإنتاج العام المقبل."),
        ("fa", "تولید سال آینده آغاز می‌شود."),
        ("he", "הייצור יתחיל בשנה הבאה."),
        ("tr", "Üretim gelecek yıl başlayacak."),
        ("uk", "Виробництво розпочнеться наступного року."),
    ],
)
def test_next_year(lang: str, text: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == ["2027"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the future verb belongs to the clause before the comma
        ("tr", "Şirket fabrika kuracak, Bakan Ali Demir salı günü açıkladı.", "2026-11-17"),
        ("tr", "Fabrika salı günü açılacak.", "2026-11-24"),
        # what was said opens with "إن": its future verb is not the weekday's
        ("ar", "قالت الوزيرة يوم الثلاثاء في أستانا إن الشركة ستبني مصنعا.", "2026-11-17"),
        ("ar", "وسيفتتح المصنع يوم الثلاثاء.", "2026-11-24"),
    ],
)
def test_weekday_clause(lang: str, text: str, want: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == [want]


@pytest.mark.parametrize(
    ("lang", "text", "company", "trade"),
    [
        ("ar", "قال الوزير إن شركة الشحن الدنماركية ميرسك ستفتتح محطة.", "ميرسك", "الشحن"),
        ("he", "חברת הספנות הדנית מרסק תפתח מסוף בנמל.", "מרסק", "הספנות"),
        ("fa", "شرکت کشتیرانی دانمارکی مرسک پایانه افتتاح می‌کند.", "مرسک", "کشتیرانی"),
    ],
)
def test_company_after_trade_and_nationality(
    lang: str, text: str, company: str, trade: str
) -> None:
    orgs = _names(text, lang, "ORG")
    assert company in orgs
    assert trade not in orgs


def test_persian_take_part_is_no_company() -> None:
    assert _names("حدود ۱۴ هزار دونده در این مسابقه شرکت کردند.", "fa", "ORG") == set()


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("ar", "فازت العداءة الإثيوبية تيغيست أليمو بالسباق.", "تيغيست أليمو"),
        ("he", "הרצה האתיופית טיגיסט אלמו ניצחה במרוץ.", "טיגיסט אלמו"),
        ("fa", "تیگیست آلمو، دونده اتیوپیایی، در مسابقه اول شد.", "تیگیست آلمو"),
    ],
)
def test_person_by_role_and_nationality(lang: str, text: str, person: str) -> None:
    assert person in _names(text, lang, "PERSON")


def test_turkish_ministry_field_is_part_of_the_title() -> None:
    ms = extract_mentions("Kenya Ulaştırma Bakanı Daniel Kiptoo dün açıkladı.", "tr")
    assert "Daniel Kiptoo" in {m.text for m in ms if m.label == "PERSON"}
    assert not any("Bakan" in m.text for m in ms if m.label != "LOC")
    assert "Kenya" in {m.canonical for m in ms if m.label == "LOC"}


def test_abjad_sound_classes_and_places() -> None:
    # Hebrew bet folds like vav: "המבורג" keeps Hamburg's consonants
    assert sounds_like("hmvvrg", "hamburg")
    assert "Kyoto" in _places("הכנס נפתח בקיוטו.", "he")
    assert "Bender" not in _places("پایانه در بندر مومباسا افتتاح می‌شود.", "fa")


def test_ukrainian_place_read_as_surname() -> None:
    assert "Mombasa" in _places("Термінал відкриють у Момбасі.", "uk")
