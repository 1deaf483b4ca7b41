"""Counting what a tolerant read leaves out.

A bulk ingest meets broken records all the time (a JSON line cut in half, a feed entry
with no text, a WARC response with garbage headers); each is skipped, counted here by
reason and by source, and logged as one warning. Records that are not articles by
design (WARC request and metadata records, redirects, images) are `ignored`: counted,
logged at debug level only, and not part of `total`. A file that gives neither an
article nor a skip (an empty feed, a `[]`, a WARC of only images) is one `no-articles`
skip, so every input file ends somewhere in the counts. A problem that loses nothing
(a `.warc.gz` whose last gzip member lacks its trailer) is a `warning`: counted and
logged, not part of `total`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    FileTooLargeError,
    InputError,
    NoMainTextError,
    UnsupportedFormatError,
)
from ..models import Article

__all__ = ["ReasonedError", "Skip", "Skips", "collect", "reason_of"]

# Reasons: short, stable keys for reports and JSON.
NO_TEXT = "no-text"  # a record with no usable article text
BAD_RECORD = "bad-record"  # invalid JSON, not an object, a malformed field
BAD_FEED = "bad-feed"  # XML that is not a well-formed RSS/Atom feed
BAD_HTTP = "bad-http"  # a WARC response whose HTTP status line or headers are garbage
BAD_ARCHIVE = "bad-archive"  # a .warc that does not start with a WARC record
TRUNCATED = "truncated"  # a file or record that ends early
UNDECODABLE = "undecodable"  # bytes that are not text, or a broken content encoding
TOO_LARGE = "too-large"  # over Settings.max_input_bytes
UNSUPPORTED = "unsupported"  # a format samestory does not read
UNREADABLE = "unreadable"  # the operating system refused to read it
FETCH_ERROR = "fetch-error"  # a URL that could not be fetched (network, HTTP status)
NO_ARTICLES = "no-articles"  # a file holding nothing that could be an article (an empty feed)
TOO_SLOW = "too-slow"  # a page whose extraction ran past Settings.extract_timeout
TOO_DEEP = "too-deep"  # a heavy page nested deeper than Settings.html_max_depth

_EXAMPLES = 5  # messages kept for a summary


@dataclass(frozen=True, slots=True)
class Skip:
    """One skipped record, kept when a caller reports items one by one (the API)."""

    source: str
    reason: str
    message: str


class Skips:
    """Skipped records counted by reason and by source; one logged warning per skip.

    >>> skips = Skips()
    >>> skips.add("feed.xml", "no-text", "feed.xml, entry 3: no article text")
    >>> skips.total, skips.by_reason["no-text"]
    (1, 1)
    """

    def __init__(self, logger: logging.Logger | None = None, *, keep: bool = False) -> None:
        self.by_reason: Counter[str] = Counter()
        self.by_source: Counter[str] = Counter()
        self.ignored: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()
        self.examples: list[str] = []
        self.files = 0  # input files opened (bulk ingest of folders)
        # Every skip, in order, when asked for: a bulk run keeps counts only.
        self.entries: list[Skip] | None = [] if keep else None
        self._log = logger or logging.getLogger("samestory.ingest")

    @property
    def total(self) -> int:
        """How many records were skipped (ignored records not included)."""
        return sum(self.by_reason.values())

    def add(self, source: str, reason: str, message: str = "") -> None:
        """Count one skipped record of `source` and log `message` (or the source) as a warning."""
        self.by_reason[reason] += 1
        self.by_source[source] += 1
        text = message or source
        if len(self.examples) < _EXAMPLES:
            self.examples.append(text)
        if self.entries is not None:
            self.entries.append(Skip(source, reason, text))
        self._log.warning("skipped (%s): %s", reason, text)

    def warn(self, source: str, reason: str, message: str) -> None:
        """Count a problem of `source` that lost no record (logged as a warning)."""
        self.warnings[reason] += 1
        if len(self.examples) < _EXAMPLES:
            self.examples.append(message)
        self._log.warning("warning (%s): %s", reason, message)

    def add_error(self, source: str, error: InputError, reason: str | None = None) -> None:
        """Count a record refused with `error`; the reason follows from its class."""
        self.add(source, reason or reason_of(error), str(error))

    def ignore(self, reason: str) -> None:
        """Count a record that is not an article by design (no warning)."""
        self.ignored[reason] += 1
        self._log.debug("ignored a record: %s", reason)

    def summary(self) -> str:
        """One line: "skipped 3 records (2 no-text, 1 bad-record)" or "no records skipped"."""
        warned = sum(self.warnings.values())
        tail = ""
        if warned:
            parts = ", ".join(f"{n} {reason}" for reason, n in self.warnings.most_common())
            tail = f"; {warned} {'warning' if warned == 1 else 'warnings'} ({parts})"
        if not self.total:
            return "no records skipped" + tail
        parts = ", ".join(f"{n} {reason}" for reason, n in self.by_reason.most_common())
        noun = "record" if self.total == 1 else "records"
        return f"skipped {self.total} {noun} ({parts})" + tail

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "by_reason": dict(self.by_reason),
            "by_source": dict(self.by_source),
            "ignored": dict(self.ignored),
            "warnings": dict(self.warnings),
            "files": self.files,
            "examples": list(self.examples),
        }

    def __repr__(self) -> str:
        return f"Skips(total={self.total}, by_reason={dict(self.by_reason)})"


def reason_of(error: InputError) -> str:
    """The skip reason that fits an exception raised while reading a record."""
    if isinstance(error, ReasonedError):
        return error.reason
    if isinstance(error, NoMainTextError | EmptyInputError):
        return NO_TEXT
    if isinstance(error, BinaryInputError):
        return UNDECODABLE
    if isinstance(error, FileTooLargeError):
        return TOO_LARGE
    if isinstance(error, UnsupportedFormatError):
        return UNSUPPORTED
    return BAD_RECORD


def collect(articles: Iterable[Article], skips: Skips, source: str, units: str) -> list[Article]:
    """The strict `read()` contract over a tolerant reader: every article, or an error.

    Raises `NoMainTextError` naming the first problem when none of the `units`
    ("entries", "records") of `source` gave an article.
    """
    found = list(articles)
    if found:
        return found
    if not skips.total:
        raise NoMainTextError(f"{source}: holds no {units} with article text")
    first = skips.examples[0] if skips.examples else ""
    raise NoMainTextError(
        f"{source}: none of its {skips.total} {units} is usable; first: {first}".rstrip()
    )


class ReasonedError(InputError):
    """An input error that knows its skip reason (a damaged archive, a failed fetch)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
