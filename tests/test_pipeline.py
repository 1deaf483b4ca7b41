"""The pipeline's named steps: order is checked at construction, steps can be dropped."""

from __future__ import annotations

import pytest

from samestory.analyse.pipeline import DEFAULT_STEPS, Pipeline, Step
from samestory.errors import ConfigError
from samestory.models import Article
from samestory.settings import Settings


def test_default_pipeline_names() -> None:
    assert Pipeline().names == [
        "language",
        "sentences",
        "entities",
        "dates",
        "quantities",
        "embeddings",
        "scorer_embedding",
    ]


def test_misordered_steps_fail_at_construction() -> None:
    steps = {s.name: s for s in DEFAULT_STEPS}
    with pytest.raises(ConfigError, match="'entities' needs sentences"):
        Pipeline([steps["language"], steps["entities"], steps["sentences"]])


def test_custom_step_and_without() -> None:
    seen: list[str] = []
    probe = Step("probe", ("language",), (), lambda a, s: seen.append(a.language))
    steps = [s for s in DEFAULT_STEPS if s.name in ("language", "sentences")]
    pipe = Pipeline([*steps, probe], Settings(embedder="none"))
    art = Article.create("Séisme au Pérou", "Un séisme a frappé le sud du Pérou mardi soir.")
    result = pipe(art)
    assert seen == ["fr"] and len(result.sentences) == 2 and result.mentions == []
    assert pipe.without("probe").names == ["language", "sentences"]


def test_embeddings_step_sets_head_and_sentence_vectors() -> None:
    pipe = Pipeline(settings=Settings(embedder="hashing"))
    art = Article.create("Flood in Porto", "Heavy rain flooded Porto. Two bridges closed.")
    a = pipe(art)
    assert a.embedding is not None and a.sentence_embeddings is not None
    assert a.sentence_embeddings.shape[0] == len(a.sentences)
    no_sent = Pipeline(settings=Settings(embedder="hashing", embed_sentences=False))(art)
    assert no_sent.embedding is not None and no_sent.sentence_embeddings is None
