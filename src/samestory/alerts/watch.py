"""A watch (what to follow, what to report) and the events a story's state holds.

Events are a function of the story as stored -- its size, its articles' languages and
countries in order of arrival, the conflicts of its report -- never of what one batch
changed, so evaluating again (after a crash, a restart, a second process) finds the
same events under the same keys, and a store keyed on them fires each one once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import InvalidValueError

__all__ = ["EVENT_KINDS", "Event", "Snapshot", "Watch", "detect", "fold_words", "matches"]

# new: a story starts to match; grown: it reaches `grow_to` articles; language and
# country: an article in a language / from a country the story had not had; conflict:
# its report finds a new set of competing values for one slot.
EVENT_KINDS = ("new", "grown", "language", "country", "conflict")
_WORD = re.compile(r"\w+", re.UNICODE)


def fold_words(text: str) -> set[str]:
    """Words without case or accents ("Éléphant" and "elephant" are one word)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return set(_WORD.findall(plain))


@dataclass(frozen=True, slots=True)
class Watch:
    """What a watch follows (every given filter must hold) and what it reports."""

    name: str
    story: str | None = None  # one story (a watch made from a story page)
    entity: str | None = None  # an entity key or canonical name
    words: str | None = None  # every word in a title or lede of one article
    language: str | None = None
    outlet: str | None = None
    country: str | None = None
    min_size: int = 1
    grow_to: int | None = None
    events: tuple[str, ...] = ("new",)

    def __post_init__(self) -> None:
        texts = ("name", "story", "entity", "words", "language", "outlet", "country")
        for k in texts:
            value = getattr(self, k)
            if value is not None and not isinstance(value, str):
                raise InvalidValueError(f"watch {k} must be text, not {type(value).__name__}")
        if not all(isinstance(e, str) for e in self.events):
            raise InvalidValueError("watch events must be names (new, grown, ...)")
        if not self.name.strip():
            raise InvalidValueError("a watch needs a name")
        unknown = [e for e in self.events if e not in EVENT_KINDS]
        if unknown or not self.events:
            raise InvalidValueError(
                f"watch events must be among {', '.join(EVENT_KINDS)}; got {list(self.events)}"
            )
        if self.min_size < 1:
            raise InvalidValueError("min_size must be at least 1")
        if "grown" in self.events and (self.grow_to is None or self.grow_to < 2):
            raise InvalidValueError("the 'grown' event needs grow_to (an article count >= 2)")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Watch:
        known = set(cls.__dataclass_fields__)
        extra = sorted(set(data) - known)
        if extra:
            raise InvalidValueError(f"unknown watch field(s): {', '.join(extra)}")
        values: dict[str, Any] = {k: (v if v != "" else None) for k, v in data.items()}
        events = values.get("events") or ("new",)
        if isinstance(events, str):
            events = [e.strip() for e in events.split(",") if e.strip()]
        values["events"] = tuple(dict.fromkeys(events))
        try:
            for k in ("min_size", "grow_to"):
                if values.get(k) is not None:
                    values[k] = int(values[k])
            if values.get("min_size") is None:
                values["min_size"] = 1
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise InvalidValueError(f"bad watch: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["events"] = list(self.events)
        return out

    def describe(self) -> str:
        parts = [f"{k} {v!r}" for k, v in self.to_dict().items() if k not in _NOT_FILTERS and v]
        return ", ".join(parts) or "every story"


_NOT_FILTERS = {"name", "events", "min_size", "grow_to"}


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A story as stored, with what watches look at."""

    id: str
    title: str
    size: int
    languages: Sequence[str]  # in order of arrival of their first article
    countries: Sequence[str]  # idem, from the source list (empty without one)
    outlets: frozenset[str]  # casefolded
    entities: frozenset[str]  # keys and casefolded canonical names
    words: frozenset[str]  # fold_words of titles and ledes
    # (key, text) per competing set of values in the story's report; None: no report.
    conflicts: Sequence[tuple[str, str]] | None = None
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    key: str  # unique per watch: what the event is about
    kind: str
    story: str
    detail: str  # the language, country, size or conflict, for a reader
    data: dict[str, Any] = field(default_factory=dict)


def matches(watch: Watch, s: Snapshot) -> bool:
    if s.size < watch.min_size:
        return False
    if watch.story is not None and s.id != watch.story:
        return False
    if watch.entity and not {watch.entity, watch.entity.casefold()} & s.entities:
        return False
    if watch.words and not fold_words(watch.words) <= s.words:
        return False
    if watch.language and watch.language not in s.languages:
        return False
    if watch.outlet and watch.outlet.casefold() not in s.outlets:
        return False
    return not (watch.country and watch.country.upper() not in s.countries)


def detect(watch: Watch, s: Snapshot) -> list[Event]:
    """Every event the story's state holds for the watch (none when it does not match);
    callers keep the ones whose key they have not stored yet."""
    if not matches(watch, s):
        return []
    data = {"title": s.title, "size": s.size, "languages": list(s.languages)}
    out: list[Event] = []
    if "new" in watch.events:
        out.append(Event(f"new:{s.id}", "new", s.id, s.title, data))
    if "grown" in watch.events and watch.grow_to is not None and s.size >= watch.grow_to:
        n = watch.grow_to
        out.append(Event(f"grown:{s.id}:{n}", "grown", s.id, f"{n} articles", data))
    for kind, values in (("language", s.languages), ("country", s.countries)):
        if kind in watch.events:
            # The first one is where the story started, not a new reach.
            out += [Event(f"{kind}:{s.id}:{v}", kind, s.id, v, data) for v in values[1:]]
    if "conflict" in watch.events and s.conflicts:
        out += [
            Event(f"conflict:{s.id}:{key}", "conflict", s.id, text, data)
            for key, text in s.conflicts
        ]
    return out


def conflict_keys(facts: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(key, text) of each set of competing values of one slot in a report's facts
    (their JSON form): the key holds the sorted values, so a third value is news."""
    out: dict[str, str] = {}
    for fact in facts:
        by_slot: dict[tuple[str, str], set[str]] = {}
        shown: dict[tuple[str, str], list[str]] = {}
        for v in fact.get("values") or ():
            slot = (str(v.get("kind", "")), str(v.get("slot", "")))
            by_slot.setdefault(slot, set()).add(str(v.get("value", "")))
            shown.setdefault(slot, []).append(str(v.get("display") or v.get("value", "")))
        for (kind, name), values in by_slot.items():
            if len(values) < 2:
                continue
            key = f"{kind}:{name}:{'|'.join(sorted(values))}"
            out.setdefault(key, f"{name}: {' vs '.join(dict.fromkeys(shown[(kind, name)]))}")
    return sorted(out.items())
