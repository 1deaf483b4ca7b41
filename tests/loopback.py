"""A real HTTP server on 127.0.0.1 for the watcher's tests and benchmarks/bench_watch.py.

`routes[path]` is a function of the request (`Hit`) returning `(status, headers,
body)`; it may sleep (a slow server). The server records every request, the largest
number in flight at once, and the bytes of the bodies it sent.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    at: float


Reply = tuple[int, dict[str, str], bytes]
Route = Callable[[Hit], Reply]


@dataclass
class Loopback:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    sent: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: Any = None

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.server.server_address[0]}:{self.port}{path}"

    def count(self, path: str) -> int:
        with self.lock:
            return sum(h.path == path for h in self.hits)

    def start(self, host: str = "127.0.0.1") -> Loopback:
        """Serve on `host` (any 127.x.y.z is loopback: a benchmark gives each "outlet"
        its own host, so the per-host rate limit applies as it would on the web)."""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                hit = Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.time())
                with owner.lock:
                    owner.hits.append(hit)
                    owner.in_flight += 1
                    owner.max_in_flight = max(owner.max_in_flight, owner.in_flight)
                try:
                    route = owner.routes.get(self.path.split("?")[0])
                    status, headers, body = route(hit) if route else (404, {}, b"not found")
                finally:
                    with owner.lock:
                        owner.in_flight -= 1
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                        with owner.lock:
                            owner.sent += len(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def http_date(epoch: float) -> str:
    return email.utils.formatdate(epoch, usegmt=True)


def rss(title: str, items: list[dict[str, str]], link: str = "https://news.example/") -> bytes:
    """An RSS 2.0 feed; each item has title, link, description, and optionally pubDate."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<rss version="2.0"><channel><title>{title}</title><link>{link}</link>',
    ]
    for it in items:
        date = f"<pubDate>{it['pubDate']}</pubDate>" if it.get("pubDate") else ""
        parts.append(
            f"<item><title>{it['title']}</title><link>{it['link']}</link>"
            f"<guid>{it['link']}</guid>{date}<description>{it['description']}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def conditional(body: bytes, etag: str | None, modified: str | None, hit: Hit) -> Reply:
    """200 with validators, or 304 when the request's validators still match."""
    headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    if etag:
        headers["ETag"] = etag
    if modified:
        headers["Last-Modified"] = modified
    if etag and hit.headers.get("if-none-match") == etag:
        return 304, headers, b""
    if not etag and modified and hit.headers.get("if-modified-since") == modified:
        return 304, headers, b""
    return 200, headers, body
