"""An extractive story summary: what most outlets agree on, each sentence cited.

Facts are ranked by how many outlets state them, then by how central they are to
the story (cosine of the fact to the mean of all its sentences); consensus comes
before conflict and unique facts only fill what is left. A fact too close to one
already chosen is skipped, and each fact is shown by its sentence in the story's
main language when it has one, so the summary reads in one language where it can.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from .facts import Fact, SentenceRef, Story

__all__ = ["main_language", "summarise"]

_STATUS_RANK = {"consensus": 0, "conflict": 1, "unique": 2}


def main_language(story: Story) -> str | None:
    counts = Counter(a.language for a in story.analyses)
    return counts.most_common(1)[0][0] if counts else None


def _shown_ref(story: Story, fact: Fact, language: str | None) -> SentenceRef:
    """The sentence standing for a fact: its most central one in `language`, if any."""
    refs = [r for r in fact.refs if story.analyses[r.doc].language == language] or fact.refs
    if fact.centroid is None or len(refs) == 1:
        return refs[0]
    vecs = np.vstack([story.embeddings[story.row_of[(r.doc, r.sentence)]] for r in refs])
    return refs[int(np.argmax(vecs @ fact.centroid))]


def summarise(story: Story, facts: list[Fact], max_sentences: int) -> list[dict[str, Any]]:
    if not facts or max_sentences <= 0:
        return []
    story_centre = story.embeddings.mean(axis=0)
    norm = float(np.linalg.norm(story_centre))
    story_centre = story_centre / norm if norm else story_centre

    def centrality(f: Fact) -> float:
        return float(f.centroid @ story_centre) if f.centroid is not None else 0.0

    ranked = sorted(
        range(len(facts)),
        key=lambda k: (
            _STATUS_RANK[facts[k].status],
            -len(facts[k].outlets),
            -centrality(facts[k]),
        ),
    )
    language = main_language(story)
    chosen: list[int] = []
    for k in ranked:
        if len(chosen) >= max_sentences:
            break
        f = facts[k]
        if f.status == "unique" and chosen:
            break  # one outlet's claim only when nothing is shared at all
        if f.centroid is not None and any(
            float(f.centroid @ facts[c].centroid) > story.settings.summary_max_redundancy
            for c in chosen
            if facts[c].centroid is not None
        ):
            continue
        chosen.append(k)
    out = []
    for k in chosen:
        f = facts[k]
        shown = _shown_ref(story, f, language)
        out.append(
            {
                "text": shown.text,
                "status": f.status,
                "fact": k,
                "sources": [r.to_dict() for r in f.refs],
            }
        )
    return out
