"""A page's own metadata: JSON-LD, OpenGraph and article meta tags, `<time datetime>`.

Publication: the JSON-LD article object's `datePublished`, else its `dateCreated`
(Handelsblatt gives only that, and it beats a later date found elsewhere), then
`article:published_time` and its relatives, then `itemprop="datePublished"`, then the
first `<time datetime>`; a value without a time of day is `date_only`, never midnight.
`dateModified`/`article:modified_time` is kept apart as `modified`. Outlet:
`og:site_name`, else JSON-LD `publisher.name`, cleaned (`sitename`). Description:
`og:description`, else `<meta name="description">` (the reader's lede candidate). Everything here
is a best effort: a page with none of it falls back to trafilatura's guesses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from lxml import etree
from lxml import html as lxml_html

from ..errors import InvalidValueError
from ..settings import DEFAULT_SETTINGS
from .build import is_date_only, parse_published
from .jsonload import loads
from .pagetime import itemprop_dates, page_text, time_elements, visible_time
from .sitehint import home_names, title_site
from .sitename import clean_title, pick_outlet

_log = logging.getLogger(__name__)

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "published_time",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_ARTICLE_TYPE = re.compile(r"Article|Posting|Report|WebPage|Recipe|Review", re.IGNORECASE)
_SITE_TYPES = frozenset({"WebSite", "NewsMediaOrganization"})
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# "20.06.2019 11:43", "27.04.2020": the day-first form German pages print.
_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?")
# A machine-written day with slashes and a time to the second ("11/01/2023 12:43:42",
# .NET's invariant format): month first, unless the first number cannot be a month.
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})")
_SCRIPT_DATE = re.compile(r'"(dateCreated|datePublished)"\s*:\s*"([^"]{10,40})"')
_MAX_JSON_LD = 200_000
_MAX_JSON_DEPTH = 32  # JSON-LD is a few levels deep; more is hostile or broken


@dataclasses.dataclass(frozen=True, slots=True)
class PageMeta:
    title: str = ""
    url: str = ""
    outlet: str = ""
    site_names: tuple[str, ...] = ()  # as the page writes them, best first
    published: dt.datetime | None = None
    date_only: bool = False
    modified: dt.datetime | None = None
    description: str = ""  # the page's standfirst (og:description, meta description)
    texts: tuple[str, str] = ("", "")  # visible and script text, for `visible_time`
    title_site: str = ""  # the site's name as the <title> writes it (`sitehint`)


def page_meta(
    html: str, source: str, *, future_hours: float = DEFAULT_SETTINGS.future_date_tolerance_hours
) -> PageMeta:
    """What the page says about itself; empty fields where it says nothing usable.
    A date more than `future_hours` after now is the page's mistake: the next source
    that gives one is taken instead."""
    try:
        # lxml refuses a str that still carries an XML encoding declaration.
        root = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return PageMeta()
    metas = _metas(root)
    ld = list(_json_ld(root))
    url = _page_url(root, metas)
    names = (metas.get("og:site_name", ""), _publisher(ld), _ld_site_name(ld))
    site_names = tuple(n for n in names if n)
    outlet = pick_outlet(list(site_names), url)
    texts = page_text(root)
    latest = dt.datetime.now(dt.UTC) + dt.timedelta(hours=future_hours)
    published, date_only = visible_time(texts, *_published(root, metas, ld, source, latest))
    title = metas.get("og:title", "") or _title(root)
    headline = metas.get("og:title", "") or _headline(ld)
    return PageMeta(
        title=clean_title(title, outlet, url) if title else "",
        url=url,
        outlet=outlet,
        site_names=site_names,
        published=published,
        date_only=date_only,
        modified=_modified(root, metas, ld, source),
        description=metas.get("og:description") or metas.get("description") or "",
        texts=texts,
        title_site=title_site(_title(root), headline, home_names(root), url),
    )


def _page_url(root: Any, metas: dict[str, str]) -> str:
    """og:url, else the canonical link; percent-encoded whole ("https%3A%2F%2F...") is
    decoded once."""
    links = root.xpath('//link[@rel="canonical"]/@href')
    for value in (metas.get("og:url", ""), *(str(v) for v in links[:1])):
        value = value.strip()
        if value.lower().startswith(("http%3a", "https%3a")):
            value = unquote(value)
        if value.startswith(("http://", "https://")):
            return value
    return ""


def _metas(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _title(root: Any) -> str:
    el = root.find(".//title")
    return " ".join((el.text_content() if el is not None else "").split())


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = loads(raw, _MAX_JSON_DEPTH)
        except ValueError:
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _objects(graph)


def _ld_values(ld: list[dict[str, Any]], key: str) -> list[str]:
    return [v for obj in ld if isinstance(v := obj.get(key), str)]


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and _ARTICLE_TYPE.search(k) for k in kinds)


def _headline(ld: list[dict[str, Any]]) -> str:
    for obj in ld:
        if _is_article(obj) and isinstance(obj.get("headline"), str):
            return str(obj["headline"])
    return ""


def _ld_site_name(ld: list[dict[str, Any]]) -> str:
    """The name of the page's WebSite or news-organisation object (no publisher given)."""
    for obj in ld:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(k in _SITE_TYPES for k in kinds if isinstance(k, str)):
            name = obj.get("name")
            if isinstance(name, str):
                return name
    return ""


def _publisher(ld: list[dict[str, Any]]) -> str:
    for obj in ld:
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            return str(pub["name"])
    return ""


