"""The clusterer's pair scorer: the match stage's same-story probability, cached."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from ..match import Scorer, same_story_probability
from ..models import Analysis
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["AnalysisPairScorer"]


class AnalysisPairScorer:
    """`(id_a, id_b) -> probability`, loading analyses through `load`.

    Merge passes and neighbouring articles ask for the same pairs again; a bounded
    cache of probabilities (and of loaded analyses) keeps that cheap.
    """

    def __init__(
        self,
        load: Callable[[str], Analysis],
        settings: Settings = DEFAULT_SETTINGS,
        scorer: Scorer | None = None,
        cache_size: int | None = None,
        analysis_cache: int | None = None,
    ) -> None:
        self.load = load
        self.settings = settings
        self.scorer = scorer
        self._scores: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._analyses: OrderedDict[str, Analysis] = OrderedDict()
        # None: the settings' bounds (cluster_score_cache, cluster_analysis_cache)
        self._cache_size = settings.cluster_score_cache if cache_size is None else cache_size
        self._analysis_cache = (
            settings.cluster_analysis_cache if analysis_cache is None else analysis_cache
        )
        self.calls = 0

    def remember(self, analysis: Analysis) -> None:
        """Keep an analysis at hand (the articles of the batch being clustered)."""
        self._analyses[analysis.article.id] = analysis
        self._analyses.move_to_end(analysis.article.id)
        while len(self._analyses) > self._analysis_cache:
            self._analyses.popitem(last=False)

    def _get(self, article_id: str) -> Analysis:
        found = self._analyses.get(article_id)
        if found is None:
            found = self.load(article_id)
            self.remember(found)
        return found

    def __call__(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        hit = self._scores.get(key)
        if hit is not None:
            return hit
        self.calls += 1
        # Order-independent: always score (smaller id, larger id).
        p = same_story_probability(self._get(key[0]), self._get(key[1]), self.settings, self.scorer)
        self._scores[key] = p
        while len(self._scores) > self._cache_size:
            self._scores.popitem(last=False)
        return p
