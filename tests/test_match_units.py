"""Matching parts on hand-built analyses: no models, exact expectations."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from samestory.match.align import align_sentences
from samestory.match.conflicts import find_conflicts
from samestory.match.facts import split_facts
from samestory.match.scorer import HandSetScorer
from samestory.models import Analysis, Article, DateMention, Mention, Quantity, Sentence


def _analysis(sentences: list[str], vectors: np.ndarray, **extra: object) -> Analysis:
    text = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, s, pos, pos + len(s)))
        pos += len(s) + 1
    art = Article.create(sentences[0], text, published=dt.datetime(2022, 10, 4))
    a = Analysis(article=art, language="fr", text=art.text, sentences=sents, **extra)  # type: ignore[arg-type]
    a.sentence_embeddings = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    a.embedding = a.sentence_embeddings.mean(axis=0)
    a.embedding /= np.linalg.norm(a.embedding)
    return a


def test_alignment_is_one_to_one_and_detects_order() -> None:
    eye = np.eye(4, dtype=np.float32)
    a = _analysis(["s0", "s1", "s2", "s3"], eye)
    b = _analysis(["t0", "t1", "t2"], eye[:3])
    al = align_sentences(a, b, 0.5)
    assert sorted((p.index_a, p.index_b) for p in al.pairs) == [(0, 0), (1, 1), (2, 2)]
    assert al.coverage_a == 0.75 and al.coverage_b == 1.0 and al.order == 1.0
    reversed_b = _analysis(["t0", "t1", "t2"], eye[:3][::-1].copy())
    assert align_sentences(a, reversed_b, 0.5).order == 0.0


def test_number_conflict_needs_the_same_slot_and_an_unstated_value() -> None:
    q_a = Quantity("6 000 soldats", 6000, None, "soldats", 0, 13, sentence=0)
    q_b = Quantity("5 000 soldats", 5000, None, "soldats", 0, 13, sentence=0)
    vec = np.ones((1, 4), dtype=np.float32)
    a = _analysis(["La guerre a tué 6 000 soldats."], vec, quantities=[q_a])
    b = _analysis(["La guerre a tué 5 000 soldats."], vec, quantities=[q_b])
    pairs = align_sentences(a, b, 0.5).pairs
    conflicts = find_conflicts(a, b, pairs, [], [], 0.05)
    assert [(c.kind, c.slot, c.value_a, c.value_b) for c in conflicts] == [
        ("number", "soldats", "6000", "5000")
    ]
    # B also states 6000 elsewhere: two figures, not a contradiction.
    b2 = _analysis(["La guerre a tué 5 000 soldats."], vec, quantities=[q_b, q_a])
    assert find_conflicts(a, b2, pairs, [], [], 0.05) == []


def test_date_and_name_conflicts_on_aligned_sentences() -> None:
    vec = np.ones((1, 4), dtype=np.float32)
    d_a = DateMention("lundi", dt.date(2022, 10, 3), dt.date(2022, 10, 3), "day", True, 0, 5, 0)
    d_b = DateMention("mardi", dt.date(2022, 10, 4), dt.date(2022, 10, 4), "day", True, 0, 5, 0)
    p_a = Mention("Jean Dupont", "PERSON", "Jean Dupont", "person:dupont jean", 0, 5, 0)
    p_b = Mention("Paul Martin", "PERSON", "Paul Martin", "person:martin paul", 0, 5, 0)
    a = _analysis(["Le ministre Jean Dupont est arrivé lundi."], vec, dates=[d_a], mentions=[p_a])
    b = _analysis(["Le ministre Paul Martin est arrivé mardi."], vec, dates=[d_b], mentions=[p_b])
    pairs = align_sentences(a, b, 0.5).pairs
    kinds = {
        (c.kind, c.value_a, c.value_b) for c in find_conflicts(a, b, pairs, [p_a], [p_b], 0.05)
    }
    assert kinds == {("date", "2022-10-03", "2022-10-04"), ("name", "Jean Dupont", "Paul Martin")}


def test_split_facts_reports_shared_and_unique_by_key() -> None:
    vec = np.ones((1, 4), dtype=np.float32)
    baku_fr = Mention("Bakou", "LOC", "Baku", "geo:city:587084", 0, 5, 0)
    baku_en = Mention("Baku", "LOC", "Baku", "geo:city:587084", 0, 4, 0)
    gantz = Mention("Gantz", "PERSON", "Benny Gantz", "person:benny gantz", 0, 5, 0)
    y2020 = DateMention("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31), "year", False, 0, 4)
    may20 = DateMention("May 2020", dt.date(2020, 5, 1), dt.date(2020, 5, 31), "month", False, 0, 4)
    usd = Quantity("$4.85bn", 4.85e9, "USD", None, 0, 7)
    usd_fr = Quantity("4,85 milliards de dollars", 4.85e9, "USD", None, 0, 7)
    pct = Quantity("60 %", 60, "%", None, 0, 4)
    a = _analysis(["x"], vec, mentions=[baku_fr, gantz], dates=[y2020], quantities=[usd_fr, pct])
    b = _analysis(["y"], vec, mentions=[baku_en], dates=[may20], quantities=[usd])
    shared, only_a, only_b, feats = split_facts(a, b, a.mentions, b.mentions, 0.05)
    # Numbers show as written; a year and a month within it overlap (the features say
    # so) but are not the same period, so neither is shown as shared.
    assert shared == {
        "entities": [],
        "places": ["Baku"],
        "dates": [],
        "numbers": ["$4.85 billion"],
    }
    assert only_a["entities"] == ["Benny Gantz"] and only_a["numbers"] == ["60%"]
    assert only_a["dates"] == ["2020"] and only_b["dates"] == ["2020-05"]
    assert only_b["numbers"] == [] and only_b["places"] == []
    assert feats["places_overlap"] == 1.0 and feats["entities_overlap"] == 0.0
    assert feats["dates_overlap"] == 1.0


def test_shared_facts_need_the_same_period_and_the_same_noun() -> None:
    """Issue 16: "2015/2019" is not shared with "2016"; "2 semaines" is not "deux États"."""
    vec = np.ones((1, 4), dtype=np.float32)
    span = DateMention("2015-2019", dt.date(2015, 1, 1), dt.date(2019, 12, 31), "year", False, 0, 9)
    y2016 = DateMention("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year", False, 0, 4)
    again = DateMention("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31), "year", False, 9, 13)
    weeks = Quantity("2", 2, None, "semaines", 0, 1)
    states = Quantity("deux", 2, None, "États", 0, 4)
    soldiers = Quantity("6000", 6000, None, "soldats", 0, 4)
    soldier = Quantity("6 000", 6000, None, "soldat", 0, 5)
    a = _analysis(["x"], vec, dates=[span, y2016], quantities=[weeks, soldiers])
    b = _analysis(["y"], vec, dates=[again], quantities=[states, soldier])
    shared, only_a, only_b, _ = split_facts(a, b, [], [], 0.05)
    assert shared["dates"] == ["2016"] and only_a["dates"] == ["2015/2019"]
    assert shared["numbers"] == ["6,000 soldats"]
    assert only_a["numbers"] == ["2 semaines"] and only_b["numbers"] == ["2 États"]


def test_hand_set_scorer_orders_similar_above_dissimilar() -> None:
    scorer = HandSetScorer()
    close = {
        "head_cos": 0.85,
        "align_cov_min": 0.6,
        "align_cov_max": 0.8,
        "align_mean_best": 0.7,
        "align_order": 1.0,
        "entities_overlap": 0.8,
        "places_overlap": 1.0,
        "dates_overlap": 0.7,
        "numbers_overlap": 0.5,
        "pub_days": 0.5,
        "same_language": 1.0,
        "lexical_jaccard": 0.3,
        "length_ratio": 0.8,
    }
    far = {
        **close,
        "head_cos": 0.1,
        "align_cov_min": 0.0,
        "align_cov_max": 0.0,
        "align_mean_best": 0.2,
        "entities_overlap": 0.0,
        "places_overlap": 0.0,
        "dates_overlap": 0.0,
        "numbers_overlap": -1.0,
        "pub_days": 200.0,
    }
    s_close, p_close = scorer.score(close)
    s_far, p_far = scorer.score(far)
    assert s_close["overall"] <= 1.5 and p_close > 0.8
    assert s_far["overall"] >= 3.0 and p_far < 0.2
    assert all(1.0 <= v <= 4.0 for v in [*s_close.values(), *s_far.values()])


def _with_slots(a: Analysis, slots: list[list[float]]) -> Analysis:
    m = np.array(slots, dtype=np.float32)
    a.quantity_embeddings = m / np.linalg.norm(m, axis=1, keepdims=True)
    return a


def test_numbers_in_similar_slots_conflict_across_languages() -> None:
    vec = np.eye(2, dtype=np.float32)  # the two sentences are NOT aligned
    dead_es = Quantity("Al menos siete", 7, None, "muertos", 0, 14, sentence=0)
    dead_fr = Quantity("Au moins huit", 8, None, "morts", 0, 13, sentence=0)
    other_fr = Quantity("sept", 7, None, "autres", 20, 24, sentence=1)
    a = _with_slots(
        _analysis(["Al menos siete muertos.", "x"], vec, quantities=[dead_es]), [[1, 0]]
    )
    b = _analysis(["Au moins huit morts.", "y"], vec[::-1].copy(), quantities=[dead_fr, other_fr])
    b = _with_slots(b, [[1, 0.1], [0, 1]])
    b.language = "es"  # a different language from A: counted nouns are not compared
    found = find_conflicts(a, b, [], [], [], 0.05)
    # B's "sept autres" is a 7 in an unrelated slot: it does not explain A's 7 away.
    assert [(c.value_a, c.value_b) for c in found] == [("7", "8")]


def test_far_apart_or_mutually_reported_numbers_do_not_conflict() -> None:
    vec = np.ones((1, 4), dtype=np.float32)
    km = Quantity("42", 42, None, None, 0, 2, sentence=0)
    hours = Quantity("2", 2, None, None, 0, 1, sentence=0)
    a = _with_slots(_analysis(["42 km"], vec, quantities=[km]), [[1, 0]])
    b = _with_slots(_analysis(["2 h"], vec, quantities=[hours]), [[1, 0]])
    pairs = align_sentences(a, b, 0.5).pairs
    assert find_conflicts(a, b, pairs, [], [], 0.05) == []  # 21x apart: two facts
    p89, p95 = (Quantity(f"{v} %", v, "%", None, 0, 4, sentence=0) for v in (89, 95))
    a2 = _with_slots(_analysis(["89 % ... 95 %"], vec, quantities=[p89, p95]), [[1, 0], [0, 1]])
    b2 = _with_slots(_analysis(["95 % ... 89 %"], vec, quantities=[p95, p89]), [[1, 0], [0, 1]])
    pairs2 = align_sentences(a2, b2, 0.5).pairs
    assert find_conflicts(a2, b2, pairs2, [], [], 0.05) == []  # both report both figures


def _pair_for_features() -> tuple[Analysis, Analysis]:
    rng = np.random.default_rng(7)
    base = rng.normal(size=(5, 16))
    sentences = [
        "Gantz en visite à Bakou",
        "Le ministre Benny Gantz a rencontré Ilham Aliyev lundi.",
        "Les deux pays ont signé 3 accords de défense.",
        "Israël fournit 60 % des armes importées par l'Azerbaïdjan.",
        "La visite a duré deux jours.",
    ]
    gantz = Mention("Benny Gantz", "PERSON", "Benny Gantz", "person:gantz benny", 28, 39, 1)
    aliyev = Mention("Ilham Aliyev", "PERSON", "Ilham Aliyev", "person:aliyev ilham", 55, 67, 1)
    a = _analysis(sentences, base, mentions=[gantz, aliyev, gantz])
    b = _analysis(sentences[:4], base[:4] + 0.3 * rng.normal(size=(4, 16)), mentions=[gantz])
    return a, b


def test_pair_features_compute_exactly_the_documented_features() -> None:
    from samestory.match.features import FEATURE_DOCS, pair_features

    a, b = _pair_for_features()
    alignment = align_sentences(a, b, 0.6)
    _, _, _, overlaps = split_facts(a, b, a.mentions, b.mentions, 0.05)
    f = pair_features(a, b, alignment, overlaps, (a.mentions, b.mentions))
    assert set(f) == set(FEATURE_DOCS)
    assert all(isinstance(v, float) and np.isfinite(v) for v in f.values())
    # An article against itself: every similarity at its maximum.
    same = pair_features(a, a, align_sentences(a, a, 0.6), overlaps, (a.mentions, a.mentions))
    for name in ("char_cos", "word_cos", "doc_cos", "doc_cos_lead", "window_max_cos", "title_cos"):
        assert same[name] == pytest.approx(1.0, abs=1e-5), name
    assert same["shingle_containment"] == 1.0 and same["log_len_ratio"] == 0.0
    assert same["names_weighted"] == pytest.approx(1.0) and same["top_name_shared"] == 1.0
    # B is A's first four sentences with noisy embeddings: similar, not identical.
    assert 0.5 < f["doc_cos"] < 1.0 and f["shingle_containment"] == 1.0
    assert f["title_word_jaccard"] == 1.0
    # Gantz is 2/3 of A's mentions and all of B's: weighted overlap min(2/3, 1).
    assert f["names_weighted"] == pytest.approx(2 / 3)
    assert f["top_name_shared"] == 1.0


def test_learned_scorer_explains_in_compare_output() -> None:
    from samestory.match import compare_analyses
    from samestory.match.features import FEATURE_DOCS
    from samestory.match.learned import LearnedScorer
    from samestory.models import DIMENSIONS

    names = sorted(FEATURE_DOCS)
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 1, size=(150, len(names)))
    overall = 4.0 - 3.0 * X[:, names.index("doc_cos")]
    model = LearnedScorer.fit(X, names, {d: overall for d in DIMENSIONS})
    a, b = _pair_for_features()
    learned = compare_analyses(a, b, scorer=model).to_dict()
    assert learned["drivers"][0]["feature"] == "doc_cos"
    assert {"feature", "value", "contribution"} <= set(learned["drivers"][0])
    assert compare_analyses(a, b).to_dict()["drivers"] == []  # hand-set: the formula explains


def test_same_story_probability_equals_compares() -> None:
    from samestory.match import compare_analyses, same_story_probability

    a, b = _pair_for_features()
    assert same_story_probability(a, b) == compare_analyses(a, b).same_story
    c = _analysis(["Un tout autre sujet.", "Rien à voir."], np.eye(2, 16) * -1 + 0.1)
    assert same_story_probability(a, c) == compare_analyses(a, c).same_story
    assert same_story_probability(a, b) > same_story_probability(a, c)


def test_per_article_caches_follow_the_analysis_not_its_id() -> None:
    """Pair features keep per-article vectors and word sets between pairs; an analysis
    given new sentence embeddings (or a new analysis) must be read afresh."""
    import dataclasses

    from samestory.match.features import _embedding_features
    from samestory.match.lexical import clear_profiles, lexical_features

    a, b = _pair_for_features()
    first = _embedding_features(a, b)
    assert _embedding_features(a, b) == first  # the cached vectors: the same numbers
    assert a.sentence_embeddings is not None
    flipped = dataclasses.replace(a, sentence_embeddings=-a.sentence_embeddings)
    again = _embedding_features(flipped, b)
    assert again["doc_cos"] == pytest.approx(-first["doc_cos"])
    a.sentence_embeddings = -a.sentence_embeddings  # changed in place on the same object
    assert _embedding_features(a, b)["doc_cos"] == pytest.approx(-first["doc_cos"])
    # word_cos: the words both use, in a's order, equal the sum over all of a's words.
    clear_profiles()
    from samestory.match.lexical import _profile

    pa, pb = _profile(a), _profile(b)
    full = sum(w * pb.words.get(k, 0.0) for k, w in pa.words.items())
    assert lexical_features(a, b)["word_cos"] == full


def test_batched_pair_scores_equal_one_at_a_time() -> None:
    """The clusterer scores a new article's edges in one batch (`prefetch`): the same
    probabilities as pair by pair, with the learned scorer and the story model."""
    from samestory.cluster import AnalysisPairScorer
    from samestory.match import same_story_probabilities, same_story_probability
    from samestory.match.learned import load_scorer

    scorer = load_scorer("learned")
    a, b = _pair_for_features()
    c = _analysis(["Un tout autre sujet.", "Rien à voir."], np.eye(2, 16) * -1 + 0.1)
    pairs = [(a, b), (a, c), (b, c), (a, a)]  # (a, a): the verbatim-copy shortcut
    one = [same_story_probability(x, y, scorer=scorer) for x, y in pairs]
    assert same_story_probabilities(pairs, scorer=scorer) == one
    assert same_story_probabilities(pairs) == [same_story_probability(x, y) for x, y in pairs]
    by_id = {x.article.id: x for x in (a, b, c)}
    pair_scorer = AnalysisPairScorer(by_id.__getitem__, scorer=scorer)
    ids = [(x.article.id, y.article.id) for x, y in pairs]
    pair_scorer.prefetch(ids)
    assert pair_scorer.calls == 3  # (a, a) is no pair to score
    assert [pair_scorer(x, y) for x, y in ids[:3]] == one[:3]
    assert pair_scorer.calls == 3  # all three were cache hits
