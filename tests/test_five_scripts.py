"""#17: one story told in five scripts gives consensus and a conflict across scripts.

examples/five-scripts.jsonl is one invented event (a tram derailment in Alexandria)
in English, Russian, Arabic, Chinese and Japanese; the injured count is 12 in the
first three and 15 in the last two. The report must bring sentences of different
scripts together, and the anchors it can cite (the resolved Monday, the contract's
1.2e9 EUR, Egypt's place key) must be the same value in every script, so the test
fails when names, dates or numbers stop being linked across scripts.
"""

from __future__ import annotations

import unicodedata

import pytest

from conftest import EXAMPLES
from samestory.report import build_report

pytestmark = pytest.mark.models


def script(text: str) -> str:
    """The script of a sentence: that of most of its letters (Han and kana as one)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        word = name.split()[0] if name else "?"
        if word in {"CJK", "HIRAGANA", "KATAKANA"}:
            word = "CJK"
        counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "?"


@pytest.fixture(scope="module")
def story(engine):  # type: ignore[no-untyped-def]
    articles = engine.read(EXAMPLES / "five-scripts.jsonl")
    analyses = engine.analyse_many(articles)
    return analyses, build_report(analyses, engine.settings)


def test_the_file_is_five_scripts(story) -> None:  # type: ignore[no-untyped-def]
    analyses, _ = story
    scripts = {script(a.article.body) for a in analyses}
    assert scripts == {"LATIN", "CYRILLIC", "ARABIC", "CJK"}  # zh and ja share Han
    assert {a.language for a in analyses} == {"en", "ru", "ar", "zh", "ja"}


def test_consensus_facts_span_three_scripts_on_shared_anchors(story) -> None:  # type: ignore[no-untyped-def]
    analyses, report = story
    by_id = {a.article.id: a for a in analyses}

    def anchors(article: str, sentence: int) -> set[str]:
        a = by_id[article]
        return (
            {f"d:{d.canonical}" for d in a.dates if d.sentence == sentence}
            | {f"n:{q.canonical}" for q in a.quantities if q.sentence == sentence}
            | {f"e:{m.key}" for m in a.mentions if m.sentence == sentence}
        )

    spanning = []
    for fact in report.facts:
        if fact.status != "consensus":
            continue
        refs = fact.refs
        assert all(r.text for r in refs)  # each cited with its sentence
        scripts = {script(r.text) for r in refs}
        shared = set.intersection(*(anchors(r.article, r.sentence) for r in refs))
        if len(scripts) >= 3 and shared:
            spanning.append((fact.text, scripts, shared))
    # The contract sentence: 1.2 billion euro / 1,2 млрд евро / 1.2 مليار يورو / 12亿欧元.
    assert any("n:1.2e+09 EUR" in shared for _, _, shared in spanning), spanning


def test_conflict_across_two_scripts_each_cited(story) -> None:  # type: ignore[no-untyped-def]
    _, report = story
    found = []
    for fact in report.facts:
        if fact.status != "conflict":
            continue
        by_value = {v["value"]: {script(s["text"]) for s in v["sources"]} for v in fact.values}
        if {"12", "15"} <= set(by_value):
            assert all(s["text"] for v in fact.values for s in v["sources"])
            found.append(by_value)
    assert found, [f.to_dict() for f in report.facts]
    twelve, fifteen = found[0]["12"], found[0]["15"]
    assert {"LATIN", "CYRILLIC", "ARABIC"} <= twelve and fifteen == {"CJK"}