def _modified(
    root: Any, metas: dict[str, str], ld: list[dict[str, Any]], source: str
) -> dt.datetime | None:
    """The last update: meta tags, JSON-LD `dateModified`, else a <time> labelled as one."""
    values = [metas.get(k, "") for k in _MODIFIED_META] + _ld_values(ld, "dateModified")
    return _first_date(values + time_elements(root)[2][:1], source)[0]


def _published(
    root: Any,
    metas: dict[str, str],
    ld: list[dict[str, Any]],
    source: str,
    latest: dt.datetime,
) -> tuple[dt.datetime | None, bool]:
    """The first source that gives a date (not after `latest`), best first; where it
    gives only the day, a later source's time of that same day ("Publikacja:
    <time>04.05.2021</time>" on the page, "datePublished": "Tue, 4 May 2021 19:18:00
    +0200" in a data layer)."""
    found = [
        c
        for c in _date_sources(root, metas, ld, source)
        if c[0] is not None and _aware(c[0]) <= latest
    ]
    if not found:
        return None, False
    first = found[0]
    if first[1]:
        assert first[0] is not None
        day = first[0].date()
        for when, date_only in found[1:]:
            if not date_only and when is not None and when.date() == day:
                return when, False
    return first


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _date_sources(
    root: Any, metas: dict[str, str], ld: list[dict[str, Any]], source: str
) -> Iterator[tuple[dt.datetime | None, bool]]:
    # JSON-LD first: the article's own object (not its images' or the site's), its
    # datePublished, else its dateCreated (Handelsblatt gives only that).
    articles = [obj for obj in ld if _is_article(obj)] or ld
    for key in ("datePublished", "dateCreated"):
        yield _earliest(_ld_values(articles, key), source)
    yield _first_date([metas.get(k, "") for k in _PUBLISHED_META], source)
    yield _first_date(itemprop_dates(root), source)
    labelled, plain, _ = time_elements(root)
    yield _first_date(labelled + plain[:3], source)
    # A bare <meta name="date"> last of the declared ones: some CMSs stamp it when
    # the page is built, but where nothing else dates the page it is the article's.
    yield _first_date([metas.get("date", "")], source)
    # Inline data layers that are not JSON-LD: {"dateCreated": "..."} in a script.
    scripts = " ".join(s.text or "" for s in root.iter("script") if s.text and "date" in s.text)
    yield _earliest([m.group(2) for m in _SCRIPT_DATE.finditer(scripts)], source)


def _parse(value: str, source: str) -> tuple[dt.datetime | None, bool]:
    """A date value and whether it gives the day only. Midnight to the second
    ("2018-12-22T00:00:00+0100") is how CMSs write a day without its time: the time is
    unknown, not midnight (a page that prints "00:00" beside the day gets it back in
    `visible_time`)."""
    when, date_only = _parse_value(value, source)
    if when is not None and when.time() == dt.time(0, 0):
        return when, True
    return when, date_only


def _parse_value(value: str, source: str) -> tuple[dt.datetime | None, bool]:
    value = _ZONE_FOR_T.sub(r"\1T\2", value.strip())
    if not value:
        return None, False
    try:
        parsed = parse_published(
            value.replace("Z", "+00:00") if value.endswith("Z") else value, source
        )
        return parsed, is_date_only(value)
    except InvalidValueError:
        pass
    try:  # RFC 822 in JSON-LD: "Thu, 08 May 2014 14:04:53 -0400"
        return email.utils.parsedate_to_datetime(value), False
    except (TypeError, ValueError, IndexError):
        pass
    if value.isdigit() and 9 <= len(value) <= 10:  # <time datetime="1651035600">: Unix time
        return dt.datetime.fromtimestamp(int(value), dt.UTC), False
    m = _SLASHED.fullmatch(value)
    if m:
        a, b, yy, hh, mi, ss = (int(g) for g in m.groups())
        mo, dd = (b, a) if a > 12 else (a, b)
        try:
            return dt.datetime(yy, mo, dd, hh, mi, ss), False
        except ValueError:
            return None, False
    m = _DAY_FIRST.fullmatch(value)
    if m:
        day, month, year, hour, minute = m.groups()
        try:
            when = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        except ValueError:
            return None, False
        return when, hour is None
    return None, False


# A zone's abbreviation where ISO 8601 has its "T" ("2018-11-28CET11:59:00+0100", TV
# Today's JSON-LD): the offset after the time says the zone already.
_ZONE_FOR_T = re.compile(r"^(\d{4}-\d\d-\d\d)[A-Z]{2,5}(\d\d:\d\d)")


def _first_date(values: list[str], source: str) -> tuple[dt.datetime | None, bool]:
    for value in values:
        parsed = _parse(value, source)
        if parsed[0] is not None:
            return parsed
    return None, False


def _earliest(values: list[str], source: str) -> tuple[dt.datetime | None, bool]:
    parsed = [p for v in values if (p := _parse(v, source))[0] is not None]
    if not parsed:
        return None, False

    def key(item: tuple[dt.datetime | None, bool]) -> dt.datetime:
        assert item[0] is not None
        value = item[0]
        return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)

    first = min(parsed, key=key)
    if first[1]:
        # A bare day beside a timed value of the same day: the time is known after all.
        timed = [
            p for p in parsed if not p[1] and p[0] and first[0] and p[0].date() == first[0].date()
        ]
        if timed:
            return min(timed, key=key)
    return first
