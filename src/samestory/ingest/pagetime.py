"""Dates a page prints rather than declares: `<time>` elements, `itemprop` dates, and the
time of day written beside the publication day.

A page's markup often carries several times: the article's, its update's, a print
stamp ("Wydrukowano: <time>" = when the page was printed, i.e. saved), readers'
comments. The article's is the one labelled as the publication ("Opublikowano:",
"Published", "Veröffentlicht am"); comments are never the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# How a page labels its publication time, in the corpus's languages: "Published",
# "publié", "publicado", "Opublikowano", "gepubliceerd" (publi), "pubblicato",
# "veröffentlicht", "erschienen", "posted", "julkaistu", "udgivet", "发布", "公開".
_PUBLISHED_LABEL = re.compile(
    r"publi|pubbl|veröffentl|erschien|posted|julkais|udgiv|发布|發佈|公開|掲載", re.IGNORECASE
)
# ... its update, and the print stamp (when the page was saved): not the publication.
_UPDATE = r"aktuali|updat|modifi|mis\s+à\s+jour|actualiz|aggiorn|geändert|päivit|edited|更新"
_UPDATE_LABEL = re.compile(_UPDATE, re.IGNORECASE)
_LATER_LABEL = re.compile(rf"{_UPDATE}|wydrukowano|print|gedruckt|imprim", re.IGNORECASE)
_LABEL_CHARS = 40  # a label sits right before its <time>
# A date line the page prints with its label: "Written: 2023-11-07 15:03:30",
# "Veröffentlicht am 27.04.2020, 17:58": where the page declares no date, this beats
# a date guessed from its text (the first date of a teaser list below the article).
_LABELLED_DAY = re.compile(
    r"(?:written|published|posted|publi\w*|veröffentlicht|erschienen|opublikowano)"
    r"(?:\s+(?:on|am|le|el|em|il))?\s*:?\s*"
    r"(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))"
    r"(?:,?\s+(?:um\s+|at\s+)?([01]?\d|2[0-3]):([0-5]\d))?(?!\d)",
    re.IGNORECASE,
)
_MAX_TIMES = 12  # the article's header comes early; later <time>s are lists of others
# An element whose class or id starts with "comment" holds readers' comments.
_NOT_COMMENT = (
    "not(ancestor::*[not(self::body) and not(self::html)]"
    "[starts-with(translate(@id, 'COMENT', 'coment'), 'comment') or "
    "contains(concat(' ', translate(@class, 'COMENT', 'coment')), ' comment')])"
)


def time_elements(root: Any) -> tuple[list[str], list[str], list[str]]:
    """The values of the page's first `<time>` elements (`datetime`, else `title`, else
    the text): those labelled as the publication, the unlabelled ones, and those
    labelled as an update; print stamps and comments' times are left out."""
    labelled: list[str] = []
    plain: list[str] = []
    updated: list[str] = []
    for el in root.xpath(f"//time[{_NOT_COMMENT}]")[:_MAX_TIMES]:
        value = el.get("datetime") or el.get("title") or el.text_content()
        value = " ".join((value or "").split())
        if not value:
            continue
        label = _label_before(el)
        if _UPDATE_LABEL.search(label):
            updated.append(value)
        elif not _LATER_LABEL.search(label):
            (labelled if _PUBLISHED_LABEL.search(label) else plain).append(value)
    return labelled, plain, updated


def _label_before(el: Any) -> str:
    """The few characters of text right before `el` (its label, if it has one)."""
    before = el.xpath("preceding::text()[not(ancestor::script)][position() <= 4]")
    text = " ".join(" ".join(str(t) for t in before).split())
    return text[-_LABEL_CHARS:]


def labelled_day(text: str) -> tuple[dt.datetime | None, bool]:
    """(the first publication date the visible `text` prints after its label, whether
    it gives the day only), else (None, False). No zone: the page prints none."""
    for m in _LABELLED_DAY.finditer(text):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(6, 5, 4)
        try:
            day = dt.datetime(int(y), int(mo), int(d))
        except ValueError:
            continue
        if m.group(7) is None:
            return day, True
        return day.replace(hour=int(m.group(7)), minute=int(m.group(8))), False
    return None, False


def itemprop_dates(root: Any) -> list[str]:
    """`itemprop="datePublished"` on elements other than <meta>: attribute, else text."""
    values: list[str] = []
    for el in root.xpath('//*[@itemprop="datePublished"][not(self::meta)]')[:3]:
        value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
        values.append(" ".join((value or "").split()))
    return values


