"""Matching samestory's output against the real-page gold (benchmarks/realpages_gold.jsonl).

Pure functions, no models: `tests/test_realpages_gold.py` checks them on tiny examples.

Names are compared after `norm`: Unicode NFKD, accents and case dropped, every run of
non-letters/digits made one space ("São Paulo" == "sao paulo", "Kosiniak-Kamysz" ==
"kosiniak kamysz").

Places (distinct per page). A predicted place is the set of forms samestory gives for
one entity key: its canonical name (the gazetteer's English name for a linked place)
and every mention text. It matches a gold place when one of its forms equals the gold
`name` or `en` after `norm`, or, on a page in a language that inflects names by case
(`INFLECTING`: Polish, Finnish, ...), when a form and the gold `name` are each one word
of >= 5 letters that agree but for the last 3 letters of the longer ("Warszawie" ~
"Warszawa", "Polsce" ~ "Polska"; "Niger" ~ "Nigeria" would too, hence only there).
One leading or trailing word naming the kind of place (`TYPE_WORDS`: island, lake,
river, beach, province, ... in the corpus's languages) is dropped on either side before
comparing ("Seymour" ~ "isla Seymour", "Zandmotor beach" ~ "Zandmotor"); words whose
removal changes the place (port, sea, county, street) are not in that list.
A predicted place that matches only a name in the page's `places_optional` (names the
guideline neither requires nor forbids: "EU", a pipeline named after a place) is left
out of precision. Precision = predicted places that match a gold place / predicted
places not left out; recall = gold places matched by some prediction. Both are
micro-averaged over pages.

Persons likewise, with one more rule: a predicted form also matches when its words
appear, in order, among a gold name's or alias's words, or the other way round
("Suzart" and "Alessandro Suzart" ~ "Alessandro Souza Suzart"; "Dr. Thomas Schulte" ~
"Thomas Schulte"), so a surname-only mention, a dropped middle name or an added title
still counts; words are compared whole ("Michel" does not match "Michelle") and in
order ("Suzart Alessandro" does not match).

Dates. `published` is an ISO day or, where the page gives only a month, "YYYY-MM",
which any day of that month matches; a day in `published_also` (the page's own data
supports two) counts too. A predicted datetime with a zone is first moved to
the gold zone (when the gold gives one), so 09:49Z matches 11:49+02:00.

Time of day. A prediction "has a time" when the article says so: an explicit
`date_only` flag on the article (the readers set it when the page gave only a day), otherwise
a non-midnight time or a zone on `published` (for objects without the flag).
Where the gold gives a time, the prediction must have one within 1 minute (in the gold
zone when both have zones) of it or of one in `time_also`; where the gold gives none,
the prediction must not have one ("not invented").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def _same_stem(a: str, b: str) -> bool:
    if " " in a or " " in b or min(len(a), len(b)) < 5:
        return False
    keep = max(len(a), len(b)) - 3
    return len(a) >= keep and len(b) >= keep and a[:keep] == b[:keep]


INFLECTING = frozenset({"pl", "fi", "cs", "sk", "ru", "uk", "hu", "et", "lt", "lv", "hr", "sl"})
# Words naming the kind of a place that can go without changing which place is meant
# ("isla Seymour" = "Seymour", "Zandmotor beach" = "Zandmotor"). Not "port", "sea",
# "county", "drive": "puerto de Montevideo", "mar di Sardegna", "Napa County" and
# "Dresden Drive" are other places than Montevideo, Sardinia, Napa and Dresden.
TYPE_WORDS = frozenset(
    [
        "isla",
        "island",
        "isle",
        "ile",
        "isola",
        "wyspa",
        "insel",
        "peninsula",
        "penisola",
        "halbinsel",
        "lake",
        "lago",
        "lac",
        "see",
        "jezioro",
        "mount",
        "river",
        "fleuve",
        "fiume",
        "rzeka",
        "fluss",
        "beach",
        "playa",
        "plage",
        "spiaggia",
        "strand",
        "province",
        "provincia",
        "region",
        "regione",
    ]
)


def _bare(form: str) -> str:
    """`form` without one leading or trailing kind-of-place word."""
    words = form.split()
    if len(words) > 1 and words[0] in TYPE_WORDS:
        words = words[1:]
    elif len(words) > 1 and words[-1] in TYPE_WORDS:
        words = words[:-1]
    return " ".join(words)


def place_matches(forms: Iterable[str], gold: dict[str, Any], language: str = "") -> bool:
    name = norm(gold["name"])
    names = {name, norm(gold.get("en") or gold["name"])}
    targets = names | {_bare(n) for n in names}
    inflects = language in INFLECTING
    for form in map(norm, forms):
        if form and (
            form in targets or _bare(form) in targets or (inflects and _same_stem(form, name))
        ):
            return True
    return False


def _within(short: Sequence[str], long: Sequence[str]) -> bool:
    """`short`'s words appear in `long` in the same order (gaps allowed)."""
    rest = iter(long)
    return bool(short) and all(word in rest for word in short)


