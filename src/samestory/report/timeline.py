"""A timeline of the events the articles date, not of when the articles appeared.

Every date expression of a fact's sentences (already resolved against its article's
publication date: "lundi", "il y a deux ans") becomes an entry of that fact. Dates of
one fact that name different periods of the same precision are one event dated two
ways: the entry takes the date most sentences give and is marked disputed, listing
the other dates with their sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import DateMention
from .facts import Fact, SentenceRef, Story
from .summary import main_language

__all__ = ["build_timeline"]


def _overlap(a: DateMention, b: DateMention) -> bool:
    return a.value <= b.end and b.value <= a.end


def _fact_entries(story: Story, k: int, fact: Fact, language: str | None) -> list[dict[str, Any]]:
    mentions: list[tuple[DateMention, SentenceRef]] = []
    for ref in fact.refs:
        for d in story.analyses[ref.doc].dates:
            if d.sentence == ref.sentence:
                mentions.append((d, ref))
    # One group per period: mentions whose periods overlap name the same time.
    groups: list[list[tuple[DateMention, SentenceRef]]] = []
    for d, ref in sorted(mentions, key=lambda m: (m[0].value, m[0].end)):
        for g in groups:
            if any(_overlap(d, e) for e, _ in g):
                g.append((d, ref))
                break
        else:
            groups.append([(d, ref)])
    # Two periods of one fact that no outlet gives both of, at the same day or month
    # precision, are one event dated two ways ("25 March" vs "26 de marzo"); years
    # beside each other are history ("in 2016 ... in 2020"), not a dispute.
    outlets = [{r.outlet for _, r in g} for g in groups]
    grains = [{d.granularity for d, _ in g} & {"day", "month"} for g in groups]
    entries: list[dict[str, Any]] = []
    used: set[int] = set()
    for i in range(len(groups)):
        if i in used:
            continue
        rivals = [
            j
            for j in range(len(groups))
            if j != i and j not in used and grains[i] & grains[j] and not outlets[i] & outlets[j]
        ]
        cluster = [i, *rivals]
        cluster.sort(key=lambda x: -len({(r.doc, r.sentence) for _, r in groups[x]}))
        used.update(cluster)
        main = groups[cluster[0]]
        precise = min(main, key=lambda m: (m[0].end - m[0].value, m[0].value))[0]
        refs = _unique_refs([r for _, r in main])
        shown = next((r for r in refs if story.analyses[r.doc].language == language), refs[0])
        entry: dict[str, Any] = {
            "date": precise.canonical,
            "start": precise.value.isoformat(),
            "text": shown.text,
            "status": fact.status,
            "fact": k,
            "sources": [r.to_dict() for r in refs],
            "disputed": len(cluster) > 1,
        }
        if len(cluster) > 1:
            entry["values"] = [
                {
                    "date": min(groups[x], key=lambda m: m[0].end - m[0].value)[0].canonical,
                    "sources": [r.to_dict() for r in _unique_refs([r for _, r in groups[x]])],
                }
                for x in cluster
            ]
        entries.append(entry)
    return entries


def _unique_refs(refs: list[SentenceRef]) -> list[SentenceRef]:
    seen: dict[tuple[int, int], SentenceRef] = {}
    for r in refs:
        seen.setdefault((r.doc, r.sentence), r)
    return sorted(seen.values(), key=lambda r: (r.doc, r.sentence))


def build_timeline(story: Story, facts: list[Fact]) -> list[dict[str, Any]]:
    language = main_language(story)
    entries: list[dict[str, Any]] = []
    for k, fact in enumerate(facts):
        entries.extend(_fact_entries(story, k, fact, language))
    entries.sort(key=lambda e: (dt.date.fromisoformat(e["start"]), -len(e["sources"])))
    return entries
