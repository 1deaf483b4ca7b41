"""Numbers, money and percentages: seeds plus hand-written sentences in en/fr/de/es."""

from __future__ import annotations

from pathlib import Path

import pytest

from samestory.analyse.quantities import extract_quantities
from samestory.analyse.sentences import split_sentences
from samestory.models import Quantity

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} is not available")
    return path.read_text(encoding="utf-8")


def _find(qs: list[Quantity], value: float, unit: str | None = None) -> Quantity:
    hits = [q for q in qs if q.value == pytest.approx(value) and q.unit == unit]
    assert hits, f"{value} {unit} not in {[(q.text, q.value, q.unit) for q in qs]}"
    return hits[0]


# (language, text, value, unit, counts, approximate)
CASES = [
    ("fr", "Il a acheté pour 4,85 milliards de dollars d'armes.", 4.85e9, "USD", "armes", False),
    ("fr", "La guerre a tué plus de 6 000 soldats.", 6000, None, "soldats", True),
    ("fr", "Elle a tué 6\u00a0000 soldats.", 6000, None, "soldats", False),
    ("fr", "Elle a tué 6\u202f000 soldats.", 6000, None, "soldats", False),
    ("fr", "Environ 60 % des importations.", 60, "%", "importations", True),
    ("fr", "Le chiffre est passé à presque 70%.", 70, "%", None, True),
    ("fr", "Un prêt de 1,5 million d'euros.", 1.5e6, "EUR", None, False),
    ("fr", "Il a payé 10 000 $.", 10000, "USD", None, False),
    ("fr", "Un budget de 20 M€.", 2e7, "EUR", None, False),
    ("fr", "Ils ont établi des relations il y a 30 ans.", 30, None, "ans", False),
    ("fr", "Une guerre de six semaines.", 6, None, "semaines", False),
    ("fr", "Deux semaines après les combats.", 2, None, "semaines", False),
    ("fr", "Vingt-cinq soldats sont morts.", 25, None, "soldats", False),
    ("fr", "Quatre-vingt-dix blessés.", 90, None, "blessés", False),
    ("fr", "Un milliard de dollars a été versé.", 1e9, "USD", None, False),
    ("fr", "Deux cent mille personnes ont fui.", 200000, None, "personnes", False),
    ("fr", "Une baisse de -3,5 % du PIB.", -3.5, "%", "pib", False),
    ("fr", "L'armée compte 2000 soldats.", 2000, None, "soldats", False),
    ("en", "Azerbaijan bought $4.85 bn of weapons.", 4.85e9, "USD", "weapons", False),
    ("en", "Azerbaijan bought $4.85 billion in arms.", 4.85e9, "USD", None, False),
    ("en", "The club paid £3m for him.", 3e6, "GBP", None, False),
    ("en", "A grant of €20 million was approved.", 2e7, "EUR", None, False),
    ("en", "Some 1,200 soldiers died.", 1200, None, "soldiers", True),
    ("en", "The war lasted two weeks.", 2, None, "weeks", False),
    ("en", "A hundred soldiers and one hundred and twenty tanks.", 120, None, "tanks", False),
    ("en", "A hundred soldiers marched.", 100, None, "soldiers", False),
    ("en", "About 60 percent of imports.", 60, "%", "imports", True),
    ("en", "More than 6,000 troops were killed.", 6000, None, "troops", True),
    ("en", "It raised US$3 million.", 3e6, "USD", None, False),
    ("en", "A six-week war.", 6, None, "week", False),
    ("en", "Nearly 70% of voters.", 70, "%", "voters", True),
    ("de", "Das kostet 2.5 Millionen Euro.", 2.5e6, "EUR", None, False),
    ("de", "Das kostet 3,2 Mrd. Euro.", 3.2e9, "EUR", None, False),
    ("de", "Mehr als 1.200 Soldaten starben.", 1200, None, "soldaten", True),
    ("de", "Fast 70 Prozent der Stimmen.", 70, "%", "stimmen", True),
    ("de", "Der Krieg dauerte zwei Wochen.", 2, None, "wochen", False),
    ("de", "Etwa 60 % der Importe.", 60, "%", "importe", True),
    ("de", "Rund 1,5 Milliarden Dollar flossen.", 1.5e9, "USD", None, True),
    ("es", "Murieron 1.200 soldados.", 1200, None, "soldados", False),
    ("es", "Un préstamo de 1,5 millones de euros.", 1.5e6, "EUR", None, False),
    ("es", "Compró armas por 4.850 millones de dólares.", 4.85e9, "USD", None, False),
    ("es", "Casi el 70% de los votos.", 70, "%", "votos", True),
    ("es", "Más de 6.000 soldados murieron.", 6000, None, "soldados", True),
    ("es", "La guerra duró dos semanas.", 2, None, "semanas", False),
    ("es", "Costó mil millones de dólares.", 1e9, "USD", None, False),
    ("es", "Unos 300 muertos.", 300, None, "muertos", True),
]


