"""WARC and WARC.gz files (warcio), e.g. Common Crawl CC-NEWS: one article per HTML page.

Only `response` records with a 2xx HTTP status (206 partial content excepted) and an
HTML content type are read; request, metadata, revisit and warcinfo records,
redirects, errors and non-HTML responses (images, robots.txt) are `ignored` — counted,
not warned about. Each page goes through the same trafilatura path as an `.html` file;
then url is the `WARC-Target-URI`, outlet its domain ("www.example.org" ->
"example.org", the same key for every page of a site), published the page's own date
or, failing that, the `WARC-Date` (the crawl time), language the page's, else the
HTTP `Content-Language`.

The file is streamed record by record (one page in memory at a time). Malformed
records — garbage HTTP headers, an undecodable or empty body, no main text, a page
over `max_input_bytes` — are skipped and counted; a truncated file (a record or gzip
member that ends early) ends the iteration with one counted skip, never an
exception; a last gzip member that lacks only its trailer (every record read) and a
record not followed by the blank line that ends it (a wrong Content-Length) are
counted warnings. warcio's own messages on stderr are silenced: they are in the counts.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.utils import BUFF_SIZE

from ..errors import InputError
from ..models import Article
from ..settings import Settings
from .build import domain_of, normalize_language
from .decode import decode_bytes
from .skips import (
    BAD_ARCHIVE,
    BAD_HTTP,
    TOO_LARGE,
    TRUNCATED,
    UNDECODABLE,
    UNREADABLE,
    ReasonedError,
    Skips,
    collect,
)
from .webpage import parse_html

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_AS_CP1252 = frozenset({"latin-1", "iso8859-1", "ascii"})
_DRAIN = 1 << 16


class _QuietReader(DecompressingBufferedReader):
    """warcio's reader, noting a damaged gzip member instead of printing to stderr."""

    damaged = False

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor and data and self.num_block_read:
            try:
                return bytes(self.decompressor.decompress(data))
            except zlib.error:
                self.damaged = True
                return b""
        return bytes(super()._decompress(data))


class _Archive(WARCIterator):
    """warcio's iterator without its stderr warnings: each is counted instead."""

    INC_RECORD = ""  # "Record not followed by newline": counted from err_count
    cut_member = False  # the last gzip member ended before its trailer

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(stream)
        self.reader: Any = _QuietReader(self.fh, block_size=BUFF_SIZE)

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and not decompressor.eof:
            self.cut_member = True
        super().close()


def parse_warc(data: bytes, *, source: str, settings: Settings) -> list[Article]:
    """Every usable page of a WARC held in memory (stdin, an upload)."""
    skips = Skips()
    articles = iter_warc(io.BytesIO(data), source=source, settings=settings, skips=skips)
    return collect(articles, skips, source, "records")


def read_warc_file(path: Path, settings: Settings) -> list[Article]:
    """Every usable page of a WARC file, streamed; `InputError` when none is usable."""
    skips = Skips()
    articles = iter_warc_file(path, settings=settings, skips=skips)
    return collect(articles, skips, str(path), "records")


def iter_warc_file(path: Path, *, settings: Settings, skips: Skips) -> Iterator[Article]:
    """`iter_warc` over a file; `InputError` when it cannot be opened or is not a WARC."""
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as e:
        raise ReasonedError(f"{name}: cannot be read ({e.strerror or e})", UNREADABLE) from None
    with fh:
        yield from iter_warc(fh, source=name, settings=settings, skips=skips)