def page_text(root: Any) -> tuple[str, str]:
    """(the page's visible text, its scripts' text): where a date line may be printed.
    Readers' comments are left out: their times are not the article's.

    The text nodes of `//text()[not(ancestor::script) and not(ancestor::style) and
    _NOT_COMMENT]`, in document order, but in one walk of the tree: that XPath tests
    every ancestor of every text node (a tenth of a page's reading time, and quadratic
    in a deeply nested page)."""
    shown: list[str] = []
    # The XPath reads the whole document: a broken page can have more than one top
    # element (a second <html>), each a sibling of `root`.
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    # (node, whether its parent hides the text in it); a str: a tail, due after a subtree.
    stack: list[Any] = [(top, False) for top in reversed(tops)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            shown.append(item)
            continue
        el, parent_hides = item
        if el.tail and not parent_hides:
            stack.append(el.tail)
        if not isinstance(el.tag, str):  # a comment or processing instruction: no text()
            continue
        hides = parent_hides or _hides_text(el)
        if el.text and not hides:
            shown.append(el.text)
        stack.extend((child, hides) for child in reversed(el))
    scripts = root.xpath("//script/text()")
    return " ".join(shown), " ".join(scripts)


_FOLD_COMMENT = str.maketrans("COMENT", "coment")  # as _NOT_COMMENT's translate()


def _hides_text(el: Any) -> bool:
    """Whether the text inside `el` is not visible article text: a script, a style, or
    readers' comments (_NOT_COMMENT's test, on one element)."""
    if el.tag in ("script", "style"):
        return True
    if el.tag in ("body", "html"):
        return False
    ident = (el.get("id") or "").translate(_FOLD_COMMENT)
    return ident.startswith("comment") or " comment" in " " + (el.get("class") or "").translate(
        _FOLD_COMMENT
    )


def _day_lines(day: dt.date) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A time of day written right after `day` on the page, in the common forms:
    "24.01.2022 11:38", "2022-01-24 11:38", "5. November 2021, 10:39 Uhr",
    "11 maja 2021, 11:49", "November 5, 2021 10:39 p.m.", "05/11/2021 10:39",
    "4 de mayo de 2022 | 01:10", "7 mai 2020 à 12 h 38", "2020年02月19日 20:29",
    "2019年6月24日 11時30分"; then one written right before it ("11:30 AM ET, Mon June
    24, 2019"). Groups: hour, minute, zone, a/p."""
    d, m, y = day.day, day.month, day.year
    word = r"[^\W\d]{3,12}\.?"
    forms = "|".join(
        [
            rf"0?{d}\.0?{m}\.{y}",
            rf"{y}-{m:02d}-{d:02d}",
            rf"0?{d}\.?\s+{word}\s+{y}",
            rf"0?{d}\s+de\s+{word}\s+(?:de\s+)?{y}",
            rf"{word}\s+0?{d},?\s+{y}",
            # Slashed days either way round: the day is known, so neither reading misleads.
            rf"0?{d}/0?{m}/{y}",
            rf"0?{m}/0?{d}/{y}",
            rf"{y}/0?{m}/0?{d}",
            rf"{y}\s*年\s*0?{m}\s*月\s*0?{d}\s*日",
        ]
    )
    sep = r"(?:,|\s|T|\||-|um|à|às|a las|alle|o|godz\.|at|kl\.|klo)*"
    clock = r"([01]?\d|2[0-3])(?:[:.時]|\s?h\s?)([0-5]\d)分?"
    # Data layers write seconds and a zone on ("2021-05-04T17:18:00+0000"); English
    # pages a 12-hour clock ("10:39 PM", "10:39 p.m.").
    rest = (
        r"(?::[0-5]\d(?:[.,]\d+)?)?(?:(Z|[+-](?:0\d|1[0-4]):?[0-5]\d)|\s?([AaPp])\.?\s?[Mm]\b\.?)?"
    )
    after = re.compile(rf"\b(?:{forms}){sep}{clock}{rest}(?!\w)")
    # Before the day only with a comma between ("11:30 AM ET, Mon June 24, 2019"):
    # "09:00 bis 18:00 Uhr. 24. Juni" is opening hours, not the article's time.
    before = re.compile(
        rf"(?<![\d:.]){clock}{rest}\s*(?:[A-Z]{{2,4}}\b)?\s*,\s*(?:{word},?\s+)?(?:{forms})(?!\d)"
    )
    return after, before


def _hour(match: re.Match[str]) -> int:
    """The hour on a 24-hour clock: "12:05 a.m." is 0:05, "1:30 PM" 13:30."""
    hour = int(match.group(1))
    half = (match.group(4) or "").lower()
    if half and 1 <= hour <= 12:
        return hour % 12 + (12 if half == "p" else 0)
    return hour


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _publication_line(line: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `line` labelled as the publication, else the first not
    labelled as an update ("Aktualisiert am 5. November 2021, 12:10 Uhr")."""
    plain = None
    for n, m in enumerate(line.finditer(text)):
        label = text[max(0, m.start() - _LABEL_CHARS) : m.start()]
        if _PUBLISHED_LABEL.search(label):
            return m
        if plain is None and not _LATER_LABEL.search(label):
            plain = m
        if n >= _MAX_TIMES:
            break
    return plain


def visible_time(
    texts: tuple[str, str], published: dt.datetime | None, date_only: bool
) -> tuple[dt.datetime | None, bool]:
    """The time of day the page prints beside its publication day, where the page's
    data gives only the day; and a zone for a zoneless data time that the page prints
    whole hours off with the same minutes (the data was UTC: "09:49:18" in JSON-LD,
    "11 maja 2021, 11:49" on the page). `texts`: the visible text, then the scripts'
    (an inline data layer's "24.01.2022 11:38"), which only give a missing time."""
    if published is None or (not date_only and published.tzinfo is not None):
        return published, date_only
    m = None
    for line in _day_lines(published.date()):
        m = _publication_line(line, texts[0])
        if m is None and date_only:
            m = _publication_line(line, texts[1])
            # The data's own midnight is the day without its time, not a time.
            if m is not None and _hour(m) == 0 and m.group(2) == "00":
                m = None
        if m is not None:
            break
    if m is None:
        return published, date_only
    hour, minute = _hour(m), int(m.group(2))
    if date_only:
        zone = _zone(m.group(3)) or published.tzinfo  # a data day's zone is the page's
        return published.replace(hour=hour, minute=minute, tzinfo=zone), False
    if minute == published.minute and m.group(4) and (hour - published.hour) % 24 == 12:
        # "11:15" in the data, "11:15 PM" on the page: the data lost its half of the day.
        return published.replace(hour=hour), False
    if minute == published.minute and hour != published.hour:
        return published.replace(tzinfo=dt.UTC), False
    return published, date_only
