"""watch: follow a list of sources (feeds, news sitemaps, pages, folders) on schedule.

    table = SourceTable(store)                       # store/sources.py: the source list
    table.add("https://example.org/feed.xml", every_s=600)
    watcher = Watcher(engine, store)                 # polls what is due, ingests what is new
    watcher.run(stop_event)                          # until SIGTERM

http.py is the polite, bounded HTTP client (conditional GET, rate limit, retries,
robots.txt, the API's refusal of private addresses); kinds.py reads one poll of one
source into articles; watcher.py schedules the polls and ingests through
`samestory.stream.StoryIngest`, exactly like `samestory ingest`.
"""

from __future__ import annotations

from .http import Answer, Fetcher, FetchError
from .kinds import Outcome, poll
from .sources import add_source, parse_every
from .watcher import Polled, Watcher, next_poll

__all__ = [
    "Answer",
    "FetchError",
    "Fetcher",
    "Outcome",
    "Polled",
    "Watcher",
    "add_source",
    "next_poll",
    "parse_every",
    "poll",
]
