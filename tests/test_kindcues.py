"""Context rules that say what a name is (analyse/kindcues.py, issue #16 Deliver 3)."""

from __future__ import annotations

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.kindcues import by_context
from samestory.models import Mention


def _labels(text: str, language: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_mentions(text, language)}


def test_a_kind_of_place_before_or_after_makes_a_place() -> None:
    assert (
        _labels("Ocorreu no bairro da Sete Portas, segundo a polícia.", "pt")["Sete Portas"]
        == "LOC"
    )
    # A base named after a king is a place, not the king.
    assert (
        _labels("Los compañeros en la base Juan Carlos I informaron.", "es")["Juan Carlos I"]
        == "LOC"
    )


def test_a_kind_of_organisation_before_makes_an_organisation() -> None:
    assert _labels("Habló la directora de la empresa AEI Spaces.", "es")["AEI Spaces"] == "ORG"
    assert _labels("Un texte de la revue Effeuillage.", "fr")["Effeuillage"] == "ORG"


def test_a_preposition_of_place_makes_an_unknown_name_a_place() -> None:
    assert _labels("La policía dice que todo va bien en La Sierra.", "es")["La Sierra"] == "LOC"
    assert _labels("Piove forte in Galles.", "it")["Galles"] == "LOC"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Ricardo escribió en Twitter que todo iba bien.", "es", "Twitter"),  # a platform
        ("Le vittime provocate da Ciara sono otto.", "it", "Ciara"),  # "da": by a storm
        ("Debata w Sejmie trwała długo.", "pl", "Sejmie"),  # a common word's form
        ("Klingt im besten Fall nach Samuel Beckett, sagt er.", "de", "Samuel Beckett"),
    ],
)
def test_a_preposition_alone_does_not_make_these_places(
    text: str, language: str, name: str
) -> None:
    assert _labels(text, language).get(name) != "LOC"


def test_a_name_listed_with_a_known_place_is_a_place() -> None:
    assert _labels("Las lluvias afectaron a Medellín, Caicedo y Urrao.", "es")["Caicedo"] == "LOC"


def test_bylines_acronyms_and_days_are_not_persons() -> None:
    en = _labels("By Evan Symon, August 14, 2020\n\nIt came out on Valentine’s Day.", "en")
    assert en.get("Evan Symon") != "PERSON" and en.get("Valentine’s Day") != "PERSON"
    assert _labels("The singer Doris Day died on Monday.", "en").get("Doris Day") == "PERSON"
    fr = _labels("Un dirigeant de LREM a parlé.\n\nPar Jacques Munier", "fr")
    assert fr.get("LREM") == "ORG" and fr.get("Jacques Munier") != "PERSON"


def test_a_person_without_a_first_name_after_a_preposition_of_place_is_a_place() -> None:
    text = "Alberto Fernández se mostró en Vaca Muerta con los ministros."
    a, b = text.index("Alberto"), text.index("Vaca")
    mentions = [
        Mention("Alberto Fernández", "PERSON", "Alberto Fernández", "person:x", a, a + 17),
        Mention("Vaca Muerta", "PERSON", "Vaca Muerta", "person:y", b, b + 11),
    ]
    out = {m.text: m.label for m in by_context(text, "es", mentions)}
    assert out == {"Alberto Fernández": "PERSON", "Vaca Muerta": "LOC"}


def test_german_names_no_dictionary_knows_or_parts_of_places() -> None:
    pytest.importorskip("simplemma")
    # "in" before a capital the German dictionary does not know: a place ("Tulln").
    text = "Die Messe in Tulln fällt aus. Die Messe Tulln bedauert das."
    assert "LOC" in {m.label for m in extract_mentions(text, "de") if m.text == "Tulln"}
    # A dictionary noun after "in" stays a word, and so does a compound ending in one.
    assert _labels("Die Wölfe sind in Gefahr, sagt er. Gefahr droht.", "de").get("Gefahr") != "LOC"
    assert _labels("Es kommt in Käfigformat auf den Markt.", "de").get("Käfigformat") != "LOC"
    # A quarter and a known place in one word name a part of it.
    text = "Wölfe in Südtirol. In Südtirol gab es Angriffe. Südtirol reagiert. Südtirol."
    assert "LOC" in {m.label for m in extract_mentions(text, "de") if m.text == "Südtirol"}
