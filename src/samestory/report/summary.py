"""An extractive story summary: what most outlets agree on, each sentence cited.

Facts are ranked by how many outlets state them, then by how prominently the
articles state them, then by how central they are to the story (cosine of the fact
to the mean of all its sentences); consensus comes before conflict and unique facts
only fill what is left. Prominence is where news puts its main event: at the top
(the lede of the inverted pyramid, the location cue of extractive summarisation).
A fact's prominence is the mean over the story's articles of 1 - its relative
position in each (first body sentence 1, last 0, an article that omits it 0), so a
fact most articles lead with comes first. Centrality alone puts the central event
last: the background sentences of the articles are alike, and their mean is closer
to them than to the lede. A fact too close to one
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


def _relative_positions(story: Story) -> dict[tuple[int, int], float]:
    """(doc, sentence) -> where the sentence sits among its article's body sentences:
    0 for the first, 1 for the last (the title is not a body sentence)."""
    by_doc: dict[int, list[int]] = {}
    for doc, sentence in story.rows:
        by_doc.setdefault(doc, []).append(sentence)
    place: dict[tuple[int, int], float] = {}
    for doc, sentences in by_doc.items():
        last = max(1, len(sentences) - 1)
        for rank, sentence in enumerate(sorted(sentences)):
            place[(doc, sentence)] = rank / last
    return place


def summarise(story: Story, facts: list[Fact], max_sentences: int) -> list[dict[str, Any]]:
    if not facts or max_sentences <= 0:
        return []
    story_centre = story.embeddings.mean(axis=0)
    norm = float(np.linalg.norm(story_centre))
    story_centre = story_centre / norm if norm else story_centre

    def centrality(f: Fact) -> float:
        return float(f.centroid @ story_centre) if f.centroid is not None else 0.0

    place = _relative_positions(story)

    def prominence(f: Fact) -> float:
        first: dict[int, float] = {}
        for r in f.refs:
            at = place.get((r.doc, r.sentence), 1.0)
            first[r.doc] = min(first.get(r.doc, 1.0), at)
        return sum(1.0 - at for at in first.values()) / max(1, len(story.analyses))

    ranked = sorted(
        range(len(facts)),
        key=lambda k: (
            _STATUS_RANK[facts[k].status],
            -len(facts[k].outlets),
            -prominence(facts[k]),
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
