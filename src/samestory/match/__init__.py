"""match: how far two analysed articles report the same story, with the reasons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..analyse.aliases import link_entities
from ..models import Analysis, Mention, PairScore
from ..settings import DEFAULT_SETTINGS, Settings
from .align import Alignment, align_sentences
from .cache import configure as configure_caches
from .conflicts import find_conflicts
from .facts import split_facts
from .features import FEATURE_DOCS, pair_features
from .identity import Identity, identity_evidence
from .scorer import HandSetScorer, Scorer
from .story import load_story_model

__all__ = [
    "FEATURE_DOCS",
    "Alignment",
    "HandSetScorer",
    "Scorer",
    "compare_analyses",
    "pair_evidence",
    "same_story_probabilities",
    "same_story_probability",
]

_DEFAULT_SCORER = HandSetScorer()


class _Matched(NamedTuple):
    ma: list[Mention]  # mentions after linking across the two articles
    mb: list[Mention]
    alignment: Alignment
    facts: tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]
    features: dict[str, float]
    identity: Identity


def _match(a: Analysis, b: Analysis, settings: Settings) -> _Matched:
    configure_caches(settings)  # the per-article caches' bound (an int compare when unchanged)
    ma, mb = link_entities([a.mentions, b.mentions], min_similarity=settings.alias_min_similarity)
    alignment = align_sentences(a, b, settings.align_min_similarity)
    shared, only_a, only_b, overlaps = split_facts(a, b, ma, mb, settings.number_conflict_tolerance)
    identity = identity_evidence(a, b, ma, mb, settings.number_conflict_tolerance)
    features = pair_features(a, b, alignment, overlaps, (ma, mb), identity)
    return _Matched(ma, mb, alignment, (shared, only_a, only_b), features, identity)


def _story(
    features: dict[str, float],
    overall: float,
    p: float,
    settings: Settings,
    scorer: Scorer,
) -> float:
    """The story model's probability where it applies, else the SemEval scorer's."""
    model = load_story_model(settings.story_model)
    # The model reads the SemEval scorer's Overall, so it holds only on top of the
    # scorer it was trained with; a verbatim copy (p == 1) needs no model.
    if model is None or p >= 1.0 or model.meta.get("semeval_scorer") != scorer.name:
        return p
    return model.probability({**features, "semeval_overall": overall})


def pair_evidence(
    a: Analysis, b: Analysis, settings: Settings = DEFAULT_SETTINGS, scorer: Scorer | None = None
) -> dict[str, float]:
    """Every input of the story model for one pair (training sets, benchmarks)."""
    features = _match(a, b, settings).features
    scores, _ = (scorer or _DEFAULT_SCORER).score(features)
    return {**features, "semeval_overall": scores["overall"]}


def same_story_probability(
    a: Analysis,
    b: Analysis,
    settings: Settings = DEFAULT_SETTINGS,
    scorer: Scorer | None = None,
) -> float:
    """`compare_analyses(a, b).same_story` without conflicts or explanations (clustering)."""
    scorer = scorer or _DEFAULT_SCORER
    features = _match(a, b, settings).features
    return _story(features, *_overall(scorer, features), settings, scorer)


def same_story_probabilities(
    pairs: Sequence[tuple[Analysis, Analysis]],
    settings: Settings = DEFAULT_SETTINGS,
    scorer: Scorer | None = None,
) -> list[float]:
    """`same_story_probability` of each pair, the trained models run once over all of
    them (a new article's dozen candidate edges): the same numbers, fewer numpy calls."""
    scorer = scorer or _DEFAULT_SCORER
    features = [_match(a, b, settings).features for a, b in pairs]
    many = getattr(scorer, "score_overall_many", None)
    if many is None or not features:
        return [_story(f, *_overall(scorer, f), settings, scorer) for f in features]
    overall, p = many(features)
    out = p.astype(np.float64)
    model = load_story_model(settings.story_model)
    if model is not None and model.meta.get("semeval_scorer") == scorer.name:
        todo = np.flatnonzero(p < 1.0)  # a verbatim copy needs no model (as `_story`)
        if len(todo):
            rows = [{**features[i], "semeval_overall": float(overall[i])} for i in todo]
            out[todo] = model.predict(model.matrix(rows))
    return [float(x) for x in out]


def _overall(scorer: Scorer, features: dict[str, float]) -> tuple[float, float]:
    """(Overall, same-story probability): all the clusterer needs of a scorer; a
    learned scorer computes them without its six other dimensions."""
    fast = getattr(scorer, "score_overall", None)
    if fast is not None:
        overall, p = fast(features)
        return float(overall), float(p)
    scores, p = scorer.score(features)
    return scores["overall"], p


def compare_analyses(
    a: Analysis,
    b: Analysis,
    settings: Settings = DEFAULT_SETTINGS,
    scorer: Scorer | None = None,
) -> PairScore:
    ma, mb, alignment, (shared, only_a, only_b), features, identity = _match(a, b, settings)
    scorer = scorer or _DEFAULT_SCORER
    scores, semeval_p = scorer.score(features)
    probability = _story(features, scores["overall"], semeval_p, settings, scorer)
    explain = getattr(scorer, "explain", None)  # optional: trained scorers decompose a score
    # Two different stories do not contradict each other; they just differ.
    conflicts = (
        find_conflicts(a, b, alignment.pairs, ma, mb, settings.number_conflict_tolerance)
        if probability >= settings.same_story_threshold
        else []
    )
    return PairScore(
        scores=scores,
        same_story=probability,
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        conflicts=conflicts,
        aligned=alignment.pairs[: settings.align_max_pairs],
        features=features,
        drivers=explain(features) if explain is not None else [],
        identity=identity.explain(),
    )
