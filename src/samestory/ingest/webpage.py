"""HTML pages: trafilatura finds the article text; the page's own markup gives its metadata.

trafilatura runs at its defaults (tables kept, no comments): `favor_precision` drops
the words inside links ("especially high for ." where the page says "for Joe
Biden"), and on trafilatura's own benchmark it buys no F1. Precision comes back after
extraction instead: consent and login screens (`screens`), then the boilerplate lists
of every language (`clean`), then a trailing run of related-article links.

The page's description becomes the lede when the body does not already hold it: many
news pages render their standfirst outside the element trafilatura keeps.

Metadata comes from `pagemeta` (JSON-LD, OpenGraph and article meta, `<time>`) before
trafilatura's guesses: the page knows its first publication time, its zone and its
own name better than htmldate and a hostname do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from ..errors import EmptyInputError, InvalidValueError, NoMainTextError
from ..models import Article
from ..settings import Settings
from .build import build_article, parse_published
from .decode import repair_mojibake, xml_safe
from .isolate import is_heavy, parse_bounded
from .pagemeta import PageMeta, page_meta
from .pagetime import labelled_day, visible_time
from .screens import drop_screens
from .sitehint import spelled_domain
from .sitename import clean_title, looks_like_domain, outlet_from_host, pick_outlet
from .trailers import drop_trailer

_log = logging.getLogger(__name__)

# Ask htmldate for the time and offset too: wire stories of one day differ by hours.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE
)
_OG_LOCALE = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"']og:locale[\"'][^>]*?content\s*=\s*[\"']"
    r"([A-Za-z]{2,3})",
    re.IGNORECASE,
)
_HEAD_BYTES = 20_000  # language declarations live in the <head>
_SOURCE_NEWLINES = re.compile(r"\s*\n\s*")
_WORD = re.compile(r"\w{4,}")
_HINT = (
    "is it a front page, a paywall or a script-built page? Save the article page "
    "itself, or paste its text into a .txt file"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found in a page, as plain strings."""

    text: str
    title: str = ""
    url: str = ""
    sitename: str = ""
    hostname: str = ""
    language: str = ""
    date: str = ""


def parse_html(html: str, *, source: str, settings: Settings) -> list[Article]:
    if is_heavy(html, settings):
        return parse_bounded(parse_page, html, source=source, settings=settings)
    return parse_page(html, source=source, settings=settings)


def parse_page(html: str, *, source: str, settings: Settings) -> list[Article]:
    """`parse_html` in this process, with no deadline."""
    extracted = extract(html)
    if not extracted.text.strip():
        raise NoMainTextError(f"{source}: no article text found in this HTML page; {_HINT}")
    meta = page_meta(html, source, future_hours=settings.future_date_tolerance_hours)
    return [article_of(extracted, meta, html, source=source, settings=settings)]


def extract(html: str) -> Extracted:
    """trafilatura's main text and metadata; empty text when it finds none."""
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return Extracted(text="")
    body = getattr(doc, "body", None)
    text = _text(body) if body is not None else _str(getattr(doc, "text", None))
    return Extracted(
        text=text,
        title=_str(getattr(doc, "title", None)),
        url=_str(getattr(doc, "url", None)),
        sitename=_str(getattr(doc, "sitename", None)),
        hostname=_str(getattr(doc, "hostname", None)),
        language=_str(getattr(doc, "language", None)),
        date=_str(getattr(doc, "date", None)),
    )


