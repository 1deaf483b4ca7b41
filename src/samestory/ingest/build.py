"""The last step of every format: clean the fields, check there is text, make the Article."""

from __future__ import annotations

import datetime as dt
import logging
import re
from urllib.parse import urlsplit

from ..errors import EmptyInputError, FileTooLargeError, InvalidValueError
from ..models import Article
from ..settings import Settings
from .clean import clean_text
from .decode import normalize_text, one_line

_log = logging.getLogger(__name__)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def build_article(
    *,
    title: str,
    body: str,
    lede: str = "",
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    published: dt.datetime | None = None,
    date_only: bool = False,
    modified: dt.datetime | None = None,
    source: str,
    settings: Settings,
    where: str | None = None,
) -> Article:
    """An Article from raw field values; `EmptyInputError` when too little text is left.

    `where` names the record in messages when a file holds several ("a.jsonl, line 3").
    `date_only` says `published` is a day whose time is unknown. A publication or
    update time beyond now (+ `future_date_tolerance_hours`) is dropped with a warning:
    no article is published in the future, so the date is the source's mistake.
    """
    where = where or source
    published = _not_future(published, where, "publication", settings)
    modified = _not_future(modified, where, "update", settings)
    language = normalize_language(language)
    title = one_line(clean_text(normalize_text(title), language))
    lede = clean_text(normalize_text(lede), language)
    body = clean_text(normalize_text(body), language)
    if not body and lede:
        body, lede = lede, ""
    if not body:
        raise EmptyInputError(f"{where}: no article text left after cleaning")
    size = len(title) + len(lede) + len(body)
    if size < settings.min_text_chars:
        raise EmptyInputError(
            f"{where}: only {size} characters of text after cleaning "
            f"(min_text_chars is {settings.min_text_chars})"
        )
    if size > settings.max_text_chars:
        raise FileTooLargeError(
            f"{where}: {size} characters of text after cleaning "
            f"(max_text_chars is {settings.max_text_chars})"
        )
    return Article.create(
        title,
        body,
        lede=lede,
        url=_optional(url),
        outlet=_optional(outlet),
        language=language,
        published=published,
        source=source,
        date_only=date_only,
        modified=modified,
    )


def _not_future(
    value: dt.datetime | None, where: str, what: str, settings: Settings
) -> dt.datetime | None:
    if value is None:
        return None
    now = dt.datetime.now(dt.UTC)
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    if aware > now + dt.timedelta(hours=settings.future_date_tolerance_hours):
        _log.warning("%s: ignoring the %s date %s, which is in the future", where, what, value)
        return None
    return value


def is_date_only(value: object) -> bool:
    """Whether an ISO 8601 value gives a day without a time ("2025-03-12")."""
    return isinstance(value, str) and _DATE_ONLY.fullmatch(value.strip()) is not None


def normalize_language(code: str | None) -> str | None:
    """ "fr-FR", "en_US", "DE" -> "fr", "en", "de"; None for anything that is not a tag."""
    if not code:
        return None
    m = _LANGUAGE.fullmatch(code.strip())
    return m.group(1).lower() if m else None


def parse_published(value: object, where: str) -> dt.datetime | None:
    """An ISO 8601 date or datetime string as a datetime (dates at midnight)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidValueError(f"{where}: the date must be an ISO 8601 string, not {value!r}")
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise InvalidValueError(
        f"{where}: {value!r} is not an ISO 8601 date (expected e.g. 2025-03-12 or "
        "2025-03-12T07:30:00+01:00)"
    )


def domain_of(url: object) -> str | None:
    """ "https://www.example.org/a" -> "example.org"; None for anything without a host."""
    if not isinstance(url, str) or not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
    return host.removeprefix("www.") or None


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    value = one_line(value)
    return value or None
