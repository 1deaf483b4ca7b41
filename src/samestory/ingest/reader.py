"""Where articles come from: a file, a folder, stdin or bytes; and which format they are."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    EmptyInputError,
    FileTooLargeError,
    InputError,
    NotFoundError,
    UnsupportedFormatError,
)
from ..models import Article
from ..settings import DEFAULT_SETTINGS, Settings
from .decode import decode_bytes
from .feeds import looks_like_feed, parse_feed
from .plaintext import parse_text
from .records import parse_json, parse_jsonl
from .warc import parse_warc, read_warc_file
from .webpage import parse_html

_log = logging.getLogger(__name__)

_Parser = Callable[..., list[Article]]
_PARSERS: dict[str, _Parser] = {
    "txt": parse_text,
    "html": parse_html,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "feed": parse_feed,
    "warc": parse_warc,
}
# Formats whose parser takes the raw bytes: the XML declaration or the WARC framing
# says how the text inside is encoded.
_BINARY = frozenset({"feed", "warc"})
_ALIASES = {
    "text": "txt",
    "htm": "html",
    "xhtml": "html",
    "ndjson": "jsonl",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",  # parse_feed checks the root element: an .xml that is no feed is refused
    "warc.gz": "warc",
}
_EXTENSIONS = ("txt", "html", "htm", "json", "jsonl", "rss", "atom", "xml", "warc", "warc.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_SNIFF_CHARS = 4096


def read(
    source: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    stdin: BinaryIO | None = None,
) -> list[Article]:
    """Articles from a file, a folder (recursive) or "-" (stdin, format sniffed)."""
    if isinstance(source, str) and source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, "-", settings.max_input_bytes)
        return read_bytes(data, name="-", settings=settings)
    if isinstance(source, str) and not source.strip():
        raise NotFoundError("no input path given; name a file or folder, or - for stdin")
    path = Path(source)
    if path.is_dir():
        return _read_folder(path, settings)
    if not path.exists():
        hint = " (URLs are fetched only by bulk ingest)" if is_url(str(source)) else ""
        raise NotFoundError(f"{path}: no such file or folder{hint}")
    fmt = format_of(path.name)
    if fmt is None:
        raise UnsupportedFormatError(
            f"{path}: unsupported file type {path.suffix or '(no extension)'!r}; use "
            f"{_extension_list()}, or pipe it to stdin with - to have the format sniffed"
        )
    return _read_file(path, fmt, settings)


def read_bytes(
    data: bytes,
    *,
    name: str = "-",
    fmt: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Article]:
    """Articles from bytes; `fmt` ("txt", "html", "json", "jsonl", "feed", "warc", or an
    extension) or the name's extension decides the format, else it is sniffed from the
    content."""
    if len(data) > settings.max_input_bytes:
        raise _too_large(name, len(data), settings)
    if fmt is not None:
        chosen = normalize_format(fmt)
        if chosen is None:
            raise UnsupportedFormatError(f"{name}: unknown format {fmt!r}; use {_extension_list()}")
    else:
        chosen = format_of(name) if name != "-" else None
    chosen = chosen or sniff_bytes(data)
    if chosen in _BINARY:
        return _PARSERS[chosen](data, source=name, settings=settings)
    text = decode_bytes(data, name, max_chaos=settings.decode_max_chaos)
    return _PARSERS[chosen or sniff_format(text)](text, source=name, settings=settings)


def sniff_bytes(data: bytes) -> str | None:
    """ "warc" for a WARC record or gzip data, "feed" for an RSS/Atom root, else None."""
    if data.startswith(b"WARC/") or data.startswith(_GZIP_MAGIC):
        return "warc"
    head = data[:_SNIFF_CHARS].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    return "feed" if looks_like_feed(head) else None


def sniff_format(text: str) -> str:
    """ "json" for text starting with { or [, "feed" for RSS/Atom, "html" for markup,
    else "txt"."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if head[:1] in ("{", "["):
        return "json"  # JSON Lines are recognised while parsing ("Extra data")
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return "html"
    return "txt"


def _read_file(path: Path, fmt: str, settings: Settings) -> list[Article]:
    if fmt == "warc":
        check_size(path, None)
        return read_warc_file(path, settings)  # streamed: no whole-file size limit
    data = load_file(path, settings)
    return read_bytes(data, name=str(path), fmt=fmt, settings=settings)


def load_file(path: Path, settings: Settings) -> bytes:
    """The bytes of a file of at most `max_input_bytes`; `InputError` otherwise."""
    name = str(path)
    try:
        # stat first: a huge file is refused without being read.
        check_size(path, settings)
        with path.open("rb") as fh:
            return _read_limited(fh, name, settings.max_input_bytes)
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None


def check_size(path: Path, settings: Settings | None) -> None:
    """`EmptyInputError` for an empty file; `FileTooLargeError` when over the limit
    (no limit without `settings`)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if settings is not None and size > settings.max_input_bytes:
        raise _too_large(name, size, settings)
    if size == 0 and path.is_file():
        raise EmptyInputError(f"{name}: the file is empty")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _read_folder(folder: Path, settings: Settings) -> list[Article]:
    """Every supported file below `folder`, in path order; bad files are skipped."""
    files = walk(folder)
    if not files:
        raise EmptyInputError(f"{folder}: the folder holds no {_extension_list()} files")
    articles: list[Article] = []
    skipped: list[str] = []
    for path in files:
        fmt = format_of(path.name)
        assert fmt is not None  # _walk only yields supported files
        try:
            articles.extend(_read_file(path, fmt, settings))
        except InputError as e:
            # One broken file in a crawl folder should not stop the other thousand.
            skipped.append(str(e))
            _log.warning("skipped %s", e)
    if not articles:
        raise EmptyInputError(
            f"{folder}: none of its {len(files)} files could be read; first: {skipped[0]}"
        )
    return articles


def walk(folder: Path) -> list[Path]:
    """Every readable file below `folder` (hidden ones left out), in path order."""
    files = _walk(folder)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def walk_every(folder: Path) -> tuple[list[Path], int]:
    """Every file below `folder` whatever its type, in path order, and how many hidden
    files and folders were left out (bulk ingest counts them all)."""
    found: list[Path] = []
    hidden = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        hidden += sum(d.startswith(".") for d in dirs) + sum(n.startswith(".") for n in names)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, n) for n in names if not n.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix()), hidden


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, n) for n in names if not n.startswith(".") and format_of(n) is not None
        )
    return found


def _read_limited(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most `limit` bytes; one byte more means too large (works for pipes)."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise FileTooLargeError(
            f"{name}: more than {limit} bytes (max_input_bytes); send one article at a "
            "time or raise SAMESTORY_MAX_INPUT_BYTES"
        )
    return b"".join(chunks)


def _too_large(name: str, size: int, settings: Settings) -> FileTooLargeError:
    return FileTooLargeError(
        f"{name}: {size} bytes is over the {settings.max_input_bytes}-byte limit "
        "(max_input_bytes); split it or raise SAMESTORY_MAX_INPUT_BYTES"
    )


def format_of(name: str) -> str | None:
    """The format a file name's extension stands for, or None."""
    if name.lower().endswith(".warc.gz"):
        return "warc"
    _, dot, ext = name.rpartition(".")
    return normalize_format(ext) if dot else None


def normalize_format(fmt: str) -> str | None:
    fmt = fmt.lower().lstrip(".")
    fmt = _ALIASES.get(fmt, fmt)
    return fmt if fmt in _PARSERS else None


def _extension_list() -> str:
    return "/".join(f".{e}" for e in _EXTENSIONS)