@pytest.mark.parametrize(("language", "text", "value", "unit", "counts", "approx"), CASES)
def test_quantity(
    language: str, text: str, value: float, unit: str | None, counts: str | None, approx: bool
) -> None:
    q = _find(extract_quantities(text, language), value, unit)
    assert q.counts == counts
    assert q.approximate is approx
    assert text[q.start : q.end] == q.text


# Numbers that are not quantities: years, days of month, times, identifiers, ordinals.
NOT_QUANTITIES = [
    ("fr", "En 2016, il a déclaré que le pays avait changé."),
    ("fr", "Les importations de 2015-2019 provenaient d'Israël."),
    ("fr", "Il est arrivé le 3 mai et repart le 1er juin."),
    ("fr", "Rendez-vous à 14h30 ou à 14:30."),
    ("fr", "Le système Arrow-3, le COVID-19 et un F-35."),
    ("fr", "Appelez le 01 23 45 67 89 ou le +33 1 23 45 67 89."),
    ("fr", "Le 2e tour et le XXe siècle, n° 3."),
    ("fr", "Le budget 2023 prévoit des coupes."),
    ("en", "In 2020, the 2020 election was held on November 3, 2020."),
    ("en", "The G7 met at 2pm; 3D printing and 5G were the 21st topic."),
    ("de", "Am 3. Oktober 2022 um 14 Uhr belegte er den 3. Platz."),
    ("de", "Im Jahr 2016 wurde das Gesetz 2016 geändert."),
    ("es", "El 3 de octubre de 2022, en 2016."),
]


@pytest.mark.parametrize(("language", "text"), NOT_QUANTITIES)
def test_not_quantities(language: str, text: str) -> None:
    assert extract_quantities(text, language) == []


def test_range_takes_the_unit_of_its_end() -> None:
    qs = extract_quantities("entre 2 et 3 millions de dollars", "fr")
    assert [(q.value, q.unit) for q in qs] == [(2e6, "USD"), (3e6, "USD")]
    qs = extract_quantities("15-20 % des voix", "fr")
    assert [(q.value, q.unit) for q in qs] == [(15, "%"), (20, "%")]


def test_metres_are_not_millions_without_a_currency() -> None:
    q = _find(extract_quantities("Il mesure 1,80 m.", "fr"), 1.8)
    assert q.counts == "m"


def test_other_languages_get_digits_currencies_and_percent() -> None:
    # A language without lang/<code>/numbers.py (Italian has one since issue #17).
    qs = extract_quantities("12,500 personer och 3.5% och $20 år 2016", "sv")
    assert {(q.value, q.unit) for q in qs} == {(12500, None), (3.5, "%"), (20, "USD")}
    assert all(q.counts is None for q in qs)
    assert extract_quantities("", "xx") == []


def test_sentence_index() -> None:
    text = "Premier point.\n\nLa guerre a tué 6 000 soldats."
    qs = extract_quantities(text, "fr", split_sentences(text, "fr"))
    assert [(q.value, q.sentence) for q in qs] == [(6000, 1)]


def test_seed_first() -> None:
    qs = extract_quantities(_seed("000_9bb00f41d191ae0b.txt"), "fr")
    sixty = _find(qs, 60, "%")
    assert sixty.approximate  # "Stockholmenviron 60 %": the approximator lost its space
    assert _find(qs, 70, "%").approximate
    assert _find(qs, 30).counts == "ans"
    assert not any(q.value in (2015, 2019, 2020, 2021, 3) for q in qs)  # years, "Arrow-3"


