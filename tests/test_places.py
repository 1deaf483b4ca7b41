"""Places: one key per place whatever the language, script or demonym."""

from __future__ import annotations

import pytest

from samestory.analyse.gazetteer import fold, gazetteer
from samestory.analyse.namelists import tokens
from samestory.analyse.places import (
    country_place,
    find_places,
    place_candidates,
    resolve_demonym,
    resolve_place,
)


def _key(name: str, language: str | None = None) -> str | None:
    place = resolve_place(name, language)
    return place.key if place else None


def test_gazetteer_builds_once() -> None:
    # Its build time is a speed figure: bench_analyse reports it, no unit test times it.
    g = gazetteer()
    assert g is gazetteer()
    assert len(g.names) > 30_000


def test_fold_is_case_accent_dash_and_script_insensitive() -> None:
    assert fold("Bakı") == fold("BAKI") == "baki"
    assert fold("Haut-Karabakh") == "haut karabakh"
    assert fold("l’Arménie") == "l'armenie"
    assert fold("Баку") == "baku"


@pytest.mark.parametrize("name", ["Baku", "Bakou", "Bakı", "Баку", "Bakú", "baku"])
def test_baku_in_every_spelling(name: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.key, place.name, place.kind, place.country) == (
        "geo:city:587084",
        "Baku",
        "city",
        "AZ",
    )


@pytest.mark.parametrize(
    "name",
    ["Azerbaijan", "Azerbaïdjan", "Aserbaidschan", "Azerbaiyán", "République d'Azerbaïdjan"],
)
def test_azerbaijan_in_every_language(name: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.key == "geo:country:AZ" and place.name == "Azerbaijan"


@pytest.mark.parametrize(
    ("word", "language", "code"),
    [
        ("israélien", "fr", "IL"),
        ("israéliennes", "fr", "IL"),
        ("azéri", "fr", "AZ"),
        ("azerbaïdjanais", "fr", "AZ"),
        ("arménien", "fr", "AM"),
        ("Israeli", "en", "IL"),
        ("Israelis", "en", "IL"),
        ("Azerbaijani", "en", "AZ"),
        ("israelische", "de", "IL"),
        ("Russen", "de", "RU"),
        ("israelí", "es", "IL"),
        ("israelíes", "es", "IL"),
        ("francesa", "es", "FR"),
    ],
)
def test_demonyms_resolve_to_their_country(word: str, language: str, code: str) -> None:
    place = resolve_demonym(word, language)
    assert place is not None and place.key == f"geo:country:{code}"
    assert resolve_place(word, language) == place


def test_country_names_and_common_forms() -> None:
    assert _key("Israël") == _key("Israel") == "geo:country:IL"
    assert _key("Russland", "de") == _key("Russie") == "geo:country:RU"
    assert _key("Corée du Sud") == "geo:country:KR"
    assert _key("États-Unis") == _key("USA") == "geo:country:US"
    assert _key("l'Arménie") == "geo:country:AM"
    assert _key("the Netherlands") == "geo:country:NL"
    assert _key("Aserbaidschans", "de") == "geo:country:AZ"  # genitive
    place = country_place("az")
    assert place is not None and place.name == "Azerbaijan"


def test_city_exonyms() -> None:
    assert _key("Pékin") == _key("Peking") == _key("Beijing")
    assert _key("Moscou") == _key("Moskau") == _key("Moscow")
    assert _key("Kiew") == _key("Kyiv")
    assert _key("Jérusalem") == _key("Jerusalem")


def test_context_breaks_ties_between_same_named_cities() -> None:
    default = resolve_place("Valencia")
    spain = resolve_place("Valencia", context={"ES"})
    assert default is not None and spain is not None
    assert spain.country == "ES" and default.key != spain.key


def test_unrelated_alternate_names_are_weak() -> None:
    places, weak = place_candidates("Marchand")  # an old name of Dessalines, Haiti
    assert places and weak
    places, weak = place_candidates("Bakou")
    assert places and not weak
    assert place_candidates("Ministère") == ((), False)


def test_find_places_in_text() -> None:
    text = "Le dirigeant nord-coréen est allé à Saint-Pétersbourg puis en Corée du Sud."
    hits = find_places(text, tokens(text), "fr")
    assert [(h.place.name, h.demonym) for h in hits] == [
        ("North Korea", True),
        ("Saint Petersburg", False),
        ("South Korea", False),
    ]


def test_english_demonyms_must_be_capitalised() -> None:
    text = "They polish the Polish silver."
    hits = find_places(text, tokens(text), "en")
    assert [h.place.key for h in hits] == ["geo:country:PL"]
    assert text[tokens(text)[hits[0].first][1] :].startswith("Polish")


def test_regions_seas_and_disputed_areas() -> None:
    assert _key("Moyen-Orient") == _key("Nahost") == _key("Oriente Medio") == _key("Middle East")
    assert _key("mer Noire") == _key("Schwarzes Meer") == "geo:region:black-sea"
    place = resolve_place("Haut-Karabakh")
    assert place is not None and place.kind == "region" and place.name == "Nagorno-Karabakh"


def test_german_genitive_places_are_found_inside_runs() -> None:
    from samestory.analyse.entities import extract_mentions

    text = "Seit dem Angriffskrieg Russlands steigen die Kosten."
    assert "geo:country:RU" in {m.key for m in extract_mentions(text, "de")}
    # "Basis" is no genitive of an alternate name ("Basi").
    text = "Der Gerichtshof hat auf Basis der Richtlinie entschieden."
    assert not [m for m in extract_mentions(text, "de") if m.label == "LOC"]


def test_german_inflected_adjectives_and_nouns_after_a_place() -> None:
    from samestory.analyse.entities import extract_mentions

    text = "Nach der Drohung durch die Vereinigten Staaten wurden Häftlinge frei."
    assert "geo:country:US" in {m.key for m in extract_mentions(text, "de")}
