"""Date expressions: seeds plus hand-written sentences in en/fr/de/es."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samestory.analyse.dates import date_spans, extract_dates
from samestory.analyse.sentences import split_sentences
from samestory.models import DateMention

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
PUB = dt.datetime(2022, 10, 4, 9, 30)  # a Tuesday
D = dt.date


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} is not available")
    return path.read_text(encoding="utf-8")


def _by_text(dates: list[DateMention]) -> dict[str, DateMention]:
    return {d.text.lower(): d for d in dates}


# (language, text, expression, value, end, granularity, relative)
CASES = [
    ("fr", "Il a conclu lundi une visite.", "lundi", D(2022, 10, 3), None, "day", True),
    ("fr", "Il est venu mardi.", "mardi", D(2022, 10, 4), None, "day", True),
    ("fr", "Il est venu lundi dernier.", "lundi dernier", D(2022, 10, 3), None, "day", True),
    ("fr", "Il viendra lundi prochain.", "lundi prochain", D(2022, 10, 10), None, "day", True),
    (
        "fr",
        "Il s'est rendu cette semaine à Bakou.",
        "cette semaine",
        D(2022, 10, 3),
        D(2022, 10, 9),
        "week",
        True,
    ),
    (
        "fr",
        "La semaine dernière, rien.",
        "la semaine dernière",
        D(2022, 9, 26),
        D(2022, 10, 2),
        "week",
        True,
    ),
    (
        "fr",
        "En mai dernier, des rapports.",
        "mai dernier",
        D(2022, 5, 1),
        D(2022, 5, 31),
        "month",
        True,
    ),
    (
        "fr",
        "Des liens établis il y a 30 ans.",
        "il y a 30 ans",
        D(1992, 1, 1),
        D(1992, 12, 31),
        "year",
        True,
    ),
    (
        "fr",
        "Il y a deux semaines.",
        "il y a deux semaines",
        D(2022, 9, 19),
        D(2022, 9, 25),
        "week",
        True,
    ),
    ("fr", "Il est parti hier.", "hier", D(2022, 10, 3), None, "day", True),
    ("fr", "Aujourd’hui, il parle.", "aujourd’hui", D(2022, 10, 4), None, "day", True),
    ("fr", "En 2016, il a déclaré.", "2016", D(2016, 1, 1), D(2016, 12, 31), "year", False),
    (
        "fr",
        "Puis, en octobre 2021, l'achat.",
        "octobre 2021",
        D(2021, 10, 1),
        D(2021, 10, 31),
        "month",
        False,
    ),
    ("fr", "Le 3 octobre 2022 au soir.", "3 octobre 2022", D(2022, 10, 3), None, "day", False),
    ("fr", "Le 1er mai, défilé.", "1er mai", D(2022, 5, 1), None, "day", True),
    (
        "fr",
        "Les importations en 2015-2019.",
        "2015-2019",
        D(2015, 1, 1),
        D(2019, 12, 31),
        "year",
        False,
    ),
    ("fr", "Début mars, la crise.", "mars", D(2022, 3, 1), D(2022, 3, 31), "month", True),
    ("fr", "Dans les années 1990.", "années 1990", D(1990, 1, 1), D(1999, 12, 31), "decade", False),
    (
        "fr",
        "En mai de l'année dernière.",
        "mai de l'année dernière",
        D(2021, 5, 1),
        D(2021, 5, 31),
        "month",
        True,
    ),
    ("fr", "Publié le 2022-10-03.", "2022-10-03", D(2022, 10, 3), None, "day", False),
    ("fr", "Publié le 03/10/2022.", "03/10/2022", D(2022, 10, 3), None, "day", False),
    ("en", "He arrived on Monday.", "monday", D(2022, 10, 3), None, "day", True),
    (
        "en",
        "This week he met the president.",
        "this week",
        D(2022, 10, 3),
        D(2022, 10, 9),
        "week",
        True,
    ),
    ("en", "Reports emerged last May.", "last may", D(2022, 5, 1), D(2022, 5, 31), "month", True),
    (
        "en",
        "Relations began 30 years ago.",
        "30 years ago",
        D(1992, 1, 1),
        D(1992, 12, 31),
        "year",
        True,
    ),
    ("en", "It happened yesterday.", "yesterday", D(2022, 10, 3), None, "day", True),
    ("en", "It is today.", "today", D(2022, 10, 4), None, "day", True),
    ("en", "In 2016, Aliyev said.", "2016", D(2016, 1, 1), D(2016, 12, 31), "year", False),
    (
        "en",
        "In October 2021, talks.",
        "october 2021",
        D(2021, 10, 1),
        D(2021, 10, 31),
        "month",
        False,
    ),
    ("en", "On October 3, 2022, he left.", "october 3, 2022", D(2022, 10, 3), None, "day", False),
    ("en", "In the 1990s.", "1990s", D(1990, 1, 1), D(1999, 12, 31), "decade", False),
    ("en", "A year ago.", "a year ago", D(2021, 1, 1), D(2021, 12, 31), "year", True),
    ("de", "Er kam am Montag.", "montag", D(2022, 10, 3), None, "day", True),
    ("de", "Diese Woche traf er.", "diese woche", D(2022, 10, 3), D(2022, 10, 9), "week", True),
    (
        "de",
        "Im vergangenen Mai gab es Berichte.",
        "vergangenen mai",
        D(2022, 5, 1),
        D(2022, 5, 31),
        "month",
        True,
    ),
    (
        "de",
        "Die Beziehungen begannen vor 30 Jahren.",
        "vor 30 jahren",
        D(1992, 1, 1),
        D(1992, 12, 31),
        "year",
        True,
    ),
    ("de", "Er kam gestern.", "gestern", D(2022, 10, 3), None, "day", True),
    (
        "de",
        "Am 3. Oktober 2022 feierte man.",
        "3. oktober 2022",
        D(2022, 10, 3),
        None,
        "day",
        False,
    ),
    (
        "de",
        "Im Oktober 2021 wurde verhandelt.",
        "oktober 2021",
        D(2021, 10, 1),
        D(2021, 10, 31),
        "month",
        False,
    ),
    ("de", "Im Jahr 2016 sagte er.", "2016", D(2016, 1, 1), D(2016, 12, 31), "year", False),
    ("es", "Llegó el lunes.", "lunes", D(2022, 10, 3), None, "day", True),
    ("es", "Esta semana se reunió.", "esta semana", D(2022, 10, 3), D(2022, 10, 9), "week", True),
    (
        "es",
        "El pasado mayo hubo informes.",
        "el pasado mayo",
        D(2022, 5, 1),
        D(2022, 5, 31),
        "month",
        True,
    ),
    (
        "es",
        "Las relaciones empezaron hace 30 años.",
        "hace 30 años",
        D(1992, 1, 1),
        D(1992, 12, 31),
        "year",
        True,
    ),
    ("es", "Llegó ayer.", "ayer", D(2022, 10, 3), None, "day", True),
    (
        "es",
        "El 3 de octubre de 2022 salió.",
        "3 de octubre de 2022",
        D(2022, 10, 3),
        None,
        "day",
        False,
    ),
    (
        "es",
        "En octubre de 2021 negoció.",
        "octubre de 2021",
        D(2021, 10, 1),
        D(2021, 10, 31),
        "month",
        False,
    ),
    ("es", "En 2016 dijo.", "2016", D(2016, 1, 1), D(2016, 12, 31), "year", False),
]


@pytest.mark.parametrize(
    ("language", "text", "expr", "value", "end", "granularity", "relative"), CASES
)
def test_date(
    language: str,
    text: str,
    expr: str,
    value: dt.date,
    end: dt.date | None,
    granularity: str,
    relative: bool,
) -> None:
    found = _by_text(extract_dates(text, language, PUB))
    assert expr in found, f"{expr!r} not in {list(found)}"
    d = found[expr]
    assert (d.value, d.end, d.granularity, d.relative) == (
        value,
        end or value,
        granularity,
        relative,
    )
    assert text[d.start_char : d.end_char] == d.text


NOT_DATES = [
    ("fr", "La planète Mars est rouge. Mars est loin."),
    ("fr", "Il a tué 2000 soldats et 12 civils."),
    ("en", "It may rain. The march was long. Theresa May spoke."),
    ("en", "He bought 2,000 shares for $2000."),
    ("de", "Am Morgen sprach August mit der Acht."),
    ("es", "Por la mañana, Domingo habló con 2000 soldados."),
]


@pytest.mark.parametrize(("language", "text"), NOT_DATES)
def test_not_dates(language: str, text: str) -> None:
    assert extract_dates(text, language, PUB) == []


def test_relative_needs_published() -> None:
    text = "Lundi, il y a 30 ans, en mai dernier, le 3 mai ; en 2016 et le 3 octobre 2022."
    found = _by_text(extract_dates(text, "fr", None))
    assert set(found) == {"2016", "3 octobre 2022"}
    assert not any(d.relative for d in found.values())


def test_published_as_date_and_same_weekday() -> None:
    d = extract_dates("Il arrive mardi.", "fr", dt.date(2022, 10, 4))[0]
    assert d.value == dt.date(2022, 10, 4)
    d = extract_dates("Il arrive mardi dernier.", "fr", dt.date(2022, 10, 4))[0]
    assert d.value == dt.date(2022, 9, 27)


def test_month_without_year_is_the_nearest_leaning_past() -> None:
    found = _by_text(extract_dates("En novembre et en mars.", "fr", PUB))
    assert found["novembre"].value == dt.date(2022, 11, 1)
    assert found["mars"].value == dt.date(2022, 3, 1)


def test_fallback_language_uses_dateparser_locale() -> None:
    found = _by_text(extract_dates("Il 3 ottobre 2022, ieri, nel 2016.", "it", PUB))
    assert found["3 ottobre 2022"].value == dt.date(2022, 10, 3)
    assert found["ieri"].value == dt.date(2022, 10, 3)
    assert found["2016"].granularity == "year"
    assert [d.text for d in extract_dates("2022-10-03 and 2015-2019", "xx", None)] == [
        "2022-10-03",
        "2015-2019",
    ]


def test_date_spans_cover_digits_only() -> None:
    text = "Il y a 30 ans, le 3 mai 2016."
    assert [text[s:e] for s, e in date_spans(text, "fr")] == ["3 mai 2016"]


def test_sentence_index() -> None:
    text = "Premier point.\n\nIl est venu lundi."
    dates = extract_dates(text, "fr", PUB, split_sentences(text, "fr"))
    assert [(d.text, d.sentence) for d in dates] == [("lundi", 1)]


def test_seed_first() -> None:
    found = _by_text(extract_dates(_seed("000_9bb00f41d191ae0b.txt"), "fr", PUB))
    assert found["cette semaine"].canonical == "2022-10-03/2022-10-09"
    assert found["il y a 30 ans"].value == dt.date(1992, 1, 1)
    assert (found["2015-2019"].value, found["2015-2019"].end) == (D(2015, 1, 1), D(2019, 12, 31))
    assert found["2020"].canonical == "2020"
    assert found["mai dernier"].canonical == "2022-05"
    assert found["octobre 2021"].canonical == "2021-10" and not found["octobre 2021"].relative


def test_seed_second() -> None:
    dates = extract_dates(_seed("001_b45adcc6a9e51fe9.txt"), "fr", PUB)
    found = _by_text(dates)
    assert found["lundi"].value == dt.date(2022, 10, 3) and found["lundi"].relative
    assert {"2020", "2016"} <= set(found)


def test_upper_case_turkish_months_do_not_crash() -> None:
    # "MAYIS".lower() is "mayis" and "NİSAN".lower() has a combining dot: neither is
    # spelt like the table's "mayıs"/"nisan"; this once raised KeyError mid-batch.
    found = extract_dates("Karar 15 MAYIS 2021 ve 3 NİSAN 2020 tarihlerinde alındı.", "tr", None)
    assert [(d.value.isoformat(), d.granularity) for d in found] == [
        ("2021-05-15", "day"),
        ("2020-04-03", "day"),
    ]


def test_turkish_ago_without_the_dotless_i_is_resolved_not_a_crash() -> None:
    # The patterns ignore case, so "3 yil önce" (ASCII i, as scraped Turkish often has
    # it) matched "yıl" and then missed the table: a KeyError on SemEval's Turkish texts.
    when = dt.datetime(2020, 5, 4, tzinfo=dt.UTC)
    for text in (
        "Bu olay 3 yil önce oldu.",
        "Bu olay 3 YIL önce oldu.",
        "Bu olay 3 yıl önce oldu.",
    ):
        (mention,) = extract_dates(text, "tr", when, None)
        assert (mention.value, mention.granularity) == (dt.date(2017, 1, 1), "year")
