"""Event identity evidence: when, where, who, how many, how much text, compared."""

from __future__ import annotations

import datetime as dt

from samestory.match.features import FEATURE_DOCS
from samestory.match.identity import (
    IDENTITY_DOCS,
    evidence_level,
    identity_evidence,
    identity_lines,
)
from samestory.models import Analysis, Article, DateMention, Mention, Quantity, Sentence


def _analysis(
    title: str,
    body: str = "",
    *,
    mentions: list[Mention] | None = None,
    dates: list[DateMention] | None = None,
    quantities: list[Quantity] | None = None,
    sentences: int = 1,
    language: str = "fr",
) -> Analysis:
    art = Article.create(title, body, language=language)
    texts = [title, *(t + "." for t in body.split(". ") if t)] if body else [title]
    sents = [Sentence(i, texts[i] if i < len(texts) else f"s{i}", 0, 1) for i in range(sentences)]
    return Analysis(
        art,
        language,
        art.text,
        sentences=sents,
        mentions=mentions or [],
        dates=dates or [],
        quantities=quantities or [],
    )


def _loc(name: str, key: str, sentence: int = 0) -> Mention:
    return Mention(name, "LOC", name, key, 0, len(name), sentence)


def _date(text: str, start: dt.date, end: dt.date, granularity: str) -> DateMention:
    return DateMention(text, start, end, granularity, False, 0, 1, 0)  # type: ignore[arg-type]


def test_identity_features_are_documented_pair_features() -> None:
    assert set(IDENTITY_DOCS) <= set(FEATURE_DOCS)
    f = identity_evidence(_analysis("a"), _analysis("b")).features
    assert set(f) == set(IDENTITY_DOCS)
    # Nothing named on either side: no evidence, never a judgement.
    for name in ("when_relation", "where_relation", "who_overlap", "figures_agree"):
        assert f[name] == -1.0, name


def test_two_towns_for_one_kind_of_event_disagree() -> None:
    a = _analysis(
        "La météo du vendredi 10 janvier 2020 à Perros-Guirec",
        mentions=[_loc("Perros-Guirec", "name:perros guirec")],
    )
    b = _analysis(
        "La météo du vendredi 10 janvier 2020 à Ploemeur",
        mentions=[_loc("Ploemeur", "name:ploemeur")],
    )
    ident = identity_evidence(a, b)
    assert ident.features["where_relation"] == 0.0
    assert ident.features["where_town_conflict"] == 1.0
    assert ident.features["title_name_mismatch"] == 1.0
    assert ident.features["evidence_min"] == 0.0
    explained = ident.explain()
    assert explained["different_places"] == ["Perros-Guirec", "Ploemeur"]
    assert explained["evidence"] == {"a": "title only", "b": "title only"}
    same = identity_evidence(a, a).features
    assert same["where_relation"] == 1.0 and same["where_town_conflict"] == 0.0
    assert same["title_name_mismatch"] == 0.0


def test_a_town_inside_its_country_is_nested() -> None:
    town = _analysis("x", mentions=[_loc("Perros-Guirec", "name:perros guirec")])
    country = _analysis("y", mentions=[_loc("France", "geo:country:FR")])
    other = _analysis("z", mentions=[_loc("Spain", "geo:country:ES")])
    assert identity_evidence(town, country).features["where_relation"] == 0.5
    assert identity_evidence(country, other).features["where_relation"] == 0.0


def test_event_dates_compare_by_period() -> None:
    day = _date("November 12, 2011", dt.date(2011, 11, 12), dt.date(2011, 11, 12), "day")
    month = _date("in November 2011", dt.date(2011, 11, 1), dt.date(2011, 11, 30), "month")
    year = _date("in 2009", dt.date(2009, 1, 1), dt.date(2009, 12, 31), "year")
    a, b, c = (_analysis(t, dates=[d]) for t, d in (("a", day), ("b", month), ("c", year)))
    assert identity_evidence(a, a).features["when_relation"] == 1.0
    assert identity_evidence(a, b).features["when_relation"] == 0.5
    far = identity_evidence(a, c)
    assert far.features["when_relation"] == 0.0 and far.features["when_gap_days"] > 6
    assert far.explain()["event_dates"] == {"a": "2011-11-12", "b": "2009"}


