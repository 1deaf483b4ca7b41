"""Consent and login screens: the cookie banner and account dialogs a page keeps in its HTML.

Some pages (ZDF's) carry their whole account dialog in the markup: "Passwort
vergessen?", "Deine Registrierung war erfolgreich", next to a cookie banner; an
extractor that finds no better block returns it as the article. Each language's cues
are `SCREENS` in `lang/<code>/boilerplate.py` (cookies, passwords, registration,
consent). One paragraph naming a password is ordinary prose, so a screen is a *run*:
at least `screen_min_cues` short cue paragraphs (`screen_max_gap_chars`), each at
most one short cue-less paragraph from the next ("Registrierung wird geprüft" / "Wir
bitten um einen Moment Geduld"). A lone consent banner (a
cookie cue and a consent cue in one paragraph) is a screen by itself.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..settings import Settings

__all__ = ["drop_screens", "is_screen", "screen_share"]

_BANNER_MAX_CHARS = 800  # a consent banner is a few sentences, never a long paragraph


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any cue, cookie cue, consent cue) over every readable language."""
    cookie: list[str] = []
    account: list[str] = []
    consent: list[str] = []
    for code in lang.READABLE:
        found = lang.resource(code, "boilerplate", "SCREENS", ())
        # Each list is (cookie, account, consent) cues, in that order.
        for bucket, pattern in zip((cookie, account, consent), found, strict=False):
            bucket.append(pattern)

    def alternation(parts: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)

    # Consent words alone ("privacy") are prose too often to be a cue by themselves.
    return alternation(cookie + account), alternation(cookie), alternation(consent)


def _is_cue(paragraph: str) -> bool:
    return _cues()[0].search(paragraph) is not None


def _is_banner(paragraph: str) -> bool:
    _, cookie, consent = _cues()
    return (
        len(paragraph) <= _BANNER_MAX_CHARS
        and cookie.search(paragraph) is not None
        and consent.search(paragraph) is not None
    )


def _screen_flags(paragraphs: list[str], settings: Settings) -> list[bool]:
    """Which paragraphs belong to a consent or login screen."""
    cue = [len(p) <= settings.screen_max_gap_chars and _is_cue(p) for p in paragraphs]
    flags = [_is_banner(p) for p in paragraphs]
    i = 0
    while i < len(paragraphs):
        if not cue[i]:
            i += 1
            continue
        # Grow a run from this cue: further cues, at most one short paragraph apart.
        end, cues, j = i + 1, 1, i + 1
        while j < len(paragraphs):
            if cue[j]:
                cues, end = cues + 1, j + 1
            elif not (
                j + 1 < len(paragraphs)
                and cue[j + 1]
                and len(paragraphs[j]) <= settings.screen_max_gap_chars
            ):
                break
            j += 1
        if cues >= settings.screen_min_cues:
            for k in range(i, end):
                flags[k] = True
        i = end
    return flags


def drop_screens(paragraphs: list[str], settings: Settings) -> list[str]:
    """`paragraphs` without the consent and login screens among them."""
    flags = _screen_flags(paragraphs, settings)
    return [p for p, flag in zip(paragraphs, flags, strict=True) if not flag]


def screen_share(text: str, settings: Settings) -> float:
    """The share (0..1) of a text's characters in consent/login screen paragraphs."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    total = sum(len(p) for p in paragraphs)
    if not total:
        return 0.0
    flags = _screen_flags(paragraphs, settings)
    return sum(len(p) for p, flag in zip(paragraphs, flags, strict=True) if flag) / total


def is_screen(text: str, settings: Settings) -> bool:
    """Whether a body is mostly a consent or login screen rather than an article."""
    return screen_share(text, settings) >= settings.screen_page_share
