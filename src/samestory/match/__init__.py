"""match: how far two analysed articles report the same story, with the reasons."""

from __future__ import annotations

from typing import NamedTuple

from ..analyse.aliases import link_entities
from ..models import Analysis, Mention, PairScore
from ..settings import DEFAULT_SETTINGS, Settings
from .align import Alignment, align_sentences
from .conflicts import find_conflicts
from .facts import split_facts
from .features import FEATURE_DOCS, pair_features
from .scorer import HandSetScorer, Scorer

__all__ = [
    "FEATURE_DOCS",
    "Alignment",
    "HandSetScorer",
    "Scorer",
    "compare_analyses",
    "same_story_probability",
]

_DEFAULT_SCORER = HandSetScorer()


class _Matched(NamedTuple):
    ma: list[Mention]  # mentions after linking across the two articles
    mb: list[Mention]
    alignment: Alignment
    facts: tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]
    features: dict[str, float]


def _match(a: Analysis, b: Analysis, settings: Settings) -> _Matched:
    ma, mb = link_entities([a.mentions, b.mentions], min_similarity=settings.alias_min_similarity)
    alignment = align_sentences(a, b, settings.align_min_similarity)
    shared, only_a, only_b, overlaps = split_facts(a, b, ma, mb, settings.number_conflict_tolerance)
    features = pair_features(a, b, alignment, overlaps, (ma, mb))
    return _Matched(ma, mb, alignment, (shared, only_a, only_b), features)


def same_story_probability(
    a: Analysis,
    b: Analysis,
    settings: Settings = DEFAULT_SETTINGS,
    scorer: Scorer | None = None,
) -> float:
    """`compare_analyses(a, b).same_story` without conflicts or explanations (clustering)."""
    features = _match(a, b, settings).features
    return (scorer or _DEFAULT_SCORER).score(features)[1]


def compare_analyses(
    a: Analysis,
    b: Analysis,
    settings: Settings = DEFAULT_SETTINGS,
    scorer: Scorer | None = None,
) -> PairScore:
    ma, mb, alignment, (shared, only_a, only_b), features = _match(a, b, settings)
    scorer = scorer or _DEFAULT_SCORER
    scores, probability = scorer.score(features)
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
    )
