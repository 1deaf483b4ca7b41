"""Connected components in one pass over the pairs: union-find, then once more over what is left.

Min-label propagation over RDD joins needs as many rounds (each a few shuffles) as the
longest chain of strong pairs is long, and more partitions only make every round
dearer. Here each partition of strong pairs is first reduced to a forest by union-find:
at most one edge per article it touches, however many pairs it held. The forests are
small int arrays (articles are named by `seq`); the driver joins them with one
vectorised union-find and broadcasts the result, so no shuffle is spent at all.

A component's label is its smallest seq: it depends on the pairs only, never on how
Spark partitioned them or in what order the forests arrived. Articles in no strong pair
have no label (they are stories of one).

Nothing here imports pyspark (testable without it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

__all__ = ["Labels", "local_forest", "min_labels"]

_EMPTY = np.zeros((0, 2), dtype=np.int64)


def local_forest(pairs: Iterable[tuple[int, int]]) -> Iterator[np.ndarray]:
    """One (k, 2) array of (article, its root) for every non-root article of the pairs.

    The root is the smallest seq of the article's component within these pairs, so
    the forest connects exactly what the pairs connect.
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:  # path compression keeps later finds short
            up = parent[x]
            parent[x] = root
            x = up
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    if parent:
        yield np.array([(x, find(x)) for x in parent], dtype=np.int64)


def min_labels(edges: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """(articles, their component labels, rounds) over (k, 2) edges, articles sorted.

    Hook-and-jump union-find in numpy: every round, each tree root hooks under the
    smallest root it has an edge to, then pointers jump to their roots. Each tree
    with an edge out either hooks or is hooked onto, so the rounds grow with the log
    of the component size, not with the length of chains. Parents only ever point
    to smaller indices (no cycles); the root left is the component's smallest article.
    """
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    nodes, inverse = np.unique(edges, return_inverse=True)
    u, v = inverse.reshape(-1, 2).T
    parent = np.arange(len(nodes), dtype=np.int64)
    rounds = 0
    while True:
        pu, pv = parent[u], parent[v]
        if np.array_equal(pu, pv):
            break
        rounds += 1
        low = np.minimum(pu, pv)
        np.minimum.at(parent, pu, low)
        np.minimum.at(parent, pv, low)
        while True:
            up = parent[parent]
            if np.array_equal(up, parent):
                break
            parent = up
    return nodes, nodes[parent], rounds


class Labels:
    """Component label by seq; what the driver broadcasts to every task (two int arrays)."""

    __slots__ = ("labels", "nodes")

    def __init__(self, nodes: np.ndarray, labels: np.ndarray) -> None:
        self.nodes = nodes
        self.labels = labels

    @classmethod
    def from_forests(cls, forests: Iterable[np.ndarray]) -> tuple[Labels, int]:
        """The labels over every partition's forest, and the driver's union-find rounds."""
        parts = [f for f in forests if len(f)]
        nodes, labels, rounds = min_labels(np.concatenate(parts) if parts else _EMPTY)
        return cls(nodes, labels), rounds

    def __len__(self) -> int:
        return len(self.nodes)

    def get(self, seq: int) -> int | None:
        """The label of the article's component; None when it is in no strong pair."""
        i = int(np.searchsorted(self.nodes, seq))
        if i < len(self.nodes) and int(self.nodes[i]) == seq:
            return int(self.labels[i])
        return None
