"""JSON (one object or a list of objects) and JSON Lines: one article per record.

In a file of several records a bad record (invalid JSON line, no text, a malformed
field) is skipped with a logged warning so one scraping accident does not lose the
whole batch; a file whose only record is bad, or where every record is bad, is an
error. `iter_json` / `iter_jsonl` are the streaming forms for bulk ingest: they count
bad records in a `Skips` instead and never fail on one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError, InvalidValueError, NoMainTextError
from ..models import Article
from ..settings import DEFAULT_SETTINGS, Settings
from .build import build_article, is_date_only, parse_published
from .jsonload import loads
from .skips import Skips

_log = logging.getLogger(__name__)

_TEXT_KEYS = ("text", "body", "content")
_OUTLET_KEYS = ("outlet", "source", "site")
_LANGUAGE_KEYS = ("language", "lang")
_DATE_KEYS = ("published", "date")
_MAX_DEPTH = DEFAULT_SETTINGS.max_json_depth
_REPORTED_SKIPS = 3  # reasons quoted in the warning; the count covers the rest

# A record: where it is (for messages) and the parsed value, or why it could not be parsed.
_Item = tuple[str, object]


def parse_json(text: str, *, source: str, settings: Settings) -> list[Article]:
    try:
        data = loads(text, settings.max_json_depth)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several values one after the other: JSON Lines
            return parse_jsonl(text, source=source, settings=settings)
        raise InputError(
            f"{source}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}"
        ) from None
    if isinstance(data, dict):
        return [_article(data, f"{source}", source, settings)]
    if isinstance(data, list):
        items = [(f"{source}, record {i}", rec) for i, rec in enumerate(data, 1)]
        return _articles(items, source, settings)
    raise InputError(
        f"{source}: expected a JSON object or a list of objects, found {type(data).__name__}"
    )


def parse_jsonl(text: str, *, source: str, settings: Settings) -> list[Article]:
    items = list(jsonl_items(enumerate(text.split("\n"), 1), source, settings.max_json_depth))
    return _articles(items, source, settings)


def jsonl_items(
    lines: Iterable[tuple[int, str]], source: str, max_depth: int = _MAX_DEPTH
) -> Iterator[_Item]:
    """(where, parsed value or the `InputError` saying why not) for each non-blank line."""
    for lineno, line in lines:
        if not line.strip():
            continue
        where = f"{source}, line {lineno}"
        try:
            yield where, loads(line, max_depth)
        except json.JSONDecodeError as e:
            yield where, InputError(f"{where}: invalid JSON at column {e.colno}: {e.msg}")


def iter_json(text: str, *, source: str, settings: Settings, skips: Skips) -> Iterator[Article]:
    """Tolerant `parse_json`: bad records of a list or of JSON Lines go to `skips`.

    A file that is not JSON at all, or a single object that is not usable, raises
    `InputError` (one skip for the caller to count).
    """
    try:
        data = loads(text, settings.max_json_depth)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":
            items = jsonl_items(enumerate(text.split("\n"), 1), source, settings.max_json_depth)
            yield from iter_records(items, source=source, settings=settings, skips=skips)
            return
        raise InputError(
            f"{source}: invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}"
        ) from None
    if isinstance(data, dict):
        yield _article(data, source, source, settings)
    elif isinstance(data, list):
        items = ((f"{source}, record {i}", rec) for i, rec in enumerate(data, 1))
        yield from iter_records(items, source=source, settings=settings, skips=skips)
    else:
        raise InputError(
            f"{source}: expected a JSON object or a list of objects, found {type(data).__name__}"
        )


def iter_records(
    items: Iterable[_Item], *, source: str, settings: Settings, skips: Skips
) -> Iterator[Article]:
    """An article per usable record; each bad one is counted in `skips`."""
    for where, value in items:
        if isinstance(value, InputError):
            skips.add_error(source, value)
            continue
        try:
            article = _article(value, where, source, settings)
        except InputError as e:
            skips.add_error(source, e)
            continue
        yield article


def _articles(items: list[_Item], source: str, settings: Settings) -> list[Article]:
    if not items:
        raise NoMainTextError(f"{source}: holds no records")
    articles: list[Article] = []
    errors: list[InputError] = []
    for where, value in items:
        if isinstance(value, InputError):
            errors.append(value)
            continue
        try:
            articles.append(_article(value, where, source, settings))
        except InputError as e:
            errors.append(e)
    if not articles:
        if len(errors) == 1:
            raise errors[0]
        kind = type(errors[0]) if len({type(e) for e in errors}) == 1 else InputError
        raise kind(f"{source}: none of its {len(errors)} records is usable; first: {errors[0]}")
    if errors:
        # A later stage counts skipped records; until then the log says what was lost.
        _log.warning(
            "%s: skipped %d of %d records: %s",
            source,
            len(errors),
            len(items),
            "; ".join(str(e) for e in errors[:_REPORTED_SKIPS]),
        )
    return articles


def parse_record(record: object, where: str, source: str, settings: Settings) -> Article:
    """The article of one parsed JSON record; `InputError` (`where` in its message) if
    the record is not usable."""
    return _article(record, where, source, settings)


def _article(record: object, where: str, source: str, settings: Settings) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, found {type(record).__name__}")
    body = _text(record, _TEXT_KEYS, where)
    if not body.strip():
        raise NoMainTextError(
            f"{where}: no article text; give each record a 'text' (or 'body', 'content') field"
        )
    return build_article(
        title=_text(record, ("title",), where),
        lede=_text(record, ("lede",), where),
        body=body,
        url=_text(record, ("url",), where) or None,
        outlet=_outlet(record, where),
        language=_text(record, _LANGUAGE_KEYS, where) or None,
        published=parse_published(_first(record, _DATE_KEYS), f"{where}, 'published'"),
        date_only=is_date_only(_first(record, _DATE_KEYS)),
        source=source,
        where=where,
        settings=settings,
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> object:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return value
    return None


def _text(record: dict[str, Any], keys: tuple[str, ...], where: str) -> str:
    value = _first(record, keys)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    # Some dumps store the text as a list of paragraphs.
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    raise InvalidValueError(f"{where}: '{keys[0]}' must be a string, not {type(value).__name__}")


def _outlet(record: dict[str, Any], where: str) -> str | None:
    value = _first(record, _OUTLET_KEYS)
    if isinstance(value, dict):  # NewsAPI style: {"id": ..., "name": ...}
        value = value.get("name")
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidValueError(f"{where}: 'outlet' must be a string, not {type(value).__name__}")
    return value
