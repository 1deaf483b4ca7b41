"""What the clusterers say: story events, and the id a story takes from its first article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = ["EventKind", "PairScoreFn", "StoryEvent", "story_id_for"]

EventKind = Literal["created", "added", "merged", "split", "pass"]
PairScoreFn = Callable[[str, str], float]  # same-story probability of two article ids


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One change to the stories: why an article is where it is.

    created/added: `article` started or joined `story`; merged: `other` was absorbed
    into `story`; split: `article` moved from `story` to `other` (a batch re-clustering,
    whole or of a region of the window); pass: a merge or regroup pass ran here
    (bookkeeping that lets a replay reproduce the state).
    """

    kind: EventKind
    story: str
    article: str | None = None
    other: str | None = None
    score: float | None = None


def story_id_for(article_id: str) -> str:
    return f"s{article_id}"
