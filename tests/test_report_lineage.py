"""report/lineage: copies (MinHash LSH), translations (alignment), direction, first report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from samestory.models import Analysis, Article, Sentence
from samestory.report.facts import Story
from samestory.report.lineage import copy_groups, find_lineage, first_reported
from samestory.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
T0 = dt.datetime(2025, 3, 20, 9, 0, tzinfo=dt.UTC)

WIRE = (
    "Flash floods swept through the Ribera Alta overnight, killing at least seven people. "
    "Regional emergency chief Carmen Llorens said four more were missing in Algemesi. "
    "The weather agency recorded 310 litres per square metre in twelve hours at Carcaixent. "
    "Soldiers of the emergency unit rescued more than 150 people from homes and cars. "
    "Rail traffic between Valencia and Xativa remained suspended on Tuesday evening."
)
OTHER = (
    "The marathon was won by an Ethiopian runner in a course record on a warm Sunday. "
    "A Kenyan took the men's race in a sprint finish along the river after three hours."
)


def analysis(
    body: str, *, outlet: str, language: str = "en", minutes: int | None = 0, vectors=None
) -> Analysis:  # type: ignore[no-untyped-def]
    published = None if minutes is None else T0 + dt.timedelta(minutes=minutes)
    art = Article.create("Title", body, outlet=outlet, language=language, published=published)
    parts = [s.strip() + "." for s in body.split(".") if s.strip()]
    sentences, pos = [], 0
    for i, s in enumerate(parts):
        start = art.text.find(s, pos)
        sentences.append(Sentence(i, s, start, start + len(s)))
        pos = start + len(s)
    emb = vectors if vectors is not None else np.eye(len(parts), 8, dtype=np.float32)
    head = emb.mean(axis=0)
    return Analysis(
        article=art,
        language=language,
        text=art.text,
        sentences=sentences,
        sentence_embeddings=emb,
        embedding=head / np.linalg.norm(head),
    )


def links(analyses: list[Analysis]) -> list[tuple[str, str, str]]:
    story = Story(analyses, Settings())
    return [(story.outlets[x.source], story.outlets[x.target], x.kind) for x in find_lineage(story)]


def test_same_language_copy_found_and_directed_by_publication_time() -> None:
    original = analysis(WIRE, outlet="Wire", minutes=0)
    copy = analysis(
        WIRE.replace("overnight", "during the night") + " (With agency material.)",
        outlet="Daily",
        minutes=45,
    )
    unrelated = analysis(OTHER, outlet="Sport", minutes=10, vectors=np.eye(2, 8, 5, np.float32))
    # The copy is passed first: direction must come from time, not input order.
    assert links([copy, unrelated, original]) == [("Wire", "Daily", "copy")]


def test_copy_direction_unknown_without_dates() -> None:
    a = analysis(WIRE, outlet="A", minutes=None)
    b = analysis(WIRE + " Extra line here.", outlet="B", minutes=None)
    found = find_lineage(Story([a, b], Settings()))
    assert len(found) == 1 and not found[0].directed


def test_translation_found_from_sentence_alignment_across_languages() -> None:
    fr = analysis(
        "Des crues soudaines ont tué sept personnes. Quatre sont disparues. Il a plu 310 litres. "
        "Plus de 150 personnes ont été secourues. Le trafic ferroviaire est suspendu.",
        outlet="Journal",
        language="fr",
        minutes=90,
    )
    en = analysis(WIRE, outlet="Wire", minutes=0)
    assert links([fr, en]) == [("Wire", "Journal", "translation")]


def test_loosely_related_articles_in_two_languages_are_not_translations() -> None:
    en = analysis(WIRE, outlet="Wire", minutes=0)
    vectors = np.eye(5, 8, dtype=np.float32)[[0, 4, 2, 1, 3]]  # aligned, order scrambled
    vectors[[1, 3, 4]] = np.eye(3, 8, 5, dtype=np.float32)  # and mostly different content
    de = analysis(
        "Sieben Tote. Ganz anderes. Regen. Noch etwas. Und mehr.",
        outlet="Zeitung",
        language="de",
        minutes=30,
        vectors=vectors,
    )
    assert links([en, de]) == []


def test_siblings_of_one_source_are_not_linked_to_each_other() -> None:
    en = analysis(WIRE, outlet="Wire", minutes=0)
    fr = analysis("Un. Deux. Trois. Quatre. Cinq.", outlet="Journal", language="fr", minutes=60)
    de = analysis("Eins. Zwei. Drei. Vier. Fünf.", outlet="Zeitung", language="de", minutes=90)
    found = links([en, fr, de])
    assert sorted(found) == [("Wire", "Journal", "translation"), ("Wire", "Zeitung", "translation")]


def test_first_reported_and_copy_groups() -> None:
    a = analysis(WIRE, outlet="Wire", minutes=5)
    b = analysis(WIRE + " (Agency.)", outlet="Daily", minutes=50)
    c = analysis(OTHER, outlet="Sport", minutes=1, vectors=np.eye(2, 8, 5, np.float32))
    story = Story([a, b, c], Settings())
    assert first_reported(story)["outlet"] == "Sport"  # type: ignore[index]
    groups = copy_groups(story, find_lineage(story))
    assert groups[0] == groups[1] != groups[2]


def test_many_copies_are_all_found() -> None:
    """200 articles: LSH finds every copy (its speed is measured by bench_report.py)."""
    base = [analysis(WIRE, outlet="Wire", minutes=0)]
    for k in range(199):
        base.append(analysis(WIRE + f" Edition {k} note.", outlet=f"Outlet {k}", minutes=k + 1))
    found = find_lineage(Story(base, Settings()))
    assert sum(1 for x in found if x.kind == "copy" and x.source == 0) == 199


@pytest.mark.models
def test_example_court_story_lineage(engine) -> None:  # type: ignore[no-untyped-def]
    corpus = ROOT / "examples" / "corpus.jsonl"
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    url_to_id = {r["url"]: r["id"] for r in records if r["id"].startswith("court-")}
    articles = [a for a in engine.read(corpus) if a.url in url_to_id]
    story = Story(engine.analyse_many(articles), engine.settings)
    found = {
        (
            url_to_id[story.analyses[x.source].article.url],
            url_to_id[story.analyses[x.target].article.url],
        ): x.kind
        for x in find_lineage(story)
    }
    assert found.get(("court-de-zpa", "court-de-oberland")) == "copy"
    assert found.get(("court-de-zpa", "court-en-ebd")) == "translation"
