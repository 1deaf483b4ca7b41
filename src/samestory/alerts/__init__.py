"""alerts: saved watches over the stories, and the events they report.

Pure (no store): `watch.py` says which stories a watch follows and which events a
story's current state holds for it; `feed.py` writes a watch's Atom feed and signs a
webhook body. `evaluate.py` and `deliver.py` run them over a store after each ingested
batch (the hook `StoryIngest` calls), so every event fires once, also across restarts.
"""

from __future__ import annotations

from .watch import EVENT_KINDS, Event, Snapshot, Watch, detect, fold_words, matches

__all__ = ["EVENT_KINDS", "Event", "Snapshot", "Watch", "detect", "fold_words", "matches"]