def test_people_and_figures() -> None:
    def person(name: str, sentence: int = 0) -> Mention:
        return Mention(name, "PERSON", name, f"person:{name.lower()}", 0, 1, sentence)

    def toll(value: float) -> Quantity:
        return Quantity(f"{value:g}", value, None, "morts", 0, 1)

    a = _analysis("a", mentions=[person("Dupont")], quantities=[toll(12)])
    b = _analysis("b", mentions=[person("Martin")], quantities=[toll(30)])
    c = _analysis("c", mentions=[person("Dupont")], quantities=[toll(12)])
    differ = identity_evidence(a, b)
    assert differ.features["who_conflict"] == 1.0 and differ.features["who_overlap"] == 0.0
    assert differ.features["figures_agree"] == 0.0 and differ.features["figures_differ"] > 0
    assert differ.explain()["different_figures"] == [{"slot": "morts", "a": "12", "b": "30"}]
    agree = identity_evidence(a, c).features
    assert agree["who_conflict"] == 0.0 and agree["who_overlap"] == 1.0
    assert agree["figures_agree"] == 1.0


def test_evidence_levels() -> None:
    assert evidence_level(_analysis("Titre seul")) == 0
    assert evidence_level(_analysis("Titre", "Un chapeau court.", sentences=2)) == 2
    assert evidence_level(_analysis("Titre", "Texte. " * 20, sentences=21)) == 3


def test_one_sentence_text_is_not_a_headline() -> None:
    # ECB+'s bodiless documents are one sentence of text: calibrated as headlines, a
    # topic of them fell apart. The case is read from the input's shape alone.
    sentence = (
        "Police say a Perth mountain climber who watched his brother fall over the edge "
        "of New Zealand's highest mountain is lucky to be alive."
    )
    # A case of its own (1), apart from a title and lede (2): one calibration for both
    # made SemEval's title-and-lede pairs overconfident.
    assert evidence_level(_analysis(sentence, language="en")) == 1
    # Headlines: short, or long but not ending in a full stop (a question, an ellipsis).
    assert evidence_level(_analysis("Robbers in drag steal e80 million from Paris store.")) == 0
    long_question = (
        "Faut-il vraiment interdire les voitures dans le centre de Paris dès l'année prochaine ?"
    )
    assert evidence_level(_analysis(long_question)) == 0
    assert evidence_level(_analysis(long_question[:-2] + "...")) == 0
    assert evidence_level(_analysis(long_question[:-2] + "…")) == 0


_PARIS = "geo:city:2988507"
_FREIBURG = "geo:city:2925177"


def _name(text: str, label: str = "MISC", sentence: int = 0) -> Mention:
    return Mention(text, label, text, "name:" + text.lower(), 0, len(text), sentence)


def test_a_town_inside_an_event_name_is_where_it_happens() -> None:
    spanish = _analysis("Alemayeu vuela en París", mentions=[_loc("París", _PARIS)])
    # The French NER tags the event, not its town; the town nearby is a park on the course.
    french = _analysis(
        "Marathon de Paris : Alemayehou s'envole",
        "Elle a gagné le marathon de Paris. Elle a fait le vide dès le bois de Vincennes.",
        mentions=[_name("Marathon de Paris"), _loc("Vincennes", "geo:city:2968054", 2)],
        sentences=3,
    )
    f = identity_evidence(spanish, french).features
    assert f["where_relation"] == 1.0 and f["where_town_conflict"] == 0.0
    # German writes it as one compound, which no rule tags at all.
    german = _analysis(
        "Paris-Marathon: Streckenrekord für Alemayehu",
        "Alemayehu hat den Paris-Marathon gewonnen.",
        sentences=2,
        language="de",
    )
    f = identity_evidence(spanish, german).features
    assert f["where_relation"] == 1.0 and f["where_town_conflict"] == 0.0
    assert identity_evidence(french, german).explain()["same_place"] == "Paris"


def test_names_that_hold_no_one_town_give_no_place() -> None:
    spanish = _analysis("Alemayeu vuela en París", mentions=[_loc("París", _PARIS)])
    for title, mention in (
        ("Tour de France : la dernière étape", _name("Tour de France")),  # a country
        ("Paris-Roubaix : la course des pavés", None),  # two towns
        ("Le Real Madrid gagne", _name("Real Madrid", "ORG")),  # a club plays anywhere
    ):
        other = _analysis(title, mentions=[mention] if mention else [])
        assert identity_evidence(spanish, other).features["where_relation"] == -1.0, title


