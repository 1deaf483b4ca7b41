"""German feature names (streets, valleys, lakes, bays) and capitalised kind words as
place evidence (issue #16, Deliver 3). Invented sentences modelled on half D's pages."""

from __future__ import annotations

import pytest

from samestory.analyse.entities import extract_mentions
from samestory.analyse.lexicon import available

pytestmark = pytest.mark.skipif(not available("de"), reason="needs simplemma's German list")


def _places(text: str) -> dict[str, str]:
    return {m.text: m.canonical for m in extract_mentions(text, "de") if m.label == "LOC"}


def test_compound_and_adjective_feature_names_are_places() -> None:
    text = (
        "Im Schatten eines Gebäudes in der Alt-Stralauer Straße beginnt der Musiker. "
        "Gebaut wird zwischen Treptower Park und der Frankfurter Allee. "
        "Trommer zeigt auf den Markgrafendamm, der vor uns liegt. "
        "Die Bahn fährt hier im Kinzigtal. Wir radeln an den Kinzigstausee. "
        "Ein Feld liegt an der Morro-Bay-Bucht."
    )
    places = _places(text)
    for name in (
        "Alt-Stralauer Straße", "Treptower Park", "Frankfurter Allee", "Markgrafendamm",
        "Kinzigtal", "Kinzigstausee", "Morro-Bay-Bucht",
    ):  # fmt: skip
        assert name in places, name
    assert "Frankfurt" not in places.values()  # the street, not the city


def test_genitive_feature_name_shows_its_base_form() -> None:
    places = _places("So haben die Anwohner des Berliner Laskerkiezes einen Brief geschrieben.")
    assert places.get("Laskerkiezes") == "Laskerkiez"


def test_common_nouns_and_first_names_with_a_kind_ending_are_no_places() -> None:
    text = (
        "Der Stausee ist leer, das Kapital fehlt und die Sackgasse endet hier. "
        "Neuer Weg für die Einbahnstraße. Das Sportportal berichtet. "
        "Die Stuttgarter müssen auf Krystal Rivers verzichten. Das gilt auch für Krystal."
    )
    places = _places(text)
    for word in ("Stausee", "Kapital", "Sackgasse", "Neuer Weg", "Einbahnstraße",
                 "Sportportal", "Krystal"):  # fmt: skip
        assert word not in places, word


def test_capitalised_german_kind_word_makes_a_place() -> None:
    places = _places(
        "Die Fabrik von Ultium Cells in Warren im US-Bundesstaat Ohio hat im August begonnen."
    )
    assert "Ohio" in places
