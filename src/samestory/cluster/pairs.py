"""The clusterer's pair scorer: the match stage's same-story probability, cached."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from ..match import Scorer, same_story_probabilities, same_story_probability
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
        # The batch being clustered, not in the store yet: never evicted (`pin`).
        self._pinned: dict[str, Analysis] = {}
        # None: the settings' bounds (cluster_score_cache, cluster_analysis_cache)
        self._cache_size = settings.cluster_score_cache if cache_size is None else cache_size
        self._analysis_cache = (
            settings.cluster_analysis_cache if analysis_cache is None else analysis_cache
        )
        self._batch = max(1, min(256, self._analysis_cache // 2))  # pairs per `prefetch` batch
        self.calls = 0

    def remember(self, analysis: Analysis) -> None:
        """Keep an analysis at hand (the articles of the batch being clustered)."""
        self._analyses[analysis.article.id] = analysis
        self._analyses.move_to_end(analysis.article.id)
        while len(self._analyses) > self._analysis_cache:
            self._analyses.popitem(last=False)

    def pin(self, analysis: Analysis) -> None:
        """Keep an analysis the store does not hold yet (the batch being clustered) until
        `unpin`: the bounded cache would let a pass that reads many others push it out,
        and it could not be read back."""
        self._pinned[analysis.article.id] = analysis

    def unpin(self) -> None:
        """The pinned batch was committed (or dropped): its analyses join the cache."""
        pinned, self._pinned = self._pinned, {}
        for analysis in pinned.values():
            self.remember(analysis)

    def forget(self, article_id: str) -> None:
        """The article left the clusterer's window: no new pair will need its analysis."""
        self._analyses.pop(article_id, None)

    def _get(self, article_id: str) -> Analysis:
        found = self._pinned.get(article_id) or self._analyses.get(article_id)
        if found is None:
            found = self.load(article_id)
            self.remember(found)
        return found

    def prefetch(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Score the pairs not scored yet in one batch (the edges a new article brings):
        later calls for them are cache hits, with the numbers `__call__` would give."""
        keys = list(dict.fromkeys((a, b) if a < b else (b, a) for a, b in pairs if a != b))
        keys = [k for k in keys if k not in self._scores]
        if len(keys) < 2:
            return  # nothing to share: `__call__` scores it when asked
        for at in range(0, len(keys), self._batch):  # bounded: the analyses stay cached
            chunk = keys[at : at + self._batch]
            scores = same_story_probabilities(
                [(self._get(a), self._get(b)) for a, b in chunk], self.settings, self.scorer
            )
            self.calls += len(chunk)
            for key, p in zip(chunk, scores, strict=True):
                self._store(key, p)

    def _store(self, key: tuple[str, str], p: float) -> None:
        self._scores[key] = p
        while len(self._scores) > self._cache_size:
            self._scores.popitem(last=False)

    def __call__(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        hit = self._scores.get(key)
        if hit is not None:
            return hit
        self.calls += 1
        # Order-independent: always score (smaller id, larger id).
        p = same_story_probability(self._get(key[0]), self._get(key[1]), self.settings, self.scorer)
        self._store(key, p)
        return p
