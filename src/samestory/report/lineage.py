"""Lineage: which article copied or translated which, and who reported first.

Same-language copies are found with MinHash over word 3-grams and an LSH index
(datasketch), so each article meets only its likely copies, never all the others.
Translations and rewrites cross languages, where words are not shared: each article
is compared with its few nearest neighbours by head embedding only, on how much of
both articles aligns one-to-one sentence by sentence and whether the aligned
sentences keep their order (a translation follows its source paragraph by paragraph).
The earlier publication is the source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..match.align import align_sentences
from .facts import Story

__all__ = ["Link", "copy_groups", "find_lineage", "first_reported"]

Kind = Literal["copy", "translation", "rewrite"]

_WORD = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 3


@dataclass(frozen=True, slots=True)
class Link:
    source: int  # doc index of the earlier article
    target: int
    kind: Kind
    score: float
    directed: bool  # False when neither publication time tells which came first


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < _SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)}


def _minhashes(story: Story) -> list[MinHash]:
    perm = story.settings.lineage_minhash_perm
    template = MinHash(num_perm=perm)  # permutations are drawn once and shared
    out = []
    for a in story.analyses:
        m = MinHash(num_perm=perm, permutations=template.permutations, scheme=template.scheme)
        m.update_batch(list(_shingles(a.article.body or a.text)))
        out.append(m)
    return out


def _copies(story: Story) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> estimated Jaccard, for same-language near-duplicates."""
    s = story.settings
    hashes = _minhashes(story)
    lsh = MinHashLSH(threshold=s.lineage_copy_min_jaccard, num_perm=s.lineage_minhash_perm)
    for d, m in enumerate(hashes):
        lsh.insert(str(d), m)
    out: dict[tuple[int, int], float] = {}
    for d, m in enumerate(hashes):
        for key in lsh.query(m):
            e = int(key)
            if e <= d or story.analyses[d].language != story.analyses[e].language:
                continue
            score = float(m.jaccard(hashes[e]))
            if score >= s.lineage_copy_min_jaccard:
                out[(d, e)] = score
    return out


def _neighbours(story: Story, k: int) -> set[tuple[int, int]]:
    """Each article's k nearest others by head embedding: the only pairs aligned."""
    heads = [a.embedding for a in story.analyses]
    n = len(heads)
    if n < 2 or any(h is None for h in heads):
        return set()
    mat = np.vstack([h for h in heads if h is not None])
    sim = mat @ mat.T
    np.fill_diagonal(sim, -np.inf)
    k = min(k, n - 1)
    nearest = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    return {(min(i, int(j)), max(i, int(j))) for i in range(n) for j in nearest[i]}


def _aligned_kind(story: Story, i: int, j: int) -> tuple[Kind, float] | None:
    s = story.settings
    a, b = story.analyses[i], story.analyses[j]
    al = align_sentences(a, b, s.align_min_similarity)
    coverage = min(al.coverage_a, al.coverage_b)
    if al.order < s.lineage_min_order:
        return None
    if a.language != b.language and coverage >= s.lineage_translation_min_coverage:
        return "translation", coverage
    if coverage >= s.lineage_rewrite_min_coverage:
        return "rewrite", coverage
    return None


def _when(story: Story, d: int) -> dt.datetime | None:
    p = story.analyses[d].published
    if p is not None and p.tzinfo is None:
        p = p.replace(tzinfo=dt.UTC)  # naive dates compare as UTC rather than not at all
    return p


def _directed(story: Story, i: int, j: int, kind: Kind, score: float) -> Link:
    ti, tj = _when(story, i), _when(story, j)
    if ti is not None and tj is not None and ti != tj:
        return Link(i, j, kind, score, True) if ti < tj else Link(j, i, kind, score, True)
    return Link(i, j, kind, score, False)


def _prune(links: list[Link]) -> list[Link]:
    """Drop X -> Y when one source Z gave both X and Y: siblings, not parent and child.

    Two translations of one wire story align with each other as well as with the wire.
    """
    sources: dict[int, set[int]] = {}
    for link in links:
        sources.setdefault(link.target, set()).add(link.source)
    return [
        link
        for link in links
        if not (sources.get(link.source, set()) & sources.get(link.target, set()))
    ]


def find_lineage(story: Story) -> list[Link]:
    copies = _copies(story)
    links = [_directed(story, i, j, "copy", score) for (i, j), score in copies.items()]
    for i, j in sorted(_neighbours(story, story.settings.lineage_neighbours)):
        if (i, j) in copies:
            continue
        found = _aligned_kind(story, i, j)
        if found is not None:
            links.append(_directed(story, i, j, *found))
    links = _prune(links)
    return sorted(links, key=lambda link: (-link.score, link.source, link.target))


def first_reported(story: Story) -> dict[str, Any] | None:
    """The earliest published article of the story (None when no article is dated)."""
    dated = [(t, d) for d in range(len(story.analyses)) if (t := _when(story, d)) is not None]
    if not dated:
        return None
    t, d = min(dated)
    a = story.analyses[d].article
    return {"article": a.id, "outlet": story.outlets[d], "published": t.isoformat()}


def copy_groups(story: Story, links: list[Link]) -> list[int]:
    """Per doc, the doc that stands for it: copies share their earliest source's index."""
    rep = list(range(len(story.analyses)))

    def find(x: int) -> int:
        while rep[x] != x:
            x = rep[x]
        return x

    for link in sorted(links, key=lambda x: x.source):
        if link.kind == "copy":
            a, b = find(link.source), find(link.target)
            if a != b:
                rep[max(a, b)] = min(a, b)
    return [find(d) for d in range(len(rep))]
