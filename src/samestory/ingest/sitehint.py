"""A site's name where its metadata gives none, or only its domain: from the page itself.

Two places name the site on nearly every news page, in its own spelling:
  * the `<title>`, as the part after the headline ("Raoult, les nazis et moi - Avocat |
    Dalloz Actualité", where og:title is the headline alone; "...城！-新华网"), taken
    when the headline is known, or when the link to the site's home page says the same
    ("<a href="/">新华网</a>");
  * the visible text, where the domain's label is written as a name: "siegessaeule.de"
    is "Siegessäule", "lastampa.it" "La Stampa".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from .build import domain_of

# Separators between a headline and the site's name; the unspaced "-" and "_" only
# right after a known headline or with a home link to confirm them ("Covid-19").
_SPACED = re.compile(r"\s+[|\-–—:·»]\s+|\s*[|｜]\s*|\s*::\s*")
_UNSPACED = re.compile(r"[|｜_\-–—]")
# A lower-case "l" standing in for a bar ("Headline l KBS WORLD"): only right after
# a known headline, where it can be nothing else.
_BAR_L = re.compile(r"\s+l\s+(?=\S)")
_MAX_WORDS = 5
_MAX_CHARS = 50
_ROOT_HREF = re.compile(r"(?:https?://[^/?#]+)?/?(?:index\.\w{2,5})?", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_NGRAM = 4
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})
# A name written inside a URL, an e-mail address or a file name is no spelling of it.
_IN_ADDRESS = frozenset("./@\\")
# Second-level labels under which a country's domains are registered ("co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "or", "ne", "net", "org", "gov", "ac", "edu"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def _folds(text: str) -> set[str]:
    """`text` folded with accents dropped and with German/Nordic transliteration
    ("Siegessäule" -> "siegessaule" and "siegessaeule")."""
    return {fold(text), fold(text.casefold().translate(_TRANSLITERATION))}


def home_names(root: Any) -> set[str]:
    """What the links to a site's home page ("/", "https://host/") say: text or image alt."""
    names: set[str] = set()
    for a in root.xpath("//a[@href]")[:2000]:
        if not _ROOT_HREF.fullmatch(a.get("href").strip()):
            continue
        text = " ".join(a.text_content().split())
        alts = [img.get("alt") or "" for img in a.iter("img")]
        names.update(fold(t) for t in (text, a.get("title") or "", *alts) if t)
    names.discard("")
    return names


def _is_name(part: str) -> bool:
    return (
        0 < len(part) <= _MAX_CHARS
        and len(part.split()) <= _MAX_WORDS
        and any(c.isalpha() for c in part)
        and not part.endswith((".", "?", "!"))
    )


def title_site(title: str, headline: str, homes: set[str], url: str | None) -> str:
    """The site's name in `title` ("Headline - Section | Site"): after `headline`, the
    part a home link or the domain confirms, else the last part ("| hessenschau.de |
    Bücher & Autoren" ends with a section); without a headline, a first or last part
    so confirmed."""
    title, headline = " ".join(title.split()), " ".join(headline.split())
    if headline and title.startswith(headline) and len(title) > len(headline):
        rest = title[len(headline) :]
        if _BAR_L.match(rest):
            rest = _BAR_L.sub(" | ", rest, count=1)
        if _SPACED.match(rest) or _UNSPACED.match(rest):
            parts = [p.strip("|｜_-–— ") for p in _SPACED.split(rest)]
            parts = [p for p in parts if _is_name(p)]
            sure = [p for p in parts if _confirmed(p, homes, url)]
            if sure or parts:
                return (sure or parts)[-1]
    for pattern in (_SPACED, _UNSPACED):
        parts = [p.strip() for p in pattern.split(title)]
        if len(parts) < 2:
            continue
        for part in (parts[-1], parts[0]):
            if _is_name(part) and _confirmed(part, homes, url):
                return part
    return ""


def _confirmed(part: str, homes: set[str], url: str | None) -> bool:
    """`part` is what the home link says, the domain's label, or the domain itself."""
    folded = fold(part)
    host = domain_of(url) or ""
    label = _label(url)
    return folded in homes or (len(folded) >= 4 and folded in (label, fold(host)))


def _label(url: str | None) -> str:
    host = domain_of(url) or ""
    parts = host.split(".")
    return fold(parts[-2]) if len(parts) >= 2 else ""


def _own_label(url: str | None) -> str:
    """The label of a site on its own domain ("siegessaeule" for www.siegessaeule.de,
    "bbc" for bbc.co.uk); "" for a site under another's domain (x.forumieren.com is
    not "Forumieren")."""
    parts = (domain_of(url) or "").split(".")
    own = len(parts) == 2 or (
        len(parts) == 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL
    )
    return fold(parts[-2]) if own else ""


def spelled_domain(url: str | None, text: str) -> str:
    """How `text` writes the domain's label as a name ("Siegessäule" for
    siegessaeule.de): the commonest run of up to 4 words that folds to the label, of
    those with a capital; "" when the text never writes it so."""
    label = _own_label(url)
    if len(label) < 4:
        return ""
    words = list(_WORD.finditer(text))
    found: Counter[str] = Counter()
    for i, first in enumerate(words):
        if not any(label.startswith(f) for f in _folds(first.group())):
            continue
        for j in range(i, min(i + _MAX_NGRAM, len(words))):
            span = text[first.start() : words[j].end()]
            folds = _folds(span)
            if label in folds:
                if _standalone(text, first.start(), words[j].end()) and span != span.lower():
                    found[span] += 1
                break
            if not any(label.startswith(f) for f in folds):
                break
            if j + 1 < len(words) and not text[words[j].end() : words[j + 1].start()].isspace():
                break  # words of one name are separated by spaces only
    return found.most_common(1)[0][0] if found else ""


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before not in _IN_ADDRESS and not (
        after in _IN_ADDRESS and text[end + 1 : end + 2].isalnum()
    )
