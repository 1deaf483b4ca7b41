"""The data that flows between stages.

Plain dataclasses: every stage (analyse, match, cluster, report) takes and returns
these, so the same functions run in tests, over SQLite and on Spark. Character spans
(`start`, `end`) always index into `Analysis.text` (== `Article.text`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import numpy as np

EntityLabel = Literal["PERSON", "ORG", "LOC", "MISC"]
ENTITY_LABELS: tuple[EntityLabel, ...] = ("PERSON", "ORG", "LOC", "MISC")


def content_id(title: str, body: str) -> str:
    """Stable article id: a hash of the normalised title and body.

    Whitespace and Unicode form are normalised first, so the same article read from
    HTML or from a text dump gets the same id.
    """
    norm = unicodedata.normalize("NFC", f"{title}\n{body}")
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source, already cleaned of boilerplate."""

    id: str
    title: str
    body: str
    lede: str = ""
    url: str | None = None
    outlet: str | None = None
    language: str | None = None  # as declared by the source; analysis detects its own
    published: dt.datetime | None = None
    source: str | None = None  # where it was read from (path, "-", URL)
    # The source gave the day only: `published` is that day at 00:00, which is not a time.
    date_only: bool = False
    modified: dt.datetime | None = None  # last update, when the source gives it apart

    @classmethod
    def create(
        cls,
        title: str,
        body: str,
        *,
        lede: str = "",
        url: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        published: dt.datetime | None = None,
        source: str | None = None,
        date_only: bool = False,
        modified: dt.datetime | None = None,
    ) -> Article:
        full_body = f"{lede}\n\n{body}" if lede else body
        return cls(
            id=content_id(title, full_body),
            title=title,
            body=body,
            lede=lede,
            url=url,
            outlet=outlet,
            language=language,
            published=published,
            source=source,
            date_only=date_only and published is not None,
            modified=modified,
        )

    @property
    def published_text(self) -> str | None:
        """ISO 8601 publication: "2025-03-12" when only the day is known, else with time."""
        if self.published is None:
            return None
        return self.published.date().isoformat() if self.date_only else self.published.isoformat()

    @property
    def text(self) -> str:
        """Title, lede and body joined by blank lines: the text every span indexes."""
        return "\n\n".join(part for part in (self.title, self.lede, self.body) if part)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published_text
        d["modified"] = self.modified.isoformat() if self.modified else None
        return d


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity occurrence.

    `canonical` is the display name shared by every alias of one entity inside and
    across articles ("Zakir Hasanov" for "Hasanov Zakir Asgar Oglu"); `key` is the
    language-independent identity used for matching (e.g. "geo:country:AZ",
    "geo:city:587084", "person:hasanov zakir", "name:<folded text>").
    `demonym`: a LOC that names its country only through a demonym ("azéri"): used as
    nationality evidence for matching and shared facts, never listed as a place.
    """

    text: str
    label: EntityLabel
    canonical: str
    key: str
    start: int
    end: int
    sentence: int = -1
    demonym: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date when relative.

    `value` is the first day of the expressed period and `end` its last day
    ("en mai dernier" -> 2022-05-01 .. 2022-05-31); `granularity` says how precise
    the expression is.
    """

    text: str
    value: dt.date
    end: dt.date
    granularity: Literal["day", "week", "month", "year", "decade"]
    relative: bool
    start_char: int
    end_char: int
    sentence: int = -1

    @property
    def canonical(self) -> str:
        if self.granularity == "year":
            if self.end.year != self.value.year:  # a range: "2015-2019"
                return f"{self.value.year:04d}/{self.end.year:04d}"
            return f"{self.value.year:04d}"
        if self.granularity == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        if self.granularity == "day":
            return self.value.isoformat()
        return f"{self.value.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text with its unit and, when known, what it counts.

    `unit` is an ISO 4217 code for money ("USD"), "%" for percentages, "s" for a
    duration in seconds, or None for a bare count; `counts` is the noun it counts when
    the text says ("soldats").
    """

    text: str
    value: float
    unit: str | None
    counts: str | None
    start: int
    end: int
    approximate: bool = False  # "presque", "about", "plus de"
    sentence: int = -1

    @property
    def canonical(self) -> str:
        """Machine form, stable across languages ("4.85e+09 USD"): a matching key."""
        if self.unit == "s" and self.value >= 60:
            return _duration(self.value)
        v = f"{self.value:g}"
        return f"{v} {self.unit}" if self.unit else v

    @property
    def display(self) -> str:
        """The number as a reader writes it, in English: "$4.85 billion", "€10 million",
        "72 hours", "6,000 soldats" (the counted noun as the article gives it)."""
        if self.unit == "s":
            shown = _duration_display(self.value, self.text)
        elif self.unit == "%":
            shown = f"{_plain(self.value)}%"
        elif self.unit:
            symbol = _CURRENCY_SIGNS.get(self.unit)
            amount = _amount(self.value)
            shown = f"{symbol}{amount}" if symbol else f"{amount} {self.unit}"
        else:
            shown = _amount(self.value)
        # A bare count needs its noun ("6,000 soldats"); a share or a sum reads alone.
        return f"{shown} {self.counts}" if self.counts and self.unit is None else shown


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "ILS": "₪"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Seconds per unit, largest first, for a duration read as written ("72 Stunden").
_DURATION_UNITS = ((604800, "week"), (86400, "day"), (3600, "hour"), (60, "minute"), (1, "second"))
_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _plain(value: float) -> str:
    """12 -> "12", 4.85 -> "4.85", 162000 -> "162,000"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _amount(value: float) -> str:
    """4.85e9 -> "4.85 billion", 1e7 -> "10 million", 6000 -> "6,000"."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{_plain(round(value / scale, 3))} {word}"
    return _plain(value)


def _duration_display(seconds: float, text: str) -> str:
    """In the unit the text wrote it in when that is plain ("72 Stunden" -> "72 hours",
    not "3 d"), else the largest whole unit, else hours, minutes and seconds."""
    numbers = _WRITTEN_NUMBER.findall(text)
    candidates = [float(numbers[0].replace(",", "."))] if len(numbers) == 1 else []
    for per, unit in _DURATION_UNITS:
        n = seconds / per
        whole = n >= 1 and float(n).is_integer() and (per > 1 or seconds < 60)
        if (candidates and abs(n - candidates[0]) < 1e-6) or (not candidates and whole):
            return f"{_plain(n)} {unit}{'' if n == 1 else 's'}"
    return _duration(seconds) if seconds >= 60 else f"{_plain(seconds)} seconds"


def _duration(seconds: float) -> str:
    """8322 -> "2 h 18 min 42 s": a reader sees the race time, not a count of seconds."""
    rest = round(seconds)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "min"), (secs, "s")]
    return " ".join(f"{n} {unit}" for n, unit in parts if n)


@dataclass(slots=True)
class Analysis:
    """Everything the analyse stage knows about one article."""

    article: Article
    language: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    # L2-normalised vectors; None when analysis ran without an embedder.
    embedding: np.ndarray | None = None  # title + first sentences ("head")
    sentence_embeddings: np.ndarray | None = None  # one row per sentence
    # One row per quantity: its local context with digits masked ("au moins # morts"),
    # so the same slot can be found across languages whatever the value.
    quantity_embeddings: np.ndarray | None = None
    # The head again, by Settings.scorer_embedder (e5): evidence for the pair scorer only.
    scorer_embedding: np.ndarray | None = None

    @property
    def published(self) -> dt.datetime | None:
        return self.article.published

    @property
    def coverage(self) -> str | None:
        """One line on what the analysis of this language lacks (None: fully covered)."""
        from .lang.coverage import coverage_note

        return coverage_note(self.language)

    def entities(self, *labels: EntityLabel) -> dict[str, str]:
        """key -> canonical for the linked entities with the given labels (all if none)."""
        wanted = set(labels) if labels else set(ENTITY_LABELS)
        return {m.key: m.canonical for m in self.mentions if m.label in wanted}

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "language": self.language,
            "sentences": [asdict(s) for s in self.sentences],
            "mentions": [asdict(m) for m in self.mentions],
            "dates": [
                {
                    **asdict(d),
                    "value": d.value.isoformat(),
                    "end": d.end.isoformat(),
                    "canonical": d.canonical,
                }
                for d in self.dates
            ],
            "quantities": [
                {**asdict(q), "canonical": q.canonical, "display": q.display}
                for q in self.quantities
            ],
            "has_embedding": self.embedding is not None,
        }


DIMENSIONS: tuple[str, ...] = (
    "overall",
    "geography",
    "entities",
    "time",
    "narrative",
    "style",
    "tone",
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same kind of fact with different values on each side."""

    kind: Literal["number", "date", "name", "place"]
    slot: str  # what the value is about ("soldats", "defence imports", "ministre de la Défense")
    value_a: str  # machine form (`Quantity.canonical`, `DateMention.canonical`, a name)
    value_b: str
    sentence_a: str
    sentence_b: str
    # As a reader writes it ("$4.85 billion"); empty where it is `value_a`/`value_b`.
    display_a: str = ""
    display_b: str = ""


