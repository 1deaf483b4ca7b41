"""Issue #16 point 2: a page's date, time and outlet from what the page itself says.

Small hand-written pages for each rule, then the real pages (skipped without
../shared/data) that showed the need."""

from __future__ import annotations

import datetime as dt

import pytest

from realpages import real_page
from samestory.ingest import read_bytes
from samestory.ingest.pagemeta import page_meta
from samestory.ingest.pagetime import visible_time
from samestory.ingest.sitehint import spelled_domain, title_site
from samestory.ingest.sitename import clean_outlet

PROSE = (
    "The council met on Monday to discuss the budget for the coming year, and the mayor "
    "said the city would spend more on schools and roads than it did last year."
)


def _meta(body: str, head: str = "") -> object:
    return page_meta(f"<html><head>{head}</head><body>{body}</body></html>", "page.html")


def _article(body: str, head: str = "", title: str = "Council budget"):
    page = (
        f"<html><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>Council budget</h1><p>{PROSE}</p>{body}</article></body></html>"
    )
    return read_bytes(page.encode(), name="page.html")[0]


# --- dates and times -------------------------------------------------------------------


def test_the_time_labelled_as_the_publication_wins_over_a_print_stamp() -> None:
    body = (
        "<p>Wydrukowano: <strong><time>2021-05-11 22:22:17+02:00</time></strong></p>"
        "<p>Aktualizacja: <time>2021-05-02 08:00:00+02:00</time></p>"
        '<p>Opublikowano: <time title="2021-04-29 17:13:04+02:00">29 kwietnia</time></p>'
    )
    meta = _meta(body)
    assert meta.published == dt.datetime.fromisoformat("2021-04-29T17:13:04+02:00")
    assert not meta.date_only


def test_a_future_date_gives_way_to_the_next_source_and_updates_stay_apart() -> None:
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    head = (
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": '
        f'"{future}"}}</script>'
        '<meta property="article:published_time" content="2021-04-29T17:13:04+02:00">'
    )
    article = _article("<p>Aktualisiert: <time>2021-04-30 08:00:00+02:00</time></p>", head)
    assert article.published == dt.datetime.fromisoformat("2021-04-29T17:13:04+02:00")
    assert article.modified == dt.datetime.fromisoformat("2021-04-30T08:00:00+02:00")


def test_midnight_in_the_data_is_a_day_whose_time_is_unknown() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2018-12-22T00:00:00+0100"}</script>'
    )
    meta = _meta("<p>22.12.2018</p>", head)
    assert meta.date_only and meta.published is not None
    assert meta.published.date() == dt.date(2018, 12, 22)
    # ... unless the page prints a time beside the day, which keeps the data's zone.
    timed = _meta("<p>22.12.2018, 09:15 Uhr</p>", head)
    assert timed.published == dt.datetime.fromisoformat("2018-12-22T09:15:00+01:00")
    assert not timed.date_only


def test_a_comments_time_is_not_the_articles() -> None:
    head = '<meta property="article:published_time" content="2020-05-07">'
    comment = (
        '<div class="comment comment-published"><div class="submitted">par JPA le 7 mai '
        "2020 - 12:38.</div><p>Bravo.</p></div>"
    )
    meta = _meta(f"<p>le 07 Mai 2020</p>{comment}", head)
    assert meta.published == dt.datetime(2020, 5, 7) and meta.date_only
    # The same line in the article's own header is its time.
    shown = _meta('<div class="byline">par JPA le 7 mai 2020 - 12:38.</div>', head)
    assert shown.published == dt.datetime(2020, 5, 7, 12, 38) and not shown.date_only


def test_a_bare_day_takes_a_later_sources_time_of_that_day() -> None:
    body = (
        '<p>Publikacja: <time datetime="2021-05-04">04.05.2021</time></p>'
        '<script>var a = {"datePublished": "Tue, 4 May 2021 19:18:00 +0200"};</script>'
    )
    meta = _meta(body)
    assert meta.published == dt.datetime.fromisoformat("2021-05-04T19:18:00+02:00")
    assert not meta.date_only


def test_a_data_layers_time_keeps_its_zone() -> None:
    day = dt.datetime(2021, 5, 4)
    data = '{"publishedZulu":"2021-05-04T17:18:00+0000"}'
    got = visible_time(("", data), day, True)
    assert got == (dt.datetime(2021, 5, 4, 17, 18, tzinfo=dt.UTC), False)
    assert visible_time(("4.05.2021 19:18", ""), day, True) == (
        dt.datetime(2021, 5, 4, 19, 18),
        False,
    )


