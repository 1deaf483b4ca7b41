"""Issue #16 follow-up: place evidence from the language's dictionary, inflected and
regional names, page times printed beside the day, and the gold's site split."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.gazetteer import gazetteer
from samestory.ingest.pagemeta import page_meta, visible_time

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import _realpages_gold as realgold  # noqa: E402


def _places(text: str, language: str) -> dict[str, str]:
    return {m.text: m.key for m in extract_mentions(text, language) if m.label == "LOC"}


def test_a_subdivision_needs_its_country_named() -> None:
    assert gazetteer().lookup("abruzzo")[0].key == "geo:region:it-65"
    found = _places("Neve in Abruzzo e nelle Marche, mentre in Italia fa freddo.", "it")
    assert found.get("Abruzzo") == "geo:region:it-65"
    assert found.get("Marche") == "geo:region:it-57"
    # Without Italy (or a place in it) named, "Marche" is no region.
    assert "Marche" not in _places("Le Marche sono dolci quest'anno.", "it")


def test_a_run_does_not_start_with_a_locative_preposition() -> None:
    found = _places("Fa caldo. In Spagna le minime a Bilbao non sono scese.", "it")
    assert found.get("Spagna") == "geo:country:ES"


def test_visible_time_fills_a_day_only_date() -> None:
    day = dt.datetime(2021, 11, 5)
    got = visible_time(("Neuheit 5. November 2021, 10:39 Uhr Text", ""), day, True)
    assert got == (dt.datetime(2021, 11, 5, 10, 39), False)
    # A time of another day is not this one's.
    assert visible_time(("4. November 2021, 10:39 Uhr", ""), day, True) == (day, True)
    # Inline data gives a missing time too ...
    data = '{"date":"05.11.2021 08:15"}'
    assert visible_time(("", data), day, True) == (dt.datetime(2021, 11, 5, 8, 15), False)


def test_a_zoneless_data_time_whole_hours_off_the_page_is_utc() -> None:
    data_time = dt.datetime(2021, 5, 11, 9, 49, 18)
    got, date_only = visible_time(("wtorek, 11 maja 2021, 11:49", ""), data_time, False)
    assert got == data_time.replace(tzinfo=dt.UTC) and not date_only
    # Other minutes: another event of the day (a comment), left alone.
    assert visible_time(("11 maja 2021, 23:13", ""), data_time, False) == (data_time, False)


def test_unix_time_in_a_time_element() -> None:
    html = '<html><body><time datetime="1651035600">27/04/2022 00:00</time></body></html>'
    meta = page_meta(html, "t.html")
    assert meta.published == dt.datetime(2022, 4, 27, 5, 0, tzinfo=dt.UTC)
    assert not meta.date_only


def test_gold_split_by_site_is_balanced_and_keeps_sites_whole() -> None:
    gold = realgold.load_gold()
    split = realgold.halves(gold)
    assert realgold.site({"url": "https://web.archive.org/web/2012/http://www.he.xinhuanet.com/x",
                       "file": "x"}) == "xinhuanet.com"  # fmt: skip
    assert realgold.site({"url": "https://www.elpais.com.uy/a", "file": "x"}) == "elpais.com.uy"
    sizes = [sum(split[realgold.site(g)] == h for g in gold) for h in "AB"]
    assert abs(sizes[0] - sizes[1]) <= 2
    assert split == realgold.halves(list(reversed(gold)))  # the order of the file plays no part


def test_generic_words_name_features_and_streets() -> None:
    found = _places("Venti sul mar di Sardegna e sul canale di Sicilia, in Italia.", "it")
    assert "mar di Sardegna" in found and "canale di Sicilia" in found
    assert "Sardegna" not in found  # the sea, not the island
    assert "isla Seymour" in _places("La base está en la isla Seymour, en la Antártida.", "es")
    assert "rue de Rivoli" in _places("Il est passé rue de Rivoli, à Paris.", "fr")


def test_a_quarter_word_alone_is_a_direction() -> None:
    found = _places("Neve in Italia: perturbazione al Centro e al Sud.", "it")
    assert "Centro" not in found and found.get("Italia") == "geo:country:IT"


def test_a_german_town_name_after_article_and_adjectives_is_a_noun() -> None:
    text = "Die Messe hat mit der neuen Halle 1 und einer neuen und größeren Halle geplant."
    assert "Halle" not in _places(text, "de")
    found = _places("Er wohnt seit Jahren in Halle und arbeitet in Leipzig.", "de")
    assert found.get("Halle", "").startswith("geo:city:")


needs_simplemma = pytest.mark.skipif(
    importlib.util.find_spec("simplemma") is None, reason="simplemma not installed"
)


@needs_simplemma
def test_common_words_and_inflected_names_from_the_dictionary() -> None:
    from samestory.analyse.lexicon import common_lemma, proper_lemma

    assert common_lemma("Coronel", "es") and common_lemma("Flint", "en")
    assert not common_lemma("Valencia", "es") and not common_lemma("Paris", "fr")
    assert not common_lemma("Halle", "de")  # German capitalises nouns: never asked
    assert proper_lemma("Warszawie", "pl") == "Warszawa"


@needs_simplemma
def test_inflected_polish_names_are_places() -> None:
    text = "Gaz popłynie z Norwegii przez Danię, a w Polsce mówią o tym w Warszawie."
    found = _places(text, "pl")
    keys = set(found.values())
    assert {"geo:country:NO", "geo:country:PL"} <= keys
    assert any(k.startswith("geo:city:") for k in keys)  # Warsaw


@needs_simplemma
def test_a_common_word_is_a_place_only_with_evidence() -> None:
    assert "Coronel" not in _places("El Coronel Pérez llegó con la tropa.", "es")
    # Countries and capitals stand alone, though the dictionary knows "roma".
    assert _places("Piove su Roma da ieri.", "it").get("Roma", "").startswith("geo:city:")


def test_modified_time_is_stored_apart_from_publication(tmp_path: Path) -> None:
    from samestory.models import Analysis, Article
    from samestory.store import SQLiteStore

    published = dt.datetime(2021, 5, 11, 9, 49, tzinfo=dt.UTC)
    modified = dt.datetime(2021, 5, 11, 9, 51, 31, tzinfo=dt.UTC)
    art = Article.create(title="T", body="Body text.", published=published, modified=modified)
    store = SQLiteStore(tmp_path / "s.db")
    store.write_batch([Analysis(article=art, language="en", text=art.text)], [])
    back = store.article(art.id)
    assert back.modified == modified and back.published == published


@needs_simplemma
def test_a_common_word_opening_a_line_is_no_place_or_person() -> None:
    text = "Flint flake tool found.\n\nThe Territory will decide, said Harris Milling."
    mentions = extract_mentions(text, "en")
    assert not any(m.text == "Flint" and m.label == "LOC" for m in mentions)
    assert not any(m.text == "Territory" and m.label == "PERSON" for m in mentions)


def test_a_place_ner_cut_short_is_taken_whole_and_credits_are_no_people() -> None:
    mentions = extract_mentions(
        "An update to the people of the British Virgin Islands. Photo: Jonathan Nackstrand/AFP",
        "en",
    )
    keys = {m.text: m.key for m in mentions if m.label == "LOC"}
    assert keys.get("British Virgin Islands") == "geo:country:VG"
    assert not any(m.label == "PERSON" and "Nackstrand" in m.text for m in mentions)


def test_a_german_demonym_before_one_noun_is_no_person_cue() -> None:
    mentions = extract_mentions("Das meldete die Deutsche Presse-Agentur am Montag.", "de")
    assert not any(m.label == "PERSON" for m in mentions)
    found = extract_mentions("Die Äthiopierin Tigist Alemayehu gewann das Rennen.", "de")
    assert any(m.label == "PERSON" and m.text == "Tigist Alemayehu" for m in found)
