"""The scorer's second head embedding (e5 by default): set, stored, back-filled, used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from samestory.analyse.embed import HashingEmbedder
from samestory.analyse.pipeline import Pipeline, head_text
from samestory.match import compare_analyses
from samestory.models import Article
from samestory.settings import Settings
from samestory.store import SCHEMA_VERSION, SQLiteStore, roundtrip
from samestory.store.schema import migrate

ART = Article.create(
    "Flood in Porto", "Heavy rain flooded Porto on Monday. Two bridges closed.", outlet="P"
)


def test_step_embeds_the_head_with_the_scorer_embedder() -> None:
    # A scorer embedder other than the main one embeds the head on its own...
    a = Pipeline(settings=Settings(embedder="none", scorer_embedder="hashing"))(ART)
    assert a.embedding is None and a.scorer_embedding is not None
    expected = HashingEmbedder().encode([head_text(a, 3)])[0]
    assert np.array_equal(a.scorer_embedding, expected)
    # ...the same one is reused rather than run twice, and "none" leaves it out.
    same = Pipeline(settings=Settings(embedder="hashing", scorer_embedder="hashing"))(ART)
    assert same.scorer_embedding is same.embedding
    off = Pipeline(settings=Settings(embedder="hashing", scorer_embedder="none"))(ART)
    assert off.scorer_embedding is None


def test_complete_fills_in_a_missing_scorer_embedding_only() -> None:
    old = Pipeline(settings=Settings(embedder="hashing", scorer_embedder="none"))(ART)
    pipe = Pipeline(settings=Settings(embedder="use", scorer_embedder="hashing"))
    done = pipe.complete(old)
    assert done.scorer_embedding is not None
    assert np.array_equal(done.scorer_embedding, HashingEmbedder().encode([head_text(old, 3)])[0])
    kept = done.scorer_embedding
    assert pipe.complete(done).scorer_embedding is kept  # never recomputed


def test_codec_keeps_it_and_the_feature_reads_it() -> None:
    settings = Settings(embedder="hashing", scorer_embedder="hashing", scorer="hand-set")
    a = Pipeline(settings=settings)(ART)
    b = roundtrip(a)
    assert b.scorer_embedding is not None and a.scorer_embedding is not None
    assert np.allclose(b.scorer_embedding, a.scorer_embedding, atol=1e-3)
    other = Pipeline(settings=settings)(Article.create("Storm in Lisbon", "Wind hit Lisbon."))
    f = compare_analyses(a, other, settings).features
    assert f["head_cos_e5"] == float(np.dot(a.scorer_embedding, other.scorer_embedding))
    other.scorer_embedding = None
    assert compare_analyses(a, other, settings).features["head_cos_e5"] == -1.0


def test_migration_4_keeps_old_analyses_readable(tmp_path: Path) -> None:
    db = tmp_path / "v3.db"
    conn = sqlite3.connect(db)
    migrate(conn, to=3)
    conn.execute(
        "INSERT INTO articles (id, seq, title, lede, body, ingested_at)"
        " VALUES ('a1', 1, 'Old', '', 'Stored before schema 4.', 'now')"
    )
    conn.execute(
        "INSERT INTO analyses (article_id, language, data, keys, dim) VALUES"
        ' (\'a1\', \'en\', \'{"sentences": [], "mentions": [], "dates": [],'
        " \"quantities\": []}', '[]', 0)"
    )
    conn.commit()
    conn.close()
    store = SQLiteStore(db)
    versions = [v for (v,) in store.conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    old = store.analysis("a1")
    assert old.scorer_embedding is None and old.article.title == "Old"
    filled = Pipeline(settings=Settings(embedder="none", scorer_embedder="hashing")).complete(old)
    assert filled.scorer_embedding is not None


@pytest.mark.models
def test_compare_of_two_new_articles_equals_scoring_their_own_analyses() -> None:
    # compare() pipelines the two analyses (USE/e5 of one beside the text of the
    # other); the vectors and the score must be the ones one-at-a-time gives.
    from samestory.engine import Engine

    engine = Engine(Settings())
    other = Article.create(
        "Porto floods", "Rain flooded Porto on Monday; two bridges were closed.", outlet="Q"
    )
    alone = [engine.analyse(ART), engine.analyse(other)]
    paired = engine.analyse_many([ART, other])
    for x, y in zip(alone, paired, strict=True):
        for name in ("embedding", "sentence_embeddings", "scorer_embedding"):
            assert getattr(x, name).tobytes() == getattr(y, name).tobytes(), name
    got = engine.compare(ART, other)
    want = compare_analyses(alone[0], alone[1], engine.settings, engine.scorer)
    assert got.features == want.features and got.same_story == want.same_story
