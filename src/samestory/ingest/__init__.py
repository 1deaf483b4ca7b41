"""Reading articles: files, folders, stdin or bytes in, cleaned `Article`s out.

    read("a.txt")                      one article
    read("crawl/")                     every .txt/.html/.htm/.json/.jsonl below, sorted
    read("-", stdin=sys.stdin.buffer)  format sniffed from the content
    read_bytes(body, name="post.html") the same from bytes (a REST upload)

Formats: plain text (title line, optional short lede paragraph, body), HTML (main
text and metadata by trafilatura), JSON (an object or a list) and JSON Lines with
`title`, `text`/`body`/`content`, `lede`, `url`, `published`/`date`,
`outlet`/`source`/`site`, `language`/`lang`. Every failure is an `InputError` (or
`NotFoundError`) whose one-line message names the input.
"""

from __future__ import annotations

from .clean import clean_text
from .reader import read, read_bytes

__all__ = ["clean_text", "read", "read_bytes"]
