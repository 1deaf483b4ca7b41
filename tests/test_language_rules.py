"""Issue #17 language rules added in session 10: each can fail (fast: no model loading
beyond the gazetteer, simplemma's dictionaries and the compact language detector)."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.cjk import cjk_quantities
from samestory.analyse.dates import extract_dates
from samestory.analyse.entities import extract_mentions
from samestory.analyse.gazetteer import fold, gazetteer
from samestory.analyse.language import detect_language
from samestory.analyse.lexicon import available, unknown_word
from samestory.analyse.nameforms import base_name
from samestory.lang._locale import locale_cities

PUB = dt.date(2026, 6, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("lang", "name", "base"),
    [
        ("cs", "Recepem Tayyipem Erdoganem", "Recep Tayyip Erdogan"),
        ("pl", "Recepem Tayyipem Erdoganem", "Recep Tayyip Erdogan"),
        ("sl", "Recepom Tayyipom Erdoganom", "Recep Tayyip Erdogan"),
        ("cs", "Putinovi", "Putin"),
        # a word without an ending keeps the name whole (the words agree in case)
        ("cs", "Roland Buschem", "Roland Buschem"),
        # a stem this short is a name of its own, not a declined one
        ("sl", "Tom", "Tom"),
        # no endings listed for the language
        ("en", "Salem Tom", "Salem Tom"),
    ],
)
def test_base_name(lang: str, name: str, base: str) -> None:
    assert base_name(name, lang) == base


@pytest.mark.skipif(not available("cs"), reason="simplemma not installed")
def test_unknown_word() -> None:
    assert unknown_word("Siemens", "cs")
    assert not unknown_word("Povodně", "cs")  # "floods": a word, not a name
    assert not unknown_word("Siemens", "de")  # a capital proves nothing in German


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("cs", "Siemens postaví továrnu\n\nSiemens investuje 40 milionů eur.", "Siemens"),
        ("it", "Hyundai costruirà una fabbrica\n\nHyundai investirà 1,2 miliardi.", "Hyundai"),
    ],
)
def test_sentence_opening_unknown_word_is_a_name(lang: str, text: str, want: str) -> None:
    if not available(lang):
        pytest.skip("simplemma not installed")
    assert want in {m.text for m in extract_mentions(text, lang)}


def test_sentence_opening_unknown_word_once_is_not() -> None:
    # a verb form the dictionary lacks, said once: no name
    text = "Síguenos en las redes. El Gobierno aprobó el plan."
    assert "Síguenos" not in {m.text for m in extract_mentions(text, "es")}


def test_sentence_opening_common_word_is_not() -> None:
    text = "Povodně zabily 12 lidí. Jednání trvalo čtyři hodiny."
    assert not [m for m in extract_mentions(text, "cs") if m.label != "LOC"]


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        ("pl", "Prezydent Rosji Władimir Putin spotkał się z nim.", {"Russia"}),
        ("tr", "Rusya Devlet Başkanı Vladimir Putin konuştu.", {"Russia"}),
    ],
)
def test_place_in_a_cut_title(lang: str, text: str, places: set[str]) -> None:
    got = {m.canonical for m in extract_mentions(text, lang) if m.label == "LOC"}
    assert places <= got


def test_cldr_cities() -> None:
    assert locale_cities("it").get("Varsavia") == "Warsaw"
    assert locale_cities("zh").get("维也纳") == "Vienna"
    assert locale_cities("xx") == {}
    g = gazetteer()
    assert g.lookup(fold("Varsavia"))[0].name == "Warsaw"
    assert g.lookup(fold("Maďarsko"))[0].name == "Hungary"  # cs country names (pycountry)


@pytest.mark.parametrize(
    ("lang", "text", "canonical"),
    [
        # "two weeks ago" is a week: Monday to Sunday of the day 14 days before
        ("cs", "Před dvěma týdny zveřejnila zprávu.", "2026-05-25/2026-05-31"),
        ("pl", "Dwa tygodnie temu opublikowała raport.", "2026-05-25/2026-05-31"),
        ("sl", "Pred dvema tednoma je objavila poročilo.", "2026-05-25/2026-05-31"),
        ("tr", "İki hafta önce rapor yayımladı.", "2026-05-25/2026-05-31"),
        ("it", "Due settimane fa ha pubblicato.", "2026-05-25/2026-05-31"),
        # bare months after a cue: the nearest such month
        ("cs", "V květnu se sešli.", "2026-05"),
        ("pl", "W maju się spotkali.", "2026-05"),
        ("sl", "V maju so se zbrali.", "2026-05"),
        ("it", "A maggio si sono riuniti.", "2026-05"),
        # Slovenian months decline: genitive of a date
        ("sl", "je 15. januarja 2026 povedal", "2026-01-15"),
        ("sl", "do 3. septembra 2026", "2026-09-03"),
    ],
)
def test_dates(lang: str, text: str, canonical: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == [canonical]


def test_bare_month_without_cue_is_not_a_date() -> None:
    assert extract_dates("Maja Novak je povedala.", "sl", PUB) == []


def test_declared_sibling_language_is_kept() -> None:
    text = (
        "Ruski predsednik Vladimir Putin se je v ponedeljek v Sočiju sestal s turškim "
        "predsednikom. Pogovori so trajali štiri ure."
    )
    assert detect_language(text, "sl") == "sl"
    # a declared language that is no relative of the detected one does not win
    assert detect_language("Der Minister traf gestern den Präsidenten in Berlin.", "sl") == "de"


# The relative dates in each of the 20 languages (own sentences, published
# 2026-06-10, a Wednesday). "Two weeks ago" is a week (the convention of `dates` and of
# the gold): the Monday-to-Sunday week holding the day 14 days back.
@pytest.mark.parametrize(
    ("lang", "text", "canonical"),
    [
        ("en", "It happened two weeks ago.", "2026-05-25/2026-05-31"),
        ("fr", "C'était il y a deux semaines.", "2026-05-25/2026-05-31"),
        ("de", "Das war vor zwei Wochen.", "2026-05-25/2026-05-31"),
        ("es", "Ocurrió hace dos semanas.", "2026-05-25/2026-05-31"),
        ("it", "È successo due settimane fa.", "2026-05-25/2026-05-31"),
        ("pt", "Aconteceu há duas semanas.", "2026-05-25/2026-05-31"),
        ("nl", "Het gebeurde twee weken geleden.", "2026-05-25/2026-05-31"),
        ("pl", "Stało się to dwa tygodnie temu.", "2026-05-25/2026-05-31"),
        ("cs", "Stalo se to před dvěma týdny.", "2026-05-25/2026-05-31"),
        ("sl", "Zgodilo se je pred dvema tednoma.", "2026-05-25/2026-05-31"),
        ("tr", "Bu iki hafta önce oldu.", "2026-05-25/2026-05-31"),
        ("ru", "Это случилось две недели назад.", "2026-05-25/2026-05-31"),
        ("uk", "Це сталося два тижні тому.", "2026-05-25/2026-05-31"),
        ("ar", "حدث ذلك قبل أسبوعين.", "2026-05-25/2026-05-31"),
        ("fa", "این دو هفته پیش اتفاق افتاد.", "2026-05-25/2026-05-31"),
        ("he", "זה קרה לפני שבועיים.", "2026-05-25/2026-05-31"),
        ("zh", "这件事发生在两周前。", "2026-05-25/2026-05-31"),
        ("ja", "それは2週間前に起きた。", "2026-05-25/2026-05-31"),
        ("ko", "그 일은 2주 전에 일어났다.", "2026-05-25/2026-05-31"),
        ("vi", "Việc đó xảy ra hai tuần trước.", "2026-05-25/2026-05-31"),
        ("en", "They met in May.", "2026-05"),
        ("fr", "Ils se sont vus en mai.", "2026-05"),
        ("de", "Sie trafen sich im Mai.", "2026-05"),
        ("es", "Se reunieron en mayo.", "2026-05"),
        ("it", "Si sono visti a maggio.", "2026-05"),
        ("pt", "Eles se reuniram em maio.", "2026-05"),
        ("nl", "Ze ontmoetten elkaar in mei.", "2026-05"),
        ("pl", "Spotkali się w maju.", "2026-05"),
        ("cs", "Sešli se v květnu.", "2026-05"),
        ("sl", "Srečali so se v maju.", "2026-05"),
        ("ru", "Они встретились в мае.", "2026-05"),
        ("uk", "Вони зустрілися у травні.", "2026-05"),
        ("ar", "التقيا في مايو.", "2026-05"),
        ("fa", "آنها در ماه مه دیدار کردند.", "2026-05"),
        ("he", "הם נפגשו בחודש מאי.", "2026-05"),
        ("zh", "他们在5月会面。", "2026-05"),
        ("ja", "彼らは5月に会った。", "2026-05"),
        ("ko", "그들은 5월에 만났다.", "2026-05"),
        ("vi", "Họ gặp nhau vào tháng 5.", "2026-05"),
        ("en", "They met on Sunday.", "2026-06-07"),
        ("fr", "Ils se sont vus dimanche.", "2026-06-07"),
        ("de", "Sie trafen sich am Sonntag.", "2026-06-07"),
        ("es", "Se reunieron el domingo.", "2026-06-07"),
        ("it", "Si sono visti domenica.", "2026-06-07"),
        ("pt", "Eles se reuniram no domingo.", "2026-06-07"),
        ("nl", "Ze ontmoetten elkaar op zondag.", "2026-06-07"),
        ("pl", "Spotkali się w niedzielę.", "2026-06-07"),
        ("cs", "Sešli se v neděli.", "2026-06-07"),
        ("sl", "Srečali so se v nedeljo.", "2026-06-07"),
        ("tr", "Pazar günü bir araya geldiler.", "2026-06-07"),
        ("ru", "Они встретились в воскресенье.", "2026-06-07"),
        ("uk", "Вони зустрілися в неділю.", "2026-06-07"),
        ("ar", "التقيا يوم الأحد.", "2026-06-07"),
        ("fa", "آنها روز یکشنبه دیدار کردند.", "2026-06-07"),
        ("he", "הם נפגשו ביום ראשון.", "2026-06-07"),
        ("zh", "他们周日会面。", "2026-06-07"),
        ("ja", "彼らは日曜日に会った。", "2026-06-07"),
        ("ko", "그들은 일요일에 만났다.", "2026-06-07"),
        ("vi", "Họ gặp nhau vào Chủ nhật.", "2026-06-07"),
    ],
)
def test_relative_dates_in_every_language(lang: str, text: str, canonical: str) -> None:
    assert [d.canonical for d in extract_dates(text, lang, PUB)] == [canonical]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("救援人员工作了三天。", "3 d"),
        ("救助隊は3日間にわたって作業した。", "3 d"),
        ("구조대는 사흘 동안 작업했다.", "3 d"),
        ("회담은 네 시간 동안 이어졌다.", "4 h"),
    ],
)
def test_cjk_day_durations(text: str, canonical: str) -> None:
    assert [q.canonical for q in cjk_quantities(text)] == [canonical]


def test_cjk_month_is_not_a_duration() -> None:
    assert [d.canonical for d in extract_dates("他工作了3个月。", "zh", PUB)] == []
    assert [d.canonical for d in extract_dates("5月3日", "zh", PUB)] == ["2026-05-03"]


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("cs", "Povodně zabily 12 lidí. Evropská komise slíbila pomoc.", "Evropská komise"),
        ("sl", "Evropska komisija je obljubila pomoč.", "Evropska komisija"),
        ("it", "La Commissione europea ha promesso aiuti.", "Commissione europea"),
        ("vi", "Ủy ban châu Âu hứa sẽ hỗ trợ.", "Ủy ban châu Âu"),
    ],
)
def test_organisations_with_lower_case_words(lang: str, text: str, org: str) -> None:
    assert org in {m.text for m in extract_mentions(text, lang) if m.label == "ORG"}


def test_org_stops_at_a_stop_word_and_not_in_german() -> None:
    it = {m.text for m in extract_mentions("La Commissione ha detto no.", "it")}
    assert "Commissione" in it and "Commissione ha" not in it
    de = {m.text for m in extract_mentions("Die Landeswarnzentrale rät zur Vorsicht.", "de")}
    assert "Landeswarnzentrale rät" not in de


def test_korean_organisation_before_a_cue_noun() -> None:
    text = "유럽연합 집행위원회는 지원을 약속했다."
    assert "유럽연합 집행위원회" in {m.text for m in extract_mentions(text, "ko")}


def test_turkish_suffixed_place_ends_a_name() -> None:
    text = "Putin ve Erdoğan Soçi'de görüştü.\n\nPutin pazartesi günü Soçi'de konuştu."
    got = {(m.label, m.canonical) for m in extract_mentions(text, "tr")}
    assert ("LOC", "Sochi") in got
    assert not any(c.startswith("Erdoğan Soçi") or c == "Soçi" for _, c in got)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "Görüşme dört saat sürdü. İki lider gaz sevkiyatını ele aldı."),
        ("tr", "Açıklamayı 15 Ocak 2026 günü yaptı."),
        ("cs", "Oba lídři jednali o dodávkách plynu."),  # "both", also a Turkish town
        ("vi", "Khí đốt trị giá 2,5 tỷ USD."),
    ],
)
def test_plain_words_are_no_names(lang: str, text: str) -> None:
    assert [m.text for m in extract_mentions(text, lang) if m.label != "LOC"] == []


def test_vietnamese_lower_case_word_is_no_place() -> None:
    text = "Khoảng 3.000 ngôi nhà bị hư hại."  # "bị" folds like "Bỉ" (Belgium)
    assert [m for m in extract_mentions(text, "vi") if m.label == "LOC"] == []


def test_declined_surname_alone_is_the_person() -> None:
    text = "Putin se setkal s Erdoganem\n\nPutin se setkal s Recepem Tayyipem Erdoganem."
    persons = {m.text: m.canonical for m in extract_mentions(text, "cs") if m.label == "PERSON"}
    assert persons.get("Erdoganem") == "Recep Tayyip Erdogan"
