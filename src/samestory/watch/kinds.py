"""One poll of one source, by kind: what is new there, as articles, and the state to keep.

    feed     RSS/Atom (the ingest feed reader); with fetch_pages, each new entry's page
             is fetched and extracted (trafilatura), the entry's summary kept if that fails
    sitemap  a news sitemap (<urlset> with news: tags): each new <loc> page is fetched;
             news:title, news:publication_date, news:language and the publication's
             name fill what the page lacks
    page     one page, re-read when it changes
    folder   a folder a crawler drops files into (HTML, JSONL, WARC, ...): files not
             seen with the same mtime and size are read
    auto     decided from the first answer (feed, sitemap, else page)

A poll never writes the store: `Outcome` carries the articles and the state, and the
watcher stores the articles first, the state after them. Pages already in the store
(same canonical URL) are not fetched again; at most `watch_max_pages` are per poll.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..ingest import Skips, iter_read, read_bytes
from ..ingest.build import domain_of
from ..ingest.feeds import iter_feed, looks_like_feed
from ..ingest.reader import walk
from ..models import Article
from ..settings import Settings
from ..store.sources import PollState, Source
from .http import Answer, Fetcher, FetchError

__all__ = ["Outcome", "poll"]

_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
Known = Callable[[str], bool]  # is an article with this URL already stored?


@dataclass(slots=True)
class Outcome:
    articles: list[Article] = field(default_factory=list)
    status: str = "200"  # "200", "304" or "error"
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    size: int = 0  # bytes of this answer (0 on a 304)
    fetched: int = 0  # bytes downloaded, linked pages included
    kind: str | None = None  # what an 'auto' source turned out to be
    seen: dict[str, str] = field(default_factory=dict)  # folder files read this poll
    skips: Skips = field(default_factory=Skips)


def poll(
    source: Source,
    state: PollState,
    fetcher: Fetcher,
    settings: Settings,
    known: Known,
    seen: dict[str, str] | None = None,
) -> Outcome:
    """Poll `source` once; errors are in the outcome (`status == "error"`), never raised."""
    try:
        if source.kind == "folder":
            return _folder(source, settings, seen or {})
        return _remote(source, state, fetcher, settings, known)
    except InputError as exc:
        # The source's status line names the source already; linked pages keep their URL.
        return Outcome(status="error", error=exc.message.removeprefix(f"{source.url}: "))


def _remote(
    source: Source, state: PollState, fetcher: Fetcher, settings: Settings, known: Known
) -> Outcome:
    answer = fetcher.get(
        source.url,
        public_only=source.public_only,
        etag=state.etag,
        last_modified=state.last_modified,
        robots=source.kind == "page",
    )
    out = Outcome(
        etag=answer.etag or state.etag,
        last_modified=answer.last_modified or state.last_modified,
    )
    if answer.not_modified:
        out.status = "304"
        return out
    out.size = out.fetched = len(answer.data)
    kind = source.kind if source.kind != "auto" else _sniff(answer)
    out.kind = kind if source.kind == "auto" else None
    if kind == "feed" and _empty_feed(answer.data):
        articles = []  # a feed with no entry yet: nothing new, not an error
    elif kind == "feed":
        articles = list(
            iter_feed(
                answer.data,
                source=source.url,
                settings=settings,
                skips=out.skips,
                base_url=answer.url,
            )
        )
        if source.fetch_pages:
            articles = _with_pages(articles, source, fetcher, settings, known, out)
    elif kind == "sitemap":
        articles = _sitemap(answer, source, fetcher, settings, known, out)
    else:
        if (
            kind == "page"
            and source.kind == "auto"
            and not fetcher.allowed(answer.url, public_only=source.public_only)
        ):
            raise FetchError(f"{answer.url}: disallowed by robots.txt")
        articles = _page(answer, settings)
    out.articles = [_own(a, source) for a in articles]
    return out


def _sniff(answer: Answer) -> str:
    head = answer.data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    if looks_like_feed(head):
        return "feed"
    if "<urlset" in head or "<sitemapindex" in head:
        return "sitemap"
    return "page"


def _empty_feed(data: bytes) -> bool:
    return (
        looks_like_feed(data[:4096].decode("utf-8", "replace").lstrip("\ufeff"))
        and b"<item" not in data
        and b"<entry" not in data
    )


def _page(answer: Answer, settings: Settings) -> list[Article]:
    articles = read_bytes(answer.data, name=answer.url, fmt="html", settings=settings)
    return [
        dataclasses.replace(a, url=a.url or answer.url, outlet=a.outlet or domain_of(answer.url))
        for a in articles
    ]


def _fetch_page(url: str, source: Source, fetcher: Fetcher) -> Answer:
    return fetcher.get(url, public_only=source.public_only, robots=True)


def _with_pages(
    entries: list[Article],
    source: Source,
    fetcher: Fetcher,
    settings: Settings,
    known: Known,
    out: Outcome,
) -> list[Article]:
    """Each new entry with the text of its page (the entry itself if that fails)."""
    result: list[Article] = []
    budget = settings.watch_max_pages
    for entry in entries:
        if not entry.url or known(entry.url):
            result.append(entry)  # the store skips it, or it has no page to fetch
            continue
        if budget <= 0:
            continue  # no summary-only copy: the next poll fetches its page
        budget -= 1
        page = _linked_page(entry, source, fetcher, settings, out)
        result.append(entry if page is None else page)
    return result


def _linked_page(
    entry: Article | _Entry,
    source: Source,
    fetcher: Fetcher,
    settings: Settings,
    out: Outcome,
    language: str | None = None,
) -> Article | None:
    """The page an entry links to, with the entry's own url, title, date and outlet
    first (`language` where the page has none); None, counted, when it fails."""
    assert entry.url is not None
    try:
        answer = _fetch_page(entry.url, source, fetcher)
        out.fetched += len(answer.data)
        page = _page(answer, settings)[0]
    except InputError as exc:
        out.skips.add_error(entry.url, exc)
        return None
    return dataclasses.replace(
        page,
        url=entry.url,
        title=entry.title or page.title,
        published=entry.published or page.published,
        language=page.language or language,
        outlet=entry.outlet or page.outlet,
    )


def _sitemap(
    answer: Answer,
    source: Source,
    fetcher: Fetcher,
    settings: Settings,
    known: Known,
    out: Outcome,
) -> list[Article]:
    entries = _sitemap_entries(answer.data, answer.url)
    articles: list[Article] = []
    budget = settings.watch_max_pages
    for entry in entries:
        if known(entry.url):
            continue
        if budget <= 0:
            break
        budget -= 1
        page = _linked_page(entry, source, fetcher, settings, out, entry.language)
        if page is not None:
            articles.append(page)
    return articles


@dataclass(frozen=True, slots=True)
class _Entry:
    url: str
    title: str | None
    published: dt.datetime | None
    language: str | None
    outlet: str | None


def _sitemap_entries(data: bytes, where: str) -> list[_Entry]:
    """The <url> entries of a sitemap, newest news first; `InputError` if it is no sitemap."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: not a well-formed sitemap ({exc})") from None
    if etree.QName(root).localname != "urlset":
        raise InputError(f"{where}: not a sitemap <urlset> (a sitemap index is not followed)")
    entries = []
    for node in root.iter(f"{_SITEMAP}url", "url"):
        loc = _text(node, (f"{_SITEMAP}loc", "loc"))
        if not loc:
            continue
        news = node.find(f"{_NEWS}news")
        published = _date(_text(news, (f"{_NEWS}publication_date",))) if news is not None else None
        entries.append(
            _Entry(
                url=loc,
                title=_text(news, (f"{_NEWS}title",)) if news is not None else None,
                published=published,
                language=_text(news, (f"{_NEWS}publication/{_NEWS}language",))
                if news is not None
                else None,
                outlet=_text(news, (f"{_NEWS}publication/{_NEWS}name",))
                if news is not None
                else None,
            )
        )
    stamp = dt.datetime.min.replace(tzinfo=dt.UTC)
    entries.sort(key=lambda e: e.published or stamp, reverse=True)
    return entries


def _text(node: etree._Element | None, paths: Iterable[str]) -> str | None:
    if node is None:
        return None
    for path in paths:
        found = node.find(path)
        if found is not None and found.text and found.text.strip():
            return " ".join(found.text.split())
    return None


def _date(raw: str | None) -> dt.datetime | None:
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _folder(source: Source, settings: Settings, seen: dict[str, str]) -> Outcome:
    folder = Path(source.url)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    out = Outcome()
    for path in walk(folder):
        try:
            info = path.stat()
        except OSError:
            continue  # removed since the listing
        stamp = f"{info.st_mtime_ns}:{info.st_size}"
        key = str(path)
        if seen.get(key) == stamp:
            continue
        out.articles.extend(_own(a, source) for a in iter_read(path, settings, skips=out.skips))
        out.seen[key] = stamp
        out.fetched += info.st_size
    out.size = out.fetched
    return out


def _own(article: Article, source: Source) -> Article:
    """The article as this source brought it: its url as `source`, its declared outlet
    and language first."""
    return dataclasses.replace(
        article,
        source=source.url,
        outlet=source.outlet or article.outlet,
        language=source.language or article.language,
    )
