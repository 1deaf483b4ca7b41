"""Event identity evidence: when, where, who and how many each article says, compared.

Two reports of one kind of event (a storm, an election, a weather bulletin) share
topic words and embed close together; what tells two *occurrences* apart is their
identity: the date the event happened, the town it happened in, who took part and
the key figures. This module reads those from what the analysis already holds
(resolved dates, places linked to the gazetteer, linked names, quantities) and
compares them. Disagreement is evidence too: two different towns for the same kind
of event is strong evidence of two stories.

Every feature follows `features`' convention (-1 = nothing to compare). The same
comparison yields the explanation (`Identity.explain`) that `compare --json` and the
story page show, so a decision can be traced to "Perros-Guirec vs Ploemeur".
Cost: a few set operations per pair, no model (the clusterer scores ~6 pairs per
article).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..models import Analysis, DateMention, Mention, Quantity
from .eventyears import YEAR_DOCS, latest_years, year_features
from .evidencecase import EVIDENCE_CASES, evidence_level
from .facts import numbers_equal
from .identity_text import identity_lines
from .where import HEAD, finest_place, place_level, prominent_places, town_names, where_relation

__all__ = [
    "IDENTITY_DOCS",
    "Identity",
    "article_identity",
    "evidence_level",
    "identity_evidence",
    "identity_lines",
    "who_lead",
]

IDENTITY_DOCS: dict[str, str] = {
    "when_relation": "event dates (the finest date each head names, resolved against "
    "publication): 1 the same day, 0.5 overlapping periods (2011-11 and 2011-11-12), "
    "0 disjoint (2011-11-12 and 2009); -1 when either names none",
    "when_gap_days": "log1p of the days between the two event dates' periods (0 when they "
    "overlap); -1 when either names none",
    "where_relation": "finest place each article names (town before region before "
    'country; a town in the head\'s event names counts, "Marathon de Paris"; a place '
    "named once past the head only when nothing else is): 1 the same, 0.5 nested (a "
    "town and its country, two towns of one admin region), 0 different; -1 when either "
    "names none",
    "where_town_conflict": "1 when both name towns prominently (in the head or more than "
    "once) and neither's main town appears in the other, 0 when they share one; -1 when "
    "either names no prominent town",
    "who_overlap": "share of the side with fewer named people that the other names too; "
    "-1 when either names none",
    "who_conflict": "1 when both name people in their heads and share none, else 0; -1 "
    "when either head names none",
    "who_lead": "the person each article is about (the one it names most, ties: first "
    "named): 1 the same, 0.5 different but one's is named by the other, 0 neither names "
    "the other's; -1 when either names nobody (two players of one team each arrested for "
    "drink-driving: Jackson vs Williams, where each report of the later arrest recalls "
    "the earlier one, so the people overlap)",
    "figures_agree": "share of key figures (a number counting the same thing or with the "
    "same unit on both sides) that are equal; -1 when no figure is comparable",
    "figures_differ": "log1p of the number of key figures that differ (toll 12 vs 30)",
    "title_name_mismatch": "capitalised words inside the titles (not their first word) "
    "that only one title has: 1 when both titles have one, 0.5 when one does, 0 none; "
    '-1 when either has no title ("... à Perros-Guirec" / "... à Ploemeur")',
    "evidence_min": "how much the poorer side holds: 0 a title only, 1 one sentence of "
    "text alone (one long sentence ending in a full stop and nothing else: a text without "
    "a headline, `evidencecase`), 2 a title and lede (up to 4 sentences), 3 a full text",
    "evidence_max": "the same for the richer side",
    "sentences_min": "log1p of the sentence count of the shorter side",
    "facts_min": "log1p of the distinct names, dates and numbers of the poorer side",
    **YEAR_DOCS,  # when, from the whole texts (`eventyears`)
}

_GRANULARITY = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[.!?:;«\"“|—–-]", re.UNICODE)
_BREAK = frozenset('.!?:;«"“|—–-')
# Years written alone are dates, not figures; tiny counts ("two", "1") are everywhere.
_YEAR = range(1900, 2101)


def _event_date(a: Analysis) -> DateMention | None:
    """The finest date of the earliest sentence that names one (the head first)."""
    if not a.dates:
        return None
    return min(a.dates, key=lambda d: (d.sentence >= HEAD, _GRANULARITY[d.granularity], d.sentence))


def _figures(a: Analysis, b: Analysis, tolerance: float) -> tuple[list[tuple[str, str, str]], int]:
    """(slots whose figures differ as (slot, value a, value b), number of slots equal)."""

    def slots(qs: list[Quantity]) -> dict[str, list[Quantity]]:
        out: dict[str, list[Quantity]] = {}
        for q in qs:
            if q.counts is None and q.unit is None and (q.value in _YEAR or q.value < 2):
                continue
            slot = (q.counts or "").casefold()[:5] or f"unit:{q.unit}"
            out.setdefault(slot, []).append(q)
        return out

    sa, sb = slots(a.quantities), slots(b.quantities)
    differ: list[tuple[str, str, str]] = []
    equal = 0
    for slot in sa.keys() & sb.keys():
        if slot.startswith("unit:None"):
            continue
        if any(numbers_equal(x, y, tolerance) for x in sa[slot] for y in sb[slot]):
            equal += 1
        else:
            x, y = sa[slot][0], sb[slot][0]
            differ.append((slot.removeprefix("unit:"), x.canonical, y.canonical))
    return differ, equal


def _title_names(title: str) -> set[str]:
    """Capitalised words not opening the title or a part of it ("Gimont. Rencontres")."""
    out: set[str] = set()
    opening = True
    for tok in _TOKEN.findall(title):
        if tok in _BREAK:
            opening = True
            continue
        if not opening and tok[0].isupper():
            out.add(tok.casefold())
        opening = False
    return out


def _mismatch(ta: str, tb: str) -> tuple[float, list[str], list[str]]:
    if not ta.strip() or not tb.strip():
        return -1.0, [], []
    na, nb = _title_names(ta), _title_names(tb)
    only_a, only_b = sorted(na - nb), sorted(nb - na)
    return 0.5 * bool(only_a) + 0.5 * bool(only_b), only_a, only_b


def _date_text(d: DateMention | None) -> str | None:
    return d.canonical if d is not None else None


@dataclass(slots=True)
class Identity:
    """The identity comparison of one pair: features plus what they were read from."""

    features: dict[str, float]
    dates: tuple[DateMention | None, DateMention | None]
    places: tuple[Mention | None, Mention | None]
    people: tuple[list[str], list[str], list[str]]  # shared, only a, only b (display names)
    figures: list[tuple[str, str, str]]
    title_names: tuple[list[str], list[str]]
    evidence: tuple[int, int]
    years: tuple[int | None, int | None] = (None, None)  # the latest each whole text names

    def explain(self) -> dict[str, Any]:
        """The evidence as a reader sees it (`PairScore.identity`)."""
        f = self.features
        pa, pb = self.places
        out: dict[str, Any] = {
            "evidence": {
                "a": EVIDENCE_CASES[self.evidence[0]],
                "b": EVIDENCE_CASES[self.evidence[1]],
            },
            "event_dates": {"a": _date_text(self.dates[0]), "b": _date_text(self.dates[1])},
            "places": {
                "a": pa.canonical if pa is not None else None,
                "b": pb.canonical if pb is not None else None,
            },
        }
        if f["when_relation"] == 0.0:
            out["different_dates"] = [_date_text(self.dates[0]), _date_text(self.dates[1])]
        if any(self.years):
            out["event_years"] = {"a": self.years[0], "b": self.years[1]}
            if f["when_latest_gap"] > 0.0:
                out["different_years"] = list(self.years)
        if pa is not None and pb is not None:
            relation = f["where_relation"]
            if relation == 0.0:
                out["different_places"] = [pa.canonical, pb.canonical]
            elif relation == 1.0:
                out["same_place"] = pa.canonical
            else:
                out["nested_places"] = [pa.canonical, pb.canonical]
        shared, only_a, only_b = self.people
        if shared:
            out["shared_people"] = shared
        if f["who_conflict"] == 1.0:
            out["different_people"] = [only_a, only_b]
        if self.figures:
            out["different_figures"] = [
                {"slot": slot, "a": x, "b": y} for slot, x, y in self.figures
            ]
        if self.title_names[0] or self.title_names[1]:
            out["title_names_only"] = {"a": self.title_names[0], "b": self.title_names[1]}
        return out


def _people(ms: list[Mention], head: bool) -> dict[str, str]:
    return {
        m.key: m.canonical
        for m in ms
        if m.label == "PERSON" and (not head or 0 <= m.sentence < HEAD)
    }


def lead_person(ms: list[Mention]) -> str | None:
    """The key of the person an article names most (ties: the one named first)."""
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for n, m in enumerate(ms):
        if m.label == "PERSON":
            count[m.key] = count.get(m.key, 0) + 1
            first.setdefault(m.key, m.sentence if m.sentence >= 0 else 10**6 + n)
    return min(count, key=lambda k: (-count[k], first[k], k)) if count else None


def who_lead(ma: list[Mention], mb: list[Mention]) -> float:
    """`who_lead` for mentions linked across the two articles."""
    la, lb = lead_person(ma), lead_person(mb)
    if la is None or lb is None:
        return -1.0
    if la == lb:
        return 1.0
    named_a = {m.key for m in ma if m.label == "PERSON"}
    named_b = {m.key for m in mb if m.label == "PERSON"}
    return 0.5 if la in named_b or lb in named_a else 0.0


def identity_evidence(
    a: Analysis,
    b: Analysis,
    ma: list[Mention] | None = None,
    mb: list[Mention] | None = None,
    tolerance: float = 0.05,
) -> Identity:
    """Compare the two articles' event identity; `ma`/`mb`: mentions linked across them."""
    ma = a.mentions if ma is None else ma
    mb = b.mentions if mb is None else mb
    f: dict[str, float] = {}
    da, db = _event_date(a), _event_date(b)
    if da is not None and db is not None:
        overlap = da.value <= db.end and db.value <= da.end
        if overlap:
            same_day = da.granularity == db.granularity == "day"
            f["when_relation"] = 1.0 if same_day else 0.5
            f["when_gap_days"] = 0.0
        else:
            gap = max((db.value - da.end).days, (da.value - db.end).days)
            f["when_relation"] = 0.0
            f["when_gap_days"] = math.log1p(gap)
    else:
        f["when_relation"] = f["when_gap_days"] = -1.0
    wpa, wpb = prominent_places(a, ma), prominent_places(b, mb)
    pa, pb = finest_place(wpa), finest_place(wpb)
    f["where_relation"] = where_relation(pa, pb) if pa is not None and pb is not None else -1.0
    # The finest places are towns when any prominent one is; a shared town anywhere
    # agrees, only the prominent ones conflict.
    ta, tb = town_names([*ma, *wpa]), town_names([*mb, *wpb])
    if pa is not None and pb is not None and place_level(pa) == place_level(pb) == 0:
        f["where_town_conflict"] = 0.0 if (pa.key in tb or pb.key in ta) else 1.0
    else:
        f["where_town_conflict"] = -1.0
    wa, wb = _people(ma, False), _people(mb, False)
    shared = sorted(wa.keys() & wb.keys())
    f["who_overlap"] = len(shared) / min(len(wa), len(wb)) if wa and wb else -1.0
    ha, hb = _people(ma, True), _people(mb, True)
    f["who_conflict"] = (
        float(not (ha.keys() & wb.keys() or hb.keys() & wa.keys())) if ha and hb else -1.0
    )
    f["who_lead"] = who_lead(ma, mb)
    differ, equal = _figures(a, b, tolerance)
    f["figures_agree"] = equal / (equal + len(differ)) if differ or equal else -1.0
    f["figures_differ"] = math.log1p(len(differ))
    mismatch, names_a, names_b = _mismatch(a.article.title, b.article.title)
    f["title_name_mismatch"] = mismatch
    ea, eb = evidence_level(a), evidence_level(b)
    f["evidence_min"], f["evidence_max"] = float(min(ea, eb)), float(max(ea, eb))
    f["sentences_min"] = math.log1p(min(len(a.sentences), len(b.sentences)))
    fa = len({m.key for m in ma}) + len(a.dates) + len(a.quantities)
    fb = len({m.key for m in mb}) + len(b.dates) + len(b.quantities)
    f["facts_min"] = math.log1p(min(fa, fb))
    f.update(year_features(a, b))
    people = (
        [wa[k] for k in shared],
        sorted(set(wa.values()) - {wa[k] for k in shared}),
        sorted(set(wb.values()) - {wb[k] for k in shared}),
    )
    years = latest_years(a, b)
    return Identity(f, (da, db), (pa, pb), people, differ, (names_a, names_b), (ea, eb), years)


def article_identity(a: Analysis, mentions: list[Mention] | None = None) -> dict[str, str | None]:
    """One article's side of the comparison: its event date, finest place, evidence."""
    place = finest_place(prominent_places(a, a.mentions if mentions is None else mentions))
    return {
        "event_date": _date_text(_event_date(a)),
        "place": place.canonical if place is not None else None,
        "evidence": EVIDENCE_CASES[evidence_level(a)],
    }
