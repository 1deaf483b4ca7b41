"""Alias linking: one key and one display name per entity, inside and across articles.

    "Gantz"                     -> "Benny Gantz"   (surname of a fuller name)
    "Hasanov Zakir Asgar Oglu"  -> "Zakir Hasanov" (official order, patronymic dropped)
    "Ilham Alijew" (de)         -> "Ilham Aliyev"  (transliteration variants)

Names are compared as sets of *skeleton* tokens (`personnames.skeleton`), tokens
within `alias_min_similarity` (normalised edit distance) counting as equal. A name is
an alias of another when its token set is contained in the other's, and that other
is the only candidate.

Canonical form of a person: the shortest natural form with at least two tokens
(fewest tokens, then most frequent, then first seen) -- "Benny Gantz" over "Gantz",
"Zakir Hasanov" over "Hasanov Zakir Asgar Oglu". Keys are `person:` plus the sorted
tokens of that form, so two articles that agree on the person agree on the key.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from ..models import EntityLabel, Mention
from ..settings import DEFAULT_SETTINGS
from .gazetteer import fold
from .geolink import unify_places
from .personnames import name_tokens, natural_name, person_key, similar

__all__ = ["link_entities", "same_entity"]

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Asked again for every pair an article is linked in (clustering); pure in the name.
_person_key = lru_cache(maxsize=65_536)(person_key)
_TIE_ORDER = {"ORG": 3, "LOC": 2, "MISC": 1, "PERSON": 0}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _token_classes(vocab: Iterable[str], min_similarity: float) -> dict[str, int]:
    """Token -> class id, tokens within `min_similarity` sharing a class.

    At the default 0.85 only tokens of 7+ letters may differ, by one edit; candidates
    come from a one-deletion index (symmetric-delete), so this is linear in the
    vocabulary instead of all-pairs. (Pairs two insertions apart, allowed only for
    14+ letters, are not proposed.)
    """
    words = sorted(set(vocab))
    ids = {w: i for i, w in enumerate(words)}
    uf = _UnionFind(len(words))
    # Shortest token that may differ by one edit and still pass the threshold.
    min_len = math.ceil(1 / (1 - min_similarity) - 1e-9) if min_similarity < 1 else 10**9
    index: dict[str, list[str]] = defaultdict(list)
    for w in words:
        index[w].append(w)
        if len(w) >= min_len:
            for k in range(len(w)):
                index[w[:k] + w[k + 1 :]].append(w)
    checked: set[tuple[str, str]] = set()
    for variants in index.values():
        for i, a in enumerate(variants):
            for b in variants[i + 1 :]:
                if a == b or (a, b) in checked:
                    continue
                checked.add((a, b))
                if similar(a, b, min_similarity):
                    uf.union(ids[a], ids[b])
    return {w: uf.find(ids[w]) for w in words}


def _form(text: str, canonical: str) -> str:
    if not _LATIN.search(text):
        return canonical
    words, base = text.split(), canonical.split()
    # A declined Latin name cut to its base form ("Erdoganem" -> "Erdogan", nameforms).
    cut = len(words) == len(base) and all(
        w != b and w.startswith(b) for w, b in zip(words, base, strict=True)
    )
    return canonical if cut else text


@lru_cache(maxsize=65536)
def _name_of(text: str, canonical: str, label: str) -> tuple[str, tuple[str, ...]]:
    """A mention's linking form and its name tokens. Pure in these three fields and
    asked again for every pair an article is scored in (clustering), so kept."""
    form = _form(text, canonical)
    if label == "PERSON":
        form = natural_name(form)
    return form, tuple(name_tokens(form))


class _Linker:
    """Union-find over the non-place mentions of all groups."""

    def __init__(self, groups: Sequence[Sequence[Mention]], min_similarity: float) -> None:
        self.items = [
            (g, j, m)
            for g, ms in enumerate(groups)
            for j, m in enumerate(ms)
            if not m.key.startswith("geo:")
        ]
        # A name outside the Latin script links by its base form ("Реджеп Тайип Эрдоган",
        # or the English name `scriptnames` gave it), not by its inflected surface.
        named = [_name_of(m.text, m.canonical, m.label) for _, _, m in self.items]
        self.forms = [form for form, _ in named]
        tokens = [ts for _, ts in named]
        classes = _token_classes((t for ts in tokens for t in ts), min_similarity)
        self.tokens = [tuple(classes[t] for t in ts) for ts in tokens]
        self.uf = _UnionFind(len(self.items))
        self.by_group: list[list[int]] = [[] for _ in groups]
        for i, (g, _, _) in enumerate(self.items):
            self.by_group[g].append(i)
        # Equal keys inside one article are one entity (also keeps earlier linking).
        by_key: dict[tuple[int, str], int] = {}
        for i, (g, _, m) in enumerate(self.items):
            if m.key:
                self.uf.union(i, by_key.setdefault((g, m.key), i))

    def roots(self, group: int | None) -> dict[int, list[int]]:
        """Entity root -> its items (of `group` only, or of all groups)."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.items)) if group is None else self.by_group[group]:
            out[self.uf.find(i)].append(i)
        return out

    def _is_person(self, members: list[int]) -> bool:
        return any(self.items[i][2].label == "PERSON" for i in members)

    def _votes_person(self, members: list[int]) -> bool:
        """PERSON by a vote of the groups (one each: PERSON when any mention there is).

        Inside one article any PERSON mention decides; across articles a lone
        spaCy PERSON ("Júcar") loses to the other articles' non-person reading, and a
        tie goes to LOC when the entity has no multi-word form to be a full name.
        """
        votes: dict[int, str] = {}
        for i in members:
            g, _, m = self.items[i]
            if votes.get(g) != "PERSON":
                votes[g] = m.label
        person = sum(1 for v in votes.values() if v == "PERSON")
        if person == 0:
            return False
        other = len(votes) - person
        if other != person:
            return person > other
        return "LOC" not in votes.values() or self._full_form(members) is not None

    def _full_form(self, members: list[int]) -> int | None:
        """Member with the entity's shortest multi-token name (see module docstring)."""
        multi = [i for i in members if len(self.tokens[i]) >= 2]
        if len(multi) <= 1:  # most entities of a pair: no tie to break, no Counter
            return multi[0] if multi else None
        counts = Counter(self.tokens[i] for i in multi)
        return min(multi, key=lambda i: (len(self.tokens[i]), -counts[self.tokens[i]], i))

    def _token_set(self, members: list[int]) -> frozenset[int]:
        full = self._full_form(members)
        if full is not None:
            return frozenset(self.tokens[full])
        return frozenset(t for i in members for t in self.tokens[i])

    def merge_equal(self, group: int | None) -> None:
        """Entities with the same token set are one ("Llorens" PERSON and MISC)."""
        seen: dict[frozenset[int], int] = {}
        for root, members in self.roots(group).items():
            names = self._token_set(members)
            if names:
                self.uf.union(root, seen.setdefault(names, root))

    def attach(self, group: int | None) -> None:
        """Merge each name into the one person whose name contains it, where unique."""
        roots = self.roots(group)
        persons: dict[int, frozenset[int]] = {}
        ends: dict[int, set[int]] = defaultdict(set)  # token -> persons it starts or ends
        posting: dict[int, set[int]] = defaultdict(set)
        for root, members in roots.items():
            full = self._full_form(members)
            if full is None or not self._is_person(members):
                continue
            persons[root] = frozenset(self.tokens[full])
            for t in persons[root]:
                posting[t].add(root)
            for i in members:
                if len(self.tokens[i]) >= 2:
                    ends[self.tokens[i][0]].add(root)
                    ends[self.tokens[i][-1]].add(root)
        sets = {root: self._token_set(members) for root, members in roots.items()}
        for root in sorted(sets, key=lambda r: len(sets[r])):
            names = sets[root]
            if not names:
                continue
            if len(names) == 1:
                found = ends.get(next(iter(names)), set()) - {root}
            else:
                rarest = min(names, key=lambda t: len(posting.get(t, ())))
                found = {r for r in posting.get(rarest, ()) if r != root and names <= persons[r]}
            targets = {self.uf.find(r) for r in found}
            if len(targets) == 1:
                self.uf.union(root, targets.pop())

    def resolved(self) -> dict[int, tuple[str, str, EntityLabel]]:
        """Item index -> (key, canonical, label) of its entity.

        One label per entity: PERSON when any mention is one, else the most common
        ("Aemet" tagged LOC here and ORG there is one organisation on both sides).
        """
        out: dict[int, tuple[str, str, EntityLabel]] = {}
        for members in self.roots(None).values():
            person = self._votes_person(members)
            full = self._full_form(members) if person else None
            if full is None and len(members) == 1:
                full = members[0]
            elif full is None:
                counts = Counter(self.forms[i] for i in members)
                full = max(members, key=lambda i: (counts[self.forms[i]], -i))
            canonical = self.forms[full]
            key = _person_key(canonical) if person else "name:" + fold(canonical)
            labels = Counter(
                self.items[i][2].label for i in members if self.items[i][2].label != "PERSON"
            ) or Counter({"MISC": 1})
            # Ties go to ORG: a real place resolves to a geo key, so an unresolved
            # "LOC" that another article calls an ORG is most likely the organisation.
            label: EntityLabel = (
                "PERSON" if person else max(labels, key=lambda x: (labels[x], _TIE_ORDER[x]))
            )
            for i in members:
                out[i] = (key, canonical, label)
        return out


