"""Rules chosen on the real-page gold's in-sample halves (A-D, session 15), on small texts.

Outlet names (a newsroom suffix, a seat after the name the domain spells, the own domain in a
description, a bar written "l"), a machine date with slashes, and German places and
persons (genitives of a land, common nouns homonymous with towns, polity nouns,
suspended compounds, bylines). No page data needed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.ingest.pagemeta import page_meta
from samestory.ingest.sitehint import title_site
from samestory.ingest.sitename import clean_outlet


def _labelled(text: str, label: str, language: str = "de") -> dict[str, str]:
    return {m.text: m.canonical for m in extract_mentions(text, language) if m.label == label}


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("LAOLA1Redaktion", "https://www.laola1.at/de/red/x", "LAOLA1"),
        ("Redaktion Tagesspiegel", "https://www.tagesspiegel.de/x", "Tagesspiegel"),
        (
            "Belize News and Opinion on www.breakingbelizenews.com",
            "https://www.breakingbelizenews.com/2022/04/22/x/",
            "breakingbelizenews.com",
        ),
        ("stol.it / Suedtirol Online", "https://www.stol.it/artikel/x", "stol.it"),
        ("Boxen1.com - aktuelle Boxen News", "https://www.boxen1.com/x", "Boxen1.com"),
        ("La República Perú", "https://larepublica.pe/sociedad/x", "La República"),
        ("Kleine Zeitung Graz", "https://www.kleinezeitung.at/x", "Kleine Zeitung"),
        # A place that is part of the brand (the domain does not spell the rest), a
        # seat that is the name, a place tied in by "of": kept.
        ("Rough Draft Atlanta", "https://reporternewspapers.net/2020/x", "Rough Draft Atlanta"),
        ("Westdeutscher Rundfunk Köln", "https://www1.wdr.de/x", "Westdeutscher Rundfunk Köln"),
        ("Radio Bremen", "https://www.radiobremen.de/x", "Radio Bremen"),
        ("Voice of America", "https://www.voanews.com/x", "Voice of America"),
        ("Neue Zürcher Zeitung", "https://www.nzz.ch/x", "Neue Zürcher Zeitung"),
        ("SPIEGEL ONLINE - Schlagzeilen", "https://www.spiegel.de/x", "SPIEGEL ONLINE"),
    ],
)
def test_outlet_names_lose_newsroom_seat_and_description(
    name: str, url: str, expected: str
) -> None:
    assert clean_outlet(name, url) == expected


def test_a_lowercase_l_after_the_headline_is_a_bar() -> None:
    headline = "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues."
    url = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=181234"
    assert title_site(f"{headline} l KBS WORLD", headline, set(), url) == "KBS WORLD"
    # Without the headline before it, an "l" is a word like any other.
    assert title_site("Vive l Europe", "", set(), url) == ""


def test_a_slashed_machine_date_is_month_first_unless_it_cannot_be() -> None:
    page = '<html><head><meta name="date" content="{}"></head><body><p>x</p></body></html>'
    meta = page_meta(page.format("11/01/2023 12:43:42"), "x.html")
    assert meta.published == dt.datetime(2023, 11, 1, 12, 43, 42) and not meta.date_only
    assert page_meta(page.format("25/01/2023 08:05:00"), "x.html").published == dt.datetime(
        2023, 1, 25, 8, 5
    )


def test_a_bare_date_meta_comes_after_the_declared_dates() -> None:
    page = (
        '<html><head><meta name="date" content="2023-11-05T09:00:00+01:00">'
        '<meta property="article:published_time" content="2023-11-01T10:19:00+01:00">'
        "</head><body><p>x</p></body></html>"
    )
    published = page_meta(page, "x.html").published
    assert published is not None and published.day == 1


def test_german_genitive_of_a_land_is_the_land() -> None:
    places = _labelled("Die Regierung Thüringens beriet in Erfurt über die Lage.", "LOC")
    assert places.get("Thüringens") == "Thüringen"
    # A foreign region's transliteration is no base of a genitive ("Geräts": no Herat).
    assert "Geräts" not in _labelled("Die Akkus des Geräts halten in Berlin lange.", "LOC")


def test_german_common_nouns_homonymous_with_towns_are_no_places() -> None:
    text = (
        "Bis Mitte des Jahrzehnts soll das Werk laufen. Das Spiel in eigener Halle gegen "
        "Dresden gewann das Team. Die schwarze Pest kam auf Tour. Im Freistaat gibt es 2000 "
        "Autohäuser. Er fährt nach Halle."
    )
    places = _labelled(text, "LOC")
    assert "Mitte" not in places and "Pest" not in places and "Tour" not in places
    assert "Freistaat" not in places  # Bavaria or Saxony, never South Africa's Free State
    assert places.get("Dresden") == "Dresden"
    halle = [m for m in extract_mentions(text, "de") if m.text == "Halle" and m.label == "LOC"]
    assert [text[m.start - 5 : m.start] for m in halle] == ["nach "]


def test_a_listed_noun_after_a_place_is_not_part_of_its_name() -> None:
    places = _labelled("Das Auto wird nach dem Test in Barcelona Ende des Monats gezeigt.", "LOC")
    assert places == {"Barcelona": "Barcelona"}


def test_a_suspended_compound_in_a_list_with_a_place_is_no_place() -> None:
    text = "Die Firmen Blaser GmbH aus dem Allgäu und Merkel Jagd- und Sportwaffen aus Suhl."
    places = _labelled(text, "LOC")
    assert "Allgäu" in places and not any("Merkel" in p for p in places)


def test_german_regions_abbreviations_and_rivers() -> None:
    text = "In NRW und der DDR, in der Oberpfalz und in Oberbayern, an der Spree und im Spessart."
    places = set(_labelled(text, "LOC").values())
    assert {"North Rhine-Westphalia", "East Germany", "Upper Palatinate", "Upper Bavaria"} <= places
    assert {"Spree", "Spessart"} <= places


def test_german_nouns_and_bylines_are_no_persons() -> None:
    text = (
        "Von Daniel Weinmann\n\nDas sagte Dietmar Hoffmann vom Landesverband des Gewerbes. "
        "Am Tag der Deutschen Einheit sprach Christian Wulff. Landesverband und Hoffmann "
        "forderten Hilfe, sagte Hoffmann."
    )
    persons = _labelled(text, "PERSON")
    assert "Landesverband" not in persons and "Einheit" not in persons
    assert "Daniel Weinmann" not in persons  # the byline only
    assert persons.get("Dietmar Hoffmann") == "Dietmar Hoffmann"
    assert persons.get("Christian Wulff") == "Christian Wulff"


def test_a_byline_author_named_in_the_text_too_stays_a_person() -> None:
    text = "By Jane Doe\n\nThe council met on Monday. Jane Doe asked the mayor, Tom Smith, why."
    persons = _labelled(text, "PERSON", "en")
    assert "Jane Doe" in persons and "Tom Smith" in persons
