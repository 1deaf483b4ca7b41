"""iter_read: every format, folders, JSON Lines streamed, URLs (mocked), skips counted."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import samestory.ingest.fetch as fetch
from samestory.errors import FileTooLargeError, NotFoundError, UnsupportedFormatError
from samestory.ingest import Skips, iter_read, read
from samestory.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (
    "<!doctype html><html lang='en'><head><title>Quay Street cycle lanes approved</title>"
    "</head><body><article><h1>Quay Street cycle lanes approved</h1>"
    "<p>Portmere council voted by eleven to four on Wednesday to build protected cycle "
    "lanes along Quay Street, after a year of consultation with shopkeepers.</p>"
    "<p>Work is due to start in June and to last four months, the council said.</p>"
    "</article></body></html>"
)


def _record(title: str, text: str, **extra: str) -> str:
    return json.dumps({"title": title, "text": text, **extra}, ensure_ascii=False)


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://harbour-gazette.example/lanes",
                "response",
                payload=io.BytesIO(PAGE.encode()),
                http_headers=http,
            )
        )


def test_folder_mixing_formats(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "crawl").mkdir()
    shutil.copy(FIXTURES / "ingest" / "article.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "ingest" / "page.html", tmp_path / "b.html")
    shutil.copy(FIXTURES / "feeds" / "harbour.rss", tmp_path / "feeds" / "harbour.rss")
    shutil.copy(FIXTURES / "feeds" / "broken.xml", tmp_path / "feeds" / "broken.xml")
    _warc(tmp_path / "crawl" / "day1.warc.gz")
    (tmp_path / "c.jsonl").write_text(
        _record("Lanes approved", "The council approved the cycle lanes on Wednesday.")
        + "\n"
        + '{"title": "Cut off", "text": "This line was cut in the mid\n'
        + "\n"
        + _record("Only a title", "")
        + "\n"
        + _record("Lighthouse reopens", "The lighthouse museum opened again on Saturday.")
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("# not an input format")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nA hidden file is not read at all.")

    skips = Skips()
    articles = list(iter_read(tmp_path, skips=skips))
    sources = [Path(a.source or "").relative_to(tmp_path).as_posix() for a in articles]
    assert sources == [
        "a.txt",
        "b.html",
        "c.jsonl",
        "c.jsonl",
        "crawl/day1.warc.gz",
        "feeds/harbour.rss",
        "feeds/harbour.rss",
        "feeds/harbour.rss",
    ]
    assert [a.title for a in articles if a.source == str(tmp_path / "c.jsonl")] == [
        "Lanes approved",
        "Lighthouse reopens",
    ]
    assert skips.by_reason == {"bad-record": 1, "no-text": 4, "bad-feed": 1, "unsupported": 1}
    assert skips.by_source == {
        str(tmp_path / "c.jsonl"): 2,  # the cut line and the record without text
        str(tmp_path / "empty.txt"): 1,
        str(tmp_path / "feeds" / "broken.xml"): 1,
        str(tmp_path / "feeds" / "harbour.rss"): 2,
        str(tmp_path / "notes.md"): 1,  # another file type: counted, not read
    }
    assert skips.ignored == {"hidden-file": 1}
    assert skips.files == 8  # every file but the hidden one
    assert skips.summary() == (
        "skipped 7 records (4 no-text, 1 bad-record, 1 bad-feed, 1 unsupported)"
    )
    assert any("c.jsonl, line 2" in e for e in skips.examples)


def test_jsonl_is_streamed_past_the_file_size_limit(tmp_path: Path) -> None:
    settings = Settings(max_input_bytes=400)
    path = tmp_path / "big.jsonl"
    lines = [_record(f"Story {i}", f"Body of story number {i}, long enough.") for i in range(20)]
    lines.insert(5, _record("Too long", "x" * 500))
    lines.insert(9, "not json at all")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > settings.max_input_bytes
    with pytest.raises(FileTooLargeError):
        read(path, settings)  # the strict reader keeps its whole-file limit
    skips = Skips()
    articles = list(iter_read(path, settings, skips=skips))
    assert [a.title for a in articles] == [f"Story {i}" for i in range(20)]
    assert skips.by_reason == {"too-large": 1, "bad-record": 1}
    assert any("line 6" in e for e in skips.examples)  # the long line, counted by number
    assert any("line 10" in e for e in skips.examples)


def test_jsonl_line_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = _record("Première", "Une phrase en français, assez longue.")
    latin = _record("Deuxième", "Une autre phrase écrite en Latin-1.")
    # A UTF-8 byte-order mark, then a line in Latin-1: each line is decoded on its own.
    path.write_bytes(b"\xef\xbb\xbf" + good.encode() + b"\n" + latin.encode("latin-1") + b"\n")
    assert [a.title for a in iter_read(path)] == ["Première", "Deuxième"]


def test_source_errors_raise_at_call_time(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        iter_read(tmp_path / "nope.txt")  # no next(): raised before iterating
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsupportedFormatError, match=r"\.warc\.gz"):
        iter_read(tmp_path / "a.pdf")
    with pytest.raises(NotFoundError):
        iter_read("  ")


def test_empty_folder_yields_nothing(tmp_path: Path) -> None:
    skips = Skips()
    assert list(iter_read(tmp_path, skips=skips)) == []
    assert skips.total == 0


def test_stdin_jsonl_counts_bad_lines() -> None:
    data = (_record("One", "The first story of the stream.") + "\n{broken\n").encode()
    skips = Skips()
    assert [a.title for a in iter_read("-", stdin=io.BytesIO(data), skips=skips)] == ["One"]
    assert skips.by_reason == {"bad-record": 1}


# --- URLs (no network: httpx.MockTransport) -------------------------------------------


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    feed = (FIXTURES / "feeds" / "harbour.rss").read_bytes()
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        requested.append(url)
        if url.endswith("/feed"):
            return httpx.Response(
                200, content=feed, headers={"Content-Type": "application/rss+xml"}
            )
        if url.endswith("/old-lanes"):
            return httpx.Response(
                301, headers={"Location": "https://harbour-gazette.example/lanes"}
            )
        if url.endswith("/lanes"):
            return httpx.Response(200, text=PAGE, headers={"Content-Type": "text/html"})
        if url.endswith("/huge"):
            return httpx.Response(200, content=b"x" * 5000, headers={"Content-Type": "text/plain"})
        if url.startswith("https://down.example"):
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(404)

    monkeypatch.setattr(fetch, "_TRANSPORT", httpx.MockTransport(handler))
    return requested


def test_feed_url(web: list[str]) -> None:
    skips = Skips()
    articles = list(iter_read("https://harbour-gazette.example/feed", skips=skips))
    assert len(articles) == 3
    assert articles[0].url == "https://www.harbour-gazette.example/news/ferry-resumes"
    assert {a.source for a in articles} == {"https://harbour-gazette.example/feed"}
    assert skips.by_reason == {"no-text": 2}


def test_page_url_follows_redirects_and_fills_url_and_outlet(web: list[str]) -> None:
    [article] = iter_read("https://harbour-gazette.example/old-lanes")
    assert web == [
        "https://harbour-gazette.example/old-lanes",
        "https://harbour-gazette.example/lanes",
    ]
    assert article.title == "Quay Street cycle lanes approved"
    assert article.url == "https://harbour-gazette.example/lanes"
    assert article.outlet == "harbour-gazette.example"
    assert article.source == "https://harbour-gazette.example/old-lanes"


@pytest.mark.parametrize(
    ("url", "reason", "words"),
    [
        ("https://harbour-gazette.example/missing", "fetch-error", "HTTP 404"),
        ("https://down.example/page", "fetch-error", "ConnectError"),
        ("https://harbour-gazette.example/huge", "too-large", "max_input_bytes"),
    ],
)
def test_url_failures_are_counted_skips(web: list[str], url: str, reason: str, words: str) -> None:
    skips = Skips()
    assert list(iter_read(url, Settings(max_input_bytes=1000), skips=skips)) == []
    assert skips.by_reason == {reason: 1}
    assert skips.by_source == {url: 1}
    assert words in skips.examples[0]


def test_read_does_not_fetch_urls(web: list[str]) -> None:
    with pytest.raises(NotFoundError, match="bulk ingest"):
        read("https://harbour-gazette.example/feed")
    assert web == []
