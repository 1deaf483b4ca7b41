"""Alias linking on hand-built mentions: no models, exact expectations."""

from __future__ import annotations

from samestory.analyse.aliases import link_entities, same_entity
from samestory.analyse.personnames import natural_name, person_key, skeleton
from samestory.models import EntityLabel, Mention


def _m(text: str, label: EntityLabel = "PERSON", key: str | None = None) -> Mention:
    if key is None:
        key = person_key(text) if label == "PERSON" else f"name:{text.lower()}"
    return Mention(text, label, text, key, 0, len(text))


def _canon(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.canonical for m in mentions}


def test_natural_name_drops_patronymic_and_fixes_official_order() -> None:
    assert natural_name("Hasanov Zakir Asgar Oglu") == "Zakir Hasanov"
    assert natural_name("Hasanov Zakir Asgar oğlu") == "Zakir Hasanov"
    assert natural_name("Putin Vladimir Vladimirovich") == "Vladimir Putin"
    assert natural_name("Vladimir Vladimirovich Putin") == "Vladimir Putin"
    assert natural_name("Ilham Heydar oglu Aliyev") == "Ilham Aliyev"
    assert natural_name("Benny Gantz") == "Benny Gantz"


def test_skeleton_collapses_spelling_conventions() -> None:
    assert skeleton("Aliyev") == skeleton("Alijew") == skeleton("Aliev")
    assert skeleton("Guliyev") == skeleton("Gulíyev")
    assert skeleton("Poutine") == skeleton("Putin")
    assert skeleton("Netanjahu") == skeleton("Netanyahu")


def test_person_key_is_sorted_folded_tokens() -> None:
    assert person_key("Benny Gantz") == "person:benny gantz"
    assert person_key("Zakir Hasanov") == "person:hasanov zakir"
    assert person_key("Ursula von der Leyen") == "person:leyen ursula"


def test_surname_joins_the_full_name_in_one_article() -> None:
    # NER often tags a lone surname as a place or an organisation.
    (out,) = link_entities([[_m("Benny Gantz"), _m("Gantz", "LOC"), _m("Gantz", "ORG")]])
    assert {m.canonical for m in out} == {"Benny Gantz"}
    assert {m.key for m in out} == {"person:benny gantz"}
    assert {m.label for m in out} == {"PERSON"}


def test_official_form_links_to_short_form_and_canonical_is_natural() -> None:
    (out,) = link_entities([[_m("Hasanov Zakir Asgar Oglu"), _m("Hasanov")]])
    assert set(_canon(out).values()) == {"Zakir Hasanov"}
    a, b = link_entities([[_m("Hasanov Zakir Asgar Oglu")], [_m("Zakir Hasanov")]])
    assert a[0].key == b[0].key == "person:hasanov zakir"


def test_transliterations_link_across_articles() -> None:
    a, b = link_entities([[_m("Ilham Aliyev")], [_m("Ilham Alijew"), _m("Alijew")]])
    assert {m.key for m in a + b} == {a[0].key}
    assert {m.canonical for m in a + b} == {"Ilham Aliyev"}  # first seen wins a tie
    a, b = link_entities([[_m("Elchin Guliyev")], [_m("Elchin Gulíyev")]])
    assert a[0].key == b[0].key


def test_ambiguous_surname_stays_apart() -> None:
    (out,) = link_entities([[_m("Ilham Aliyev"), _m("Heydar Aliyev"), _m("Aliyev", "MISC")]])
    canon = [m.canonical for m in out]
    assert canon == ["Ilham Aliyev", "Heydar Aliyev", "Aliyev"]
    # Across articles, each article's own reading of the surname is kept.
    a, b = link_entities([[_m("Ilham Aliyev"), _m("Aliyev")], [_m("Heydar Aliyev"), _m("Aliyev")]])
    assert a[1].canonical == "Ilham Aliyev" and b[1].canonical == "Heydar Aliyev"


def test_lone_surname_links_to_the_only_full_name_elsewhere() -> None:
    a, b = link_entities([[_m("Benny Gantz")], [_m("Gantz")]])
    assert b[0].key == a[0].key == "person:benny gantz"


def test_places_pass_through_and_labels_are_unified() -> None:
    baku = Mention("Bakou", "LOC", "Baku", "geo:city:587084", 0, 5)
    aemet_loc = _m("Aemet", "LOC", "name:aemet")
    aemet_org = _m("AEMET", "ORG", "name:aemet")
    a, b = link_entities([[baku, aemet_loc], [aemet_org]])
    assert a[0] is baku
    assert a[1].key == b[0].key and a[1].label == b[0].label == "ORG"


def test_linking_is_idempotent() -> None:
    groups = [
        [_m("Hasanov Zakir Asgar Oglu"), _m("Benny Gantz"), _m("Gantz", "LOC")],
        [_m("Zakir Hasanov"), _m("Gantz", "ORG"), _m("Ilham Alijew")],
    ]
    once = link_entities(groups)
    assert link_entities(once) == once


def test_same_entity() -> None:
    assert same_entity(_m("Zakir Hasanov"), _m("Hasanov Zakir Asgar Oglu"))
    assert not same_entity(_m("Ilham Aliyev"), _m("Heydar Aliyev"))


def test_same_place_name_gets_one_key_across_articles() -> None:
    spain = Mention("España", "LOC", "Spain", "geo:country:ES", 0, 6)
    es_city = Mention("Valencia", "LOC", "Valencia", "geo:city:2509954", 10, 18)
    ve_city = Mention("Valencia", "LOC", "Valencia", "geo:city:3625549", 0, 8)
    town = Mention("Algemesí", "LOC", "Algemesí", "geo:city:2522012", 20, 28)
    unresolved = _m("Algemesí", "MISC", "name:algemesi")
    a, b = link_entities([[spain, es_city, town], [ve_city, unresolved]])
    assert b[0].key == a[1].key == "geo:city:2509954"
    assert (b[1].label, b[1].key) == ("LOC", town.key)