@pytest.mark.parametrize(
    ("line", "hour", "minute"),
    [
        ("November 5, 2021 10:39 p.m. ET", 22, 39),
        ("Nov. 5, 2021 at 12:05 AM", 0, 5),
        ("Nov 5, 2021 1:30 pm", 13, 30),
        ("05/11/2021 10:39", 10, 39),
        ("11/05/2021, 22:10", 22, 10),
        ("2021年11月5日 11時30分", 11, 30),
        ("2021年11月05日 20:29", 20, 29),
        ("5 de noviembre de 2021 | 01:10", 1, 10),
        ("5 de novembro de 2021 às 10:05", 10, 5),
        ("5 novembre 2021 à 12 h 38", 12, 38),
        ("11:30 AM ET, Fri November 5, 2021", 11, 30),
        ("12:38, 5 November 2021", 12, 38),
    ],
)
def test_printed_times_in_more_forms(line: str, hour: int, minute: int) -> None:
    day = dt.datetime(2021, 11, 5)
    assert visible_time((f"Stand {line} Text", ""), day, True) == (
        dt.datetime(2021, 11, 5, hour, minute),
        False,
    )


def test_an_update_line_gives_no_publication_time() -> None:
    day = dt.datetime(2021, 11, 5)
    both = "Aktualisiert am 5. November 2021, 12:10 Uhr. Veröffentlicht am 5. November 2021, 08:05"
    assert visible_time((both, ""), day, True) == (dt.datetime(2021, 11, 5, 8, 5), False)
    assert visible_time(("Updated 5 November 2021 12:10", ""), day, True) == (day, True)
    # A time before the day without a comma is something else (opening hours).
    hours = "Montag bis Freitag 09:00 bis 18:00 Uhr. 5. November 2021"
    assert visible_time((hours, ""), day, True) == (day, True)


def test_a_data_time_that_lost_its_pm_takes_the_pages_hour() -> None:
    data = dt.datetime(2019, 7, 25, 11, 15)
    got = visible_time(("July 25, 2019 | 11:15 PM", ""), data, False)
    assert got == (dt.datetime(2019, 7, 25, 23, 15), False)


# --- outlets ---------------------------------------------------------------------------


def test_the_titles_site_part_is_the_outlet_when_no_site_name_is_given() -> None:
    head = '<meta property="og:title" content="Raoult, les nazis et moi">'
    article = _article("", head, "Raoult, les nazis et moi - Avocat | Dalloz Actualité")
    assert article.outlet == "Dalloz Actualité"
    # Unspaced, confirmed by the link to the site's home page.
    home = '<nav><a href="http://www.xinhuanet.com/">新华网</a></nav>'
    assert _article(home, "", "武汉的声音：有英勇的你，才有英雄的城！-新华网").outlet == "新华网"
    # After the headline, the part naming the site beats a trailing section.
    url = "https://www.hessenschau.de/kultur/x.html"
    title = "Die Minze als Mutmacher | hessenschau.de | Bücher & Autoren"
    assert title_site(title, "Die Minze als Mutmacher", set(), url) == "hessenschau.de"
    # Without a headline to cut or a home link to confirm, a title part is no name.
    assert title_site("Budget agreed - Politics", "", set(), None) == ""


def test_a_site_names_slogan_goes() -> None:
    name = "BioBioChile - La Red de Prensa Más Grande de Chile"
    assert clean_outlet(name, "https://www.biobiochile.cl/noticias/x.shtml") == "BioBioChile"
    assert clean_outlet("Der Spiegel - Nachrichten", "https://example.org/") == (
        "Der Spiegel - Nachrichten"
    )


def test_a_domain_only_site_name_becomes_the_name_the_page_writes() -> None:
    url = "https%3A%2F%2Fwww.siegessaeule.de%2Fmagazin%2Fbuch%2F"
    head = (
        f'<meta property="og:url" content="{url}">'
        '<meta property="og:site_name" content="www.siegessaeule.de">'
    )
    article = _article("<footer>Das Siegessäule Logo. Support SIEGESSÄULE</footer>", head)
    assert article.url == "https://www.siegessaeule.de/magazin/buch/"
    assert article.outlet in ("Siegessäule", "SIEGESSÄULE")
    # Written only inside addresses, it is no name: the domain stays.
    text = "mail info@siegessaeule.de or see siegessaeule.de/abo"
    assert spelled_domain("https://www.siegessaeule.de/x", text) == ""
    assert spelled_domain("https://www.lastampa.it/x", "Leggi La Stampa ogni giorno") == (
        "La Stampa"
    )