def link_entities(
    groups: Sequence[Sequence[Mention]],
    *,
    min_similarity: float = DEFAULT_SETTINGS.alias_min_similarity,
) -> list[list[Mention]]:
    """The mentions of each group (article) with key and canonical unified across all.

    Within each article first (a surname joins the only fuller name of that article),
    then across articles (equal names, then names contained in exactly one fuller
    person name). Place mentions ("geo:" keys) are language-free; across articles
    they are only made to agree (`geolink.unify_places`). Linking already linked
    mentions again changes nothing.
    """
    groups = unify_places(groups)
    linker = _Linker(groups, min_similarity)
    for g in range(len(groups)):
        linker.merge_equal(g)
        linker.attach(g)
    if len(groups) > 1:
        linker.merge_equal(None)
        linker.attach(None)
    resolved = linker.resolved()
    out = [list(ms) for ms in groups]
    for item, (g, j, m) in enumerate(linker.items):
        key, canonical, label = resolved[item]
        if (key, canonical, label) != (m.key, m.canonical, m.label):
            out[g][j] = replace(m, key=key, canonical=canonical, label=label)
    return out


def same_entity(
    a: Mention, b: Mention, *, min_similarity: float = DEFAULT_SETTINGS.alias_min_similarity
) -> bool:
    """Whether two mentions (of any articles) name the same entity."""
    if a.key == b.key:
        return True
    if a.key.startswith("geo:") or b.key.startswith("geo:"):
        return False
    la, lb = link_entities([[a], [b]], min_similarity=min_similarity)
    return la[0].key == lb[0].key
