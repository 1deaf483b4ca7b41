"""Issue #17 language rules added in session 10: each can fail (fast: no model loading
beyond the gazetteer, simplemma's dictionaries and the compact language detector)."""

from __future__ import annotations

import datetime as dt

import pytest

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
        ("cs", "Siemens investuje 40 milionů eur do nové továrny.", "Siemens"),
        ("it", "Hyundai investirà 1,2 miliardi di dollari.", "Hyundai"),
    ],
)
def test_sentence_opening_unknown_word_is_a_name(lang: str, text: str, want: str) -> None:
    if not available(lang):
        pytest.skip("simplemma not installed")
    assert want in {m.text for m in extract_mentions(text, lang)}


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
