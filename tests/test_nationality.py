"""Demonyms are nationality evidence (Mention.demonym), never listed as places (issue #16)."""

from __future__ import annotations

from samestory.analyse.entities import extract_mentions
from samestory.analyse.nationality import demonym_only


def test_demonym_only_tells_a_demonym_from_a_place_name() -> None:
    assert demonym_only("danoise", "fr")
    assert demonym_only("Australian", "en")
    assert demonym_only("australische", "de")
    assert demonym_only("polskie", "pl")  # lower case, resolved by the country-name lists
    # Names of places, even where a demonym could be spelt alike.
    assert not demonym_only("Danemark", "fr")
    assert not demonym_only("Georgia", "en")
    assert not demonym_only("Israel", "de")
    assert not demonym_only("Polska", "pl")
    assert not demonym_only("table", "en")


def test_demonym_mentions_keep_the_country_key_but_are_flagged() -> None:
    text = "Le ministre azéri est arrivé à Bakou. L'Azerbaïdjan et la presse danoise en parlent."
    by_text = {m.text: m for m in extract_mentions(text, "fr")}
    assert by_text["azéri"].key == by_text["Azerbaïdjan"].key == "geo:country:AZ"
    assert by_text["azéri"].label == "LOC" and by_text["azéri"].demonym
    assert not by_text["Azerbaïdjan"].demonym and not by_text["Bakou"].demonym
    assert by_text["danoise"].key == "geo:country:DK" and by_text["danoise"].demonym
