"""Bulk ingest: a tolerant, streaming reader over every input format.

`iter_read` yields articles one at a time and never fails on bad data: a broken
file, record, feed entry, WARC response or URL is skipped, counted in a `Skips`
(by reason and by source) and logged as a warning. Only what the caller got wrong
raises, at call time: a path that does not exist, a file type samestory does not
read, a URL when httpx is not installed.

Memory stays flat for the big formats: WARC files are streamed record by record and
JSON Lines line by line, with no whole-file size limit (`max_input_bytes` caps one
record). Other files, stdin and URLs are read whole, up to `max_input_bytes`.

Every input is accounted for: a folder's files of other types are `unsupported`
skips (hidden ones are `ignored`), and an input that gave neither an article nor a
skip (an empty feed, a `[]`, a WARC of images only) is one `no-articles` skip.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import FileTooLargeError, InputError, NotFoundError, UnsupportedFormatError
from ..models import Article
from ..settings import DEFAULT_SETTINGS, Settings
from .build import domain_of
from .decode import decode_bytes
from .feeds import iter_feed
from .fetch import fetch, httpx_available
from .reader import (
    _BINARY,
    _CHUNK,
    _PARSERS,
    _extension_list,
    _read_limited,
    check_size,
    format_of,
    is_url,
    load_file,
    normalize_format,
    sniff_bytes,
    sniff_format,
    walk_every,
)
from .records import iter_json, iter_records, jsonl_items
from .skips import NO_ARTICLES, TOO_LARGE, UNDECODABLE, UNREADABLE, UNSUPPORTED, Skips
from .warc import iter_warc, iter_warc_file

__all__ = ["iter_bytes", "iter_read"]

_log = logging.getLogger(__name__)
_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32: not line-streamable, read whole


def iter_read(
    source: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    skips: Skips | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Articles from a file, a folder (recursive, sorted), "-" (stdin) or an http(s) URL.

    Bad records and files are counted in `skips` (pass one to read the counts
    afterwards) and logged; the iteration goes on. Raises `NotFoundError`,
    `UnsupportedFormatError` or `InputError` at once, before any reading, when the
    source itself is wrong.
    """
    skips = skips if skips is not None else Skips()
    if isinstance(source, str) and is_url(source):
        if not httpx_available():
            raise InputError(f"{source}: reading URLs needs httpx (pip install httpx)")
        return _iter_url(source, settings, skips)
    if isinstance(source, str) and source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _iter_stream(stream, settings, skips)
    if isinstance(source, str) and not source.strip():
        raise NotFoundError("no input path given; name a file, folder or URL, or - for stdin")
    path = Path(source)
    if path.is_dir():
        return _iter_folder(path, settings, skips)
    if not path.exists():
        raise NotFoundError(f"{path}: no such file or folder")
    fmt = format_of(path.name)
    if fmt is None:
        raise UnsupportedFormatError(
            f"{path}: unsupported file type {path.suffix or '(no extension)'!r}; use "
            f"{_extension_list()}"
        )
    return _iter_file(path, fmt, settings, skips)


def iter_bytes(
    data: bytes,
    name: str,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    skips: Skips,
    fmt: str | None = None,
) -> Iterator[Article]:
    """Articles of one input held in memory (an upload); its format from `fmt`, else
    the name's extension, else sniffed. Never raises on bad data: all goes to `skips`."""
    chosen = normalize_format(fmt) if fmt else format_of(name)
    skips.files += 1

    def articles() -> Iterator[Article]:
        try:
            if len(data) > settings.max_input_bytes:
                raise FileTooLargeError(
                    f"{name}: {len(data)} bytes is over the {settings.max_input_bytes}-byte "
                    "limit (max_input_bytes)"
                )
            yield from _iter_bytes(data, name, chosen, settings, skips)
        except InputError as e:
            skips.add_error(name, e)

    return _accounted(articles(), name, skips)


def _iter_folder(folder: Path, settings: Settings, skips: Skips) -> Iterator[Article]:
    files, hidden = walk_every(folder)
    for _ in range(hidden):
        skips.ignore("hidden-file")
    if not files:
        _log.warning("%s: the folder holds no %s files", folder, _extension_list())
    for path in files:
        fmt = format_of(path.name)
        if fmt is None:
            skips.files += 1
            skips.add(str(path), UNSUPPORTED, f"{path}: {_unsupported(path)}")
            continue
        yield from _iter_file(path, fmt, settings, skips)


def _unsupported(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".arc", ".arc.gz")):
        return "an ARC file (the format before WARC), which samestory does not read"
    kind = path.suffix or "(no extension)"
    return f"not an input format ({kind!r}; samestory reads {_extension_list()})"


def _accounted(articles: Iterator[Article], name: str, skips: Skips) -> Iterator[Article]:
    """`articles`, and one `no-articles` skip if the input gave neither an article nor a
    skip: then it would appear nowhere in the counts."""
    before, ignored = skips.total, sum(skips.ignored.values())
    yielded = False
    for article in articles:
        yielded = True
        yield article
    if yielded or skips.total > before:
        return
    passed = sum(skips.ignored.values()) - ignored
    detail = f" ({passed} records of other kinds, e.g. images or requests)" if passed else ""
    skips.add(name, NO_ARTICLES, f"{name}: holds no article{detail}")