def iter_warc(
    stream: BinaryIO, *, source: str, settings: Settings, skips: Skips
) -> Iterator[Article]:
    """Articles from the HTML responses of a WARC stream (plain or gzip members).

    Raises `InputError` when the stream does not start with a WARC record; damage
    after the first record is counted in `skips` and ends the iteration.
    """
    archive = _Archive(stream)
    reader = archive.reader  # warcio drops it at the end
    number = 0
    errors = 0
    while True:
        try:
            record = next(archive)
        except StopIteration:
            _warn_misframed(archive, errors, number, source, skips)
            if _leftover(archive):  # cut inside the WARC headers of a record
                skips.add(source, TRUNCATED, f"{source}: the file ends inside record {number + 1}")
            elif archive.cut_member or reader.damaged:
                skips.warn(
                    source,
                    TRUNCATED,
                    f"{source}: the file ends before its last gzip member does (truncated); "
                    f"the {number} records before were read",
                )
            return
        except Exception as e:  # warcio reports damage as many exception types
            # warcio quotes the bad bytes it met, decoded as Latin-1: shown escaped, so a
            # binary file's skip reason stays one readable line
            said = " ".join(str(e).split())[:200].encode("ascii", "backslashreplace").decode()
            detail = f"{type(e).__name__}: {said}"
            if number == 0:
                raise ReasonedError(f"{source}: not a WARC file ({detail})", BAD_ARCHIVE) from None
            skips.add(
                source,
                TRUNCATED,
                f"{source}: truncated or damaged after record {number} ({detail}); "
                "the rest of the file is not read",
            )
            return
        errors = _warn_misframed(archive, errors, number, source, skips)
        number += 1
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        where = f"{source}, record {number} ({uri or 'no WARC-Target-URI'})"
        length = record.rec_headers.get_header("Content-Length") or ""
        if not record.rec_type or not length.strip().isdigit():
            # No length: warcio reads to the end of the file, so nothing after is usable.
            skips.add(source, TRUNCATED, f"{where}: incomplete WARC headers; the file is cut off")
            return
        if int(length) > settings.warc_max_record_bytes:
            skips.add(source, TOO_LARGE, _oversized(where, int(length), settings))
            return
        result: Article | str | InputError
        if record.rec_type != "response":
            result = f"warc-{record.rec_type}"
        else:
            try:
                result = _page(record, uri, where, source, settings)
            except InputError as e:
                result = e
        # A record that ends early is the end of a cut-off file, whatever it held.
        if _is_cut(record):
            skips.add(source, TRUNCATED, f"{where}: the record is cut off; the file is truncated")
            return
        if isinstance(result, str):
            skips.ignore(result)
        elif isinstance(result, InputError):
            skips.add_error(source, result)
        else:
            yield result


def _oversized(where: str, length: int, settings: Settings) -> str:
    # Skipping the block would mean inflating it (a gzip bomb): the file ends here.
    return (
        f"{where}: the record declares {length} bytes, over warc_max_record_bytes "
        f"({settings.warc_max_record_bytes}); the rest of the file is not read"
    )


def _page(record: Any, uri: str, where: str, source: str, settings: Settings) -> Article | str:
    """The article of one response record, or why the record is ignored by design."""
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if not status or not status.isdigit() or not http.protocol.upper().startswith("HTTP/"):
        raise ReasonedError(f"{where}: no valid HTTP status line in the response", BAD_HTTP)
    code = int(status)
    if not 200 <= code < 300 or code == 206:
        return f"http-{code // 100}xx" if code != 206 else "http-206"
    content_type = http.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        return "not-html"
    payload = _payload(record, where, settings)
    if not mime and not _HTML_START.match(payload[:4096]):
        return "not-html"
    html = _decode(payload, content_type, where)
    [article] = parse_html(html, source=where, settings=settings)
    return dataclasses.replace(
        article,
        url=uri or article.url,
        outlet=domain_of(uri) or article.outlet,
        published=article.published or _warc_date(record),
        language=article.language or normalize_language(http.get_header("Content-Language")),
        source=source,
    )


def _payload(record: Any, where: str, settings: Settings) -> bytes:
    limit = settings.max_input_bytes
    try:
        payload: bytes = record.content_stream().read(limit + 1)
    except Exception as e:  # chunked or content-encoding damage; the types vary
        raise ReasonedError(
            f"{where}: the response body cannot be decoded ({type(e).__name__})", UNDECODABLE
        ) from None
    if len(payload) > limit:
        raise ReasonedError(f"{where}: the page is over {limit} bytes (max_input_bytes)", TOO_LARGE)
    return payload


def _is_cut(record: Any) -> bool:
    """Whether the record's block ends before its Content-Length (reads what is left)."""
    raw = record.raw_stream
    try:
        while raw.read(_DRAIN):
            pass
    except Exception:  # a gzip member cut mid-stream can fail in several ways
        return True
    return bool(getattr(raw, "limit", 0) > 0)


def _warn_misframed(archive: _Archive, seen: int, number: int, source: str, skips: Skips) -> int:
    """A warning per record warcio found not followed by its blank line; the new count."""
    for _ in range(archive.err_count - seen):
        skips.warn(
            source,
            BAD_ARCHIVE,
            f"{source}, record {number}: not followed by the blank line that ends a WARC "
            "record (a wrong Content-Length?); the page may be cut",
        )
    return int(archive.err_count)


def _leftover(archive: Any) -> bool:
    """Bytes after the last complete record that did not make a record."""
    try:
        return bool(archive.offset < archive.fh.tell())
    except (AttributeError, OSError, ValueError):
        return False


def _decode(payload: bytes, content_type: str, where: str) -> str:
    m = _CHARSET.search(content_type)
    if m and payload and not _is_utf8(payload):
        try:
            codec = codecs.lookup(m.group(1)).name
            return payload.decode("cp1252" if codec in _AS_CP1252 else codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: let detection decide
    return decode_bytes(payload, where)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _warc_date(record: Any) -> dt.datetime | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