def test_seed_second() -> None:
    qs = extract_quantities(_seed("001_b45adcc6a9e51fe9.txt"), "fr")
    soldiers = _find(qs, 6000)
    assert soldiers.counts == "soldats" and soldiers.approximate
    assert soldiers.text == "plus de 6 000"
    money = _find(qs, 4.85e9, "USD")
    assert money.text == "4,85 milliards de dollars"
    assert _find(qs, 6).counts == "semaines"
    assert not any(q.value in (2016, 2020) for q in qs)


# Durations: one canonical value in seconds, whatever the language or the notation.
@pytest.mark.parametrize(
    ("language", "text", "seconds"),
    [
        ("fr", "Elle a gagné en 2 h 18 min 42 s, nouveau record.", 8322),
        ("en", "She won in two hours, 18 minutes and 24 seconds on Sunday.", 8304),
        ("en", "She won in 2:18:42 on Sunday.", 8322),
        ("es", "Ganó con un tiempo de 2:18:24, nuevo récord.", 8304),
        ("de", "Sie lief nach 2:18:24 Stunden über die Ziellinie.", 8304),
        ("de", "Sie brauchte 2 Stunden 18 Minuten.", 8280),
        ("es", "Bajó de las 2 horas y 10 minutos.", 7800),
        ("it", "Ha vinto in 2 ore 18 minuti e 42 secondi.", 8322),
        ("fr", "Les prochaines vingt-quatre heures seront décisives.", 86400),
        ("en", "Up to 180 mm of rain fell in 48 hours.", 172800),
        ("xx", "Time 2:05:51.", 7551),
    ],
)
def test_durations_are_seconds(language: str, text: str, seconds: float) -> None:
    q = _find(extract_quantities(text, language), seconds, "s")
    assert q.counts is None


def test_duration_forms_agree_across_languages() -> None:
    forms = [
        ("fr", "en 2 h 18 min 24 s"),
        ("en", "in two hours, 18 minutes and 24 seconds"),
        ("de", "nach 2:18:24 Stunden"),
        ("es", "con 2:18:24"),
        ("it", "in 2 ore, 18 minuti e 24 secondi"),
    ]
    values = set()
    for language, text in forms:
        qs = [q for q in extract_quantities(text, language) if q.unit == "s"]
        assert len(qs) == 1, (text, qs)
        values.add(qs[0].value)
    assert values == {8304.0}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Rendez-vous à 14 h 30 place de la Mairie."),
        ("en", "The meeting starts at 14:30."),
        ("de", "Um 14:30 Uhr beginnt die Sitzung."),
        ("en", "It's 5 s and 3 h."),  # bare "s"/"h" need a chain
    ],
)
def test_times_of_day_and_lone_abbreviations_are_not_durations(language: str, text: str) -> None:
    assert not [q for q in extract_quantities(text, language) if q.unit == "s"]


def test_a_list_of_durations_is_not_one_chain() -> None:
    qs = [q for q in extract_quantities("seit drei Tagen, 2,5 Stunden später", "de")]
    assert sorted(q.value for q in qs if q.unit == "s") == [9000.0, 259200.0]
    qs = extract_quantities("2 Stunden 90 Minuten", "de")
    assert sorted(q.value for q in qs if q.unit == "s") == [5400.0, 7200.0]


def test_durations_are_equal_only_to_the_second_unless_approximate() -> None:
    from samestory.match.facts import numbers_equal

    a = Quantity("2:18:42", 8322, "s", None, 0, 1)
    b = Quantity("2:18:24", 8304, "s", None, 0, 1)
    assert not numbers_equal(a, b, 0.05)  # 0.2 % apart, yet a different finish time
    assert numbers_equal(a, Quantity("2 h 18 min 42 s", 8322, "s", None, 0, 1), 0.05)
    about = Quantity("about 48 hours", 172800, "s", None, 0, 1, approximate=True)
    assert numbers_equal(about, Quantity("47 hours", 169200, "s", None, 0, 1), 0.05)


def test_a_duration_reads_as_hours_minutes_seconds():
    from samestory.models import Quantity

    assert Quantity("2:18:42", 8322.0, "s", None, 0, 7).canonical == "2 h 18 min 42 s"
    assert Quantity("48 hours", 172800.0, "s", None, 0, 8).canonical == "2 d"
    assert Quantity("30 s", 30.0, "s", None, 0, 4).canonical == "30 s"