def _iter_file(path: Path, fmt: str, settings: Settings, skips: Skips) -> Iterator[Article]:
    skips.files += 1
    yield from _accounted(_iter_file_raw(path, fmt, settings, skips), str(path), skips)


def _iter_file_raw(path: Path, fmt: str, settings: Settings, skips: Skips) -> Iterator[Article]:
    name = str(path)
    try:
        if fmt == "warc":
            check_size(path, None)  # streamed: an empty file, but no size, is an error
            yield from iter_warc_file(path, settings=settings, skips=skips)
        elif fmt == "jsonl":
            check_size(path, None)
            yield from _iter_jsonl_file(path, settings, skips)
        else:
            data = load_file(path, settings)
            yield from _iter_bytes(data, name, fmt, settings, skips)
    except InputError as e:
        # One broken file in a crawl folder must not stop the other thousand.
        skips.add_error(name, e)
    except OSError as e:  # e.g. an I/O error half-way through a big file
        skips.add(name, UNREADABLE, f"{name}: cannot be read ({e.strerror or e})")


def _iter_stream(stream: BinaryIO, settings: Settings, skips: Skips) -> Iterator[Article]:
    yield from _accounted(_iter_stream_raw(stream, settings, skips), "-", skips)


def _iter_stream_raw(stream: BinaryIO, settings: Settings, skips: Skips) -> Iterator[Article]:
    try:
        data = _read_limited(stream, "-", settings.max_input_bytes)
        yield from _iter_bytes(data, "-", None, settings, skips)
    except InputError as e:
        skips.add_error("-", e)


def _iter_url(url: str, settings: Settings, skips: Skips) -> Iterator[Article]:
    yield from _accounted(_iter_url_raw(url, settings, skips), url, skips)


def _iter_url_raw(url: str, settings: Settings, skips: Skips) -> Iterator[Article]:
    try:
        got = fetch(url, settings)
        fmt = got.fmt or format_of(got.path.rsplit("/", 1)[-1])
        yield from _iter_bytes(got.data, url, fmt, settings, skips, base_url=got.url)
    except InputError as e:
        skips.add_error(url, e)


def _iter_bytes(
    data: bytes,
    name: str,
    fmt: str | None,
    settings: Settings,
    skips: Skips,
    *,
    base_url: str | None = None,
) -> Iterator[Article]:
    """Articles from a whole input in memory, bad records counted in `skips`.

    Raises `InputError` when the input as a whole is unusable (one skip to count).
    """
    fmt = fmt or sniff_bytes(data)
    if fmt == "warc":
        yield from iter_warc(io.BytesIO(data), source=name, settings=settings, skips=skips)
        return
    if fmt == "feed":
        yield from iter_feed(data, source=name, settings=settings, skips=skips, base_url=base_url)
        return
    assert fmt is None or fmt not in _BINARY
    text = decode_bytes(data, name, max_chaos=settings.decode_max_chaos)
    fmt = fmt or sniff_format(text)
    if fmt == "feed":  # a feed in an encoding the byte sniffer missed (UTF-16)
        yield from iter_feed(text, source=name, settings=settings, skips=skips, base_url=base_url)
    elif fmt in ("json", "jsonl"):
        yield from iter_json(text, source=name, settings=settings, skips=skips)
    else:
        for article in _PARSERS[fmt](text, source=name, settings=settings):
            if base_url:  # a page fetched from a URL: the URL says where it lives
                article = dataclasses.replace(
                    article,
                    url=article.url or base_url,
                    outlet=article.outlet or domain_of(base_url),
                )
            yield article


def _iter_jsonl_file(path: Path, settings: Settings, skips: Skips) -> Iterator[Article]:
    """JSON Lines read line by line: any file size, one line in memory at a time."""
    name = str(path)
    limit = settings.max_input_bytes
    try:
        fh = path.open("rb")
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    with fh:
        if fh.read(2) in _WIDE_BOMS:
            fh.close()
            yield from _iter_bytes(load_file(path, settings), name, "jsonl", settings, skips)
            return
        fh.seek(0)
        lineno = 0
        while raw := fh.readline(limit + 1):
            lineno += 1
            if lineno == 1:
                raw = raw.removeprefix(_UTF8_BOM)
            if len(raw) > limit:
                _skip_rest_of_line(fh, raw)
                skips.add(name, TOO_LARGE, f"{name}, line {lineno}: over {limit} bytes")
                continue
            line = _decode_line(raw, name, lineno, skips)
            if line is None:
                continue
            items = jsonl_items([(lineno, line)], name)
            yield from iter_records(items, source=name, settings=settings, skips=skips)


def _decode_line(raw: bytes, name: str, lineno: int, skips: Skips) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not raw.strip():
        return ""
    try:
        return decode_bytes(raw, f"{name}, line {lineno}")
    except InputError as e:
        skips.add_error(name, e, UNDECODABLE)
        return None


def _skip_rest_of_line(fh: BinaryIO, raw: bytes) -> None:
    while not raw.endswith(b"\n"):
        raw = fh.readline(_CHUNK)
        if not raw:
            return
