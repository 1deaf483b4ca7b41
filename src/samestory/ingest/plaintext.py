"""Plain text: the first line is the title, a short second paragraph the lede, the rest the body.

Two layouts occur: paragraphs separated by blank lines (hand-written files, wire
copy), and one paragraph per line with no blank line at all (text copied out of a
browser, like the second seed file). Lines inside a blank-line paragraph that were
hard-wrapped (a line without final punctuation followed by a lowercase start) are
joined back, since every newline later counts as a paragraph break.
"""

from __future__ import annotations

import re

from ..models import Article
from ..settings import Settings
from .build import build_article
from .clean import clean_text
from .decode import normalize_text

# A first line this long is a paragraph that lost its title, not a headline.
_MAX_TITLE_CHARS = 300
_BLANK_LINE = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?:;»\"”’)\]…]$")


def parse_text(text: str, *, source: str, settings: Settings) -> list[Article]:
    # Clean before picking the title: a file may start with a boilerplate line.
    text = clean_text(normalize_text(text))
    title, rest = _split_title(text)
    paragraphs = _paragraphs(rest)
    lede = ""
    if title and len(paragraphs) >= 2 and len(paragraphs[0]) <= settings.lede_max_chars:
        lede, paragraphs = paragraphs[0], paragraphs[1:]
    return [
        build_article(
            title=title,
            lede=lede,
            body="\n\n".join(paragraphs),
            source=source,
            settings=settings,
        )
    ]


def _split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if not rest.strip() or len(first) > _MAX_TITLE_CHARS:
        return "", text  # a lone line or a long first line is all body
    return first.strip(), rest


def _paragraphs(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    if not _BLANK_LINE.search(text):
        return [line.strip() for line in text.split("\n") if line.strip()]
    return [_unwrap(block) for block in _BLANK_LINE.split(text) if block.strip()]


def _unwrap(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    out = [lines[0]]
    for line in lines[1:]:
        if not _SENTENCE_END.search(out[-1]) and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
