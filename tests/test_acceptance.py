"""Issue #2 acceptance: the seed pair, cross-story and cross-lingual pairs, JSON contract."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from test_cli import run

pytestmark = pytest.mark.models

SEED_SHARED = {
    "entities": {"Benny Gantz", "Ilham Aliyev", "Zakir Hasanov", "Elchin Guliyev"},
    "places": {"Azerbaijan", "Israel", "Baku"},
}


@pytest.fixture(scope="module")
def seed_compare(seed_paths: list[Path]) -> dict[str, Any]:
    out = run(
        "compare", str(seed_paths[0]), str(seed_paths[1]), "--published", "2022-10-04", "--json"
    )
    assert out.returncode == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_compare_json_contract(seed_compare: dict[str, Any]) -> None:
    assert set(seed_compare) >= {
        "scores",
        "same_story",
        "shared",
        "only_a",
        "only_b",
        "conflicts",
        "aligned",
    }
    assert set(seed_compare["scores"]) == {
        "overall",
        "geography",
        "entities",
        "time",
        "narrative",
        "style",
        "tone",
    }
    for side in ("shared", "only_a", "only_b"):
        assert set(seed_compare[side]) == {"entities", "places", "dates", "numbers"}
        assert all(isinstance(x, str) for v in seed_compare[side].values() for x in v)
    assert 0.0 <= seed_compare["same_story"] <= 1.0


def test_seed_pair_is_the_same_story(seed_compare: dict[str, Any]) -> None:
    assert seed_compare["scores"]["overall"] <= 1.5
    assert seed_compare["same_story"] >= 0.5
    for kind, names in SEED_SHARED.items():
        assert names <= set(seed_compare["shared"][kind]), (kind, seed_compare["shared"][kind])
    assert seed_compare["aligned"], "cross-article sentence alignment found nothing"


def test_seed_analysis_cleaning_numbers_and_dates(engine: Any, seed_paths: list[Path]) -> None:
    when = dt.datetime(2022, 10, 4)
    first, second = (engine.analyse(engine.read_one(p), published=when) for p in seed_paths)
    for a in (first, second):
        assert "Laisser un commentaire" not in a.text
    assert second.article.title.startswith("En Azerbaïdjan, Gantz")
    values = {(q.value, q.unit) for a in (first, second) for q in a.quantities}
    assert (4.85e9, "USD") in values
    assert (60.0, "%") in values
    assert (6000.0, None) in values
    lundi = [d for d in second.dates if d.text.lower() == "lundi"]
    assert lundi and lundi[0].value == dt.date(2022, 10, 3) and lundi[0].relative
    # The Hasanov alias is linked to the short form inside the first article.
    hasanov = [m for m in first.mentions if "Hasanov" in m.text]
    assert hasanov and {m.canonical for m in hasanov} == {"Zakir Hasanov"}


def test_lundi_via_cli(seed_paths: list[Path]) -> None:
    out = run(
        "analyse", str(seed_paths[1]), "--published", "2022-10-04", "--json", "--embedder", "none"
    )
    assert out.returncode == 0, out.stderr
    dates = {d["text"].lower(): d["value"] for d in json.loads(out.stdout)["dates"]}
    assert dates.get("lundi") == "2022-10-03"


def _examples(engine: Any) -> tuple[list[Any], dict[str, str]]:
    from samestory.cli.demo import load_gold

    return engine.read(EXAMPLES / "corpus.jsonl"), load_gold(EXAMPLES)


def test_seed_vs_unrelated_example_is_dissimilar(engine: Any, seed_paths: list[Path]) -> None:
    articles, story_of = _examples(engine)
    seed = engine.read_one(seed_paths[0])
    # Every example story is unrelated to the seed event: check one per story.
    seen: set[str] = set()
    for art in articles:
        story = story_of[art.url]
        if story in seen:
            continue
        seen.add(story)
        score = engine.compare(seed, art)
        assert score.scores["overall"] >= 3.0, (story, score.scores, score.features)


def test_french_and_english_examples_on_one_story_are_similar(engine: Any) -> None:
    articles, story_of = _examples(engine)
    by_story: dict[str, dict[str, list[Any]]] = {}
    for art in articles:
        lang = engine.analyse(art).language
        by_story.setdefault(story_of[art.url], {}).setdefault(lang, []).append(art)
    pairs = [(v["fr"][0], v["en"][0]) for v in by_story.values() if "fr" in v and "en" in v]
    assert len(pairs) >= 3
    for fr, en in pairs:
        score = engine.compare(fr, en)
        # The engine's same-story call is the calibrated probability. learned-v3's 1-4
        # Overall runs ~0.1 pessimistic across languages (the Valencia pair: 2.01), so
        # the scale is held to "closer to similar than to dissimilar".
        assert score.same_story >= 0.5, (fr.title, en.title, score.same_story, score.scores)
        assert score.scores["overall"] < 2.5, (fr.title, en.title, score.scores, score.features)