def article_of(
    extracted: Extracted, meta: PageMeta, html: str, *, source: str, settings: Settings
) -> Article:
    """The Article from an extraction and the page's metadata; `NoMainTextError` when
    too little article text is left."""
    url = meta.url or extracted.url
    outlet = _outlet(extracted, meta, url)
    title = repair_mojibake(extracted.title or meta.title)
    title = clean_title(title, outlet, url)
    published, date_only = meta.published, meta.date_only
    if published is None:
        published, date_only = labelled_day(meta.texts[0])
    if published is None:
        published, date_only = visible_time(meta.texts, *_htmldate(extracted.date, source))
    body = _body(extracted.text, title, settings)
    try:
        article = build_article(
            title=title,
            lede=_lede(meta.description, title, body, settings),
            body=body,
            url=url or None,
            outlet=outlet,
            language=extracted.language or _declared_language(html),
            published=published,
            date_only=date_only,
            modified=meta.modified,
            source=source,
            settings=settings,
        )
    except EmptyInputError as e:
        # What trafilatura kept was only page furniture ("Home", "Share").
        raise NoMainTextError(f"{e}; {_HINT}") from None
    # Every page has a title, so the title alone must not pass the length check.
    if len(article.body) < settings.min_text_chars:
        raise NoMainTextError(
            f"{source}: only {len(article.body)} characters of article text in this page; {_HINT}"
        )
    return article


def _outlet(extracted: Extracted, meta: PageMeta, url: str) -> str | None:
    """The site's own name: its metadata's, else its <title>'s; where those give only
    the domain, the domain as the page spells it ("Siegessäule"); else the domain."""
    outlet = pick_outlet([*meta.site_names, extracted.sitename, meta.title_site], url)
    # Only a bare domain: a styled one ("Phys.org", "Gala.fr") is the brand as written.
    if not outlet or (looks_like_domain(outlet, url) and outlet == outlet.lower()):
        outlet = spelled_domain(url or extracted.hostname, meta.texts[0]) or outlet
    return outlet or outlet_from_host(url or extracted.hostname) or None


def _text(body: etree._Element) -> str:
    # Line breaks inside an element's text are the page source's formatting (Zeit
    # wraps its paragraphs at 80 columns), not <br>s: HTML collapses them to spaces.
    # lxml keeps control characters it parsed but refuses them when text is set back
    # (ValueError: a traceback out of a fuzzed WARC page), so they go as the text does.
    for el in body.iter():
        if el.text and "\n" in el.text:
            el.text = _SOURCE_NEWLINES.sub(" ", xml_safe(el.text))
        if el.tail and "\n" in el.tail:
            el.tail = _SOURCE_NEWLINES.sub(" ", xml_safe(el.tail))
    return xmltotxt(body, include_formatting=False)


def _body(text: str, title: str, settings: Settings) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    # The <h1> often opens the extracted text; the title is already the title.
    if (
        lines
        and title
        and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold()
    ):
        lines = lines[1:]
    lines = drop_trailer(drop_screens(lines, settings), settings)
    # trafilatura puts one paragraph a line; articles keep blank-line paragraphs.
    return "\n\n".join(lines)


def _lede(description: str, title: str, body: str, settings: Settings) -> str:
    """The page's description as the lede, when it is a standfirst the body lacks.

    News pages set their teaser paragraph as the description and often render it outside
    the article element, where the extractor does not look. Not a standfirst: a
    description the body already holds (its first paragraph, truncated), a short one,
    or one that shares few words with the body (the site's own blurb, "Deutschlands
    erstes Anglermagazin", which would make every article of the site look alike).
    """
    text = repair_mojibake(" ".join(description.split()))
    if len(text) < settings.page_lede_min_chars:
        return ""
    probe = text.rstrip(" .…")[: settings.page_lede_min_chars].casefold()
    if probe in " ".join(body.split()).casefold() or probe in title.casefold():
        return ""
    words = set(_WORD.findall(text.casefold()))
    shared = words & set(_WORD.findall(body.casefold()))
    if not words or len(shared) / len(words) < settings.page_lede_min_overlap:
        return ""
    return text


def _htmldate(value: str, source: str) -> tuple[dt.datetime | None, bool]:
    """htmldate's guess; its midnight without a zone is a day whose time it did not find."""
    try:
        parsed = parse_published(value, source)
    except InvalidValueError:
        _log.warning("%s: ignoring unparseable page date %r", source, value)
        return None, False
    if parsed is None:
        return None, False
    return parsed, parsed.tzinfo is None and parsed.time() == dt.time(0, 0)


def _declared_language(html: str) -> str | None:
    head = html[:_HEAD_BYTES]
    m = _HTML_LANG.search(head) or _OG_LOCALE.search(head)
    return m.group(1) if m else None


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
