"""Reading articles: files, folders, stdin, bytes or URLs in, cleaned `Article`s out.

    read("a.txt")                      one article
    read("crawl/")                     every supported file below, sorted
    read("-", stdin=sys.stdin.buffer)  format sniffed from the content
    read_bytes(body, name="post.html") the same from bytes (a REST upload)

    skips = Skips()                    bulk ingest: streaming and tolerant
    for article in iter_read("cc-news.warc.gz", skips=skips): ...
    skips.total, skips.by_reason       what was left out, and why

`read` / `read_bytes` are strict: every failure is an `InputError` (or
`NotFoundError`) whose one-line message names the input; in a folder, a JSON list or
a file of several records, a bad file or record is skipped with a logged warning
unless nothing is left. `iter_read` never fails on bad data: each broken file, record,
entry, response or URL is counted in `Skips` (by reason and by source) and logged,
and the iteration goes on; only a source that does not exist or has an unsupported
type raises, at call time. WARC files and JSON Lines are streamed; `iter_read` also
fetches http(s) URLs (a page or a feed) with httpx.

Formats (by extension; stdin and URLs are sniffed from the content or Content-Type):

    .txt               title line, optional short lede paragraph, body
    .html .htm         main text by trafilatura; date, outlet and title from the
                       page's JSON-LD and meta tags (see webpage, pagemeta)
    .json .jsonl       an object, a list, or one object a line, with `title`,
                       `text`/`body`/`content`, `lede`, `url`, `published`/`date`,
                       `outlet`/`source`/`site`, `language`/`lang`
    .rss .atom .xml    RSS 0.9x/1.0/2.0 or Atom (feedparser), one article per entry;
                       an .xml that is not a feed is refused
    .warc .warc.gz     HTML `response` records with a 2xx status (e.g. CC-NEWS)
"""

from __future__ import annotations

from .bulk import iter_read
from .clean import clean_text
from .reader import read, read_bytes
from .skips import Skips

__all__ = ["Skips", "clean_text", "iter_read", "read", "read_bytes"]
