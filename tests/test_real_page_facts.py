"""Issue 16's analysis examples: places, entities, dates and numbers on real pages.

The pages are trafilatura's public test pages in ../shared/data (each test skips when
its page is absent); examples whose page is not in this half are short synthetic
sentences. Analysis runs without embedders; spaCy runs for the English and French pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from samestory.analyse.dates import extract_dates
from samestory.analyse.entities import extract_mentions
from samestory.analyse.gazetteer import gazetteer
from samestory.analyse.pipeline import Pipeline
from samestory.analyse.places import outlet_countries, place_candidates
from samestory.analyse.quantities import extract_quantities
from samestory.ingest.bulk import iter_read
from samestory.match.facts import split_facts
from samestory.models import Analysis, Quantity

PAGES = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "trafilatura-eval" / "pages"
)


@cache
def _page(name: str) -> Analysis:
    path = PAGES / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    (article,) = list(iter_read(path))
    return Pipeline().without("embeddings", "scorer_embedding")(article)


def _places(a: Analysis) -> Counter[str]:
    return Counter(m.canonical for m in a.mentions if m.key.startswith("geo:"))


def _by_surface(a: Analysis, surface: str) -> list[str]:
    return [m.label for m in a.mentions if m.text == surface]


# --- places need evidence ---------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "wrong"),
    [
        ("bbc.com.52241221.html", "Iceland"),  # "Hart Island", "Rikers Island"
        ("edition.cnn.com-royal.html", "Topeka"),  # "she would Google the words"
        ("yle.fi.3-11212601.html", "Paris"),  # Finnish "Paras" (best) opening a sentence
        ("yle.fi.3-11212601.html", "Tama"),  # Finnish "Tämä" (this)
        ("lopinion.fr.glyphosate.html", "Seoul"),  # "Seul en Europe."
        ("spiegel.de.albtraum.html", "Namur"),  # "nennt Geyer Namen", "sein Name"
        ("spiegel.de.albtraum.html", "Moreno"),  # the reporter Juan Moreno
        ("ledevoir.com.trottinettes.html", "Lima"),  # "les entreprises Lime et Bird"
        ("reuters.com.parasite.html", "Ireland"),  # the film "The Irishman"
    ],
)
def test_false_places_of_real_pages(page: str, wrong: str) -> None:
    places = _places(_page(page))
    assert wrong not in places, places


def test_real_places_of_the_same_pages_stay() -> None:
    assert {"New York City", "Chicago", "United States"} <= set(
        _places(_page("bbc.com.52241221.html"))
    )
    assert {"Mexico", "Hamburg", "Arizona"} <= set(_places(_page("spiegel.de.albtraum.html")))
    assert "South Korea" in _places(_page("reuters.com.parasite.html"))


def test_a_person_s_surname_alone_is_the_person() -> None:
    a = _page("spiegel.de.albtraum.html")
    assert set(_by_surface(a, "Moreno")) == {"PERSON"}
    assert len(_by_surface(a, "Moreno")) >= 10


def test_organisation_and_work_are_not_places() -> None:
    assert set(_by_surface(_page("ledevoir.com.trottinettes.html"), "Lime")) <= {"ORG", "MISC"}
    irishman = [
        m for m in _page("reuters.com.parasite.html").mentions if "rishman" in m.text.lower()
    ]
    assert irishman and all(m.label == "MISC" for m in irishman)


@pytest.mark.parametrize(
    ("language", "text", "wrong"),
    [
        ("pt", "Para o governo, a medida é necessária.", "Belém"),
        ("fr", "Le Tour de France partira dimanche. La Tour Eiffel reste fermée.", "Tours"),
        ("fr", "Seul le gouvernement peut décider.", "Seoul"),
        ("de", "Er nannte keine Namen. Die Lage ist ernst.", "Namur"),
        ("fi", "Tämä talvi on ollut lämmin. Paras aika on aamulla.", "Paris"),
        ("en", "The bodies were buried on Hart Island, the city said.", "Iceland"),
        ("tr", "Toplantı Salı günü yapılacak.", "Salé"),  # "Salı": Tuesday
    ],
)
def test_common_words_and_longer_names_are_not_places(language: str, text: str, wrong: str) -> None:
    names = {m.canonical for m in extract_mentions(text, language) if m.key.startswith("geo:")}
    assert wrong not in names, names


def test_the_same_names_stay_places_with_evidence() -> None:
    (paris,) = [
        m for m in extract_mentions("Elle vit à Paris depuis 2010.", "fr") if m.label == "LOC"
    ]
    assert paris.canonical == "Paris"
    iceland = extract_mentions("Reykjavik ist die Hauptstadt von Island.", "de")
    assert "Iceland" in {m.canonical for m in iceland}
    us = extract_mentions("La economía de USA creció.", "es")
    assert "United States" in {m.canonical for m in us}  # "usa" is a stop word, "USA" is not


def test_country_names_in_other_languages_are_weak() -> None:
    g = gazetteer()
    assert g.foreign("island", "en") and not g.foreign("island", "de")
    assert place_candidates("Island", "en")[1] and not place_candidates("Island", "de")[1]
    assert not g.foreign("allemagne", "fr")


def test_the_outlet_s_country_breaks_ties() -> None:
    assert outlet_countries("https://www.correio24horas.com.br/noticia/x") == ("BR",)
    assert outlet_countries("https://www.bbc.co.uk/news") == ("GB",)
    assert outlet_countries("https://www.reuters.com/article") == ()
    assert outlet_countries("https://techcrunch.co/") == ()
    text = "Las lluvias afectaron a la ciudad de Valencia."
    (spain,) = extract_mentions(text, "es")
    (venezuela,) = extract_mentions(text, "es", url="https://www.eluniversal.com.ve/x")
    assert spain.key == "geo:city:2509954" and venezuela.canonical == "Valencia"
    assert venezuela.key != spain.key


# --- entities ------------------------------------------------------------------------


def test_the_frequent_subject_of_a_german_article_is_an_entity() -> None:
    a = _page("tagesschau.de.rheinmetall.html")
    assert len(_by_surface(a, "Rheinmetall")) >= 10
    assert not _by_surface(a, "Nachfrage") and not _by_surface(a, "Dabei")


def test_german_nouns_repeated_are_not_entities() -> None:
    text = (
        "Rheinmetall erklärt auf Anfrage, es sei nichts passiert. Das Ministerium sagte auf "
        "Anfrage nichts. Rheinmetall schweigt. Der Sprecher wollte auf Nachfrage nichts "
        "sagen. Rheinmetall stellt Bauteile her. Der Konzern Rheinmetall prüft den Fall. "
        "Ein Sprecher erklärte auf Anfrage, Rheinmetall-Daten seien betroffen."
    )
    by_text = {m.text: m for m in extract_mentions(text, "de")}
    assert "Rheinmetall" in by_text and by_text["Rheinmetall"].label != "LOC"
    assert "Anfrage" not in by_text and "Nachfrage" not in by_text


# --- dates -------------------------------------------------------------------------


def _day(text: str, language: str, published: dt.date) -> dt.date:
    (d,) = extract_dates(text, language, published)
    return d.value


SUNDAY, WEDNESDAY = dt.date(2020, 1, 19), dt.date(2020, 1, 22)


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        ("en", "OPEC is forecast to cut its estimate of oil demand Monday.", SUNDAY, "2020-01-20"),
        ("en", "Shares rose ahead of Tuesday's debate.", WEDNESDAY, "2020-01-28"),
        ("en", "The leaders will meet on Tuesday in Geneva.", WEDNESDAY, "2020-01-28"),
        ("en", "The minister said on Tuesday that talks had failed.", WEDNESDAY, "2020-01-21"),
        ("fr", "Le ministre a annoncé lundi une réforme.", WEDNESDAY, "2020-01-20"),
        ("fr", "Le conseil se réunira jeudi à Paris.", WEDNESDAY, "2020-01-23"),
        ("de", "Die Minister werden am Freitag beraten.", WEDNESDAY, "2020-01-24"),
        ("de", "Er sagte am Montag, die Lage sei ernst.", WEDNESDAY, "2020-01-20"),
        ("de", "Die Lage war bis Mittwoch dieser Woche klar.", dt.date(2018, 12, 22), "2018-12-19"),
        ("es", "El presidente anunció el lunes nuevas medidas.", WEDNESDAY, "2020-01-20"),
        ("es", "El consejo se reunirá el viernes.", WEDNESDAY, "2020-01-24"),
    ],
)
def test_tense_decides_a_weekday_s_direction(
    language: str, text: str, published: dt.date, expected: str
) -> None:
    assert _day(text, language, published).isoformat() == expected


def test_show_names_are_not_dates() -> None:
    text = 'Scott told "CBS This Morning" co-host Gayle King about the crew.'
    assert extract_dates(text, "en", WEDNESDAY) == []
    assert [d.text for d in extract_dates("This morning the market fell.", "en", WEDNESDAY)] == [
        "This morning"
    ]


def test_show_names_on_a_real_page() -> None:
    a = _page("cbsnews.com.carolina.html")
    assert not [d for d in a.dates if "morning" in d.text.lower()]
    # "ahead of Tuesday's Democratic debate" in a Monday article: the next day.
    tuesday = [d for d in a.dates if d.text == "Tuesday"]
    assert tuesday and tuesday[0].value == dt.date(2020, 2, 25)


# --- numbers as people write them ------------------------------------------------------


def _quantity(text: str, language: str) -> Quantity:
    (q,) = [q for q in extract_quantities(text, language) if q.value >= 10]
    return q


@pytest.mark.parametrize(
    ("language", "text", "shown"),
    [
        ("fr", "Le contrat vaut 4,85 milliards de dollars.", "$4.85 billion"),
        ("de", "Es drohen Strafen von bis zu zehn Millionen Euro.", "€10 million"),
        ("de", "Die Firma muss binnen 72 Stunden melden.", "72 hours"),
        ("fr", "Plus de 6000 soldats sont arrivés.", "6,000 soldats"),
        ("en", "It has about 157,000 cases.", "157,000 cases"),
        ("en", "More than 70% agreed.", "70%"),
    ],
)
def test_numbers_show_as_written(language: str, text: str, shown: str) -> None:
    assert _quantity(text, language).display == shown


def test_numbers_keep_their_machine_form_in_json() -> None:
    q = _quantity("Le contrat vaut 4,85 milliards de dollars.", "fr")
    assert (q.value, q.unit, q.canonical) == (4.85e9, "USD", "4.85e+09 USD")
    page = _page("tagesschau.de.rheinmetall.html")
    rows = page.to_dict()["quantities"]
    assert {"canonical", "display", "value", "unit"} <= set(rows[0])
    shown = {r["display"] for r in rows}
    assert {"72 hours", "€10 million", "$600"} <= shown, shown


# --- the seed pair's shared facts ------------------------------------------------------


def test_seed_pair_shares_only_the_same_periods_and_nouns(seed_paths: list[Path]) -> None:
    """Issue 16: `shared.dates` listed "2015/2019", which only one article gives, and
    `shared.numbers` paired "2" of "2 semaines" with "deux États"."""
    pipe = Pipeline().without("embeddings", "scorer_embedding")
    when = dt.datetime(2022, 10, 4)
    a, b = (pipe(replace(next(iter(iter_read(p))), published=when)) for p in seed_paths[:2])
    shared, only_a, only_b, features = split_facts(a, b, a.mentions, b.mentions, 0.05)
    periods_b = {(d.value, d.end) for d in b.dates}
    assert "2015/2019" in only_a["dates"] + only_b["dates"]
    for shown in shared["dates"]:
        (period,) = {(d.value, d.end) for d in a.dates if d.canonical == shown}
        assert period in periods_b
    assert not any(n.startswith("2 ") for n in shared["numbers"]), shared["numbers"]
    assert features["dates_overlap"] > 0  # the scorer's features still see the overlap