def test_a_town_named_once_deep_in_the_body_is_an_aside() -> None:
    paris = _analysis("Alemayeu vuela en París", mentions=[_loc("París", _PARIS)])
    # A runner's home town in sentence 5 does not say where the race was.
    aside = _analysis(
        "x", mentions=[_loc("France", "geo:country:FR"), _loc("Freiburg", _FREIBURG, 5)]
    )
    f = identity_evidence(paris, aside).features
    assert f["where_relation"] == 0.5 and f["where_town_conflict"] == -1.0
    assert identity_evidence(paris, aside).explain()["nested_places"] == ["París", "France"]
    # Named again, it is what the article is about.
    again = _analysis(
        "x",
        mentions=[
            _loc("France", "geo:country:FR"),
            _loc("Freiburg", _FREIBURG, 5),
            _loc("Freiburg", _FREIBURG, 7),
        ],
    )
    f = identity_evidence(paris, again).features
    assert f["where_relation"] == 0.0 and f["where_town_conflict"] == 1.0
    # Alone, it is all the article says: still evidence.
    alone = _analysis("x", mentions=[_loc("Freiburg", _FREIBURG, 5)])
    assert identity_evidence(paris, alone).features["where_town_conflict"] == 1.0


def _dated(*dates: tuple[str, dt.date, str], published: dt.datetime | None = None) -> Analysis:
    art = Article.create("Robbers steal diamonds from a Paris jeweller", "", published=published)
    mentions = [_date(t, d, d, g) for t, d, g in dates]
    return Analysis(art, "en", art.text, sentences=[Sentence(0, art.title, 0, 1)], dates=mentions)


def test_the_years_of_the_whole_texts_tell_two_occurrences_apart() -> None:
    from math import log1p

    from samestory.match.eventyears import year_features

    heist_2008 = _dated(
        ("1994", dt.date(1994, 1, 1), "year"), ("Dec 4, 2008", dt.date(2008, 12, 4), "day")
    )
    heist_2008b = _dated(("December 2008", dt.date(2008, 12, 1), "month"))
    heist_2009 = _dated(
        ("1994", dt.date(1994, 1, 1), "year"), ("2009", dt.date(2009, 1, 1), "year")
    )
    same = year_features(heist_2008, heist_2008b)
    assert same == {"when_latest_gap": 0.0, "when_years_shared": 1.0}
    other = year_features(heist_2008, heist_2009)
    # the background year is shared; the latest years (the events') are a year apart
    assert other == {"when_latest_gap": log1p(1), "when_years_shared": 0.5}
    assert year_features(heist_2008, _dated()) == {
        "when_latest_gap": -1.0,
        "when_years_shared": -1.0,
    }
    # a decade says too little; a year past publication is a plan, not the event
    plan = _dated(
        ("the 2000s", dt.date(2000, 1, 1), "decade"),
        ("by 2030", dt.date(2030, 1, 1), "year"),
        ("2008", dt.date(2008, 1, 1), "year"),
        published=dt.datetime(2008, 12, 5, tzinfo=dt.UTC),
    )
    assert year_features(heist_2008b, plan) == {"when_latest_gap": 0.0, "when_years_shared": 1.0}
    assert identity_evidence(heist_2008, heist_2009).features["when_latest_gap"] == log1p(1)
    explained = identity_evidence(heist_2008, heist_2009).explain()
    assert explained["event_years"] == {"a": 2008, "b": 2009}
    assert explained["different_years"] == [2008, 2009]
    assert "years: A 2008, B 2009 (different)" in identity_lines(explained)


def _person(name: str, sentence: int) -> Mention:
    return Mention(name, "PERSON", name, f"person:{name.lower()}", 0, len(name), sentence)


def test_who_lead_tells_two_arrests_of_one_team_apart() -> None:
    # Two reports of one arrest name the same lead; a report of a later arrest that
    # recalls the first names both players, but leads with another one.
    jackson = [_person("Vincent Jackson", 0), _person("Vincent Jackson", 2)]
    again = [_person("Vincent Jackson", 1), _person("Brad Baehr", 3), _person("Vincent Jackson", 4)]
    williams = [_person("Jamal Williams", 0), _person("Jamal Williams", 1)]
    williams += [_person("Vincent Jackson", 6)]
    f = identity_evidence(
        _analysis("Chargers receiver arrested", mentions=jackson),
        _analysis("Jackson arrested on DUI charge", mentions=again),
    ).features
    assert f["who_lead"] == 1.0
    f = identity_evidence(
        _analysis("Chargers receiver arrested", mentions=jackson),
        _analysis("Charger Jamal Williams arrested", mentions=williams),
    ).features
    assert f["who_lead"] == 0.5 and f["who_overlap"] == 1.0  # the overlap alone misleads
    f = identity_evidence(
        _analysis("a", mentions=[_person("Jamal Williams", 0)]),
        _analysis("b", mentions=[_person("Brad Baehr", 0)]),
    ).features
    assert f["who_lead"] == 0.0
    assert (
        identity_evidence(_analysis("a"), _analysis("b", mentions=williams)).features["who_lead"]
        == -1.0
    )
