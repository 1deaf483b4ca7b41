"""WARC / WARC.gz input: HTML responses only, malformed records and truncation counted.

Every archive is written by the test with warcio's WARCWriter; all page text is
invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from samestory.errors import InputError, NoMainTextError
from samestory.ingest import Skips, iter_read, read, read_bytes
from samestory.settings import Settings
from warc_records import write_response

PAGES = {
    "https://www.harbour-gazette.example/news/ferry": (
        "en",
        "Ferry to the Lindholm islands sails again",
        [
            "The ferry between Portmere and the Lindholm islands sailed again on Monday, "
            "three weeks after a winter storm damaged the landing stage at North Quay.",
            "The operator said the repairs cost about 240,000 pounds and that six "
            "crossings a day would run again by the end of the month.",
            "Shopkeepers on the islands said the closure had cut their takings by nearly "
            "half, and the council promised a small fund to help them through spring.",
        ],
        '<meta property="article:published_time" content="2025-03-18T09:30:00+01:00">',
    ),
    "https://journal-des-vallees.example/region/pont": (
        "fr",
        "Un nouveau pont pour les piétons à Valmorte",
        [
            "La commune de Valmorte a inauguré jeudi une passerelle pour les piétons "
            "au-dessus de la rivière, après deux années de travaux.",
            "Le chantier a coûté 3,1 millions d'euros, financés pour moitié par la "
            "région, a précisé le maire lors de la cérémonie.",
            "Les écoliers du quartier nord n'auront plus à faire un détour de deux "
            "kilomètres pour rejoindre le collège.",
        ],
        "",
    ),
    "https://talbote.example/tal/strasse": (
        "de",
        "Talstraße bleibt zwei Wochen gesperrt",
        [
            "Die Straße zwischen Wilderswil und Zweiseen bleibt ab Montag zwei Wochen "
            "lang gesperrt, weil die Gemeinde die Brücke über den Mühlbach erneuert.",
            "Für Fußgänger und Velofahrer gibt es eine Umleitung über den Uferweg; "
            "Busse fahren über Grünau.",
            "Die Arbeiten kosten nach Angaben der Gemeinde rund 800.000 Franken.",
        ],
        "",
    ),
}


def _page(language: str, title: str, paragraphs: list[str], head: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{language}"><head><title>{title}</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "</body></html>"
    )


def _good_records(writer: WARCWriter) -> list[int]:
    """The three pages; the German one in ISO-8859-1, as its header says. Returns the
    stream offset after each record."""
    offsets = []
    for uri, (language, title, paragraphs, head) in PAGES.items():
        html = _page(language, title, paragraphs, head)
        if language == "de":
            write_response(
                writer, uri, html.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"
            )
        else:
            write_response(writer, uri, html.encode("utf-8"))
        offsets.append(writer.out.tell())
    return offsets


def _garbage_response(writer: WARCWriter, uri: str) -> None:
    # The writer would parse real HTTP headers, so the record starts as a resource.
    record = writer.create_warc_record(
        uri,
        "resource",
        payload=io.BytesIO(b"GARBAGE NOT HTTP AT ALL\r\nno colon here\r\n\r\n<html></html>"),
        warc_content_type="application/http; msgtype=response",
    )
    record.rec_type = "response"
    record.rec_headers.replace_header("WARC-Type", "response")
    writer.write_record(record)


def _full_warc(gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    request = StatusAndHeaders(
        "GET /news/ferry HTTP/1.1", [("Host", "www.harbour-gazette.example")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(
            "https://www.harbour-gazette.example/news/ferry", "request", http_headers=request
        )
    )
    _good_records(writer)
    write_response(
        writer,
        "https://talbote.example/logo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        content_type="image/png",
    )
    write_response(writer, "https://talbote.example/old", b"", status="301 Moved Permanently")
    _garbage_response(writer, "https://talbote.example/garbage")
    write_response(writer, "https://talbote.example/empty", b"")
    return out.getvalue()


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def warc_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    gzip = request.param
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(_full_warc(gzip))
    return path


def test_warc_reads_html_responses_and_counts_the_rest(warc_path: Path) -> None:
    skips = Skips()
    articles = list(iter_read(warc_path, skips=skips))
    assert [a.url for a in articles] == list(PAGES)
    assert skips.by_reason == {"bad-http": 1, "no-text": 1}
    assert skips.total == 2
    assert skips.by_source == {str(warc_path): 2}
    # Records that are not articles by design are counted apart, without warnings.
    assert skips.ignored == {"warc-warcinfo": 1, "warc-request": 1, "not-html": 1, "http-3xx": 1}


def test_warc_article_fields(warc_path: Path) -> None:
    en, fr, de = read(warc_path)
    assert en.title == "Ferry to the Lindholm islands sails again"
    assert en.body.startswith("The ferry between Portmere")  # the <h1> is not repeated
    assert "Home" not in en.text
    assert en.outlet == "harbour-gazette.example"  # the domain, without www.
    assert en.language == "en"
    assert en.source == str(warc_path)
    # The page's own date wins over the crawl date.
    assert en.published == dt.datetime(
        2025, 3, 18, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    # No date in the page: the WARC-Date (crawl time) is the fallback.
    assert fr.published == dt.datetime(2025, 3, 21, 5, 0, tzinfo=dt.UTC)
    assert (fr.language, fr.outlet) == ("fr", "journal-des-vallees.example")
    # Declared ISO-8859-1 bytes come out as the right characters.
    assert de.title == "Talstraße bleibt zwei Wochen gesperrt"
    assert "Fußgänger" in de.body


def test_skips_are_logged_as_warnings(warc_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="samestory.ingest"):
        list(iter_read(warc_path))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 2
    assert any("garbage" in w and "HTTP" in w for w in warnings)
    assert any("talbote.example/empty" in w for w in warnings)


def _three_pages(gzip: bool) -> tuple[bytes, list[int]]:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    offsets = _good_records(writer)
    return out.getvalue(), offsets


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("where", [0.02, 0.3, 0.5, 0.97])
def test_truncated_file_ends_with_a_counted_warning(
    tmp_path: Path, gzip: bool, where: float
) -> None:
    data, offsets = _three_pages(gzip)
    # Cut inside the third record: early and late in its WARC headers (warcio sees
    # the two differently), in its HTML, or in its last bytes.
    cut = offsets[1] + int((offsets[2] - offsets[1]) * where)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[:cut])
    skips = Skips()
    articles = list(iter_read(path, skips=skips))
    assert [a.url for a in articles] == list(PAGES)[:2]
    assert skips.by_reason == {"truncated": 1}
    # The strict reader also keeps what it could read.
    assert len(read(path)) == 2


def test_warc_is_streamed(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _good_records(writer)
    for i in range(40):  # filler after the pages: 40 images of ~30 kB each
        write_response(
            writer,
            f"https://talbote.example/img/{i}.jpg",
            bytes(range(256)) * 120,
            content_type="image/jpeg",
        )
    data = out.getvalue()

    class Counting(io.BytesIO):
        read_so_far = 0

        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            self.read_so_far += len(chunk)
            return chunk

    from samestory.ingest.warc import iter_warc

    stream = Counting(data)
    articles = iter_warc(stream, source="mem", settings=Settings(), skips=Skips())
    next(articles)
    assert stream.read_so_far < len(data) / 2
    assert len(list(articles)) == 2
    assert stream.read_so_far == len(data)


def test_page_over_the_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    path.write_bytes(_three_pages(False)[0])
    skips = Skips()
    articles = list(iter_read(path, Settings(max_input_bytes=300), skips=skips))
    assert articles == []
    assert skips.by_reason == {"too-large": 3}


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is just some text pretending to be an archive.\n" * 5)
    with pytest.raises(InputError, match="not a WARC file"):
        read(path)
    skips = Skips()
    assert list(iter_read(path, skips=skips)) == []
    assert skips.by_reason == {"bad-archive": 1}


def test_binary_not_a_warc_is_refused_in_one_readable_line(tmp_path: Path) -> None:
    path = tmp_path / "noise.warc"
    path.write_bytes(bytes(range(128, 256)) * 8)  # warcio quotes such bytes as Latin-1
    with pytest.raises(InputError, match="not a WARC file") as caught:
        read(path)
    said = str(caught.value)
    assert said.isascii() and said.isprintable() and "\\x" in said


def test_warc_without_usable_pages_is_an_error_for_read(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    write_response(writer, "https://talbote.example/empty", b"")
    write_response(writer, "https://talbote.example/a.png", b"\x89PNG", content_type="image/png")
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(out.getvalue())
    with pytest.raises(NoMainTextError, match=r"nothing\.warc\.gz"):
        read(path)


def test_warc_bytes_are_sniffed() -> None:
    data = _three_pages(True)[0]
    assert [a.url for a in read_bytes(data)] == list(PAGES)
    skips = Skips()
    assert len(list(iter_read("-", stdin=io.BytesIO(data), skips=skips))) == 3
    assert skips.total == 0