def test_ornaments_go_and_a_styled_domain_is_kept() -> None:
    assert clean_outlet("✂ Uniqz®", "https://uniqz.de/x") == "Uniqz"
    head = '<meta property="og:site_name" content="Gala.fr">'
    assert _article("<p>Gala vous informe.</p>", head).outlet == "Gala.fr"
    # A site under another's domain is not named after that domain.
    assert spelled_domain("https://wolfs.forumieren.com/x", "Forumieren hosts forums") == ""


def test_a_feeds_title_is_cleaned_to_the_outlets_name() -> None:
    def outlet(title: str, link: str) -> str | None:
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{link}</link><item><title>Budget</title>"
            f"<description>{PROSE}</description></item></channel></rss>"
        )
        return read_bytes(feed.encode(), name="feed.xml")[0].outlet

    assert outlet("SPIEGEL ONLINE - Schlagzeilen", "https://www.spiegel.de/") == "SPIEGEL ONLINE"
    assert outlet("Seeblick Verlag GmbH", "https://seeblick-zeitung.example/") == "Seeblick"
    assert outlet("https://www.facebook.com/seeblick", "https://seeblick.example/") == (
        "seeblick.example"
    )


def test_json_ld_website_name_and_canonical_link() -> None:
    head = (
        '<link rel="canonical" href="https://gothamist.com/news/x">'
        '<script type="application/ld+json">{"@type": "WebSite", "name": "Gothamist"}</script>'
    )
    meta = _meta("<p>x</p>", head)
    assert meta.url == "https://gothamist.com/news/x"
    assert meta.outlet == "Gothamist"


# --- the real pages that showed the need -----------------------------------------------


_page = real_page


def test_real_pages_metadata() -> None:
    wp = _page("Jest zgoda PE na umowę handlową między UE a Londynem.html")
    assert wp.published == dt.datetime.fromisoformat("2021-04-29T17:13:04.031886+02:00")
    dalloz = _page("dalloz-actualite.fr.raoult.html")
    assert dalloz.date_only and dalloz.outlet == "Dalloz Actualité"
    assert _page("biobiochile.cl-gremios.html").outlet == "BioBioChile"
    assert _page("siegessaeule.de-Machtinstrument.html").outlet in ("Siegessäule", "SIEGESSÄULE")
    assert _page("xinhuanet.com.c_1125597921.html").outlet == "新华网"


def test_a_labelled_date_line_beats_a_guess_from_a_teaser_list() -> None:
    # No structured date; the article's "Written:" line, not the teasers' later dates.
    teasers = "".join(f"<li><a href='/n{k}'>Other news</a><p>2023-11-0{k}</p></li>" for k in (3, 6))
    art = _article(
        f"<p>Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46</p><ul>{teasers}</ul>"
    )
    assert art.published is not None
    assert (art.published.date(), art.published.hour, art.published.minute) == (
        dt.date(2023, 11, 7),
        15,
        3,
    )
    assert not art.date_only


def test_a_labelled_date_line_is_read_with_its_time() -> None:
    from samestory.ingest.pagetime import labelled_day

    text = "Domestic Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46 More 2023-11-03"
    assert labelled_day(text) == (dt.datetime(2023, 11, 7, 15, 3), False)
    assert labelled_day("Veröffentlicht am 27.04.2020, 17:58 Uhr") == (
        dt.datetime(2020, 4, 27, 17, 58),
        False,
    )
    assert labelled_day("Published 2020-01-02") == (dt.datetime(2020, 1, 2), True)
    assert labelled_day("Match on 2020-01-02 at 18:00") == (None, False)  # no label


def test_a_handle_that_drops_the_sites_letters_is_not_its_name() -> None:
    from samestory.ingest.sitename import pick_outlet

    assert pick_outlet(["VPFlsh"], "https://vipflash.de/x") == ""
    assert pick_outlet(["VPFlsh", "Vipflash"], "https://vipflash.de/x") == "Vipflash"
    # Acronyms and prefixes of the site's name stay names.
    assert pick_outlet(["FAZ"], "https://www.faz.net/x") == "FAZ"
    assert pick_outlet(["NYT"], "https://www.nytimes.com/x") == "NYT"
