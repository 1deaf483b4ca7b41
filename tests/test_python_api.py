"""The documented Python API: samestory.read / analyse / compare and Engine."""

from __future__ import annotations

import datetime as dt

import pytest

import samestory
from conftest import EXAMPLES
from samestory.errors import InputError, NotFoundError

pytestmark = pytest.mark.models


def test_read_analyse_compare_on_bundled_files() -> None:
    folder = EXAMPLES / "articles"
    articles = samestory.read(folder)
    assert len(articles) >= 5  # .txt, .html, .json (two records), French scraped .txt
    by_source = {a.source.rsplit("/", 1)[-1]: a for a in articles if a.source}
    html = next(a for name, a in by_source.items() if name.endswith(".html"))
    assert html.title and html.outlet and html.published is not None
    assert "All rights reserved" not in html.body and "cookie" not in html.body.lower()

    analysis = samestory.analyse(html)
    assert analysis.language == "en"
    assert analysis.sentences and analysis.mentions and analysis.embedding is not None

    score = samestory.compare(html, analysis)
    assert score.scores["overall"] == pytest.approx(1.0, abs=0.05)
    assert score.same_story > 0.9


def test_engine_published_default_only_fills_missing_dates() -> None:
    from samestory.engine import Engine, with_default_published

    when = dt.datetime(2022, 10, 4)
    art = samestory.Article.create("Titre", "Le ministre est arrivé lundi à Bakou.")
    assert with_default_published(art, when).published == when
    dated = samestory.Article.create("T", "x", published=dt.datetime(2020, 1, 1))
    assert with_default_published(dated, when).published == dt.datetime(2020, 1, 1)
    engine = Engine(samestory.Settings(embedder="none"))
    lundi = [d for d in engine.analyse(art, published=when).dates if d.text == "lundi"]
    assert lundi[0].value == dt.date(2022, 10, 3)


def test_engine_errors_are_samestory_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from samestory.engine import Engine

    engine = Engine(samestory.Settings(embedder="none"))
    with pytest.raises(NotFoundError):
        engine.read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="one was expected"):
        engine.read_one(EXAMPLES / "corpus.jsonl")
