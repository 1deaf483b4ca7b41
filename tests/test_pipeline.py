"""The pipeline's named steps: order is checked at construction, steps can be dropped."""

from __future__ import annotations

import pytest

from samestory.analyse.pipeline import DEFAULT_STEPS, Pipeline, Step
from samestory.errors import ConfigError
from samestory.models import Analysis, Article
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


def _articles(n: int) -> list[Article]:
    return [
        Article.create(f"Flood {i} in Porto", f"Heavy rain flooded Porto {i}. Two bridges closed.")
        for i in range(n)
    ]


def test_pipe_overlaps_models_with_the_next_articles_text() -> None:
    import threading

    front_threads: set[str] = set()
    back_threads: set[str] = set()
    order: list[str] = []
    next_text_started = [threading.Event() for _ in range(4)]

    def text_probe(a: Analysis, s: Settings) -> None:
        i = int(a.article.title.split()[1])
        front_threads.add(threading.current_thread().name)
        next_text_started[i].set()

    def model_probe(a: Analysis, s: Settings) -> None:
        i = int(a.article.title.split()[1])
        back_threads.add(threading.current_thread().name)
        order.append(a.article.title)
        if i + 1 < 4:  # only a pipelined run gets here: the next article's text started
            assert next_text_started[i + 1].wait(10), "no overlap"

    steps = [s for s in DEFAULT_STEPS if not s.background]
    pipe = Pipeline(
        [
            *steps,
            Step("text_probe", ("language",), (), text_probe),
            *[s for s in DEFAULT_STEPS if s.background],
            Step("model_probe", ("embedding",), (), model_probe, background=True),
        ],
        Settings(embedder="hashing", scorer_embedder="hashing"),
    )
    arts = _articles(4)
    piped = list(pipe.pipe(arts))
    assert [a.article.title for a in piped] == [a.title for a in arts] == order
    assert front_threads == {threading.current_thread().name}
    assert len(back_threads) == 1 and back_threads != front_threads
    one_by_one = Pipeline(settings=Settings(embedder="hashing", scorer_embedder="hashing"))
    for got, art in zip(piped, arts, strict=True):
        want = one_by_one(art)
        assert got.mentions == want.mentions and got.sentences == want.sentences
        assert got.embedding is not None and want.embedding is not None
        assert got.embedding.tobytes() == want.embedding.tobytes()


def test_model_steps_run_as_stages_on_their_own_threads() -> None:
    """Article n's second model step overlaps article n+1's first: two embedders at
    once, each still seeing its articles one at a time and in order."""
    import threading

    threads: dict[str, set[str]] = {"first": set(), "second": set()}
    order: dict[str, list[int]] = {"first": [], "second": []}
    first_started = [threading.Event() for _ in range(4)]

    def first(a: Analysis, s: Settings) -> None:
        i = int(a.article.title.split()[1])
        threads["first"].add(threading.current_thread().name)
        order["first"].append(i)
        first_started[i].set()

    def second(a: Analysis, s: Settings) -> None:
        i = int(a.article.title.split()[1])
        threads["second"].add(threading.current_thread().name)
        order["second"].append(i)
        if i + 1 < 4:  # only stages on separate threads get here
            assert first_started[i + 1].wait(10), "model steps did not overlap"

    pipe = Pipeline(
        [
            *[s for s in DEFAULT_STEPS if not s.background],
            Step("first", ("language",), ("x",), first, background=True),
            Step("second", ("x",), (), second, background=True),
        ],
        Settings(embedder="none", scorer_embedder="none"),
    )
    got = list(pipe.pipe(_articles(4)))
    assert [a.article.title.split()[1] for a in got] == ["0", "1", "2", "3"]
    assert order == {"first": [0, 1, 2, 3], "second": [0, 1, 2, 3]}
    assert len(threads["first"]) == len(threads["second"]) == 1
    assert threads["first"] != threads["second"]
    assert threading.current_thread().name not in threads["first"] | threads["second"]


