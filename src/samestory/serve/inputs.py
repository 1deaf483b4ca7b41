"""What clients post to the server, read into articles: one-article bodies, the sides
of a compare, and client-given URLs (fetched from public addresses only)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import InputError, InvalidValueError, SameStoryError
from ..ingest import read_bytes
from ..ingest.fetch import BlockedAddressError, fetch
from ..ingest.fetch import check_public_url as _check_public_url
from ..models import Article
from ..settings import Settings

__all__ = [
    "ForbiddenError",
    "UnauthorizedError",
    "check_public_url",
    "fetch_articles",
    "parse_article",
    "side_article",
]


class UnauthorizedError(SameStoryError):
    status = 401


class ForbiddenError(SameStoryError):
    status = 403


def parse_article(data: bytes, *, name: str, fmt: str | None, settings: Settings) -> Article:
    """Exactly one article from posted bytes (compare takes two single articles)."""
    articles = read_bytes(data, name=name, fmt=fmt, settings=settings)
    if len(articles) != 1:
        raise InputError(f"{name}: holds {len(articles)} articles where one was expected")
    return articles[0]


def side_article(value: Any, name: str, settings: Settings) -> Article:
    """A compare side given in JSON: plain text (first line = title) or an article object."""
    if isinstance(value, str):
        return parse_article(
            value.encode("utf-8"), name=f"{name}.txt", fmt="txt", settings=settings
        )
    if isinstance(value, dict):
        raw = json.dumps(value, ensure_ascii=False).encode("utf-8")
        return parse_article(raw, name=f"{name}.json", fmt="json", settings=settings)
    raise InvalidValueError(f"{name!r} must be article text or an article object")


def fetch_articles(url: str, settings: Settings) -> list[Article]:
    """Articles from a client-given URL, if the settings allow it, never from a
    loopback, private, link-local or otherwise internal address (every redirect hop
    and the connected address are checked: ingest.fetch's public_only mode)."""
    if not settings.allow_url_fetch:
        raise ForbiddenError("this server does not fetch URLs (setting allow_url_fetch)")
    try:
        got = fetch(url, settings, public_only=True)
    except BlockedAddressError as e:
        raise ForbiddenError(str(e)) from None
    return read_bytes(got.data, name=got.url, settings=settings)


def check_public_url(url: str) -> None:
    """Refuse anything but http(s) to a host whose every address is public."""
    try:
        _check_public_url(url)
    except BlockedAddressError as e:
        raise ForbiddenError(str(e)) from None
