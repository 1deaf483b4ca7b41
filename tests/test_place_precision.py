"""Issue #16, places and persons with precision: organisations named like places, the
outlet's country for regions, second-level regions, nouns after a demonym."""

from __future__ import annotations

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.gazetteer import gazetteer
from samestory.analyse.kindcues import org_named
from samestory.analyse.lexicon import available


def _labels(text: str, language: str, url: str | None = None) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.key) for m in extract_mentions(text, language, url=url)}


def test_an_organisation_word_makes_a_name_an_organisation() -> None:
    assert org_named("Universität Hamburg", "de")
    assert org_named("université Paris-8", "fr")
    assert not org_named("Casa Rosada", "es")
    assert not org_named("Lake Berryessa", "en")


@pytest.mark.skipif(not available("pl"), reason="simplemma's Polish list not installed")
def test_an_inflected_organisation_word_counts_by_its_base_form() -> None:
    assert org_named("Sądzie Ochrony Konsumenta", "pl")  # "sąd", a court
    found = _labels("Sprawa jest obecnie w Sądzie Ochrony Konsumenta po apelacji Rosjan.", "pl")
    assert all(label != "LOC" for label, _ in found.values())


def test_a_firm_named_like_a_town_after_its_kind_is_no_place() -> None:
    found = _labels("Betting company Bally’s pitch to build a casino was turned down.", "en")
    assert found.get("Bally", ("", ""))[0] != "LOC"
    # The town itself, with nothing saying "company", is still a place.
    assert _labels("Flooding hit Bally, near Kolkata, on Monday.", "en")["Bally"][0] == "LOC"


def test_german_bei_before_an_unknown_name_is_no_place() -> None:
    found = _labels("Adam Ondra ist seit Jahren Athlet bei Black Diamond und klettert.", "de")
    assert found.get("Black Diamond", ("", ""))[0] != "LOC"


@pytest.mark.skipif(not available("de"), reason="simplemma's German list not installed")
def test_a_noun_after_a_demonym_is_no_first_name() -> None:
    found = _labels("Ondra wechselt zum Schweizer Outdoorausrüster Mammut, heißt es.", "de")
    assert all(label != "PERSON" for label, _ in found.values())
    found = _labels("Das teilte der Deutsche Olympische Sportbund am Montag mit.", "de")
    assert all(label != "PERSON" for label, _ in found.values())
    # A name after the demonym is still a person.
    found = _labels("Die Äthiopierin Tigist Alemayehu gewann das Rennen.", "de")
    assert found.get("Tigist Alemayehu", ("", ""))[0] == "PERSON"


def test_second_level_regions_by_names_nothing_else_has() -> None:
    g = gazetteer()
    assert g.lookup("hauts de seine")[0].key == "geo:region:fr-92"
    assert "hauts de seine" in g.weak
    # A province named after its capital adds nothing: the city stays the reading.
    assert g.lookup("torino")[0].kind == "city"


def test_a_region_counts_in_its_outlets_country() -> None:
    text = "Il est soigné à Clichy (Hauts-de-Seine) depuis lundi."
    on_fr = _labels(text, "fr", url="https://madame.lefigaro.fr/bien-etre/article.html")
    assert on_fr["Hauts-de-Seine"] == ("LOC", "geo:region:fr-92")
    # Elsewhere, with France not named, the weak region is not confirmed.
    on_com = _labels(text, "fr", url="https://example.com/article.html")
    assert on_com.get("Hauts-de-Seine", ("", ""))[1] != "geo:region:fr-92"


def test_a_title_in_apposition_makes_a_person() -> None:
    found = _labels("Lo dijo Ivette Mora, directora de mercadeo de la empresa.", "es")
    assert found["Ivette Mora"][0] == "PERSON"
    # German: the run is not split at the city its surname shares ("Caracas").
    found = _labels(
        "Das war vorbei.\n\nMadelaine Caracas, die Sprecherin einer Gruppe, sagte das.", "de"
    )
    assert found["Madelaine Caracas"][0] == "PERSON"
    assert all(label != "LOC" for label, _ in found.values())
    # A place before a comma and a title stays the place.
    assert _labels("En Buenos Aires, el presidente habló.", "es")["Buenos Aires"][0] == "LOC"


def test_a_nation_inside_a_state_needs_no_country_named() -> None:
    g = gazetteer()
    assert g.lookup("anglia")[0].key == "geo:region:gb-eng"
    assert "anglia" not in g.weak
    found = _labels("Ani wymagająca Rzeczpospolita, ani odległa Anglia nie dały mu warunków.", "pl")
    assert found["Anglia"] == ("LOC", "geo:region:gb-eng")


