"""RSS and Atom feeds (feedparser): one article per entry.

Title, link -> url, published (else updated) -> published, feed title (else the feed's
or the entry's domain) -> outlet, the entry's, else the feed's, declared language.
The text is the entry's longest content (`content:encoded`, Atom `<content>`), else
its summary; a short summary that is not just the content's opening becomes the lede.

Entry HTML is turned into paragraphs with lxml rather than trafilatura: an entry is
a fragment with no page furniture to separate from, and trafilatura's precision
mode drops the one- or two-sentence summaries many feeds carry. The result then goes
through the same cleaning as every other format (`build_article`), which removes
"Read more" / "Continue reading" lines; the footer WordPress adds to feed copies only
("The post ... appeared first on ...") is dropped here.

Dates keep the offset the feed wrote ("Tue, 18 Mar 2025 09:30:00 +0100" ->
09:30+01:00); feedparser's own parsed dates (UTC) are the fallback. Entries without
usable text are skipped and counted; a file that is not a well-formed feed at all is
an `InputError` (in bulk ingest: one counted skip).
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import io
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser
from lxml import etree
from lxml import html as lxml_html

from ..errors import BinaryInputError, InputError, UnsupportedFormatError
from ..models import Article
from ..settings import Settings
from .build import build_article, domain_of, is_date_only
from .decode import declared_charset, detect_encoding, normalize_text, one_line, xml_safe
from .sitename import clean_outlet
from .skips import BAD_FEED, UNDECODABLE, ReasonedError, Skips, collect

_log = logging.getLogger(__name__)

# feedparser asks xml.sax for the first driver of this list that imports: ours first, the
# expat reader with its text buffered (saxbuffer.py says why: entity expansions).
if "samestory.ingest.saxbuffer" not in feedparser.api.PREFERRED_XML_PARSERS:
    feedparser.api.PREFERRED_XML_PARSERS.insert(0, "samestory.ingest.saxbuffer")

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre"}
    | {"ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figure", "figcaption", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "address"}
)
_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg")
_WHITESPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_FEED_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)\b",
    re.DOTALL,
)
# WordPress's feed footer in en/fr/de/es: "The post %s appeared first on %s."
_WORDPRESS_FOOTER = re.compile(
    r"(?:The post|L[’']article|Der Beitrag|La entrada) .+ (?:appeared first on|"
    r"est apparu en premier sur|erschien zuerst auf|se publicó primero en) .+",
)
# European zone abbreviations (German, English, French forms) as RFC 822 offsets.
_ZONES = {
    "MEZ": "+0100",
    "CET": "+0100",
    "HNEC": "+0100",
    "MESZ": "+0200",
    "CEST": "+0200",
    "HAEC": "+0200",
    "WEZ": "+0000",
    "WET": "+0000",
    "WESZ": "+0100",
    "WEST": "+0100",
    "BST": "+0100",
    "OEZ": "+0200",
    "EET": "+0200",
    "OESZ": "+0300",
    "EEST": "+0300",
}
_ZONE_NAME = re.compile(r"\s([A-Za-z]{3,4})\s*$")
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*$")


def parse_feed(data: bytes | str, *, source: str, settings: Settings) -> list[Article]:
    """Every usable entry of a feed; `InputError` when no entry has article text."""
    skips = Skips()
    articles = iter_feed(data, source=source, settings=settings, skips=skips)
    return collect(articles, skips, source, "entries")


def iter_feed(
    data: bytes | str,
    *,
    source: str,
    settings: Settings,
    skips: Skips,
    base_url: str | None = None,
) -> Iterator[Article]:
    """Articles of a feed one entry at a time; bad entries are counted in `skips`.

    Raises `InputError` (before yielding anything) for bytes that are not an RSS or
    Atom feed. `base_url` (the feed's URL when fetched) resolves relative links and
    names the outlet when the feed has no title.
    """
    doc = _parse(data, source, base_url, settings.decode_max_chaos)
    feed = doc.feed
    link = feed.get("link") or base_url
    # The channel's title is the outlet's name, less its legal form and section
    # ("SPIEGEL ONLINE - Schlagzeilen"); a title that is no name gives way to the domain.
    outlet = clean_outlet(_text_of(feed.get("title_detail")), link) or domain_of(link)
    feed_language = _str(feed.get("language"))
    # All entries first (the feed is in memory anyway): a broken file whose recovered
    # entries are all unusable is one bad feed, not a handful of empty entries.
    results: list[Article | InputError] = []
    for number, entry in enumerate(doc.entries, 1):
        where = f"{source}, entry {number}"
        try:
            results.append(_article(entry, where, source, outlet, feed_language, settings))
        except InputError as e:
            results.append(e)
    if doc.get("bozo") and not any(isinstance(r, Article) for r in results):
        raise ReasonedError(
            f"{source}: not a well-formed RSS or Atom feed ({_bozo(doc)}); "
            f"none of the {len(results)} entries recovered from it is usable",
            BAD_FEED,
        )
    if doc.get("bozo"):
        # feedparser's lenient parser recovered what it could; entries it lost are
        # not counted because nobody knows how many there were.
        _log.warning("%s: the feed is not well-formed XML (%s); read leniently", source, _bozo(doc))
    for result in results:
        if isinstance(result, InputError):
            skips.add_error(source, result)
        else:
            yield result


def looks_like_feed(head: str) -> bool:
    """Whether the start of a document is an RSS, RDF or Atom root element."""
    return _FEED_ROOT.match(head) is not None


def _parse(data: bytes | str, source: str, base_url: str | None, max_chaos: float) -> Any:
    raw = data.encode("utf-8") if isinstance(data, str) else _as_declared(data, source, max_chaos)
    # Bytes without a content type are a bozo feed to feedparser ("no Content-type
    # specified"), so every good feed would be logged as read leniently; as XML it
    # takes the encoding from the document's own declaration.
    headers = {"content-type": "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    # A stream, never a str: feedparser fetches strings that look like URLs or paths.
    try:
        doc = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    except (UnicodeError, LookupError, ValueError) as e:  # a garbled encoding declaration
        raise ReasonedError(
            f"{source}: not a well-formed RSS or Atom feed ({type(e).__name__}: {e})"[:300],
            BAD_FEED,
        ) from None
    if not doc.get("version"):
        if doc.get("bozo"):
            raise ReasonedError(
                f"{source}: not a well-formed RSS or Atom feed ({_bozo(doc)})", BAD_FEED
            )
        raise UnsupportedFormatError(f"{source}: XML, but not an RSS or Atom feed")
    return doc


def _as_declared(raw: bytes, source: str, max_chaos: float) -> bytes:
    """Bytes feedparser reads right: an undeclared, non-UTF-8 feed re-encoded as UTF-8.

    Without an encoding declaration feedparser tries UTF-8 and then windows-1252, which
    turns a KOI8-R or Shift-JIS feed into mojibake; charset-normalizer reads the bytes
    instead, and a feed it cannot read with confidence is refused (`undecodable`).
    """
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw
    if declared_charset(raw) is not None:
        return raw
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError:
        pass
    try:
        encoding = detect_encoding(raw, source, max_chaos)
    except BinaryInputError as e:
        raise ReasonedError(str(e), UNDECODABLE) from None
    return raw.decode(encoding, errors="replace").encode("utf-8")


def _article(
    entry: Any,
    where: str,
    source: str,
    outlet: str | None,
    feed_language: str,
    settings: Settings,
) -> Article:
    summary = _without_footer(
        _text_of(entry.get("summary_detail")) or _html_text(_str(entry.get("summary")))
    )
    contents = [_text_of(c) for c in entry.get("content") or ()]
    body = _without_footer(max(contents, key=len, default=""))
    lede = ""
    if len(body) > len(summary):
        if summary and not _is_opening(summary, body) and len(summary) <= settings.lede_max_chars:
            lede = summary
    else:
        body = summary
    url = _str(entry.get("link")) or _http(_str(entry.get("id")))
    published, date_only = _published(entry, where)
    return build_article(
        modified=_modified(entry),
        title=_text_of(entry.get("title_detail")) or _str(entry.get("title")),
        lede=lede,
        body=body,
        url=url or None,
        outlet=outlet or domain_of(url),
        language=_entry_language(entry) or feed_language or None,
        published=published,
        date_only=date_only,
        source=source,
        settings=settings,
        where=where,
    )


def _text_of(detail: Any) -> str:
    """The text of a feedparser detail dict ({"type", "value", ...}), HTML or not."""
    if not detail:
        return ""
    value = _str(detail.get("value"))
    if _str(detail.get("type")).lower() in _HTML_TYPES:
        return _html_text(value)
    return normalize_text(value)


def _html_text(fragment: str) -> str:
    """A fragment of HTML as text: one paragraph per block, blank lines between."""
    if "<" not in fragment:
        return normalize_text(fragment)
    # lxml parses control characters but refuses them when text is set back (ValueError).
    fragment = xml_safe(fragment)  # and `_squeeze` drops those of references
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalize_text(_TAG.sub(" ", fragment))
    for bad in root.xpath("|".join(f".//{tag}" for tag in _DROP)):
        bad.drop_tree()
    for el in root.iter():
        el.text = _squeeze(el.text)
        el.tail = _squeeze(el.tail)
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return normalize_text(root.text_content())


def _without_footer(text: str) -> str:
    head, _, last = text.rpartition("\n\n")
    return head if head and _WORDPRESS_FOOTER.fullmatch(last) else text


def _squeeze(text: str | None) -> str | None:
    # Newlines inside a paragraph are source formatting, not paragraph breaks. A
    # character reference to a control character ("&#1;") is parsed into the text, and
    # lxml refuses it when the text is set back: it goes too.
    return _WHITESPACE.sub(" ", xml_safe(text)) if text else text


def _is_opening(summary: str, body: str) -> bool:
    """Whether the summary is the body's first words (WordPress "excerpt […]")."""
    head = " ".join(_ELLIPSIS.sub("", summary).split()).casefold()
    return " ".join(body.split()).casefold().startswith(head)


def _entry_language(entry: Any) -> str:
    for key in ("content", "summary_detail", "title_detail"):
        value = entry.get(key)
        detail = value[0] if isinstance(value, list) and value else value
        if isinstance(detail, dict) and _str(detail.get("language")):
            return _str(detail.get("language"))
    return _str(entry.get("language"))


def _published(entry: Any, where: str) -> tuple[dt.datetime | None, bool]:
    """The entry's date, and whether it gave the day only (an Atom "2025-03-12")."""
    seen: set[str] = set()
    for key in ("published", "updated", "created"):
        # dict.get: FeedParserDict maps a missing `updated` to `published`, with a warning.
        raw = _str(dict.get(entry, key))
        if not raw:
            continue
        if raw in seen:  # the same string under two keys
            continue
        seen.add(raw)
        parsed = _parse_date(raw)
        if parsed is None:
            struct = dict.get(entry, f"{key}_parsed")
            if isinstance(struct, time.struct_time):  # feedparser's UTC reading
                parsed = dt.datetime(*struct[:6], tzinfo=dt.UTC)
        if parsed is not None:
            return parsed, is_date_only(raw)
        # A bad date must not lose the entry.
        _log.warning("%s: ignoring unparseable date %r", where, raw)
    return None, False


def _modified(entry: Any) -> dt.datetime | None:
    """The entry's update time, kept apart when it also gives its publication time."""
    published, updated = _str(dict.get(entry, "published")), _str(dict.get(entry, "updated"))
    if not published or not updated or updated == published:
        return None
    return _parse_date(updated)


def _parse_date(raw: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(raw)  # Atom, and ISO dates in RSS
    except ValueError:
        pass
    # RFC 822 knows only the American zone names; German feeds write "MESZ".
    m = _ZONE_NAME.search(raw)
    if m and m.group(1).upper() in _ZONES:
        raw = f"{raw[: m.start(1)]}{_ZONES[m.group(1).upper()]}"
    try:
        return email.utils.parsedate_to_datetime(raw)  # RFC 822, the RSS 2.0 form
    except (TypeError, ValueError, IndexError):
        return None


def _bozo(doc: Any) -> str:
    return one_line(str(doc.get("bozo_exception") or "unknown error"))


def _http(value: str) -> str:
    return value if value.startswith(("http://", "https://")) else ""


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
