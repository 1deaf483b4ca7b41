"""cluster: group a stream of analysed articles into stories, across languages.

Pure: no store, no server. `OnlineClusterer` takes `ClusterDoc`s and a pair-scoring
function of two article ids; `AnalysisPairScorer` provides one over analyses with
the match stage's scorer; `recluster` re-runs a whole collection and reconciles ids.
"""

from __future__ import annotations

from .doc import ClusterDoc, doc_from_analysis, timestamp
from .evaluate import bcubed, cluster_report, pairwise
from .online import OnlineClusterer, PairScoreFn, StoryEvent, story_id_for
from .pairs import AnalysisPairScorer

__all__ = [
    "AnalysisPairScorer",
    "ClusterDoc",
    "OnlineClusterer",
    "PairScoreFn",
    "StoryEvent",
    "bcubed",
    "cluster_report",
    "doc_from_analysis",
    "pairwise",
    "story_id_for",
    "timestamp",
]
