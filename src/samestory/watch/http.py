"""The watcher's HTTP client: polite, bounded, and safe for sources added through the API.

- conditional GET: the validators of the last answer (ETag, Last-Modified) are sent,
  and a 304 is an answer with no body;
- at most `watch_concurrency` requests in flight, and requests to one host at least
  `watch_host_interval_s` apart (the rate limit);
- a timeout per connect and per read, and a size cap (`watch_max_bytes`);
- transient failures (timeouts, refused connections, HTTP 429 and 5xx) retried with
  exponential backoff (`watch_retry_base_s`, doubled each time);
- robots.txt obeyed for page fetches (RFC 9309: a 4xx robots.txt allows all, an
  unreachable one or a 5xx disallows all);
- redirects followed by hand, so that for a `public_only` request every hop is checked
  with the API's own refusal of loopback and private addresses
  (`samestory.serve.service.check_public_url`).

`clock` and `sleep` are injectable so tests of the rate limit and the backoff do not
wait in real time.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import InputError, SameStoryError
from ..settings import Settings

__all__ = ["Answer", "FetchError", "Fetcher"]

USER_AGENT = "samestory/0.1 (news same-story engine; watcher)"
_REDIRECTS = 5
_TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(InputError):
    """A request that failed for good (after its retries); the message is one line."""

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


@dataclass(frozen=True, slots=True)
class Answer:
    url: str  # after redirects
    status: int  # 200..299, or 304
    data: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client shared by every poll of a watcher (thread-safe)."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: Any = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.sleep = sleep
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=settings.watch_timeout_s,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
            limits=httpx.Limits(max_connections=max(1, settings.watch_concurrency)),
        )
        self._gate = threading.BoundedSemaphore(max(1, settings.watch_concurrency))
        self._hosts: dict[str, float] = {}  # host -> earliest time of its next request
        self._hosts_lock = threading.Lock()
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self.requests = 0  # sent, retries included (tests and the benchmark read it)

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        *,
        public_only: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = False,
    ) -> Answer:
        """GET `url` with retries; `FetchError` (one line) when it fails for good.

        `robots`: the URL is a page, so its host's robots.txt must allow it."""
        if robots and not self.allowed(url, public_only=public_only):
            raise FetchError(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay = self.settings.watch_retry_base_s
        for attempt in range(self.settings.watch_retries + 1):
            try:
                return self._follow(url, headers, public_only)
            except _Transient as exc:
                if attempt == self.settings.watch_retries:
                    raise FetchError(f"{url}: {exc} (after {attempt + 1} tries)") from None
                self.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def allowed(self, url: str, *, public_only: bool = False) -> bool:
        """Whether the host's robots.txt lets this watcher fetch `url` (cached)."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        now = self.clock()
        cached = self._robots.get(root)
        if cached is None or cached[0] <= now:
            cached = (now + self.settings.watch_robots_ttl_s, self._read_robots(root, public_only))
            self._robots[root] = cached
        parser = cached[1]
        return False if parser is None else parser.can_fetch(USER_AGENT, url)

    def _read_robots(
        self, root: str, public_only: bool
    ) -> urllib.robotparser.RobotFileParser | None:
        """None (disallow all) when robots.txt cannot be read or answers 5xx."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            answer = self._follow(f"{root}/robots.txt", {}, public_only)
        except FetchError as exc:
            if exc.status_code is not None and 400 <= exc.status_code < 500:
                parser.parse([])  # no robots.txt: everything allowed
                return parser
            return None
        except (_Transient, SameStoryError):
            return None
        parser.parse(answer.data.decode("utf-8", "replace").splitlines())
        return parser

    def _follow(self, url: str, headers: dict[str, str], public_only: bool) -> Answer:
        public_only = public_only and not self.settings.watch_allow_private
        for _ in range(_REDIRECTS + 1):
            if public_only:
                _check_public(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"{url!r}: only http(s) URLs can be polled")
            self._wait_turn(parts.netloc.lower())
            with self._gate:
                self.requests += 1
                try:
                    answer, location = self._one(url, headers)
                except httpx.TimeoutException as exc:
                    raise _Transient(f"timed out ({type(exc).__name__})") from None
                except httpx.TransportError as exc:
                    raise _Transient(f"cannot connect ({_line(exc)})") from None
                except httpx.InvalidURL as exc:
                    raise FetchError(f"{url}: not a valid URL ({exc})") from None
            if location is None:
                assert answer is not None
                return answer
            url = urljoin(url, location)
        raise FetchError(f"{url}: more than {_REDIRECTS} redirects")

    def _one(self, url: str, headers: dict[str, str]) -> tuple[Answer | None, str | None]:
        limit = self.settings.watch_max_bytes
        with self.client.stream("GET", url, headers=headers) as response:
            if response.is_redirect and "location" in response.headers:
                return None, response.headers["location"]
            status = response.status_code
            if status in _TRANSIENT:
                raise _Transient(f"HTTP {status} {response.reason_phrase}".rstrip())
            if status >= 400 or (status >= 300 and status != 304):
                raise FetchError(
                    f"{url}: the server answered HTTP {status} {response.reason_phrase}".rstrip(),
                    status_code=status,
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"{url}: more than {limit} bytes (watch_max_bytes)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise FetchError(f"{url}: more than {limit} bytes (watch_max_bytes)")
            return (
                Answer(
                    url=str(response.url),
                    status=status,
                    data=bytes(body),
                    content_type=response.headers.get("Content-Type", ""),
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                ),
                None,
            )

    def _wait_turn(self, host: str) -> None:
        """Reserve this host's next slot, then sleep until it comes."""
        with self._hosts_lock:
            now = self.clock()
            at = max(now, self._hosts.get(host, now))
            self._hosts[host] = at + self.settings.watch_host_interval_s
        if at > now:
            self.sleep(at - now)


class _Transient(Exception):
    """A failure worth retrying (its message is one line, without the URL)."""


def _check_public(url: str) -> None:
    from ..serve.service import check_public_url  # the API's rule, not a copy of it

    try:
        check_public_url(url)
    except SameStoryError as exc:
        raise FetchError(f"{url}: refused for a source added through the API: {exc}") from None


def _line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
