"""The server's hardening that is not a route: security headers on every answer, and the
limits on what one write request may carry.

Headers: HTML pages set their own Content-Security-Policy (web.py); every other answer
(JSON, static files, errors) gets `default-src 'none'`, so a JSON body opened in a
browser runs nothing. Framing is refused everywhere (clickjacking), MIME sniffing is off,
no Referer leaves the server, and the browser features the UI never uses are disabled.

Limits (Settings): a body over `max_body_bytes` is refused by `BodyLimit` (api.py)
before it is parsed; JSON nested deeper than `max_json_depth`, a batch of more than
`api_max_batch` articles, more than `api_max_urls` URLs, a multipart form with more
than `api_max_uploads` files or fields, and a side of a comparison longer than
`compare_max_chars` are refused after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import FileTooLargeError, InvalidValueError
from ..ingest.jsonload import loads
from ..settings import Settings

__all__ = [
    "SECURITY_HEADERS",
    "SecurityHeaders",
    "check_batch",
    "check_sides",
    "check_urls",
    "form_limits",
    "parse_json",
]

T = TypeVar("T")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
_DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` (and a deny-all CSP where none is set) to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self._headers if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", _DEFAULT_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def parse_json(raw: bytes, settings: Settings) -> Any:
    """A JSON request body; `InvalidValueError` when malformed or nested too deep."""
    try:
        return loads(raw, settings.max_json_depth)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidValueError(f"malformed JSON: {exc}") from None


def check_batch(articles: Sequence[T], settings: Settings) -> Sequence[T]:
    """The articles of one write request, unless there are more than `api_max_batch`."""
    if len(articles) > settings.api_max_batch:
        raise FileTooLargeError(
            f"{len(articles)} articles in one request, over the api_max_batch limit of "
            f"{settings.api_max_batch}; post them in several batches"
        )
    return articles


def check_urls(urls: Sequence[str], settings: Settings) -> Sequence[str]:
    if len(urls) > settings.api_max_urls:
        raise FileTooLargeError(
            f"{len(urls)} URLs in one request, over the api_max_urls limit of "
            f"{settings.api_max_urls}"
        )
    return urls


def check_sides(sides: Sequence[T], settings: Settings) -> Sequence[T]:
    """The two articles of a comparison (which needs no token), unless one is longer
    than `compare_max_chars`: the analysis's time grows with the text (fuzzing found a
    600 KB side taking minutes of CPU)."""
    for name, side in zip("ab", sides, strict=False):
        size = sum(len(getattr(side, f, "") or "") for f in ("title", "lede", "body"))
        if size > settings.compare_max_chars:
            raise FileTooLargeError(
                f"article {name} has {size} characters, over the compare_max_chars limit of "
                f"{settings.compare_max_chars}"
            )
    return sides


def form_limits(settings: Settings) -> dict[str, int]:
    """`request.form(**form_limits(settings))`: starlette answers 400 past them."""
    return {"max_files": settings.api_max_uploads, "max_fields": settings.api_max_uploads}
