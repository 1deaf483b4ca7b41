"""http(s) URLs for bulk ingest: one GET with httpx, size-capped, format from the response.

httpx is imported only when a URL is fetched, so reading files never needs it. Every
failure — no network, DNS, timeout, too many redirects, an HTTP status of 400 or more,
a body over `max_input_bytes` — is an `InputError` whose skip reason is
`fetch-error` (or `too-large`); bulk ingest counts it and goes on.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..settings import Settings
from .skips import FETCH_ERROR, TOO_LARGE, ReasonedError

# Tests put an httpx.MockTransport here; None means the real network.
_TRANSPORT: Any = None
_USER_AGENT = "samestory/0.1 (news same-story engine; bulk ingest)"
_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",  # checked: XML that is no feed is refused, not misread
    "text/xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/warc": "warc",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str

    @property
    def fmt(self) -> str | None:
        """The format the Content-Type names, or None to decide by extension or content."""
        mime = self.content_type.split(";")[0].strip().lower()
        return _CONTENT_TYPES.get(mime)

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


def httpx_available() -> bool:
    return importlib.util.find_spec("httpx") is not None


def fetch(url: str, settings: Settings) -> Fetched:
    """GET `url` (redirects followed); `InputError` with a skip reason on any failure."""
    import httpx

    limit = settings.max_input_bytes
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=settings.fetch_timeout,
                headers={"User-Agent": _USER_AGENT},
                transport=_TRANSPORT,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise ReasonedError(
                    f"{url}: the server answered HTTP {response.status_code} "
                    f"{response.reason_phrase}".rstrip(),
                    FETCH_ERROR,
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _too_large(url, limit)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise _too_large(url, limit)
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                data=b"".join(chunks),
                content_type=response.headers.get("Content-Type", ""),
            )
    except httpx.HTTPError as e:
        detail = " ".join(str(e).split())[:200] or "no detail"
        raise ReasonedError(
            f"{url}: cannot be fetched ({type(e).__name__}: {detail})", FETCH_ERROR
        ) from None
    except httpx.InvalidURL as e:
        raise ReasonedError(f"{url}: not a valid URL ({e})", FETCH_ERROR) from None


def _too_large(url: str, limit: int) -> ReasonedError:
    return ReasonedError(
        f"{url}: more than {limit} bytes (max_input_bytes); download it and pass the file",
        TOO_LARGE,
    )