def person_matches(forms: Iterable[str], gold: dict[str, Any]) -> bool:
    targets = [norm(t).split() for t in (gold["name"], *gold.get("aliases", []))]
    for form in map(norm, forms):
        words = form.split()
        if not words:
            continue
        for t in targets:
            if _within(words, t) or _within(t, words):
                return True
    return False


@dataclass
class Counts:
    """Micro-averaged precision/recall counts."""

    predicted: int = 0  # predictions not left out as optional
    correct: int = 0  # of those, matching a gold item
    gold: int = 0
    found: int = 0  # gold items matched

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


def score_places(
    predicted: Sequence[set[str]],
    gold: Sequence[dict[str, Any]],
    optional: Sequence[str] = (),
    language: str = "",
) -> tuple[Counts, list[str], list[str]]:
    """Counts, the false predictions (a form each) and the missed gold names."""
    opt = [{"name": o, "en": o} for o in optional]
    c = Counts(gold=len(gold))
    false: list[str] = []
    for forms in predicted:
        if any(place_matches(forms, g, language) for g in gold):
            c.predicted += 1
            c.correct += 1
        elif any(place_matches(forms, o, language) for o in opt):
            continue
        else:
            c.predicted += 1
            false.append(sorted(forms)[0])
    missed = [g["name"] for g in gold if not any(place_matches(f, g, language) for f in predicted)]
    c.found = len(gold) - len(missed)
    return c, false, missed


def score_persons(
    predicted: Sequence[set[str]], gold: Sequence[dict[str, Any]]
) -> tuple[Counts, list[str], list[str]]:
    c = Counts(gold=len(gold), predicted=len(predicted))
    false: list[str] = []
    for forms in predicted:
        if any(person_matches(forms, g) for g in gold):
            c.correct += 1
        else:
            false.append(sorted(forms)[0])
    missed = [g["name"] for g in gold if not any(person_matches(f, g) for f in predicted)]
    c.found = len(gold) - len(missed)
    return c, false, missed


def _zone(offset: str | None) -> dt.timezone | None:
    if not offset:
        return None
    m = re.fullmatch(r"([+-])(\d\d):?(\d\d)", offset)
    if not m:
        raise ValueError(f"bad zone offset {offset!r}")
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    return dt.timezone((-1 if m.group(1) == "-" else 1) * dt.timedelta(minutes=minutes))


def _in_gold_zone(published: dt.datetime, tz: str | None) -> dt.datetime:
    zone = _zone(tz)
    if zone is not None and published.tzinfo is not None:
        return published.astimezone(zone)
    return published


def has_time(article: Any) -> bool:
    published = getattr(article, "published", None)
    if published is None:
        return False
    # The readers mark a publication whose page gave only a day as `date_only`.
    date_only = getattr(article, "date_only", None)
    if date_only is not None:
        return not date_only
    return published.tzinfo is not None or published.time() != dt.time(0, 0)


def date_right(published: dt.datetime | None, gold: dict[str, Any]) -> bool:
    """The day (in the gold zone) is `published` or one of `published_also`."""
    if published is None:
        return False
    day = _in_gold_zone(published, gold.get("tz")).date().isoformat()
    wanted = [gold["published"], *gold.get("published_also", [])]
    return any(day == w or (len(w) == 7 and day.startswith(w + "-")) for w in wanted)


def _same_time(published: dt.datetime, time: str, tz: str | None) -> bool:
    local = _in_gold_zone(published, tz)
    hh, mm = map(int, time.split(":"))
    gap = abs(local.hour * 60 + local.minute - (hh * 60 + mm))
    return gap <= 1 or gap >= 24 * 60 - 1


def time_right(article: Any, gold: dict[str, Any]) -> bool:
    """Where the gold gives a time: kept (within a minute); where not: not invented.

    `time_also` lists the other times the page's own data gives ("11:38+01:00" where
    JSON-LD says 11:17 and the visible <time> 11:38); any of them counts.
    """
    if gold.get("time") is None:
        return not has_time(article)
    if not has_time(article):
        return False
    wanted = [(gold["time"], gold.get("tz"))]
    wanted += [(alt[:5], alt[5:] or None) for alt in gold.get("time_also", [])]
    return any(_same_time(article.published, t, tz) for t, tz in wanted)


def outlet_norm(name: str) -> str:
    return norm(name).replace(" ", "")


def outlet_right(outlet: str | None, gold: dict[str, Any]) -> bool:
    """Exact after `outlet_norm` (spaces dropped too) against the outlet or an alias."""
    if not outlet:
        return False
    names = [gold["outlet"], *gold.get("outlet_aliases", [])]
    return outlet_norm(outlet) in {outlet_norm(n) for n in names}