@pytest.mark.skipif(not available("de"), reason="simplemma's German list not installed")
def test_a_german_noun_after_a_place_is_not_part_of_its_name() -> None:
    text = "Während Studenten in der Hauptstadt Managua Universitätsgebäude besetzten, floh sie."
    assert _labels(text, "de")["Managua"][0] == "LOC"
    # A first name that is also a place keeps its surname ("Nico" is no cut point).
    found = _labels("Gegen Bremen fehlt auch Nico Schulz wegen einer Verletzung.", "de")
    assert found.get("Nico Schulz", ("", ""))[0] == "PERSON"


def test_a_club_or_airport_named_after_its_town_is_an_organisation() -> None:
    found = _labels("Der FC Bayern spielt heute gegen den SV Werder.", "de")
    assert found["FC Bayern"][0] == "ORG" and found["SV Werder"][0] == "ORG"
    found = _labels("El vuelo aterrizó en el Aeropuerto de Barajas, cerca de Madrid.", "es")
    assert found["Aeropuerto de Barajas"][0] == "ORG"
    assert found["Madrid"][0] == "LOC"


def test_a_lowercase_country_name_is_a_word_not_a_place() -> None:
    # Portuguese "reunião" (a meeting) folds to Réunion's name; demonyms stay lower-case.
    found = _labels("O senador pediu uma reunião com o presidente ontem.", "pt")
    assert found.get("reunião", ("", ""))[0] != "LOC"


def test_a_short_form_takes_the_longer_place_it_opens() -> None:
    text = "O governo de Minas Gerais, no Brasil, anunciou. Em Minas, o PSD negocia."
    found = _labels(text, "pt")
    assert found["Minas Gerais"] == ("LOC", "geo:region:br-mg")
    assert found["Minas"] == ("LOC", "geo:region:br-mg")  # the state, not the town Minas


def test_a_town_after_an_indefinite_article_is_a_product() -> None:
    found = _labels("They were travelling in a Toyota Starlet when it collided.", "en")
    assert found.get("Toyota", ("", ""))[0] != "LOC"
    # The town itself, and a capital after an article, stay places.
    assert _labels("The plant in Toyota, Japan, reopened.", "en")["Toyota"][0] == "LOC"
    assert _labels("She dreamt of a Paris without cars.", "en")["Paris"][0] == "LOC"


def test_saint_opens_a_place_not_a_person() -> None:
    found = _labels("St. Louis Park elects a new mayor, the city said on Tuesday.", "en")
    assert "Louis Park" not in found
    assert found["St. Louis Park"][0] == "LOC"


def test_a_weak_region_after_a_locative_is_a_place() -> None:
    found = _labels("Damit soll das Produktionsvolumen des Werks in Tennessee steigen.", "de")
    assert found["Tennessee"] == ("LOC", "geo:region:us-tn")


def test_studios_and_teams_are_organisations_not_persons() -> None:
    found = _labels("The film was made by Warner Bros. and opened in June, critics said.", "en")
    assert found.get("Warner Bros.", ("", ""))[0] != "PERSON"
    text = "Das Team aus Hinwil heißt nun nicht mehr Alfa Romeo Racing, sagte der Chef."
    assert all(label != "PERSON" for label, _ in _labels(text, "de").values())
    text = "Die Fabrik von LG Energy Solution und General Motors wächst weiter."
    assert all(label != "PERSON" for label, _ in _labels(text, "de").values())
    # "Team" is also a German noun: the coach after it stays a person.
    text = "Kann das Team von Trainer Marco Rose erneut gewinnen? Rose glaubt daran."
    assert _labels(text, "de")["Marco Rose"][0] == "PERSON"


def test_a_middle_initial_stays_inside_the_name() -> None:
    text = "Der Kolumnist Boris T. Kaiser schreibt jede Woche. Kaiser meint, das sei falsch."
    found = _labels(text, "de")
    assert "Boris T" not in found
    assert found["Boris T. Kaiser"][0] == "PERSON"
    # A capital letter that ends a sentence is no initial.
    found = _labels("Wir brauchen einen Plan B. Die Lage ist ernst, sagte Olaf Scholz.", "de")
    assert "Olaf Scholz" in found and not any("Die" in k for k in found)


def test_a_demonym_another_language_spells_as_the_country_is_a_demonym() -> None:
    from samestory.analyse.nationality import demonym_only

    # "Somali" is Somalia's name in some languages' lists, but English's demonym.
    assert demonym_only("Somali", "en")
    found = [
        m
        for m in extract_mentions("She is the first Somali American to lead a U.S. city.", "en")
        if m.label == "LOC" and not m.demonym
    ]
    assert all(m.key != "geo:country:SO" for m in found)
    # Names stay places even where a demonym is spelt the same.
    assert not demonym_only("Israel", "en")
    assert not demonym_only("Georgia", "en")


def test_the_nations_of_a_state_in_a_babel_language() -> None:
    # Babel's Italian territories have "Regno Unito", not its nations.
    found = _labels("Il caldo arriva anche in Inghilterra e in Scozia, dice il meteo.", "it")
    assert found["Inghilterra"] == ("LOC", "geo:country:GB")
    assert found["Scozia"] == ("LOC", "geo:country:GB")
