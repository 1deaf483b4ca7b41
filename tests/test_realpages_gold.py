"""The real-page gold's schema and the matching rules of bench_realpages (no models).

The gold file lives in benchmarks/, so its schema is always checked; only the checks
against the pages themselves need ../shared/data and skip without it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import _realpages_gold as realgold  # noqa: E402
import bench_realpages as bench  # noqa: E402
from _realpages_match import (  # noqa: E402
    date_right,
    has_time,
    norm,
    outlet_right,
    person_matches,
    place_matches,
    score_persons,
    score_places,
    time_right,
)

DATA = ROOT.parent / "shared" / "data" / "trafilatura-eval"
KINDS = {"continent", "country", "region", "town", "local", "feature"}
FIELDS = {
    "file",
    "url",
    "language",
    "published",
    "published_also",
    "time",
    "tz",
    "time_also",
    "outlet",
    "outlet_aliases",
    "places",
    "places_optional",
    "persons",
    "notes",
}
DAY = re.compile(r"\d{4}-\d\d(-\d\d)?")


@pytest.fixture(scope="module")
def gold() -> list[dict]:  # type: ignore[type-arg]
    return realgold.load_gold()


def test_gold_covers_sixty_pages_in_eight_languages(gold: list[dict]) -> None:  # type: ignore[type-arg]
    assert len(gold) >= 60
    assert len({g["language"] for g in gold}) >= 8
    assert len({g["file"] for g in gold}) == len(gold)


def test_gold_schema(gold: list[dict]) -> None:  # type: ignore[type-arg]
    for g in gold:
        where = g.get("file")
        assert set(g) == FIELDS, where
        for day in [g["published"], *g["published_also"]]:
            assert DAY.fullmatch(day), where
            dt.date.fromisoformat(day if len(day) == 10 else f"{day}-01")
        if g["time"] is None:
            assert g["tz"] is None, where
        else:
            hh, mm = map(int, g["time"].split(":"))
            assert 0 <= hh < 24 and 0 <= mm < 60, where
        assert g["tz"] is None or re.fullmatch(r"[+-]\d\d:\d\d", g["tz"]), where
        assert g["time"] is not None or not g["time_also"], where
        for alt in g["time_also"]:
            assert re.fullmatch(r"\d\d:\d\d([+-]\d\d:\d\d)?", alt), where
        assert g["outlet"].strip() and all(a.strip() for a in g["outlet_aliases"]), where
        for p in g["places"]:
            assert set(p) == {"name", "en", "kind"} and p["kind"] in KINDS, where
            assert p["name"].strip() and p["en"].strip(), where
        for p in g["persons"]:
            assert set(p) == {"name", "aliases"} and p["name"].strip(), where
            assert isinstance(p["aliases"], list), where
        assert all(isinstance(o, str) and o.strip() for o in g["places_optional"]), where
        names = [norm(p["name"]) for p in g["places"]]
        assert len(names) == len(set(names)), f"{where}: a place listed twice"


def test_gold_holds_labels_not_text(gold: list[dict]) -> None:  # type: ignore[type-arg]
    # The pages are third parties' text: only names and short notes may be stored.
    for g in gold:
        assert len(g["notes"]) < 700, g["file"]
        for p in g["places"] + g["persons"]:
            assert len(p["name"]) < 80, g["file"]


def test_gold_pages_exist_with_their_urls(gold: list[dict]) -> None:  # type: ignore[type-arg]
    if not (DATA / "evaldata.json").is_file():
        pytest.skip("../shared/data/trafilatura-eval is not available")
    evaldata = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    for g in gold:
        assert (DATA / "pages" / g["file"]).is_file(), g["file"]
        assert evaldata[g["url"]]["file"] == g["file"]


def test_gold_leaves_out_other_helpers_regression_pages(gold: list[dict]) -> None:  # type: ignore[type-arg]
    if not (DATA / "pages").is_dir():
        pytest.skip("../shared/data/trafilatura-eval is not available")
    from realpages_draw import EXCLUDE, regression_pages

    later = realgold.half_c_files() | realgold.half_d_files() | realgold.half_e_files()
    final = realgold.half_f_files()
    regression = regression_pages()
    for g in gold:
        if g["file"] in final:
            # The out-of-sample half F holds no page a test names (no test may tune on it).
            assert g["file"] not in regression, g["file"]
            continue
        if g["file"] in later:
            # Halves C-E dropped the string rule; in-sample since sessions 14-16, so
            # tests may name their pages as regression cases.
            continue
        html = (DATA / "pages" / g["file"]).read_bytes().decode("utf-8", "replace").lower()
        assert not [s for s in EXCLUDE if s.lower() in html], g["file"]


def test_half_c_is_thirty_pages_on_sites_of_its_own(gold: list[dict]) -> None:  # type: ignore[type-arg]
    later = realgold.half_c_files()
    assert len(later) >= 30
    split = realgold.halves(gold)
    for g in gold:
        assert (split[realgold.site(g)] == "C") == (g["file"] in later), g["file"]
    first = [g for g in gold if g["file"] not in later | realgold.half_d_files()
             | realgold.half_e_files() | realgold.half_f_files()]  # fmt: skip
    assert {split[realgold.site(g)] for g in first} == {"A", "B"}


def test_half_d_is_thirty_pages_on_sites_of_no_earlier_half(gold: list[dict]) -> None:  # type: ignore[type-arg]
    last = realgold.half_d_files()
    assert len(last) >= 30
    split = realgold.halves(gold)
    earlier = {realgold.site(g) for g in gold if g["file"] not in last}
    for g in gold:
        assert (split[realgold.site(g)] == "D") == (g["file"] in last), g["file"]
        if g["file"] in last:
            assert realgold.site(g) not in earlier, g["file"]


def test_half_e_is_fifteen_pages_on_sites_of_no_earlier_half(gold: list[dict]) -> None:  # type: ignore[type-arg]
    newest = realgold.half_e_files()
    assert len(newest) >= 15
    split = realgold.halves(gold)
    earlier = {realgold.site(g) for g in gold if g["file"] not in newest}
    for g in gold:
        assert (split[realgold.site(g)] == "E") == (g["file"] in newest), g["file"]
        if g["file"] in newest:
            assert realgold.site(g) not in earlier, g["file"]


def test_half_f_is_fifteen_pages_on_sites_of_no_earlier_half(gold: list[dict]) -> None:  # type: ignore[type-arg]
    final = realgold.half_f_files()
    assert len(final) >= 15
    split = realgold.halves(gold)
    earlier = {realgold.site(g) for g in gold if g["file"] not in final}
    for g in gold:
        assert (split[realgold.site(g)] == "F") == (g["file"] in final), g["file"]
        if g["file"] in final:
            assert realgold.site(g) not in earlier, g["file"]


def test_norm_drops_accents_case_and_punctuation() -> None:
    assert norm("São  Paulo") == norm("sao paulo")
    assert norm("Kosiniak-Kamysz") == "kosiniak kamysz"
    assert norm("Świnoujście") == "swinoujscie"


def test_place_matches_name_english_form_and_inflection() -> None:
    warsaw = {"name": "Warszawa", "en": "Warsaw"}
    assert place_matches({"Warsaw"}, warsaw)  # a gazetteer's canonical name
    assert place_matches({"WARSZAWA"}, warsaw)
    assert place_matches({"Warszawie"}, warsaw, "pl")  # Polish locative
    assert not place_matches({"Warszawie"}, warsaw, "en")  # stems only where names inflect
    assert not place_matches({"Niger"}, {"name": "Nigeria", "en": "Nigeria"}, "en")
    assert not place_matches({"Paris"}, {"name": "Parma", "en": "Parma"}, "it")


def test_place_matches_without_a_kind_of_place_word_only() -> None:
    seymour = {"name": "isla Seymour", "en": "Seymour Island"}
    assert place_matches({"Seymour"}, seymour)
    assert place_matches({"Zandmotor beach"}, {"name": "Zandmotor", "en": "Zandmotor"})
    # Dropping "Drive" or "County" would name another place (a city).
    assert not place_matches({"Dresden"}, {"name": "Dresden Drive", "en": "Dresden Drive"})
    assert not place_matches({"Napa"}, {"name": "Napa County", "en": "Napa County"})


def test_person_matches_sub_and_super_spans_on_whole_words_in_order() -> None:
    suzart = {"name": "Alessandro Souza Suzart", "aliases": []}
    assert person_matches({"Suzart"}, suzart)
    assert person_matches({"Alessandro Suzart"}, suzart)  # a middle name dropped
    assert person_matches({"Alessandro Souza Suzart da Silva"}, suzart)  # a longer span
    assert not person_matches({"Suzart Alessandro"}, suzart)  # order matters
    assert not person_matches({"Souza"}, {"name": "Souzana Lima", "aliases": []})
    assert not person_matches({"Michelle"}, {"name": "Charles Michel", "aliases": []})
    assert person_matches({"Mr. Marcus"}, {"name": "David Marcus", "aliases": ["Mr. Marcus"]})


def test_score_places_counts_optional_names_nowhere() -> None:
    gold = [{"name": "Polska", "en": "Poland"}, {"name": "Gdańsk", "en": "Gdansk"}]
    predicted = [{"Poland", "Polsce"}, {"European Union", "UE"}, {"Dane"}]
    c, false, missed = score_places(predicted, gold, ["UE"], "pl")
    assert (c.predicted, c.correct, c.gold, c.found) == (2, 1, 2, 1)
    assert false == ["Dane"] and missed == ["Gdańsk"]
    assert c.precision == 0.5 and c.recall == 0.5


def test_score_persons() -> None:
    gold = [{"name": "Roman Prymula", "aliases": ["Prymula"]}, {"name": "Miloš Zeman"}]
    c, false, missed = score_persons([{"Prymula"}, {"Intrigués"}], gold)
    assert (c.predicted, c.correct, c.found) == (2, 1, 1)
    assert false == ["Intrigués"] and missed == ["Miloš Zeman"]


def test_date_in_gold_zone_month_precision_and_alternatives() -> None:
    g = {"published": "2020-02-19", "tz": "+01:00"}
    late_utc = dt.datetime(2020, 2, 18, 23, 30, tzinfo=dt.UTC)  # 00:30 on the 19th at +01:00
    assert date_right(late_utc, g)
    assert not date_right(dt.datetime(2020, 2, 18, 23, 30), g)  # naive: taken as written
    assert not date_right(None, g)
    assert date_right(dt.datetime(2021, 4, 1), {"published": "2021-04", "tz": None})
    assert not date_right(dt.datetime(2021, 5, 1), {"published": "2021-04", "tz": None})
    both = {"published": "2022-05-10", "published_also": ["2022-05-11"], "tz": None}
    assert date_right(dt.datetime(2022, 5, 11), both)


def _article(published: dt.datetime | None, **extra: object) -> SimpleNamespace:
    return SimpleNamespace(published=published, **extra)


def test_time_kept_and_not_invented() -> None:
    given = {"published": "2021-05-11", "time": "11:49", "tz": "+02:00"}
    utc = dt.datetime(2021, 5, 11, 9, 49, 18, tzinfo=dt.UTC)
    assert time_right(_article(utc), given)
    assert not time_right(_article(dt.datetime(2021, 5, 11, 9, 49)), given)  # zone lost
    assert time_right(_article(dt.datetime(2021, 5, 11, 11, 50)), given)  # within a minute
    assert not time_right(_article(dt.datetime(2021, 5, 11)), given)  # midnight = unknown
    none = {"published": "2021-05-12", "time": None, "tz": None}
    assert time_right(_article(dt.datetime(2021, 5, 12)), none)
    assert not time_right(_article(dt.datetime(2021, 5, 12, 8, 0)), none)  # invented
    # A model that says explicitly whether it knows the time is believed.
    assert time_right(_article(utc, date_only=True), none)
    assert not has_time(_article(dt.datetime(2021, 5, 12), date_only=True))
    assert has_time(_article(dt.datetime(2021, 5, 12), date_only=False))
    # A second time the page's own data gives counts too, in its own zone.
    spox = {"time": "11:17", "tz": "+01:00", "time_also": ["11:38+01:00"]}
    assert time_right(_article(dt.datetime(2022, 2, 4, 10, 38, tzinfo=dt.UTC)), spox)
    assert not time_right(_article(dt.datetime(2022, 2, 4, 10, 50, tzinfo=dt.UTC)), spox)


def test_outlet_normalised_against_name_and_aliases() -> None:
    g = {"outlet": "Do Rzeczy", "outlet_aliases": ["DoRzeczy.pl"]}
    assert outlet_right("DO RZECZY", g)
    assert outlet_right("dorzeczy.pl", g)
    assert not outlet_right("Damian Cygan", g)
    assert not outlet_right(None, g)


class _FailingEngine:
    def read(self, path: Path) -> list[object]:
        raise RuntimeError("unreadable")

    def analyse(self, article: object) -> object:  # pragma: no cover - never reached
        raise AssertionError


def test_a_page_that_fails_counts_as_a_failure_not_a_crash() -> None:
    g = {
        "file": "x.html",
        "language": "de",
        "published": "2020-01-01",
        "time": "10:00",
        "tz": None,
        "places": [{"name": "Berlin", "en": "Berlin", "kind": "town"}],
        "persons": [{"name": "A B", "aliases": []}],
    }
    tally, detail = bench.score_page(g, _FailingEngine())
    assert "RuntimeError: unreadable" in detail["error"]
    assert (tally.places.gold, tally.places.found, tally.persons.gold) == (1, 0, 1)
    assert (tally.date, tally.time_given, tally.time_kept, tally.outlet) == (0, 1, 0, 0)


def test_errors_are_shown_for_in_sample_halves_only_unless_forced() -> None:
    assert bench.error_halves("A,b") == {"A", "B"}
    assert bench.error_halves("A,B,c,d,e") == {"A", "B", "C", "D", "E"}
    assert bench.error_halves("") == set()
    with pytest.raises(ValueError, match="out-of-sample"):
        bench.error_halves("E,F")
    assert bench.error_halves("F", force=True) == {"F"}
    with pytest.raises(ValueError, match="no half"):
        bench.error_halves("G")
