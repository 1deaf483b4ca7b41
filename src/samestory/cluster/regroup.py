"""Re-running the batch decision on the part of the window that changed, with stable ids.

Average linkage only joins two groups linked by at least one pair at or above its
threshold, so no batch story spans two components of the graph over such pairs, and
each component is clustered as a whole batch run would cluster it. A pass of the
online clusterer takes the components of the articles whose edges changed since the
last pass, adds the whole current story of every article in them (and those stories'
components, until nothing is added), and re-runs `batch.average_linkage` on that
region alone. Its cost follows the region, never the stream. Only the last
`cluster_window_hours` are re-decided: an article older than that behind the newest one
stays where it is, so a story that goes on for weeks keeps its older articles and its id
while its recent ones are regrouped (a batch run over the weeks would cut it where no
pair is within the window of another).

`relabel` then keeps the ids: each current story keeps its id on the new group
holding most of its region articles (the largest stories choose first); the others'
articles are `split` to where they went, and a story left with none is `merged` into
the group that took most of it. A story with articles outside the region (older than
the window or the graph, or past the region cap) is never merged: only its region
articles move. Retired stories (no longer active) stay out of regions altogether.
A group nobody claimed gets a new id, never one used before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from ..settings import Settings
from .batch import average_linkage
from .events import StoryEvent
from .graph import WindowGraph

__all__ = ["joined", "region", "regroup", "regrouped", "relabel"]


def region(
    graph: WindowGraph,
    seeds: Iterable[str],
    story_of: Mapping[str, str],
    members: Callable[[str], Sequence[str]],
    threshold: float,
    cap: int,
    since: float | None = None,
    active: Callable[[str], bool] = lambda story: True,
) -> tuple[list[str], set[str]]:
    """(articles to re-cluster, in arrival order; stories with articles outside them).

    Articles published before `since`, and those of stories no longer `active`, stay
    out: their stories are decided (a retired story never takes articles again).
    """
    order = {a: n for n, a in enumerate(graph.docs)}  # dicts keep arrival order

    def open_(a: str) -> bool:
        t = graph.docs[a].time  # callers pass graph articles only
        story = story_of.get(a)
        return (since is None or t is None or t >= since) and (story is None or active(story))

    todo = sorted((a for a in set(seeds) if a in graph and open_(a)), key=order.__getitem__)
    inside: set[str] = set(todo)
    stories: set[str] = set()
    while todo and len(inside) < cap:
        a = todo.pop()
        found = [b for b in sorted(graph.adj[a]) if graph.weight(a, b) >= threshold]
        story = story_of.get(a)
        if story is not None and story not in stories:
            stories.add(story)
            found.extend(m for m in members(story) if m in graph)
        for b in found:
            if b not in inside and len(inside) < cap and open_(b):
                inside.add(b)
                todo.append(b)
    ids = sorted(inside, key=order.__getitem__)
    partial = {
        s
        for s in {story_of[a] for a in ids if a in story_of}
        if any(m not in inside for m in members(s))
    }
    return ids, partial


def regroup(graph: WindowGraph, ids: Sequence[str], threshold: float) -> list[list[str]]:
    """Average linkage over the edges inside `ids`: groups, each in publication order.

    The articles are ranked by (publication time, id), not by arrival: average linkage
    breaks ties between equal scores by rank, and the arrival order is how the stream
    was cut (which poll finished first, where a restart resumed), so ranking by it
    made the settled stories depend on that.
    """
    ids = sorted(ids, key=lambda a: _rank(graph.docs[a].time, a))
    index = {a: n for n, a in enumerate(ids)}
    weights: dict[tuple[int, int], float] = {}
    for a in ids:
        i = index[a]
        for b in graph.adj[a]:
            j = index.get(b)
            if j is not None and i < j:
                weights[(i, j)] = graph.weight(a, b)
    labels = average_linkage(len(ids), weights, threshold)
    groups: dict[int, list[str]] = defaultdict(list)
    for a, label in zip(ids, labels, strict=True):
        groups[label].append(a)
    return sorted(groups.values(), key=lambda g: index[g[0]])


def _rank(time: float | None, article: str) -> tuple[bool, float, str]:
    return (time is None, time or 0.0, article)


def relabel(
    groups: Sequence[Sequence[str]],
    story_of: Mapping[str, str],
    partial: set[str],
    new_id: Callable[[str], str],
) -> list[StoryEvent]:
    """The events that turn the current stories of these articles into `groups`."""
    overlap: dict[str, Counter[int]] = defaultdict(Counter)
    for g, group in enumerate(groups):
        for a in group:
            overlap[story_of[a]][g] += 1
    claims: dict[int, str] = {}
    for old in sorted(overlap, key=lambda o: (-sum(overlap[o].values()), o)):
        for g, _ in sorted(overlap[old].items(), key=lambda kv: (-kv[1], kv[0])):
            if g not in claims:
                claims[g] = old
                break
    final: dict[str, str] = {}
    for g, group in enumerate(groups):
        sid = claims[g] if g in claims else new_id(group[0])
        final.update((a, sid) for a in group)
    kept = set(claims.values())
    moved: dict[str, list[str]] = defaultdict(list)
    for group in groups:
        for a in group:
            if final[a] != story_of[a]:
                moved[story_of[a]].append(a)
    events: list[StoryEvent] = []
    for old in sorted(moved):
        target = None
        if old not in kept and old not in partial:
            target = Counter(final[a] for a in moved[old]).most_common(1)[0][0]
        events.extend(
            StoryEvent("split", old, a, other=final[a]) for a in moved[old] if final[a] != target
        )
        if target is not None:
            events.append(StoryEvent("merged", target, other=old))
    return events


def joined(
    graph: WindowGraph,
    article: str,
    story_of: Mapping[str, str],
    order: Callable[[str], int | None],
    settings: Settings,
) -> tuple[str, float] | None:
    """(story, score) a new article joins between passes, or None for a story of its own.

    `order` gives an active story's creation rank (None: not active). Each active
    story it has edges to scores the mean probability of those edges: the pairs a
    batch run scores anyway, so joining costs no extra score. The best story at or
    above `cluster_batch_threshold` wins (ties: the older story).
    """
    edges: dict[str, list[float]] = {}
    rank: dict[str, int] = {}
    for other in sorted(graph.adj.get(article, ())):
        story = story_of.get(other)
        if story is not None and (n := order(story)) is not None:  # active stories only
            rank[story] = n
            edges.setdefault(story, []).append(graph.weight(article, other))
    means = sorted(
        ((float(np.mean(w)), sid) for sid, w in edges.items()), key=lambda x: (-x[0], rank[x[1]])
    )
    if means and means[0][0] >= settings.cluster_batch_threshold:
        return means[0][1], means[0][0]
    return None


def regrouped(
    graph: WindowGraph,
    seeds: Iterable[str],
    story_of: Mapping[str, str],
    members: Mapping[str, Sequence[str]],
    settings: Settings,
    since: float | None,
    new_id: Callable[[str], str],
    active: Callable[[str], bool],
) -> tuple[int, list[StoryEvent]]:
    """One pass: (articles re-clustered, the events that get the stories there)."""
    t = settings.cluster_batch_threshold
    ids, partial = region(
        graph,
        seeds,
        story_of,
        lambda s: members.get(s, ()),
        t,
        settings.cluster_regroup_max,
        since,
        active,
    )
    if not ids:
        return 0, []
    return len(ids), relabel(regroup(graph, ids, t), story_of, partial, new_id)
