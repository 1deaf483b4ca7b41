"""Named entities: spaCy for French and English, capitalisation rules elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from samestory.analyse.aliases import link_entities
from samestory.analyse.entities import extract_mentions
from samestory.analyse.sentences import split_sentences
from samestory.models import Mention

SEED_PEOPLE = {"Benny Gantz", "Ilham Aliyev", "Zakir Hasanov", "Elchin Guliyev"}
SEED_PLACES = {"Azerbaijan", "Israel", "Baku"}


def _read_seed(path: Path) -> str:
    # Ingest strips this comment-box phrase; here it is done by hand.
    return path.read_text(encoding="utf-8").replace("Laisser un commentaire", "").strip()


def _by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


def _shared(a: list[Mention], b: list[Mention]) -> set[str]:
    keys_a = {m.key: m.canonical for m in a}
    return {m.canonical for m in b if m.key in keys_a}


@pytest.mark.models
def test_seed_pair_shares_people_and_places(seed_paths: list[Path]) -> None:
    texts = [_read_seed(p) for p in seed_paths[:2]]
    a, b = link_entities([extract_mentions(t, "fr") for t in texts])
    shared = _shared(a, b)
    assert shared >= SEED_PEOPLE | SEED_PLACES, shared
    first = _by_text(a)
    assert first["Hasanov Zakir Asgar Oglu"].canonical == "Zakir Hasanov"
    assert first["Bakou"].key == "geo:city:587084"
    assert first["israélien"].key == first["Israël"].key == "geo:country:IL"
    assert first["azéri"].key == first["Azerbaïdjan"].key == "geo:country:AZ"
    # Titles and office words are not names.
    texts_a = {m.text for m in a}
    assert "Défense" not in texts_a and not any(t.startswith("ministre") for t in texts_a)


@pytest.mark.models
def test_single_article_linking_in_the_pipeline_order(seed_paths: list[Path]) -> None:
    text = _read_seed(seed_paths[1])
    sentences = split_sentences(text, "fr")
    (mentions,) = link_entities([extract_mentions(text, "fr", sentences)])
    aliyev = [m for m in mentions if "Aliyev" in m.text]
    assert {m.canonical for m in aliyev} == {"Ilham Aliyev"} and len(aliyev) == 2
    assert {m.label for m in aliyev} == {"PERSON"}
    gantz = [m for m in mentions if m.text == "Gantz"]
    assert gantz and {m.canonical for m in gantz} == {"Benny Gantz"}
    assert all(0 <= m.sentence < len(sentences) for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.models
def test_english_titles_demonyms_and_aliases() -> None:
    text = (
        "Israeli Defence Minister Benny Gantz visited Baku this week, where he met President "
        "Ilham Aliyev and Defence Minister Zakir Hasanov. Mr. Aliyev thanked the Israeli "
        "delegation, and Gantz said Israel and Azerbaijan share strategic interests."
    )
    (mentions,) = link_entities([extract_mentions(text, "en")])
    by_text = _by_text(mentions)
    assert by_text["Israeli"].key == by_text["Israel"].key == "geo:country:IL"
    assert by_text["Baku"].canonical == "Baku"
    assert by_text["Aliyev"].canonical == "Ilham Aliyev"
    assert by_text["Gantz"].canonical == "Benny Gantz"
    people = {m.canonical for m in mentions if m.label == "PERSON"}
    assert people == {"Benny Gantz", "Ilham Aliyev", "Zakir Hasanov"}


def test_german_rules_titles_places_and_transliteration() -> None:
    text = (
        "Bundeskanzler Olaf Scholz traf in Baku den Präsidenten Ilham Alijew. Die Regierung "
        "in Aserbaidschan lobte die israelische Unterstützung. Scholz sagte, die Deutsche "
        "Bank und das Bundesministerium für Wirtschaft seien beteiligt. Neue Regeln gelten."
    )
    (mentions,) = link_entities([extract_mentions(text, "de")])
    by_text = _by_text(mentions)
    assert by_text["Olaf Scholz"].label == "PERSON"
    assert by_text["Scholz"].canonical == "Olaf Scholz"
    assert by_text["Ilham Alijew"].label == "PERSON"
    assert by_text["Baku"].key == "geo:city:587084"
    assert by_text["Aserbaidschan"].canonical == "Azerbaijan"
    assert by_text["israelische"].canonical == "Israel"
    assert by_text["Deutsche Bank"].label == "ORG"
    assert by_text["Bundesministerium für Wirtschaft"].label == "ORG"
    assert not any(m.text in ("Regierung", "Neue Regeln", "Bundeskanzler") for m in mentions)
    # Alijew (German transliteration) and Aliyev are one person across articles.
    en = [Mention("Ilham Aliyev", "PERSON", "Ilham Aliyev", "person:aliyev ilham", 0, 12)]
    de, en_linked = link_entities([mentions, en])
    assert _by_text(de)["Ilham Alijew"].key == en_linked[0].key


def test_spanish_rules_titles_orgs_and_repeated_surnames() -> None:
    text = (
        "El presidente de Azerbaiyán, Ilham Aliyev, recibió en Bakú al ministro israelí de "
        "Defensa, Benny Gantz. La consellera de Emergencias e Interior, Carmen Llorens, "
        "confirmó el balance en Valencia y Madrid, según la Agencia Estatal de Meteorología "
        "(AEMET). Estamos ante el episodio más grave, declaró Llorens."
    )
    (mentions,) = link_entities([extract_mentions(text, "es")])
    by_text = _by_text(mentions)
    assert by_text["Ilham Aliyev"].label == "PERSON"
    assert by_text["Bakú"].canonical == "Baku"
    assert by_text["israelí"].canonical == "Israel"
    assert by_text["Carmen Llorens"].label == "PERSON"
    assert by_text["Llorens"].canonical == "Carmen Llorens"
    assert by_text["Valencia"].key == "geo:city:2509954"  # Spain's, next to Madrid
    assert by_text["Agencia Estatal de Meteorología"].label == "ORG"
    assert by_text["AEMET"].label == "ORG"
    assert "Estamos" not in by_text


def test_weak_alternate_name_needs_its_country_in_the_article() -> None:
    # "Marchand" is an old name of Dessalines (Haiti): here it is a person.
    (marchand,) = extract_mentions("Lo dijo Marchand el lunes.", "es")
    assert marchand.text == "Marchand" and marchand.label != "LOC"
    haiti = extract_mentions("En Haití, Marchand es una ciudad.", "es")
    assert {m.text: m.canonical for m in haiti}["Marchand"] == "Dessalines"


def test_unknown_language_uses_the_rules_and_the_gazetteer() -> None:
    text = "Il ministro della Difesa israeliano Benny Gantz è arrivato a Baku."
    mentions = extract_mentions(text, "it")
    by_text = _by_text(mentions)
    assert by_text["Baku"].key == "geo:city:587084"
    assert by_text["Benny Gantz"].label in ("PERSON", "MISC")


def test_empty_and_nameless_text() -> None:
    assert extract_mentions("", "de") == []
    assert extract_mentions("nichts zu sehen hier", "de") == []


def test_german_common_nouns_are_not_names() -> None:
    text = (
        "Solche Unwetter kennt man an der Küste. Die Kleinstädte waren betroffen: in "
        "Algemesí fielen 50 Liter Regen, sagte der Finanzvorstand Thomas Reindl."
    )
    mentions = extract_mentions(text, "de")
    by_text = _by_text(mentions)
    assert by_text["Thomas Reindl"].label == "PERSON"
    assert by_text["Algemesí"].label == "LOC"  # a small town after "In"
    assert {m.label for m in mentions} <= {"PERSON", "LOC"}, mentions


def test_language_prior_breaks_ties_without_country_context() -> None:
    (es,) = extract_mentions("Las lluvias afectaron a la ciudad de Valencia.", "es")
    assert es.key == "geo:city:2509954"  # Spain's, not Venezuela's (larger)
