"""A deadline and a memory cap for the extraction of a heavy HTML page.

trafilatura's time grows faster than linearly with a page's element count (40,000
paragraphs: ~30 s on 2 cores), and lxml cannot be interrupted from Python. So a page
over `extract_isolate_tags` tags or `extract_isolate_bytes` bytes is extracted in a
child process (a fork, a few ms) that is killed after
`extract_timeout` seconds and whose address space is capped at
`extract_max_memory_mb`; either ends in a counted skip (`too-slow`, `too-large`),
never a hung worker. Ordinary pages (90% of real ones have under 3,300 tags) stay in
process.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from .. import errors
from ..errors import InputError
from ..models import Article
from ..settings import Settings
from .skips import TOO_DEEP, TOO_LARGE, TOO_SLOW, ReasonedError, reason_of

__all__ = ["is_heavy", "parse_bounded"]

_context: Any = None
_Parse = Callable[..., list[Article]]
_FORK = "fork" in mp.get_all_start_methods()


def is_heavy(html: str, settings: Settings) -> bool:
    """Whether the page goes to a child process (never with extract_timeout 0)."""
    if settings.extract_timeout <= 0 or not _FORK or mp.current_process().daemon:
        return False  # a daemonic worker (a multiprocessing pool) may not fork children
    return len(html) > settings.extract_isolate_bytes or (
        html.count("<") > settings.extract_isolate_tags
    )


def parse_bounded(parse: _Parse, html: str, *, source: str, settings: Settings) -> list[Article]:
    """`parse(html, ...)` (webpage.parse_page) in a child process with a deadline and a
    memory cap."""
    ctx = _fork_context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, parse, html, source, settings), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(settings.extract_timeout):
            raise ReasonedError(
                f"{source}: extracting the page's text took over {settings.extract_timeout:g} s "
                "(extract_timeout); the page is skipped",
                TOO_SLOW,
            )
        result = receiver.recv()
    except EOFError:
        raise _out_of_memory(source, settings) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    return _unpack(result, source, settings)


def _fork_context() -> Any:
    global _context
    if _context is None:
        # fork, not spawn or forkserver: no import of the caller's main script in the
        # child, and the page is not pickled. A lock that another thread held at the
        # fork can only stall the child, and the deadline ends that too.
        _context = mp.get_context("fork")
    return _context


def _address_space() -> int:
    """This process's virtual size in bytes (the child inherits it)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(sender: Connection, parse: _Parse, html: str, source: str, settings: Settings) -> None:
    extra = settings.extract_max_memory_mb * 1024 * 1024
    base = _address_space()
    if extra > 0 and base > 0:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = base + extra if hard == resource.RLIM_INFINITY else min(hard, base + extra)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    result: tuple[Any, ...]
    try:
        _check_depth(html, source, settings.html_max_depth)
        result = ("ok", parse(html, source=source, settings=settings))
    except InputError as e:
        result = ("error", type(e).__name__, str(e), reason_of(e))
    except MemoryError:
        result = ("memory",)
    except Exception as e:  # reported like a parent-side crash, with its type
        result = ("crash", f"{type(e).__name__}: {e}")
    sender.send(result)
    sender.close()


def _check_depth(html: str, source: str, limit: int) -> None:
    """`too-deep` for a page whose elements nest deeper than `limit` (no news page does;
    lxml would cut it off at 256 and trafilatura extract a fragment)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return  # trafilatura's own parse decides
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                raise ReasonedError(
                    f"{source}: elements nested over {limit} deep (html_max_depth); "
                    "not an article page",
                    TOO_DEEP,
                )


def _unpack(result: tuple[Any, ...], source: str, settings: Settings) -> list[Article]:
    kind = result[0]
    if kind == "ok":
        articles: list[Article] = result[1]
        return articles
    if kind == "memory":
        raise _out_of_memory(source, settings)
    if kind == "crash":
        raise RuntimeError(f"{source}: extraction failed in the child process: {result[1]}")
    _, name, message, reason = result
    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, InputError):
        error: InputError = cls(message)
        if reason_of(error) == reason:
            raise error
    raise ReasonedError(message, reason)


def _out_of_memory(source: str, settings: Settings) -> ReasonedError:
    return ReasonedError(
        f"{source}: extracting the page's text needed over {settings.extract_max_memory_mb} MB "
        "(extract_max_memory_mb); the page is skipped",
        TOO_LARGE,
    )
