"""Boilerplate removal: the lines and glued phrases scraping leaves around article text.

Phrases come from `lang/<code>/boilerplate.py` (`BOILERPLATE`, case-insensitive
regexes; `LINES`, patterns that only ever match a whole line, such as newsletter
invitations and feed footers). The language of a text is only known after analysis,
so the union of every readable language's list (`lang.READABLE`) always applies;
`language` can only add a list, never narrow it.

A phrase is removed in three places, and nowhere else, so that it survives inside
ordinary prose ("Read more about the budget in the annex" stays):

1. A whole line of at most `_MAX_LINE` characters that is the phrase, optionally
   followed by a separator (":", "|", ">", "»", "-", "(", ...) and a short tail
   ("Lire aussi : Vaccination des enfants ..."), once trailing social-network names
   and punctuation are set aside ("Partager sur Facebook Twitter"). A line of only
   social-network names goes too.
2. The phrase glued, without a space, to the start of a line and followed by a capital
   ("Laisser un commentaireEn Azerbaïdjan" -> "En Azerbaïdjan"): page scrapers drop the
   line break between a link and the next paragraph.
3. The phrase glued to the end of a line right after sentence-final punctuation, or
   after a lowercase letter when the phrase starts with a capital ("...the money.Share").

Glued single words shorter than `_MIN_GLUED` characters are left alone ("Ad" in
"AdNews", "Share" in "ShareChat"): the case change alone does not prove a seam.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang

__all__ = ["clean_text"]

_MAX_LINE = 200
_MIN_GLUED = 7
_END_WINDOW = 160  # how far from a line's end a glued trailing phrase may start

# Brand names are the same in every language, so they live here, not in lang/.
_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|e-?mail|pinterest|telegram|reddit|messenger|"
    r"flipboard|xing|bluesky|threads|mastodon|instagram|youtube|tiktok|snapchat|"
    r"google\+?|tumblr|vk|viber|sms|rss|print|imprimer|drucken|imprimir|copy link|"
    r"copier le lien|link kopieren|copiar enlace"
)
_SOCIAL_TAIL = re.compile(rf"(?:[\s,;:|/·•]*\b(?:{_SOCIAL})\b)+[\s,;:|/·•.]*$", re.IGNORECASE)
_TRAILING_PUNCT = re.compile(r"[\s:;,.!|>»›•·…\-–—]+$")
# Dashes only separate with a space before them: "Home-grown", "Ad-hoc" are prose.
_SEPARATED_TAIL = r"(?:\s*[:|>»›•·/(].*|\s+[\-–—].*)?"
_UNIVERSAL: tuple[str, ...] = (
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))[^\n]*",
    r"[*•·\-–—_=~]{3,}",  # separator rules between page blocks
)
# Whole lines in any language: an agency's signature ("aja/PAP", "(dpa/afp)").
_UNIVERSAL_LINES: tuple[str, ...] = (
    r"\(?(?:[a-z]{2,5}/)+(?:pap|dpa|afp|ap|reuters|efe|ansa|ats|apa|kna|epd|sda|nxp)\)?",
)
# Case-sensitive seams, whatever flags the surrounding pattern has.
_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_SEAM = re.compile(rf"[.!?»\"”)]\S|[{_LOWER}][{_UPPER}]")


@cache
def _patterns(
    extra_language: str | None,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    phrases: list[str] = list(_UNIVERSAL)
    lines: list[str] = list(_UNIVERSAL_LINES)
    codes = list(lang.READABLE)
    if extra_language and extra_language.lower() not in codes:
        codes.append(extra_language.lower())
    for code in codes:
        phrases.extend(lang.resource(code, "boilerplate", "BOILERPLATE", ()))
        lines.extend(lang.resource(code, "boilerplate", "LINES", ()))
    alternation = "|".join(f"(?:{p})" for p in phrases)
    whole = "|".join(f"(?:{p})" for p in lines)
    line = re.compile(
        rf"(?:{alternation}){_SEPARATED_TAIL}" + (f"|{whole}" if whole else ""), re.IGNORECASE
    )
    glued_start = re.compile(
        rf"(?:{alternation})(?-i:(?<=[{_LOWER}])(?=[{_UPPER}]))", re.IGNORECASE
    )
    glued_end = re.compile(
        rf"(?:(?<=[.!?»\"”)])|(?-i:(?<=[{_LOWER}])(?=[{_UPPER}])))"
        rf"(?:{alternation})[\s.:!…]*$",
        re.IGNORECASE,
    )
    return line, glued_start, glued_end


def clean_text(text: str, language: str | None = None) -> str:
    """`text` without boilerplate lines and glued boilerplate phrases.

    Pure and idempotent on already-clean text; blank-line paragraph breaks are kept
    and runs of blank lines left by removed lines collapse to one.
    """
    line_re, start_re, end_re = _patterns(language)
    kept: list[str] = []
    # A line's fate depends on the line alone: a line seen before in this text (blank
    # lines, a repeated share bar, a scraped block twice) is not matched again.
    done: dict[str, str | None] = {}
    for raw in text.split("\n"):
        line = raw.strip()
        if line in done:
            cleaned = done[line]
        elif line and _is_boilerplate_line(line, line_re):
            cleaned = done[line] = None
        else:
            cleaned = done[line] = _strip_glued(line, start_re, end_re)
        if cleaned is not None:
            kept.append(cleaned)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _is_boilerplate_line(line: str, line_re: re.Pattern[str]) -> bool:
    if len(line) > _MAX_LINE:
        return False
    core = _SOCIAL_TAIL.sub("", line)
    if core != line and not _TRAILING_PUNCT.sub("", core):
        return True  # nothing but share buttons
    core = _TRAILING_PUNCT.sub("", core) or core
    # A table row of one cell ("| Weitere Artikel zum Thema |") is that cell.
    cell = line.strip("| ")
    # Each distinct candidate once: most lines have no tail to set aside (core == line).
    candidates = dict.fromkeys([core, line] + ([cell] if cell != line and cell else []))
    return any(line_re.fullmatch(c) is not None for c in candidates)


def _strip_glued(line: str, start_re: re.Pattern[str], end_re: re.Pattern[str]) -> str:
    m = start_re.match(line)
    if m and _long_enough(m.group()):
        line = line[m.end() :]
    offset = max(0, len(line) - _END_WINDOW)
    if not _SEAM.search(line, offset):
        return line  # cheap test first: the big search costs ~25 µs a line
    m = end_re.search(line, offset)
    if m and m.start() > 0:
        glued_to_word = line[m.start() - 1].isalpha()
        if not glued_to_word or _long_enough(m.group().rstrip(" .:!…")):
            line = line[: m.start()].rstrip()
    return line


def _long_enough(phrase: str) -> bool:
    return len(phrase) >= _MIN_GLUED or " " in phrase.strip()
