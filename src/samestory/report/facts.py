"""Facts: the sentences of a story's articles grouped by what they state, across languages.

Two sentences of different articles may state the same fact when their multilingual
embeddings are close; shared anchors (linked entities, resolved dates, numbers)
raise that closeness, rare anchors more than ones the whole story repeats. Groups
grow greedily from the best pair down, one sentence per article, and only while the
mean cosine between the two groups stays high, so one loose pair cannot chain two
facts together. Titles are left out: they restate the lede, not a fact of their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

import numpy as np

from ..analyse.aliases import link_entities
from ..models import Analysis, Mention
from ..settings import Settings

__all__ = ["Fact", "SentenceRef", "Story", "build_facts", "cluster_facts", "label", "outlet_name"]

Status = Literal["consensus", "unique", "conflict"]

# A pair's anchor bonus counts at most this many shared anchors: beyond two, more
# shared names say "same story", not "same sentence".
_MAX_ANCHORS = 2
# An anchor found in more than this share of the story's sentences is background
# ("Slovenia" in a Slovenian flood story) and counts half.
_COMMON_ANCHOR_SHARE = 0.15
_BLOCK = 1024  # rows of the cosine matrix computed at a time (bounded memory)


def outlet_name(analysis: Analysis) -> str:
    """Who published it: the declared outlet, else the web host, else the file name."""
    a = analysis.article
    if a.outlet:
        return a.outlet
    if a.url:
        host = urlparse(a.url).netloc
        if host:
            return host.removeprefix("www.")
    if a.source and a.source != "-":
        return Path(a.source).name
    return a.id


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One cited sentence: which article, which outlet, which sentence, its text."""

    doc: int  # index of the analysis in the story
    article: str
    outlet: str
    sentence: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "text": self.text,
        }


@dataclass(slots=True)
class Fact:
    """Sentences of several articles that state one thing.

    `values` lists, for a conflict, each competing value with the sentences giving it.
    """

    refs: list[SentenceRef]
    status: Status = "unique"
    values: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""  # the most central sentence
    centroid: np.ndarray | None = None

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in self.refs})

    @property
    def docs(self) -> set[int]:
        return {r.doc for r in self.refs}

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "sources": [r.to_dict() for r in self.refs],
            "values": self.values,
        }


class Story:
    """The analyses of one story with what every stage shares: linked mentions, rows.

    Row r of `embeddings` is sentence `rows[r] = (doc, sentence index)`; only body
    sentences with an embedding get a row.
    """

    def __init__(self, analyses: Sequence[Analysis], settings: Settings) -> None:
        self.analyses = list(analyses)
        self.settings = settings
        self.outlets = [outlet_name(a) for a in self.analyses]
        self.mentions: list[list[Mention]] = link_entities(
            [a.mentions for a in self.analyses], min_similarity=settings.alias_min_similarity
        )
        rows: list[tuple[int, int]] = []
        vectors: list[np.ndarray] = []
        for d, a in enumerate(self.analyses):
            emb = a.sentence_embeddings
            if emb is None:
                continue
            title_end = len(a.article.title)
            for s in a.sentences[: len(emb)]:
                if s.start >= title_end and s.text.strip():
                    rows.append((d, s.index))
                    vectors.append(emb[s.index])
        self.rows = rows
        self.row_of = {rc: r for r, rc in enumerate(rows)}
        dim = vectors[0].shape[0] if vectors else 1
        self.embeddings = (
            np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, dim), np.float32)
        )

    def ref(self, doc: int, sentence: int) -> SentenceRef:
        a = self.analyses[doc]
        return SentenceRef(
            doc, a.article.id, self.outlets[doc], sentence, a.sentences[sentence].text
        )

    def anchors(self) -> list[set[str]]:
        """Per row: its linked entity keys, resolved dates and numbers."""
        per: dict[tuple[int, int], set[str]] = defaultdict(set)
        for d, a in enumerate(self.analyses):
            for m in self.mentions[d]:
                per[(d, m.sentence)].add(f"e:{m.key}")
            for dm in a.dates:
                per[(d, dm.sentence)].add(f"d:{dm.canonical}")
            for q in a.quantities:
                # Small bare counts ("two", "3") are everywhere and anchor nothing.
                if q.unit or abs(q.value) >= 10:
                    per[(d, q.sentence)].add(f"n:{q.canonical}")
        return [per.get(rc, set()) for rc in self.rows]


