"""The SAX driver feedparser reads feeds with: the standard expat reader, with expat's
text buffered (`buffer_text`), so that a run of text reaches feedparser as one piece.

Unbuffered, expat hands over text piece by piece: each entity reference, each line,
each chunk of an entity's replacement text is one call into feedparser's Python
handler. An entity expansion ("billion laughs") is refused by expat's amplification
limit only after a few megabytes of output, which cost about a million such calls
(most of a second per feed); buffered, a few hundred. The text feedparser builds is the
same: it joins the pieces, and expat flushes the buffer before every other event.
"""

from __future__ import annotations

from typing import Any
from xml.sax import expatreader

__all__ = ["BufferedExpatParser", "create_parser"]


class BufferedExpatParser(expatreader.ExpatParser):
    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True  # type: ignore[attr-defined]  # set by reset()


def create_parser(*args: Any, **kwargs: Any) -> BufferedExpatParser:
    """The driver entry point `xml.sax.make_parser` calls."""
    return BufferedExpatParser(*args, **kwargs)
