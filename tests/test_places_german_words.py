"""Issue #16 (session 16), places with precision on German pages: verbs and adjectives
named like foreign towns, surname particles named like towns, a country's name that is
also its people's plural, short country names; and the outlet and date fixes found on
the same pages (a TLD read as a domain, a zone abbreviation in place of ISO's "T")."""

from __future__ import annotations

import datetime as dt

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.lexicon import available, plain_word
from samestory.analyse.nationality import demonym_only
from samestory.ingest.pagemeta import page_meta
from samestory.ingest.sitename import clean_outlet


def _places(text: str, language: str = "de") -> dict[str, str]:
    """Listed places (demonyms left out, as the real-page gold does): text -> key."""
    return {
        m.text: m.key
        for m in extract_mentions(text, language)
        if m.label == "LOC" and not m.demonym
    }


@pytest.mark.skipif(not available("de"), reason="simplemma's German list not installed")
def test_a_german_verb_or_adjective_is_no_foreign_town() -> None:
    assert plain_word("Leiden", "de") and plain_word("Klar", "de")
    assert not plain_word("Hof", "de")  # a noun: German lemmatises it capitalised
    found = _places("Ziel ist, seelisches Leiden zu lindern. Das sagte der Arzt in Berlin.")
    assert "Leiden" not in found and "Berlin" in found
    found = _places('"Das wissen wir nicht." Klar ist, dass sie fehlen wird, sagte Kim Renkema.')
    assert "Klar" not in found
    found = _places("Auch Gold, Zink, Platin oder Nickel haben einen hohen Verbrauch.")
    assert "Gold" not in found
    # A town of the language's own countries stays a town ("Essen", a verb too).
    assert "Essen" in _places("Der Verein aus Essen gewann am Samstag in Dortmund.")
    # In the town's own country's news the town is still found ("Leiden" in Dutch).
    found = _places("De gemeente Leiden en de provincie Zuid-Holland overleggen.", "nl")
    assert "Leiden" in found


def test_a_surname_particle_is_no_town() -> None:
    found = _places("Festspiel-Reisen von Van der Bellen kosteten 57.000 Euro, so die FPÖ.")
    assert "Van" not in found
    found = _places("Der Belgier Van Aert gewann vor Pogačar, der Slowene wurde Zweiter.")
    assert "Van" not in found
    # The city itself, with no name after it, is still a place.
    assert "Van" in _places("Das Erdbeben erschütterte die Provinz Van im Osten der Türkei.")


def test_polen_in_a_list_of_countries_is_the_country() -> None:
    assert not demonym_only("Polen", "de")  # Poland's German name, also "Poles"
    assert demonym_only("Polinnen", "de")
    found = _places("In Ungarn, Polen, Tschechien und Bulgarien herrsche Vollbeschäftigung.")
    assert found.get("Polen") == "geo:country:PL"


def test_bosnia_by_its_short_name() -> None:
    found = _places("Der Konzern sucht in Serbien, Bosnien und in der Türkei nach Personal.")
    assert found.get("Bosnien") == "geo:country:BA"
    found = _places("Talks were held in Serbia and Bosnia on Tuesday, officials said.", "en")
    assert found.get("Bosnia") == "geo:country:BA"


def test_corona_in_german_news_is_the_pandemic() -> None:
    assert "Corona" not in _places("Die Luftfahrtbranche hebt nach Corona ab, sagt der Chef.")


def test_a_site_name_ending_in_its_tld_keeps_its_first_word() -> None:
    # kinzig.news: "News" is the TLD, not the site's domain named in a description.
    assert clean_outlet("Kinzig News", "https://kinzig.news/x") == "Kinzig News"
    host = "https://www.breakingbelizenews.com/x"
    assert clean_outlet("News on www.breakingbelizenews.com", host) == "breakingbelizenews.com"


def test_a_zone_abbreviation_in_place_of_the_t_keeps_the_time() -> None:
    ld = '{"@type": "NewsArticle", "datePublished": "2018-11-28CET11:59:00+0100"}'
    head = f'<script type="application/ld+json">{ld}</script>'
    meta = page_meta(f"<html><head>{head}</head><body><p>x</p></body></html>", "page.html")
    cet = dt.timezone(dt.timedelta(hours=1))
    assert meta.published == dt.datetime(2018, 11, 28, 11, 59, tzinfo=cet)
    assert not meta.date_only


def test_via_before_a_name_is_a_street_in_italian_only() -> None:
    found = _places("Heute empfangen 10 Prozent der TV-Geräte ihr Bild via DVB-T, sagte er.")
    assert not any(name.startswith("via") for name in found)