@dataclass(frozen=True, slots=True)
class AlignedPair:
    index_a: int
    index_b: int
    text_a: str
    text_b: str
    similarity: float


@dataclass(slots=True)
class PairScore:
    """How far two articles report the same story, SemEval-2022 Task 8 scale.

    Each score is on 1 (very similar) .. 4 (very dissimilar).
    """

    scores: dict[str, float]
    same_story: float
    shared: dict[str, list[str]]
    only_a: dict[str, list[str]]
    only_b: dict[str, list[str]]
    conflicts: list[Conflict]
    aligned: list[AlignedPair]
    features: dict[str, float] = field(default_factory=dict)
    # The features that moved Overall most for this pair, with signed contributions on
    # the 1..4 scale (negative = towards "same story"); empty for the hand-set scorer,
    # whose formula is the explanation.
    drivers: list[dict[str, Any]] = field(default_factory=list)
    # Event identity evidence (when, where, who, how many, how much text each side
    # had) as read from both analyses: `match.identity.Identity.explain`.
    identity: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scores": {k: round(self.scores[k], 3) for k in DIMENSIONS},
            "same_story": round(self.same_story, 4),
            "shared": self.shared,
            "only_a": self.only_a,
            "only_b": self.only_b,
            "conflicts": [asdict(c) for c in self.conflicts],
            "aligned": [asdict(p) for p in self.aligned],
            "features": {k: round(v, 4) for k, v in self.features.items()},
            "drivers": self.drivers,
            "identity": self.identity,
        }
