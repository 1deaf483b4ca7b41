"""Conflicting values inside a story, attached to the facts they belong to.

The pairwise detector of match/conflicts.py decides what conflicts (numbers of one
slot, dates and names in aligned sentences); here it runs over a bounded set of
article pairs -- one article per group of copies, nearest pairs first -- and each
conflict it finds joins its two sentences into one conflict fact that lists every
competing value with the sentences giving it (the two facts merge, or, when the same
articles tell both, the stray sentence moves alone). Places that aligned sentences of
one fact give for it in different towns are found per fact (places.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..analyse.personnames import similar, skeleton
from ..match.align import align_sentences
from ..match.conflicts import find_conflicts
from ..models import Analysis, Conflict
from .facts import Fact, SentenceRef, Story, build_facts
from .places import place_conflicts

__all__ = ["apply_conflicts", "conflict_pairs"]


def conflict_pairs(story: Story, reps: list[int]) -> list[tuple[int, int]]:
    """Article pairs to check: distinct representatives, most similar heads first."""
    docs = sorted(set(reps))
    heads = [story.analyses[d].embedding for d in docs]
    pairs = [(docs[x], docs[y]) for x in range(len(docs)) for y in range(x + 1, len(docs))]
    limit = story.settings.conflict_max_article_pairs
    if len(pairs) <= limit:
        return pairs
    if all(h is not None for h in heads):
        mat = np.vstack([h for h in heads if h is not None])
        sim = mat @ mat.T
        pos = {d: k for k, d in enumerate(docs)}
        pairs.sort(key=lambda p: -float(sim[pos[p[0]], pos[p[1]]]))
    return pairs[:limit]


def _sentence_index(a: Analysis) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in a.sentences:
        out.setdefault(s.text, s.index)
    return out


def _holds(kind: str, value: str, story: Story, ref: SentenceRef) -> bool:
    """Does this sentence give `value` for a slot of this kind?"""
    a = story.analyses[ref.doc]
    if kind == "number":
        return any(q.canonical == value for q in a.quantities if q.sentence == ref.sentence)
    if kind == "date":
        return any(d.canonical == value for d in a.dates if d.sentence == ref.sentence)
    return any(m.canonical == value for m in story.mentions[ref.doc] if m.sentence == ref.sentence)


def _body_row(story: Story, doc: int, sentence: int, kind: str, value: str) -> int | None:
    """The row of a conflict's sentence; for a title, the body sentence giving the value.

    Titles are not facts, but "Three dead as floods hit Slovenia" conflicts exactly
    where the body's "Three people died" does.
    """
    row = story.row_of.get((doc, sentence))
    if row is not None:
        return row
    for (d, i), r in story.row_of.items():
        if d == doc and _holds(kind, value, story, story.ref(d, i)):
            return r
    return None


def _geo_type(key: str) -> str:
    return key.split(":")[1] if key.startswith("geo:") else ""


def _credible(story: Story, c: Conflict, i: int, j: int, same_fact: bool) -> bool:
    """Pairwise conflicts the story-level view keeps.

    A bare number (no unit, no counted noun) or a name/place swap is only a conflict
    between sentences that state the same fact -- "after 25 km" and "from km 30" do
    not disagree -- and two places must be places of one kind (a city for a city).
    """
    if c.kind == "number":
        return same_fact or c.slot != "number"
    if c.kind == "place":
        keys_a = {m.key for m in story.mentions[i] if m.canonical == c.value_a}
        keys_b = {m.key for m in story.mentions[j] if m.canonical == c.value_b}
        kinds = {_geo_type(k) for k in keys_a} & {_geo_type(k) for k in keys_b}
        return same_fact and bool(kinds - {""})
    return same_fact


_LOOSE_TOKEN_SIMILARITY = 0.65


def _same_person(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    return all(similar(x, y, _LOOSE_TOKEN_SIMILARITY) for x, y in zip(ta, tb, strict=True))


def _spelling_conflicts(story: Story, fact: Fact) -> list[dict[str, Any]]:
    """One person named in one fact with differently spelt names (Hrytsenko/Hryzenko).

    Alias linking made most variants one entity; the transliteration skeleton tells a
    spelling that differs ("Alemayeu") from a mere transliteration ("Alemayehou" /
    "Alemayehu"). Only names of as many tokens are compared: "Zakir Hasanov" beside
    "Hasanov Zakir Asgar Oglu" is a fuller name, not a different one.
    """
    # skeleton form -> (a displayed form, its sentences)
    variants: dict[str, tuple[str, set[tuple[int, int]]]] = {}
    for ref in fact.refs:
        for m in story.mentions[ref.doc]:
            if m.sentence == ref.sentence and m.label == "PERSON" and len(m.text.split()) >= 2:
                skel = " ".join(skeleton(t) for t in m.text.split())
                variants.setdefault(skel, (m.text, set()))[1].add((ref.doc, ref.sentence))
    # People of the fact: skeletons grouped when every token is loosely alike, which
    # linking alone misses at its stricter threshold ("Olexandr Hryzenko").
    people: list[list[str]] = []
    for skel in sorted(variants):
        for group in people:
            if _same_person(skel, group[0]):
                group.append(skel)
                break
        else:
            people.append([skel])
    out = []
    for group in people:
        if len(group) < 2:
            continue
        outlets = [{story.outlets[d] for d, _ in variants[g][1]} for g in group]
        if any(o & p for x, o in enumerate(outlets) for p in outlets[x + 1 :]):
            continue  # one outlet using both spellings is a typo, not a disagreement
        for g in group:
            shown, refs = variants[g]
            out.append(
                {
                    "kind": "name",
                    "slot": "spelling",
                    "value": shown,
                    "sources": [story.ref(d, i).to_dict() for d, i in sorted(refs)],
                }
            )
    return out


def _about(story: Story, kind: str, value: str, row: int, rows: list[int]) -> int:
    """How many sentences of `rows` other than `row` give a value of this slot's kind.

    For a number that is one of the same unit ("s" for a duration, a currency); for a
    date any date; for a name or place any mention of that label.
    """
    doc, sentence = story.rows[row]
    a = story.analyses[doc]
    units = {q.unit for q in a.quantities if q.sentence == sentence and q.canonical == value}
    label = "PERSON" if kind == "name" else "LOC"
    n = 0
    for r in rows:
        if r == row:
            continue
        d, i = story.rows[r]
        if kind == "number":
            n += any(q.unit in units for q in story.analyses[d].quantities if q.sentence == i)
        elif kind == "date":
            n += any(x.sentence == i for x in story.analyses[d].dates)
        else:
            n += any(m.sentence == i and m.label == label for m in story.mentions[d])
    return n


class _Membership:
    """Rows grouped into facts: groups merge, and one row may move to another group."""

    def __init__(self, row_groups: list[list[int]]) -> None:
        self.parent = list(range(len(row_groups)))
        self.group_of = {r: g for g, rows in enumerate(row_groups) for r in rows}
        self.members = {g: list(rows) for g, rows in enumerate(row_groups)}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def of(self, row: int) -> int:
        return self.find(self.group_of[row])

    def merge(self, a: int, b: int) -> None:
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))

    def move(self, row: int, to: int) -> None:
        self.members[self.of(row)].remove(row)
        self.group_of[row] = to
        self.members[to].append(row)

    def groups(self) -> list[list[int]]:
        return [sorted(rows) for rows in self.members.values() if rows]


def _join(
    story: Story, m: _Membership, kind: str, side_a: tuple[int, str], side_b: tuple[int, str]
) -> None:
    """Put a conflict's two sentences in one fact.

    Two facts told by different articles merge. Two facts that share articles are
    two things those articles say, and only the sentence that strays moves: the one
    whose fact holds fewer other values of the slot's kind ("Die 24-Jährige lief
    nach 2:18:24 Stunden" grouped with the sentences about her age joins the fact of
    the other outlets' finish times; her age stays a fact of its own).
    """
    (ra, va), (rb, vb) = side_a, side_b
    ga, gb = m.of(ra), m.of(rb)
    if ga == gb:
        return
    docs_a = {story.rows[r][0] for r in m.members[ga]}
    docs_b = {story.rows[r][0] for r in m.members[gb]}
    if not docs_a & docs_b:
        m.merge(ga, gb)
        return
    about_a = _about(story, kind, va, ra, m.members[ga])
    about_b = _about(story, kind, vb, rb, m.members[gb])
    if about_b <= about_a:
        m.move(rb, ga)
    else:
        m.move(ra, gb)


def apply_conflicts(
    story: Story,
    row_groups: list[list[int]],
    pairs: list[tuple[int, int]],
    *,
    detect: Callable[..., list[Conflict]] = find_conflicts,
) -> list[Fact]:
    """Facts with conflicts merged in and labelled (statuses still to be set)."""
    s = story.settings
    m = _Membership(row_groups)
    found: list[tuple[str, str, str, int]] = []  # (kind, slot, value, row)
    shown: dict[str, str] = {}  # value -> as a reader writes it ("$4.85 billion")
    index = [_sentence_index(a) for a in story.analyses]
    for i, j in pairs:
        a, b = story.analyses[i], story.analyses[j]
        alignment = align_sentences(a, b, s.align_min_similarity)
        conflicts = detect(
            a, b, alignment.pairs, story.mentions[i], story.mentions[j], s.number_conflict_tolerance
        )
        for c in conflicts:
            ra = _body_row(story, i, index[i].get(c.sentence_a, -1), c.kind, c.value_a)
            rb = _body_row(story, j, index[j].get(c.sentence_b, -1), c.kind, c.value_b)
            if ra is None or rb is None:  # an unembedded sentence
                continue
            if not _credible(story, c, i, j, m.of(ra) == m.of(rb)):
                continue
            _join(story, m, c.kind, (ra, c.value_a), (rb, c.value_b))
            found.append((c.kind, c.slot, c.value_a, ra))
            found.append((c.kind, c.slot, c.value_b, rb))
            shown.setdefault(c.value_a, c.display_a or c.value_a)
            shown.setdefault(c.value_b, c.display_b or c.value_b)
    groups = m.groups()
    facts = build_facts(story, groups)
    fact_of_row = {r: k for k, rows in enumerate(groups) for r in rows}

    # Slots are named in each pair's languages ("muertos", "morts"): values of one
    # kind within one fact are one slot, named by its first detection.
    values: dict[int, dict[str, dict[str, set[int]]]] = {}
    slot_of: dict[tuple[int, str], str] = {}
    for kind, slot, value, row in found:
        k = fact_of_row[row]
        slot_of.setdefault((k, kind), slot)
        values.setdefault(k, {}).setdefault(kind, {}).setdefault(value, set()).add(row)
    for k, kinds in values.items():
        fact = facts[k]
        for kind, by_value in kinds.items():
            if len(by_value) < 2:  # its other side moved to another fact
                continue
            slot = slot_of[(k, kind)]
            entries = []
            for value, value_rows in by_value.items():
                refs = {story.rows[r] for r in value_rows}
                # Sentences of the fact that give the same value support it too.
                refs |= {(r.doc, r.sentence) for r in fact.refs if _holds(kind, value, story, r)}
                entries.append(
                    {
                        "kind": kind,
                        "slot": slot,
                        "value": value,
                        "display": shown.get(value, value),
                        "sources": [story.ref(d, i).to_dict() for d, i in sorted(refs)],
                    }
                )
            entries.sort(key=lambda e: -len(e["sources"]))
            fact.values.extend(entries)
    for fact in facts:
        if not any(v["kind"] == "name" for v in fact.values):
            fact.values.extend(_spelling_conflicts(story, fact))
        if not any(v["kind"] == "place" for v in fact.values):
            fact.values.extend(place_conflicts(story, fact))
    return facts
