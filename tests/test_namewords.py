"""What a name's own words say it names (analyse/namewords.py, issue #16 point 3)."""

from __future__ import annotations

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.kindcues import by_context
from samestory.analyse.namewords import by_words
from samestory.models import Mention


def _labels(text: str, language: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(text, language)}


def _m(text: str, whole: str, label: str, key: str = "") -> Mention:
    start = whole.index(text)
    key = key or "name:" + text.lower()
    return Mention(text, label, text, key, start, start + len(text), 0)  # type: ignore[arg-type]


def test_handles_and_hashtags_are_not_places() -> None:
    text = "Les étudiants de Paris 8 (@UnivParis8) manifestent."
    out = by_words(text, "fr", [_m("@UnivParis8", text, "LOC")])
    assert out[0].label == "MISC"


def test_a_place_before_a_year_is_an_event_wherever_the_article_writes_it() -> None:
    text = "Olympia 2022 beginnt. Die Athleten reisen zu Olympia."
    ms = [_m("Olympia", text, "LOC", "geo:city:1"), _m("Olympia", text[10:], "LOC", "geo:city:1")]
    ms[1] = Mention("Olympia", "LOC", "Olympia", "geo:city:1", 45, 52, 1)
    assert text[45:52] == "Olympia"
    assert [m.label for m in by_words(text, "de", ms)] == ["MISC", "MISC"]
    # A country before a year stays the country.
    text = "Frankreich 2022: ein Jahr der Wahlen."
    out = by_words(text, "de", [_m("Frankreich", text, "LOC", "geo:country:FR")])
    assert out[0].label == "LOC"


def test_a_street_is_a_place_not_a_person() -> None:
    text = "Neighbours on Dresden Drive complained to the council."
    out = by_words(text, "en", [_m("Dresden Drive", text, "PERSON")])
    assert (out[0].label, out[0].text) == ("LOC", "Dresden Drive")
    # The kind glued after a town's name makes the street, not the town.
    text = "Traffic on Peachtree Road was slow."
    out = by_words(text, "en", [_m("Peachtree", text, "LOC", "geo:city:9")])
    assert (out[0].label, out[0].text, out[0].key) == (
        "LOC",
        "Peachtree Road",
        "name:peachtree road",
    )


def test_a_quarter_word_glued_before_a_place_names_a_part_of_it() -> None:
    text = "Voters in the East Bronx went to the polls."
    out = by_words(text, "en", [_m("Bronx", text, "LOC")])
    assert (out[0].text, out[0].label) == ("East Bronx", "LOC")


def test_organisations_are_not_persons() -> None:
    text = "The California Energy Commission said so. Lenoge Technology sold it; Lenoge did."
    ms = [
        _m("California Energy Commission", text, "PERSON"),
        _m("Lenoge Technology", text, "ORG"),
        Mention("Lenoge", "PERSON", "Lenoge", "person:lenoge", 69, 75, 1),
    ]
    assert text[69:75] == "Lenoge"
    assert [m.label for m in by_words(text, "en", ms)] == ["ORG", "ORG", "ORG"]
    # A first name keeps a person whose surname is also an organisation word.
    text = "Michael Court said so."
    assert by_words(text, "en", [_m("Michael Court", text, "PERSON")])[0].label == "PERSON"


def test_a_common_word_opening_a_person_is_no_name_or_a_title() -> None:
    pytest.importorskip("simplemma")
    text = "(1) Auteure de L'intestin, un livre."
    assert by_words(text, "fr", [_m("Auteure de L'intestin", text, "PERSON")])[0].label == "MISC"
    text = "said Supervisor Alfredo Pedroza of Napa."
    out = by_words(text, "en", [_m("Supervisor Alfredo Pedroza", text, "PERSON")])
    assert (out[0].label, out[0].text) == ("PERSON", "Alfredo Pedroza")


def test_signatures_and_dashed_credit_lines_are_not_persons() -> None:
    text = "The incident drew onlookers.\n\n– David Dunkley\n\nMore news here."
    assert by_words(text, "en", [_m("David Dunkley", text, "PERSON")])[0].label == "MISC"
    text = "Un long article.\n\nKab Niang\n\n*Le prénom a été modifié"
    assert by_words(text, "fr", [_m("Kab Niang", text, "PERSON")])[0].label == "MISC"
    # A name alone on a line far from the end is a heading, kept.
    text = "Kab Niang\n\n" + "\n".join(f"Ligne {i}." for i in range(6))
    assert by_words(text, "fr", [_m("Kab Niang", text, "PERSON")])[0].label == "PERSON"


def test_more_bylines_and_kinds_of_organisation() -> None:
    text = "Publicado por Alberto Gómez\n\nLa información es de Cristina Cerda\n\nEl paro sigue."
    labels = [m.label for m in by_context(text, "es", [
        _m("Alberto Gómez", text, "PERSON"), _m("Cristina Cerda", text, "PERSON")])]  # fmt: skip
    assert labels == ["MISC", "MISC"]
    assert _labels("Selon le tabloïd Blesk, le ministre a menti.", "fr").get("Blesk") != "PERSON"


def test_a_capitalised_kind_word_is_part_of_the_name() -> None:
    text = "It was a heated City Council race."
    out = by_context(text, "en", [_m("Council", text, "MISC")])
    assert out[0].label != "LOC"


def test_a_kind_of_place_opening_or_ending_a_name_makes_a_place() -> None:
    text = "Fue recibido en la Base Aérea Chubunco por el gobernador."
    assert by_words(text, "es", [_m("Base Aérea Chubunco", text, "MISC")])[0].label == "LOC"
    text = "Brookhaven Village closed due to a gas leak."
    assert by_words(text, "en", [_m("Brookhaven Village", text, "PERSON")])[0].label == "LOC"
    # An organisation word keeps the organisation.
    text = "The City Council met."
    assert by_words(text, "en", [_m("City Council", text, "ORG")])[0].label == "ORG"


def test_a_person_opening_with_a_well_known_place_is_none() -> None:
    text = "Chi Onwurah, the MP for Newcastle Central, said the California ISO erred."
    out = by_words(
        text, "en", [_m("Newcastle Central", text, "PERSON"), _m("California ISO", text, "PERSON")]
    )
    assert [m.label for m in out] == ["LOC", "MISC"]
    # After a title, or with the surname written alone too, the person stays.
    text = "Rep. Alexandria Ocasio-Cortez spoke."
    assert (
        by_words(text, "en", [_m("Alexandria Ocasio-Cortez", text, "PERSON")])[0].label == "PERSON"
    )