def _candidate_pairs(story: Story, floor: float) -> list[tuple[float, float, int, int, bool]]:
    """(score, cosine, row i, row j, same language) for pairs of articles above `floor`.

    The cosine matrix is computed a block of rows at a time and only pairs that could
    pass with the largest anchor bonus are kept, so memory stays linear in the pairs.
    """
    emb = story.embeddings
    n = len(emb)
    if n < 2:
        return []
    docs = np.fromiter((d for d, _ in story.rows), dtype=np.int64, count=n)
    languages = [story.analyses[d].language for d, _ in story.rows]
    margin = story.settings.fact_same_language_margin
    anchors = story.anchors()
    df: Counter[str] = Counter(a for s in anchors for a in s)
    common = max(2.0, _COMMON_ANCHOR_SHARE * n)
    bonus = story.settings.fact_anchor_bonus
    lowest = floor - bonus * _MAX_ANCHORS  # the cosine that the largest bonus lifts to floor
    out: list[tuple[float, float, int, int, bool]] = []
    for start in range(0, n, _BLOCK):
        sim = emb[start : start + _BLOCK] @ emb.T
        for i_local, j in zip(*np.nonzero(sim >= lowest), strict=True):
            i = start + int(i_local)
            j = int(j)
            if j <= i or docs[i] == docs[j]:
                continue
            cos = float(sim[i_local, j])
            shared = anchors[i] & anchors[j]
            weight = min(_MAX_ANCHORS, sum(1.0 if df[x] <= common else 0.5 for x in shared))
            # One language's sentences share words and so embed closer: they must
            # clear a higher bar, folded into the score so one threshold fits all.
            same = languages[i] == languages[j]
            score = cos + bonus * weight - (margin if same else 0.0)
            if score >= floor:
                out.append((score, cos, i, j, same))
    out.sort(key=lambda t: -t[0])
    return out


class _Groups:
    """Union-find over rows that keeps, per group, its articles and summed vectors."""

    def __init__(self, story: Story) -> None:
        n = len(story.rows)
        self.parent = list(range(n))
        self.docs: list[set[int]] = [{d} for d, _ in story.rows]
        self.sums = story.embeddings.astype(np.float64).copy()
        self.size = [1] * n

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def mean_cos(self, a: int, b: int) -> float:
        return float(self.sums[a] @ self.sums[b]) / (self.size[a] * self.size[b])

    def union(self, a: int, b: int) -> None:
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.docs[a] |= self.docs[b]
        self.sums[a] += self.sums[b]
        self.size[a] += self.size[b]


def cluster_facts(story: Story) -> list[list[int]]:
    """Groups of rows, each one fact; every row is in exactly one group."""
    s = story.settings
    groups = _Groups(story)
    pairs = _candidate_pairs(story, s.fact_min_similarity - s.fact_lone_margin)
    for score, _, i, j, same in pairs:
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj or groups.docs[ri] & groups.docs[rj]:
            continue
        # Below the bar only a sentence still alone may join a fact, and only across
        # languages, where the same fact is told in looser words.
        if score < s.fact_min_similarity and (same or min(groups.size[ri], groups.size[rj]) > 1):
            continue
        if groups.mean_cos(ri, rj) >= s.fact_link_min_similarity:
            groups.union(ri, rj)
    # A sentence left alone may restate a fact its own article already gives in
    # another sentence ("the levee broke ... the railway was cut" / "the railway is
    # cut"); it joins that fact when it is close to the fact's other sentences.
    members: dict[int, list[int]] = defaultdict(list)
    for r in range(len(story.rows)):
        members[groups.find(r)].append(r)
    attach: dict[int, int] = {}
    for _, cos, i, j, _ in pairs:
        if cos < s.fact_attach_min_similarity:
            continue
        for lone, other in ((i, j), (j, i)):
            root = groups.find(other)
            if (
                len(members[groups.find(lone)]) == 1
                and lone not in attach
                and len(members[root]) > 1
                and story.rows[lone][0] in groups.docs[root]
            ):
                attach[lone] = root
    for lone, root in attach.items():
        members.pop(lone, None)
        members[root].append(lone)
    return [sorted(rows) for rows in members.values()]


def build_facts(story: Story, row_groups: list[list[int]]) -> list[Fact]:
    """Facts from row groups, with their central sentence; statuses come later."""
    facts: list[Fact] = []
    for rows in row_groups:
        vecs = story.embeddings[rows]
        centroid = vecs.mean(axis=0)
        norm = float(np.linalg.norm(centroid))
        centroid = centroid / norm if norm else centroid
        refs = [story.ref(*story.rows[r]) for r in rows]
        central = int(np.argmax(vecs @ centroid)) if len(rows) else 0
        facts.append(Fact(refs=refs, text=refs[central].text, centroid=centroid))
    return facts


def label(fact: Fact) -> Status:
    """Conflict when values disagree, consensus when two outlets or more state it."""
    if fact.values:
        return "conflict"
    return "consensus" if len(fact.outlets) >= 2 else "unique"
