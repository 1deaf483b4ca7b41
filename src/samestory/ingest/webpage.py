"""HTML pages: trafilatura finds the article text and its metadata."""

from __future__ import annotations

import datetime as dt
import logging
import re

import trafilatura

from ..errors import EmptyInputError, InvalidValueError, NoMainTextError
from ..models import Article
from ..settings import Settings
from .build import build_article, parse_published

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
_HINT = (
    "is it a front page, a paywall or a script-built page? Save the article page "
    "itself, or paste its text into a .txt file"
)


def parse_html(html: str, *, source: str, settings: Settings) -> list[Article]:
    # Precision over recall: navigation and "most read" links that slip into the
    # text make unrelated pages look alike. Comments and tables are not the article
    # either: reader comments are other people's text, and table cells make nonsense
    # sentences for alignment.
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise NoMainTextError(f"{source}: no article text found in this HTML page; {_HINT}")
    title = _str(getattr(doc, "title", None))
    try:
        article = build_article(
            title=title,
            body=_body(text, title),
            url=_str(getattr(doc, "url", None)) or None,
            outlet=_str(getattr(doc, "sitename", None))
            or _str(getattr(doc, "hostname", None))
            or None,
            language=_str(getattr(doc, "language", None)) or _declared_language(html),
            published=_published(getattr(doc, "date", None), source),
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
    return [article]


def _body(text: str, title: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    # The <h1> often opens the extracted text; the title is already the title.
    if (
        lines
        and title
        and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold()
    ):
        lines = lines[1:]
    # trafilatura puts one paragraph a line; articles keep blank-line paragraphs.
    return "\n\n".join(lines)


def _declared_language(html: str) -> str | None:
    head = html[:_HEAD_BYTES]
    m = _HTML_LANG.search(head) or _OG_LOCALE.search(head)
    return m.group(1) if m else None


def _published(value: object, source: str) -> dt.datetime | None:
    # A page's date is a guess by htmldate; a bad one must not lose the article.
    try:
        return parse_published(value, source)
    except InvalidValueError:
        _log.warning("%s: ignoring unparseable page date %r", source, value)
        return None


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
