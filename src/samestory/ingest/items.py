"""Batches read item by item, for callers that answer per item (the REST API).

A bulk ingest only counts what it skips; a client that posted 50 records needs to
know which of them were refused and why. Each record of a JSON list or a JSON Lines
body, and each article or skip of an uploaded file, becomes one `Item` that says
where it was (its index, line or file name) and holds its article or its skip.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import FileTooLargeError, InputError, SameStoryError
from ..models import Article
from ..settings import Settings
from .bulk import iter_bytes
from .decode import decode_bytes
from .records import parse_record
from .skips import Skip, Skips, reason_of

__all__ = ["Item", "jsonl_items", "record_items", "upload_items"]

Where = dict[str, int | str]


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a batch: where it was, and its article or why it was skipped."""

    where: Where
    article: Article | None = None
    skip: Skip | None = None
    error: SameStoryError | None = None  # its refusal, for a request of this one item

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.where)
        if self.skip is not None:
            out.update(status="skipped", reason=self.skip.reason, message=self.skip.message)
        return out


def _refused(where: Where, source: str, error: InputError) -> Item:
    return Item(where, skip=Skip(source, reason_of(error), str(error)), error=error)


def record_items(records: Sequence[object], *, source: str, settings: Settings) -> list[Item]:
    """An item per record of a JSON list (`index` from 0)."""
    items: list[Item] = []
    for i, record in enumerate(records):
        where: Where = {"index": i}
        try:
            article = parse_record(record, f"{source}, item {i}", source, settings)
        except InputError as e:
            items.append(_refused(where, source, e))
            continue
        items.append(Item(where, article=article))
    return items


def jsonl_items(data: bytes, *, source: str, settings: Settings) -> list[Item]:
    """An item per non-blank line of a JSON Lines body (`index` from 0, `line` from 1)."""
    if len(data) > settings.max_input_bytes:
        raise FileTooLargeError(f"{source}: over the {settings.max_input_bytes}-byte limit")
    text = decode_bytes(data, source, max_chaos=settings.decode_max_chaos)
    items: list[Item] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where: Where = {"index": len(items), "line": lineno}
        at = f"{source}, line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            error = InputError(f"{at}: invalid JSON at column {e.colno}: {e.msg}")
            items.append(_refused(where, source, error))
            continue
        try:
            items.append(Item(where, article=parse_record(record, at, source, settings)))
        except InputError as e:
            items.append(_refused(where, source, e))
    return items


def upload_items(data: bytes, *, name: str, settings: Settings, first: int = 0) -> list[Item]:
    """An item per article and per skip of one uploaded file (any format, sniffed when
    its name says none); `index` counts on from `first`."""
    skips = Skips(keep=True)
    articles = list(iter_bytes(data, name, settings, skips=skips))
    assert skips.entries is not None
    items = [Item({"file": name}, article=a) for a in articles]
    items += [Item({"file": name}, skip=s) for s in skips.entries]
    return [
        Item({"index": first + i, **it.where}, it.article, it.skip) for i, it in enumerate(items)
    ]