def test_an_earlier_model_steps_error_stops_the_later_steps_of_that_article() -> None:
    seen: list[str] = []

    def boom(a: Analysis, s: Settings) -> None:
        if a.article.title.startswith("Flood 1 "):
            raise ConfigError("first model failed")

    pipe = Pipeline(
        [
            *[s for s in DEFAULT_STEPS if not s.background],
            Step("boom", (), (), boom, background=True),
            Step("after", (), (), lambda a, s: seen.append(a.article.title), background=True),
        ],
        Settings(embedder="none", scorer_embedder="none"),
    )
    got = list(pipe.attempt(_articles(3)))
    assert isinstance(got[1][1], ConfigError) and isinstance(got[2][1], Analysis)
    assert [t.split()[1] for t in seen] == ["0", "2"]


def test_pipe_raises_a_model_steps_error_for_its_article() -> None:
    def boom(a: Analysis, s: Settings) -> None:
        if a.article.title.startswith("Flood 1 "):
            raise ConfigError("model failed")

    pipe = Pipeline(
        [*DEFAULT_STEPS, Step("boom", ("embedding",), (), boom, background=True)],
        Settings(embedder="hashing", scorer_embedder="none"),
    )
    got = pipe.pipe(_articles(3))
    assert next(got).article.title.startswith("Flood 0 ")
    with pytest.raises(ConfigError, match="model failed"):
        next(got)


def test_background_steps_must_come_last() -> None:
    steps = {s.name: s for s in DEFAULT_STEPS}
    with pytest.raises(ConfigError, match="background steps"):
        Pipeline([*DEFAULT_STEPS[:5], steps["embeddings"], Step("late", (), (), lambda a, s: None)])


@pytest.mark.parametrize("background", [False, True])
def test_attempt_returns_an_articles_error_in_its_place_and_goes_on(background: bool) -> None:
    def boom(a: Analysis, s: Settings) -> None:
        if a.article.title.startswith("Flood 1 "):
            raise ConfigError("step failed")

    steps = [s for s in DEFAULT_STEPS if s.background == background]
    probe = Step("boom", (), (), boom, background=background)
    others = [s for s in DEFAULT_STEPS if s.background != background]
    ordered = [*steps, probe, *others] if not background else [*others, *steps, probe]
    pipe = Pipeline(ordered, Settings(embedder="hashing", scorer_embedder="none"))
    got = list(pipe.attempt(_articles(3)))
    assert [a.title.split()[1] for a, _ in got] == ["0", "1", "2"]
    assert isinstance(got[1][1], ConfigError)
    assert isinstance(got[0][1], Analysis) and isinstance(got[2][1], Analysis)


def test_an_independent_model_step_runs_beside_the_one_before_it() -> None:
    """A step that reads nothing the earlier model step writes (the e5 head beside
    USE) starts with it; the article is done, and fails, only when both are."""
    import threading

    second_ran = [threading.Event() for _ in range(3)]

    def first(a: Analysis, s: Settings) -> None:
        i = int(a.article.title.split()[1])
        # Only a step that does not wait for this one can run meanwhile.
        assert second_ran[i].wait(10), "the independent step waited"
        if i == 1:
            raise ConfigError("first model failed")

    def second(a: Analysis, s: Settings) -> None:
        second_ran[int(a.article.title.split()[1])].set()

    pipe = Pipeline(
        [
            *[s for s in DEFAULT_STEPS if not s.background],
            Step("first", (), ("x",), first, background=True),
            Step("second", (), (), second, background=True, independent=lambda s: True),
        ],
        Settings(embedder="none", scorer_embedder="none"),
    )
    got = list(pipe.attempt(_articles(3)))
    assert isinstance(got[0][1], Analysis) and isinstance(got[2][1], Analysis)
    assert isinstance(got[1][1], ConfigError)
    # The default pipeline's e5 head is independent only when it is not USE reused.
    e5 = next(s for s in DEFAULT_STEPS if s.name == "scorer_embedding")
    assert e5.independent is not None and e5.independent(Settings())
    assert not e5.independent(Settings(scorer_embedder="use"))
