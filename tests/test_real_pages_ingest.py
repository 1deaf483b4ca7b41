"""Readers on real pages (issue 16): boilerplate, screens, link text, metadata, encodings.

Real pages come from ../shared/data/trafilatura-eval/pages and skip when absent; each
example also has a small synthetic fixture that reproduces the pattern.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from realpages import real_page
from samestory.errors import InputError
from samestory.ingest import Skips, clean_text, iter_read, read_bytes
from samestory.ingest.screens import drop_screens, is_screen
from samestory.ingest.sitename import clean_outlet, clean_title
from samestory.ingest.trailers import drop_trailer
from samestory.settings import DEFAULT_SETTINGS

S = DEFAULT_SETTINGS
PROSE = (
    "The council met on Monday to discuss the budget for the coming year, and the mayor "
    "said the city would spend more on schools and roads than it did last year."
)


_page = real_page


# --- synthetic fixtures -------------------------------------------------------------

ZDF_LIKE = [
    PROSE,
    "Um zu verstehen, wie unsere Webseite genutzt wird, nutzen wir Cookies. Hier kannst du "
    "mehr erfahren und hier widersprechen.",
    "Passwort vergessen?",
    "Du erhältst in Kürze eine E-Mail von uns mit Infos, wie du dein Passwort zurücksetzen kannst.",
    "Deine Registrierung war erfolgreich",
    "Wir bitten um einen Moment Geduld.",
    "Uups, die Registrierung ist fehlgeschlagen",
]


def test_login_screen_is_dropped_and_detected() -> None:
    assert drop_screens(ZDF_LIKE, S) == [PROSE]
    assert is_screen("\n".join(ZDF_LIKE[1:]), S)
    assert not is_screen(PROSE, S)


def test_one_paragraph_naming_a_password_is_prose() -> None:
    text = [PROSE, "Experts say a password should be long and never reused.", PROSE]
    assert drop_screens(text, S) == text


@pytest.mark.parametrize(
    "line",
    [
        "Seguir leyendo:",
        "Lue aiheesta lisää:",
        "ZOBACZ WIDEO Bartosz Zmarzlik o rywalizacji",
        "Saiba Mais",
        "Créé: 12.12.2019, 07h36",
        "Rubriklistenbild: © KCNA/dpa",
        "The post Ten things to know appeared first on Example News.",
        "Get The Times of Israel's Daily Edition by email and never miss our top stories Free Sign Up",  # noqa: E501
        "Puede escribirnos o suscribirse aquí a nuestra newsletter.",
        "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
        "Leggi anche: il governo cade",
        "aja/PAP",
        "| Weitere Artikel zum Thema |",
    ],
)
def test_boilerplate_lines_go(line: str) -> None:
    assert clean_text(f"{PROSE}\n\n{line}") == PROSE


def test_related_links_trailer_goes_with_its_headlines() -> None:
    lines = [PROSE, PROSE, "Lue aiheesta lisää:", "Korkeasaaren karhut heräsivät jo", "Vuosi 2018"]
    assert drop_trailer(lines, S) == [PROSE, PROSE]
    # Sentences after the heading are article text: nothing goes.
    prose_after = [PROSE, "Read more", PROSE]
    assert drop_trailer(prose_after, S) == prose_after


def _html(body: str, head: str = "") -> bytes:
    return (
        f"<html><head><title>Council budget - Example News</title>{head}</head><body>"
        f"<article><h1>Council budget</h1>{body}</article></body></html>"
    ).encode()


def test_words_inside_links_are_kept() -> None:
    body = (
        f"<p>{PROSE}</p><p>Stakes are high for every candidate. But they're especially high "
        '<a href="/biden">for Joe Biden</a>, who needs a win here.</p>'
        f"<p>{PROSE}</p>"
    )
    article = read_bytes(_html(body), name="page.html")[0]
    assert "especially high for Joe Biden, who needs" in " ".join(article.body.split())


def test_source_line_breaks_inside_a_paragraph_do_not_split_it() -> None:
    body = f"<p>{PROSE}</p><p>Seit\ndie Aktivistin mit Zügen reist,\nträumen viele davon.</p>"
    article = read_bytes(_html(body), name="page.html")[0]
    assert "Seit die Aktivistin mit Zügen reist, träumen viele davon." in article.body


def test_first_publication_wins_and_time_unknown_is_not_midnight() -> None:
    # As Handelsblatt's page: the article object gives only dateCreated; a later date
    # (the update) elsewhere must not win.
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"dateCreated": "2020-04-27T17:58:19+02:00", "publisher": {"name": "Handelsblatt_De"}}'
        '</script><meta property="article:modified_time" content="2020-07-08T10:00:00+02:00">'
        '<time datetime="2020-07-08T10:00:00+02:00">8. Juli</time>'
    )
    article = read_bytes(_html(f"<p>{PROSE}</p>", ld), name="page.html")[0]
    assert article.published == dt.datetime.fromisoformat("2020-04-27T17:58:19+02:00")
    assert not article.date_only
    assert article.modified == dt.datetime.fromisoformat("2020-07-08T10:00:00+02:00")
    assert article.outlet == "Handelsblatt"
    assert article.title == "Council budget"
    day = '<meta property="article:published_time" content="2020-04-04">'
    dated = read_bytes(_html(f"<p>{PROSE}</p>", day), name="page.html")[0]
    assert dated.date_only and dated.to_dict()["published"] == "2020-04-04"


def test_the_article_objects_date_published_beats_other_objects_dates() -> None:
    from samestory.ingest.pagemeta import page_meta

    ld = (
        '<script type="application/ld+json">[{"@type": "ImageObject", "datePublished": '
        '"2009-04-11T18:06:36"}, {"@type": "NewsArticle", "dateCreated": '
        '"2020-01-17T15:11:01+08:00", "datePublished": "2020-01-20T10:00:08+08:00"}]</script>'
    )
    meta = page_meta(f"<html><head>{ld}</head><body><p>x</p></body></html>", "page.html")
    assert meta.published == dt.datetime.fromisoformat("2020-01-20T10:00:08+08:00")


def test_a_future_date_is_refused() -> None:
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    meta = f'<meta property="article:published_time" content="{future}">'
    article = read_bytes(_html(f"<p>{PROSE}</p>", meta), name="page.html")[0]
    assert article.published is None or article.published < dt.datetime.now(dt.UTC)


def test_outlet_names_are_cleaned() -> None:
    assert clean_outlet("TAZ Verlags- und Vertriebs GmbH", "https://taz.de/x") == "taz"
    assert clean_outlet("Handelsblatt_De", "https://www.handelsblatt.com/a") == "Handelsblatt"
    assert (
        clean_outlet("https://www.facebook.com/tagesspiegel", "https://www.tagesspiegel.de/") == ""
    )
    assert clean_outlet("Política", "https://elpais.com/politica/2020/x.html") == ""
    assert clean_outlet("EL PAÍS", "https://elpais.com/politica/2020/x.html") == "EL PAÍS"
    assert clean_title("Budget agreed | Tagesspiegel", "Tagesspiegel", None) == "Budget agreed"
    assert clean_title("Left - right", "Tagesspiegel", None) == "Left - right"


# --- encodings ------------------------------------------------------------------------

RU = (
    "Москва. Президент России выступил сегодня с обращением к нации и рассказал о новых "
    "мерах поддержки экономики страны."
)
JA = "東京都は本日、新しい感染症対策を発表しました。知事は記者会見で、市民に協力を呼びかけました。"


def _feed(text: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        f"<title>{text[:20]}</title><description>{text}</description></item></channel></rss>"
    )


@pytest.mark.parametrize(("text", "encoding"), [(RU, "koi8_r"), (JA, "shift_jis")])
def test_undeclared_encodings_are_detected(text: str, encoding: str) -> None:
    feed = read_bytes(_feed(text).encode(encoding), name="feed.xml")[0]
    assert feed.body == text
    page = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    assert text in read_bytes(page.encode(encoding), name="page.html")[0].body


def test_undecodable_feed_is_a_counted_skip(tmp_path: Path) -> None:
    noise = bytes(range(0x80, 0x100)) * 8
    raw = b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>' + noise
    raw += b"</description></item></channel></rss>"
    path = tmp_path / "feed.xml"
    path.write_bytes(raw)
    with pytest.raises(InputError):
        read_bytes(raw, name="feed.xml")
    skips = Skips()
    assert list(iter_read(path, S, skips=skips)) == []
    assert skips.by_reason["undecodable"] == 1


# --- real pages -----------------------------------------------------------------------


def test_zdf_body_is_not_its_login_screen() -> None:
    article = _page("zdf.de.corona.html")
    assert article.outlet == "Zweites Deutsches Fernsehen"  # not the page title
    assert "Passwort vergessen" not in article.text
    assert "Deine Registrierung war erfolgreich" not in article.text
    assert "New York ist das Epizentrum der Corona-Pandemie" in article.text
    assert not is_screen(article.body, S)


def test_cbs_link_text_is_kept() -> None:
    article = _page("cbsnews.com.carolina.html")
    assert "especially high for Joe Biden" in " ".join(article.body.split())


def test_zeit_paragraph_is_not_split() -> None:
    article = _page("zeit.de.zugverkehr.html")
    assert "Seit die schwedische Klimaaktivistin mit Zügen" in article.body


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("infobae.com-ucrania.html", "Seguir leyendo"),
        ("yle.fi.3-11212601.html", "Lue aiheesta lisää"),
        ("yle.fi.3-11212601.html", "Korkeasaaren karhut"),
        ("sportowefakty.wp.pl.falubaz.html", "ZOBACZ WIDEO"),
        ("correiobraziliense.com.br-poderes.html", "Saiba Mais"),
        ("tdg.ch.chlorothalonil.html", "Créé:"),
        ("fr.de.nordkorea.html", "Rubriklistenbild"),
        ("timesofisrael.com.washington.html", "Free Sign Up"),
        ("elpais.com.ciencia.html", "nuestra newsletter"),
    ],
)
def test_real_page_boilerplate_is_gone(name: str, phrase: str) -> None:
    assert phrase not in _page(name).text


def test_handelsblatt_first_publication() -> None:
    article = _page("handelsblatt.com.grenzschliessungen.html")
    assert article.published == dt.datetime.fromisoformat("2020-04-27T17:58:19+02:00")
    assert article.outlet == "Handelsblatt"


def test_outlets_are_site_names() -> None:
    assert _page("correiobraziliense.com.br-poderes.html").outlet != "Política"
    # No site name in its metadata: the domain as the page writes it, not the domain.
    assert _page("tagesspiegel.de.abstandsregeln.html").outlet == "Tagesspiegel"
    assert _page("taz.de.siemens.html").outlet == "taz"
    assert "facebook" not in (_page("tagesspiegel.de.abstandsregeln.html").outlet or "")


def test_feed_zone_names_are_kept() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Budget</title><description>{PROSE}</description>"
        "<pubDate>Tue, 18 Mar 2025 09:30:00 MESZ</pubDate></item></channel></rss>"
    )
    article = read_bytes(feed.encode(), name="feed.xml")[0]
    assert article.published == dt.datetime.fromisoformat("2025-03-18T09:30:00+02:00")


def test_site_names_that_are_no_names_are_refused() -> None:
    assert clean_outlet("Copyright © 2001-2009") == ""
    assert clean_outlet("{$plugin.tx_news.opengraph.site_name}") == ""
    assert clean_outlet("Lüder Hoppe info@buero-hoppe.de") == ""
    assert clean_title("Diario HOY | Darán bendición a vehículos", "Diario HOY", None) == (
        "Darán bendición a vehículos"
    )


def test_page_description_is_the_lede_only_when_the_body_lacks_it() -> None:
    body = (
        "<p>Die Bürgermeisterin stellte am Montag den Haushalt vor. Die Stadt will mehr Geld "
        "für Schulen und Straßen ausgeben als im Vorjahr.</p>"
    )
    teaser = "Mehr Geld für Schulen: Die Bürgermeisterin stellt den neuen Haushalt der Stadt vor."
    head = f'<meta property="og:description" content="{teaser}">'
    article = read_bytes(_html(body, head), name="page.html")[0]
    assert article.lede == teaser
    again = read_bytes(_html(f"<p>{teaser}</p>{body}", head), name="page.html")[0]
    assert again.lede == ""
    short = '<meta name="description" content="Nachrichten aus der Stadt">'
    assert read_bytes(_html(body, short), name="page.html")[0].lede == ""
    blurb = "Deutschlands erstes Anglermagazin. Immer faszinierend, lebendig und praxisnah!"
    generic = f'<meta name="description" content="{blurb}">'
    assert read_bytes(_html(body, generic), name="page.html")[0].lede == ""


def test_double_encoded_metadata_is_repaired() -> None:
    from samestory.ingest.decode import repair_mojibake

    assert (
        repair_mojibake("Tarifrunde fÃ¼r die BeschÃ¤ftigten") == "Tarifrunde für die Beschäftigten"
    )
    assert repair_mojibake("Ã la carte") == "Ã la carte"


def test_feed_keeps_updated_apart_and_a_bare_day_is_date_only() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire</title><entry><title>Budget</title><id>urn:1</id>"
        "<published>2025-03-12</published><updated>2025-03-13T08:00:00+01:00</updated>"
        f"<content type='text'>{PROSE}</content></entry></feed>"
    )
    article = read_bytes(feed.encode(), name="feed.atom")[0]
    assert article.date_only and article.published_text == "2025-03-12"
    assert article.modified == dt.datetime.fromisoformat("2025-03-13T08:00:00+01:00")


@pytest.mark.parametrize(
    ("head", "expected", "date_only"),
    [
        (
            '<script type="application/ld+json">'
            '{"datePublished": "Thu, 08 May 2014 14:04:53 -0400"}'
            "</script>",
            "2014-05-08T14:04:53-04:00",
            False,
        ),
        (
            '<script type="application/ld+json">[{"datePublished": "2020-09-15"}, '
            '{"datePublished": "2020-09-15T09:32:00-07:00"}]</script>',
            "2020-09-15T09:32:00-07:00",
            False,
        ),
        ('<meta property="article:published_time" content="2019-10-01">', "2019-10-01", True),
    ],
)
def test_page_dates(head: str, expected: str, date_only: bool) -> None:
    from samestory.ingest.pagemeta import page_meta

    meta = page_meta(f"<html><head>{head}</head><body><p>x</p></body></html>", "page.html")
    assert meta.published == dt.datetime.fromisoformat(expected)
    assert meta.date_only is date_only


def test_day_first_itemprop_date_and_xml_declared_page() -> None:
    from samestory.ingest.pagemeta import page_meta

    page = (
        '<?xml version="1.0" encoding="utf-8"?><html><body>'
        '<div itemprop="datePublished">20.06.2019 11:43</div><p>x</p></body></html>'
    )
    meta = page_meta(page, "page.html")
    assert meta.published == dt.datetime(2019, 6, 20, 11, 43)
    assert not meta.date_only


def test_outlet_candidates_names_beat_domains() -> None:
    from samestory.ingest.sitename import pick_outlet

    url = "https://www.pcgamer.com/review"
    assert pick_outlet(["pcgamer", "PC Gamer"], url) == "PC Gamer"
    assert pick_outlet(["tdg.ch/", "Tribune de Genève"], "https://www.tdg.ch/x") == (
        "Tribune de Genève"
    )
    assert pick_outlet(["Blogger", "Hassanchef"], "https://www.hassanchef.com/x") == "Hassanchef"
    assert pick_outlet(["lastampa.it"], "https://www.lastampa.it/x") == "lastampa.it"
    assert clean_outlet("Fischerhütte | hejfish.com", "https://www.hejfish.com/x") == "Fischerhütte"
    assert clean_outlet("Boxen1.com - aktuelle Boxen News", "https://boxen1.com/x") == "Boxen1.com"
    assert clean_outlet("Phys.org", "https://phys.org/news") == "Phys.org"
    archived = "https://web.archive.org/web/20131110121040/http://www.peptalks.de/haben-sich/"
    assert clean_outlet("PepTalks", archived) == "PepTalks"
