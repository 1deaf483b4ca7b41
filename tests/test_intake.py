"""Nothing dropped silently in bulk ingest: every file of a folder ends in the counts,
and damaged WARC files are reported (issue #18, item 1). Model-free."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from samestory.ingest import Skips, iter_read

PAGE = (
    "<!doctype html><html lang='en'><head><title>Quay Street cycle lanes approved</title>"
    "</head><body><article><h1>Quay Street cycle lanes approved</h1>"
    "<p>Portmere council voted by eleven to four on Wednesday to build protected cycle "
    "lanes along Quay Street, after a year of consultation with shopkeepers.</p>"
    "<p>Work is due to start in {month} and to last four months, the council said.</p>"
    "</article></body></html>"
)
MONTHS = ("June", "July", "August")


def _warc(path: Path, *, html: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, month in enumerate(MONTHS):
            ctype = "text/html" if html else "image/png"
            body = PAGE.format(month=month).encode() if html else b"\x89PNG\r\n\x1a\n" + bytes(50)
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://harbour-gazette.example/{i}",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=http,
                )
            )


def test_every_file_of_a_folder_is_counted(tmp_path: Path) -> None:
    _warc(tmp_path / "pages.warc.gz")
    _warc(tmp_path / "images.warc.gz", html=False)  # no HTML response at all
    (tmp_path / "empty.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
        "<link>https://harbour-gazette.example/</link></channel></rss>"
    )
    (tmp_path / "nothing.json").write_text("[]")
    (tmp_path / "old.arc").write_bytes(b"filedesc://old.arc 0.0.0.0 20000101000000 text/plain 9\n")
    (tmp_path / "crawl.cdx").write_text(" CDX N b a m s k r M S V g\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    skips = Skips()
    articles = list(iter_read(tmp_path, skips=skips))
    assert len(articles) == 3
    named = {Path(s).name for s in skips.by_source}
    assert named == {"images.warc.gz", "empty.rss", "nothing.json", "old.arc", "crawl.cdx"}
    assert skips.by_reason == {"no-articles": 3, "unsupported": 2}
    assert skips.files == 6  # every file but the hidden one, which is counted apart
    assert skips.ignored["hidden-file"] == 1
    assert any("ARC file" in e for e in skips.examples)


def test_single_inputs_that_hold_nothing_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "nothing.json"
    path.write_text("[]")
    skips = Skips()
    assert list(iter_read(path, skips=skips)) == []
    assert skips.by_reason == {"no-articles": 1}
    stdin = Skips()
    assert list(iter_read("-", stdin=io.BytesIO(b"[]"), skips=stdin)) == []
    assert stdin.by_reason == {"no-articles": 1}


@pytest.mark.parametrize("cut", [4, 8, 12])
def test_warc_gz_cut_short_is_reported(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.warc.gz"
    _warc(path)
    data = path.read_bytes()
    path.write_bytes(data[:-cut])
    skips = Skips()
    articles = list(iter_read(path, skips=skips))
    # Every record still decoded (only the gzip trailer or the record's end is
    # missing) or the last one lost: either way the cut is counted, never silent.
    assert len(articles) in (2, 3)
    assert skips.total + sum(skips.warnings.values()) == 1
    assert "truncated" in skips.by_reason or skips.warnings == {"truncated": 1}
    assert "truncated" in skips.summary()


def _record(uri: str, body: bytes, *, length_error: int = 0) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\nWARC-Date: 2025-03-01T10:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + length_error}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_warcio_warning_is_counted_not_printed(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], compressed: bool
) -> None:
    records = [
        _record(f"https://harbour-gazette.example/{i}", PAGE.format(month=m).encode(), **kw)
        for i, (m, kw) in enumerate(zip(MONTHS, [{}, {"length_error": -10}, {}], strict=True))
    ]
    path = tmp_path / ("bad-length.warc.gz" if compressed else "bad-length.warc")
    path.write_bytes(
        b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records)
    )
    skips = Skips()
    assert len(list(iter_read(path, skips=skips))) == 3
    assert "WARNING" not in capfd.readouterr().err  # warcio's own multi-line message
    assert skips.warnings == {"bad-archive": 1}
    assert "record 2" in skips.examples[0]


def test_skips_can_keep_every_entry() -> None:
    skips = Skips(keep=True)
    skips.add("a.jsonl", "bad-record", "a.jsonl, line 2: invalid JSON")
    skips.add("b.json", "no-text", "b.json: no article text")
    assert skips.entries is not None
    assert [(e.source, e.reason) for e in skips.entries] == [
        ("a.jsonl", "bad-record"),
        ("b.json", "no-text"),
    ]
    assert json.dumps(skips.to_dict())  # the report stays JSON
