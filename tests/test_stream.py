"""Read → analyse → cluster → store on the bundled example corpus (real models)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from samestory.cluster import bcubed
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _gold() -> dict[str, str]:
    rows = [json.loads(x) for x in (EXAMPLES / "gold.jsonl").read_text().splitlines() if x]
    return {r["id"]: r["story"] for r in rows}


def _by_url(store: SQLiteStore) -> dict[str, str]:
    """corpus id -> story id (the corpus gives each article its id as URL-less 'id')."""
    ids = {
        json.loads(line)["title"]: json.loads(line)["id"]
        for line in (EXAMPLES / "corpus.jsonl").read_text().splitlines()
        if line
    }
    out = {}
    for row in store.db.query(
        "SELECT a.title, m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id"
    ):
        out[ids[row["title"]]] = row["story_id"]
    return out


@pytest.fixture(scope="module")
def ingested(engine):  # type: ignore[no-untyped-def]
    store = SQLiteStore()
    report = StoryIngest(engine, store).ingest_sources([EXAMPLES / "corpus.jsonl"])
    return store, report


def test_every_example_story_is_found_across_languages(ingested):
    store, report = ingested
    gold = _gold()
    pred = _by_url(store)
    assert report.stored == len(gold) and report.skips.total == 0
    ids = sorted(gold)
    assert bcubed([gold[i] for i in ids], [pred[i] for i in ids])["f1"] >= 0.95
    langs = {row["id"]: set(row["languages"]) for row in store.stories(limit=100)}
    found = set()
    for sid in set(pred.values()):
        members = [gold[i] for i in ids if pred[i] == sid]
        majority, n = Counter(members).most_common(1)[0]
        assert n == len(members)  # no story mixes two gold stories
        if len(langs[sid]) >= 2:
            found.add(majority)
    assert found == set(gold.values())  # each gold story has a multilingual story


def test_the_stream_path_is_within_two_points_of_batch(ingested, engine):
    """`samestory ingest` (online, settled) against batch clustering of the same analyses."""
    from samestory.cluster import AnalysisPairScorer
    from samestory.cluster.batch import batch_cluster

    store, _ = ingested
    docs = [doc for e, doc in store.replay_log() if doc is not None and e.kind != "split"]
    scorer = AnalysisPairScorer(
        lambda i: engine.pipeline.complete(store.analysis(i)), engine.settings, engine.scorer
    )
    batch = {a: s for s, m in batch_cluster(docs, scorer, engine.settings).items() for a in m}
    online = store.memberships()
    corpus = {row["id"]: row["title"] for row in store.db.query("SELECT id, title FROM articles")}
    gold_by_title = {
        json.loads(line)["title"]: _gold()[json.loads(line)["id"]]
        for line in (EXAMPLES / "corpus.jsonl").read_text().splitlines()
        if line
    }
    ids = sorted(batch)
    gold = [gold_by_title[corpus[i]] for i in ids]
    f_batch = bcubed(gold, [batch[i] for i in ids])["f1"]
    f_online = bcubed(gold, [online[i] for i in ids])["f1"]
    assert f_online >= f_batch - 0.02, (f_online, f_batch)


def test_reingest_doubles_nothing(ingested, engine):
    store, _ = ingested
    before = (store.counts(), store.memberships())
    again = StoryIngest(engine, store).ingest_sources([EXAMPLES / "corpus.jsonl"])
    assert again.stored == 0 and again.duplicates == again.read
    assert (store.counts()["articles"], store.memberships()) == (before[0]["articles"], before[1])


def test_resumed_run_equals_clean_run(ingested, engine):
    clean, _ = ingested
    from samestory.ingest import iter_read

    articles = list(iter_read(EXAMPLES / "corpus.jsonl"))
    store = SQLiteStore()
    StoryIngest(engine, store, batch_size=5).ingest_articles(articles[:13])
    # a new process: the clusterer is rebuilt from the store's event log
    StoryIngest(engine, store, batch_size=7).ingest_sources([EXAMPLES / "corpus.jsonl"])
    assert store.memberships() == clean.memberships()


def test_recluster_keeps_ids_of_good_stories(ingested, engine):
    store, _ = ingested
    before = store.memberships()
    events = StoryIngest(engine, store).recluster()
    after = store.memberships()
    changed = sum(1 for a in before if before[a] != after[a])
    assert changed == sum(1 for e in events if e.kind == "split") + sum(
        Counter(before.values())[e.other] for e in events if e.kind == "merged"
    )
    gold = _gold()
    pred = _by_url(store)
    ids = sorted(gold)
    assert bcubed([gold[i] for i in ids], [pred[i] for i in ids])["f1"] >= 0.95


def test_next_batch_is_analysed_while_one_is_committed() -> None:
    """Batch n+1's analysis runs (on the analyser's thread) while batch n is clustered
    and stored; the result is the inline one, and cross-batch repeats still count once."""
    import threading

    from samestory.analyse.pipeline import DEFAULT_STEPS, Pipeline, Step
    from samestory.engine import Engine
    from samestory.models import Analysis, Article
    from samestory.settings import Settings

    settings = Settings(embedder="hashing", scorer_embedder="hashing")
    engine = Engine(settings)
    started: dict[str, threading.Event] = {}
    threads: set[str] = set()

    def probe(a: Analysis, s: Settings) -> None:
        threads.add(threading.current_thread().name)
        started.setdefault(a.article.title, threading.Event()).set()

    engine.pipeline = Pipeline(
        [*[s for s in DEFAULT_STEPS if not s.background], Step("probe", (), (), probe),
         *[s for s in DEFAULT_STEPS if s.background]],
        settings,
    )  # fmt: skip
    texts = [f"Flood {i} hits Porto" for i in range(5)]
    articles = [Article.create(t, f"{t}. Rain closed {i} bridges.") for i, t in enumerate(texts)]
    articles.append(articles[0])  # a repeat across batches
    runner = StoryIngest(engine, SQLiteStore(), batch_size=2)
    commit = runner._commit
    overlapped: list[bool] = []

    def slow_commit(analyses, report):  # type: ignore[no-untyped-def]
        if analyses and analyses[0].article.title == texts[0]:
            overlapped.append(started.setdefault(texts[2], threading.Event()).wait(10))
        return commit(analyses, report)

    runner._commit = slow_commit  # type: ignore[method-assign]
    report = runner.ingest_articles(articles)
    assert overlapped == [True], "batch 2 was not analysed while batch 1 was committed"
    assert threading.current_thread().name not in threads
    assert (report.read, report.stored, report.duplicates) == (6, 5, 1)


def test_one_batch_is_analysed_inline_without_a_thread() -> None:
    """The watcher and the API hand over one batch at a time: with nothing to analyse
    ahead, no analyser thread is started (a handover that only adds waiting)."""
    import threading

    from samestory.analyse.pipeline import DEFAULT_STEPS, Pipeline, Step
    from samestory.engine import Engine
    from samestory.models import Analysis, Article
    from samestory.settings import Settings

    engine = Engine(Settings(embedder="hashing", scorer_embedder="hashing"))
    threads: set[str] = set()

    def probe(a: Analysis, s: Settings) -> None:
        threads.add(threading.current_thread().name)

    engine.pipeline = Pipeline(
        [*[s for s in DEFAULT_STEPS if not s.background], Step("probe", (), (), probe),
         *[s for s in DEFAULT_STEPS if s.background]],
        engine.settings,
    )  # fmt: skip
    articles = [Article.create(f"Storm {i} in Bari", f"Wind {i}. Roofs off.") for i in range(3)]
    report = StoryIngest(engine, SQLiteStore(), batch_size=4).ingest_articles(articles)
    assert (report.read, report.stored) == (3, 3)
    assert threads == {threading.current_thread().name}
    assert not any(t.name == "samestory-analyse" for t in threading.enumerate())


def test_a_resumed_clusterer_keeps_the_title_frames(engine):
    # Replayed docs without their frame left a restarted ingest unable to pair the
    # rest of a headline series with the part already stored.
    from samestory.ingest import read_bytes
    from samestory.match.titles import frame_key

    rows = [
        {
            "title": f"La météo du vendredi 10 janvier 2020 à {town}",
            "text": f"Prévisions pour {town}.",
        }
        for town in ("Perros-Guirec", "Ploemeur", "Lannion")
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    store = SQLiteStore()
    StoryIngest(engine, store).ingest_articles(
        read_bytes(data, name="m.jsonl", settings=engine.settings)
    )
    docs = [doc for _, doc in store.replay_log() if doc is not None]
    assert len(docs) == 3
    titles = {a["id"]: a["title"] for a in store.articles(limit=10)}
    assert all(doc.frame and doc.frame == frame_key(titles[doc.id]) for doc in docs)


def test_the_pair_scorer_caches_are_bounded_by_the_settings() -> None:
    # A watcher runs for weeks: the analyses the scorer keeps (each with its sentence
    # embeddings) and its pair scores are bounded by settings, not by the stream.
    from samestory.cluster import AnalysisPairScorer
    from samestory.engine import Engine
    from samestory.models import Article
    from samestory.settings import Settings

    settings = Settings(
        embedder="hashing", scorer_embedder="hashing", cluster_analysis_cache=3,
        cluster_score_cache=4,
    )  # fmt: skip
    engine = Engine(settings)
    arts = [
        Article.create(f"Fire {i} in Lyon", f"Fire {i}. Crews came at {i} am.") for i in range(6)
    ]
    analyses = {a.article.id: a for a in engine.pipeline.pipe(arts)}
    loads: list[str] = []

    def load(i: str):  # type: ignore[no-untyped-def]
        loads.append(i)
        return analyses[i]

    scorer = AnalysisPairScorer(load, settings, engine.scorer)
    ids = list(analyses)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            scorer(ids[i], ids[j])
    assert len(scorer._analyses) <= 3 and len(scorer._scores) <= 4
    assert len(loads) > len(ids)  # evicted analyses were read back


def test_the_regrouping_clusterer_needs_no_big_pair_score_cache() -> None:
    """The window graph keeps its edges' scores, so a pair score cache of a few hundred
    gives the same stories with about as many pairs scored as an unbounded one (why
    cluster_score_cache can be small: it grew a watcher's memory, ~16 pairs an article)."""
    from samestory.engine import Engine
    from samestory.models import Article
    from samestory.settings import Settings

    towns = ("Lyon", "Lille", "Nantes", "Rennes")
    arts = [
        Article.create(
            f"Fire {i} in {towns[i % 4]}",
            f"A fire broke out in {towns[i % 4]} on Monday. Crews {i} came at {i % 7} am.",
        )
        for i in range(40)
    ]
    runs = []
    for size in (256, 200_000):
        settings = Settings(embedder="hashing", scorer_embedder="hashing", cluster_score_cache=size)
        store = SQLiteStore()
        ingest = StoryIngest(Engine(settings), store, batch_size=10)
        ingest.ingest_articles(arts)
        ingest.settle()
        assert len(ingest.scorer._scores) <= size
        runs.append((store.memberships(), ingest.scorer.calls))
    (small, small_calls), (big, big_calls) = runs
    assert small == big
    assert big_calls <= small_calls <= big_calls * 1.05


def test_a_batch_is_clustered_whole_with_a_one_analysis_cache() -> None:
    # The batch being clustered is not in the store yet: with a cache smaller than the
    # batch, its own analyses were pushed out and could not be read back (NotFoundError).
    from samestory.engine import Engine
    from samestory.models import Article
    from samestory.settings import Settings

    settings = Settings(
        embedder="hashing", scorer_embedder="hashing", cluster_analysis_cache=1,
        match_profile_cache=1,
    )  # fmt: skip
    towns = ("Lyon", "Lille", "Nantes")
    arts = [
        Article.create(f"Fire in {towns[i % 3]}", f"A fire broke out in {towns[i % 3]}. Crews {i}.")
        for i in range(9)
    ]
    store = SQLiteStore()
    ingest = StoryIngest(Engine(settings), store, batch_size=9)
    report = ingest.ingest_articles(arts)
    assert report.stored == 9 and len(store.memberships()) == 9
    assert not ingest.scorer._pinned and len(ingest.scorer._analyses) <= 1


def test_the_per_article_match_caches_are_bounded_by_one_setting() -> None:
    from samestory.engine import Engine
    from samestory.match import features, lexical, same_story_probability
    from samestory.models import Article
    from samestory.settings import Settings

    settings = Settings(embedder="hashing", scorer_embedder="hashing", match_profile_cache=2)
    engine = Engine(settings)
    arts = [
        Article.create(f"Storm {i} hits", f"Storm {i} hit the coast. Roofs {i}.") for i in range(5)
    ]
    got = list(engine.pipeline.pipe(arts))
    first = [same_story_probability(got[0], b, settings, engine.scorer) for b in got[1:]]
    caches = (lexical._PROFILES, features._WORDS, features._DERIVED)
    assert all(len(c) <= 2 for c in caches) and all(c.misses > 2 for c in caches)
    # a miss recomputes the same numbers
    again = [same_story_probability(got[0], b, settings, engine.scorer) for b in got[1:]]
    assert again == first
    same_story_probability(got[0], got[1], Settings(embedder="hashing"), engine.scorer)
    assert lexical._PROFILES.maxsize == Settings().match_profile_cache


def test_the_town_in_names_cache_is_bounded_by_that_setting() -> None:
    """The towns read from event names and compounds ("Lyon-Marathon") are cached per
    text under match_profile_cache, not by name in an lru of its own (which held
    thousands of texts and still grew after 3,000 articles of a watcher run)."""
    from samestory.engine import Engine
    from samestory.match import same_story_probability, where
    from samestory.match.cache import clear_all
    from samestory.models import Article
    from samestory.settings import Settings

    settings = Settings(embedder="hashing", scorer_embedder="hashing", match_profile_cache=2)
    engine = Engine(settings)
    towns = ("Lyon", "Lille", "Nantes", "Rennes", "Nice")
    arts = [
        Article.create(f"{t}-Marathon draws {i} runners", f"The {t}-Marathon drew {i} runners.")
        for i, t in enumerate(towns)
    ]
    got = list(engine.pipeline.pipe(arts))
    first = [same_story_probability(got[0], b, settings, engine.scorer) for b in got[1:]]
    assert len(where._TOWNS) <= 2 and where._TOWNS.misses > 2
    clear_all()  # cold: the same numbers
    assert [same_story_probability(got[0], b, settings, engine.scorer) for b in got[1:]] == first
