"""http(s) URLs for bulk ingest: one GET with httpx, size-capped, format from the response.

httpx is imported only when a URL is fetched, so reading files never needs it. Every
failure — no network, DNS, timeout, too many redirects, an HTTP status of 400 or more,
a body over `max_input_bytes` — is an `InputError` whose skip reason is
`fetch-error` (or `too-large`); bulk ingest counts it and goes on.

`public_only` (the server's mode: a client names the URL) follows redirects by hand and
refuses any hop to a loopback, private, link-local or otherwise non-global address, twice:
every address the host name resolves to, before connecting, and the address the
connection actually reached (DNS can answer differently the second time), before the body
is read. Proxies from the environment are then ignored, so the checked peer is the server.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputError, InvalidValueError
from ..settings import Settings
from .skips import FETCH_ERROR, TOO_LARGE, ReasonedError

# Tests put an httpx.MockTransport here; None means the real network.
_TRANSPORT: Any = None
_USER_AGENT = "samestory/0.1 (news same-story engine; bulk ingest)"
_MAX_HOPS = 5  # redirects followed in public_only mode
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


class BlockedAddressError(ReasonedError):
    """A URL whose host is, or resolves to, a non-public address (public_only mode)."""

    status = 403

    def __init__(self, message: str) -> None:
        super().__init__(message, FETCH_ERROR)


def fetch(url: str, settings: Settings, *, public_only: bool = False) -> Fetched:
    """GET `url` (redirects followed); `InputError` with a skip reason on any failure.

    With `public_only`, `BlockedAddressError` for any hop to a non-public address."""
    import httpx

    try:
        with httpx.Client(
            follow_redirects=not public_only,
            timeout=settings.fetch_timeout,
            headers={"User-Agent": _USER_AGENT},
            transport=_TRANSPORT,
            trust_env=not public_only,
        ) as client:
            for _ in range(_MAX_HOPS + 1):
                if public_only:
                    check_public_url(url)
                with client.stream("GET", url) as response:
                    if public_only:
                        _check_peer(response, url)
                        if response.is_redirect and "location" in response.headers:
                            url = urljoin(str(response.url), response.headers["location"])
                            continue
                    return _body(response, url, settings.max_input_bytes)
            raise ReasonedError(f"{url}: more than {_MAX_HOPS} redirects", FETCH_ERROR)
    except httpx.HTTPError as e:
        detail = " ".join(str(e).split())[:200] or "no detail"
        raise ReasonedError(
            f"{url}: cannot be fetched ({type(e).__name__}: {detail})", FETCH_ERROR
        ) from None
    except httpx.InvalidURL as e:
        raise ReasonedError(f"{url}: not a valid URL ({e})", FETCH_ERROR) from None


def _body(response: Any, url: str, limit: int) -> Fetched:
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


def check_public_url(url: str) -> None:
    """Refuse anything but http(s) to a host whose every address is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValueError(f"{url!r}: only http(s) URLs can be fetched")
    try:
        port = parts.port
        infos = socket.getaddrinfo(parts.hostname, port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError):
        raise InputError(f"{parts.hostname}: host not found") from None
    for info in infos:
        check_public_address(parts.hostname, str(info[4][0]))


def check_public_address(host: str, address: str) -> None:
    """`BlockedAddressError` unless `address` is a global unicast address."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        raise BlockedAddressError(f"{host}: connected to an unknown address {address!r}") from None
    mapped = getattr(ip, "ipv4_mapped", None)
    ip = mapped or ip
    if not ip.is_global or ip.is_multicast:
        raise BlockedAddressError(f"{host}: resolves to a non-public address ({ip})")


def _check_peer(response: Any, url: str) -> None:
    """The address the connection reached, after DNS resolution; skipped for transports
    without a socket (tests' MockTransport)."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        check_public_address(urlsplit(url).hostname or url, str(peer[0]))


def _too_large(url: str, limit: int) -> ReasonedError:
    return ReasonedError(
        f"{url}: more than {limit} bytes (max_input_bytes); download it and pass the file",
        TOO_LARGE,
    )
