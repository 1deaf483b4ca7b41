"""What the REST API and the web UI share: one store, its caches, the engine, ingest.

The store's SQLite connection is used by one request at a time (`_read_lock`).
Answers are cached and keyed on the store's version (the last story event id), so a
cache can never serve stories older than the store; story reports are keyed on the
story id and its article ids, since a report depends on nothing else. Ingest writes
through a second connection when the store is a file, so readers keep going (WAL)
while a batch is analysed and committed.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit

from ..compare import StoryReport, build_report
from ..errors import InputError, InvalidValueError, SameStoryError
from ..ingest import read_bytes
from ..models import Analysis, Article, PairScore
from ..settings import Settings
from ..store import SQLiteStore

if TYPE_CHECKING:
    from ..engine import Engine
    from ..ingestion import StoryIngest

__all__ = ["ForbiddenError", "Service", "UnauthorizedError", "parse_article"]

T = TypeVar("T")
VERSION_TTL = 0.25


class UnauthorizedError(SameStoryError):
    status = 401


class ForbiddenError(SameStoryError):
    status = 403


class _LRU:
    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


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


class Service:
    def __init__(
        self, settings: Settings, store: SQLiteStore, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.store = store
        self._engine = engine
        self._read_lock = threading.RLock()
        self._engine_lock = threading.Lock()
        self._ingest: StoryIngest | None = None
        self._ingest_version = -1
        self._memo = _LRU(4 * settings.report_cache_size)
        self._reports = _LRU(settings.report_cache_size)
        self._version = 0
        self._version_at = -1e9

    # --- reading ---
    def read(self, fn: Callable[[SQLiteStore], T]) -> T:
        with self._read_lock:
            return fn(self.store)

    def version(self) -> int:
        """The store's version, re-read at most every VERSION_TTL seconds: hot requests
        then touch neither the lock nor SQLite (another process's writes show up within
        that time; this server's own writes at once)."""
        now = time.monotonic()
        if now - self._version_at > VERSION_TTL:
            self._version = self.read(lambda s: s.version())
            self._version_at = now
        return self._version

    def peek(self, key: Any) -> Any:
        """A cached answer, or None: lets async handlers answer hits without a thread."""
        return self._memo.get(key)

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """`build()` cached under `key` (callers put the store version or article ids in it)."""
        hit = self._memo.get(key)
        if hit is None:
            hit = build()
            self._memo.put(key, hit)
        return hit

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        key = ("stories", self.version(), tuple(sorted(filters.items())))
        return self.memo(key, lambda: self.read(lambda s: s.stories(**filters)))

    def story(self, story_id: str) -> dict[str, Any]:
        return self.memo(
            ("story", self.version(), story_id), lambda: self.read(lambda s: s.story(story_id))
        )

    @staticmethod
    def report_key(story: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        return story["id"], tuple(a["id"] for a in story["articles"])

    def report(self, story: dict[str, Any]) -> StoryReport:
        key = self.report_key(story)
        hit = self._reports.get(key)
        if hit is None:
            analyses = self.read(lambda s: [s.analysis(a) for a in key[1]])
            # Pure and possibly slow on big stories: built outside the store lock.
            hit = build_report(analyses, self.settings)
            self._reports.put(key, hit)
        return hit

    def article(self, article_id: str) -> tuple[Analysis, str | None]:
        return self.read(lambda s: (s.analysis(article_id), s.story_of(article_id)))

    # --- engine ---
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from ..engine import Engine  # models load on the first request that needs them

            self._engine = Engine(self.settings)
        return self._engine

    def compare(self, a: Article, b: Article) -> PairScore:
        with self._engine_lock:
            return self.engine.compare(a, b)

    def ingest(self, articles: Sequence[Article]) -> dict[str, Any]:
        from ..ingestion import StoryIngest

        shared = self.store.path == ":memory:"
        with self._engine_lock, self._read_lock if shared else nullcontext():
            writer = self.store if shared else None
            version = self.version()
            if self._ingest is None or version != self._ingest_version:
                # Another writer moved the store on: replay its log into a fresh clusterer.
                writer = writer or (
                    self._ingest.store if self._ingest else SQLiteStore(self.store.path)
                )
                self._ingest = StoryIngest(self.engine, writer, self.settings.ingest_batch_size)
            report = self._ingest.ingest_articles(articles)
            self._ingest.settle(report)
            self._ingest_version = self._ingest.store.version()
            self._version_at = -1e9
        stored = self.read(lambda s: [(a, s.story_of(a.id)) for a in articles])
        return {
            "report": report.to_dict(),
            "articles": [{"id": a.id, "title": a.title, "story": sid} for a, sid in stored],
        }

    # --- URLs ---
    def fetch(self, url: str) -> list[Article]:
        """Articles from a client-given URL, if the settings allow it, never from a
        loopback, private, link-local or otherwise internal address."""
        if not self.settings.allow_url_fetch:
            raise ForbiddenError("this server does not fetch URLs (setting allow_url_fetch)")
        import httpx

        for _ in range(4):  # each redirect target is checked like the first URL
            check_public_url(url)
            with httpx.stream(
                "GET", url, timeout=self.settings.fetch_timeout, follow_redirects=False
            ) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise InputError(f"{url}: HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.settings.max_input_bytes:
                        raise InputError(f"{url}: larger than max_input_bytes")
            return read_bytes(bytes(body), name=url, settings=self.settings)
        raise InputError(f"{url}: too many redirects")


def check_public_url(url: str) -> None:
    """Refuse anything but http(s) to a host whose every address is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValueError(f"{url!r}: only http(s) URLs can be fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise InputError(f"{parts.hostname}: host not found") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        mapped = getattr(ip, "ipv4_mapped", None)
        ip = mapped or ip
        if not ip.is_global or ip.is_multicast:
            raise ForbiddenError(f"{parts.hostname}: resolves to a non-public address ({ip})")
