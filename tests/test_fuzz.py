"""Fuzzing, the fast seeded subset (the full run is benchmarks/bench_fuzz.py), and the
inputs it found that crashed a reader, kept as regressions."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
import random
import time
from collections.abc import Iterator

import pytest

pytest.importorskip("hypothesis")

import fuzzing
import fuzzing_api
from samestory.engine import Engine
from samestory.errors import InputError
from samestory.ingest import read_bytes
from samestory.ingest.jsonload import json_depth
from samestory.settings import Settings

SETTINGS = Settings(embedder="hashing", scorer_embedder="hashing")
# Inputs per target: ~2,000 in all, seconds on 2 cores (the benchmark runs 100,000 each).
PER_READER = {"txt": 250, "json": 400, "jsonl": 250, "feed": 120, "stdin": 80}
PER_OTHER = 80


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    logging.disable(logging.WARNING)  # every refused input logs a warning by design
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.parametrize("target", fuzzing.READERS)
def test_reader_fuzz_no_traceback(target: str) -> None:
    n = PER_READER.get(target, PER_OTHER)
    stats = fuzzing.Stats(target)
    data = list(fuzzing.inputs(target, n, 18, fuzzing.seeds(target, limit_pages=0)))
    fuzzing.run_reader(target, data, stats, SETTINGS)
    assert stats.inputs == n
    assert stats.tracebacks == 0, stats.failures
    assert stats.refused
    if target != "warc.gz":  # a mutated gzip member never inflates to a page
        assert stats.accepted  # the inputs reach both outcomes


@pytest.mark.parametrize("target", fuzzing.ROUTES)
def test_route_fuzz_no_500(target: str) -> None:
    stats = fuzzing.Stats(target)
    data = list(fuzzing.inputs(target, 30, 18, fuzzing.seeds(target, limit_pages=0)))
    with fuzzing_api.RouteClient(Engine(SETTINGS)) as client:
        fuzzing_api.run_route(target, data, stats, client, random.Random(18))
    assert stats.tracebacks == 0 and stats.http_500 == 0, stats.failures
    assert stats.refused


# --- found by fuzzing: each raised a traceback before its fix ---
FOUND = {
    # lxml refuses control characters when entry HTML text is set back (ValueError).
    "control character in entry HTML": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A '
        b"title</title><description>&lt;p&gt;Some words \x01 of the story here, long enough "
        b"to pass.&lt;/p&gt;</description></item></channel></rss>",
        "x.rss",
    ),
    # A garbled encoding declaration: UnicodeDecodeError from inside feedparser.
    "garbled encoding declaration": (
        b'<?xml version=\x8d1.0" encoding="utf\xee8"?>\n<rss version="2.0"<channel><title>'
        b"Broken & C}\xc1\x03*\x81\xad8\x91'\xc5G`% E\xe2\xba_o</title><it5m><title>Half",
        "x.rss",
    ),
    # A NUL in the declared encoding's name: ValueError from codecs.lookup in feedparser.
    "NUL in the encoding name": (
        b'<?xml version="1.0" encoding="utf-8\x00\x00"?>\n<rss version="2.0"<channel><title>'
        b"Broken & Co</title><item><title>Half an item\n",
        "x.rss",
    ),
    # 100,000 brackets: RecursionError from json's decoder.
    "deep JSON": (b"[" * 100_000, "x.json"),
    "deep JSON line": (b'{"text": "x"}\n' + b'{"a":' * 50_000, "x.jsonl"),
}


@pytest.mark.parametrize("name", FOUND)
def test_fuzz_finding_is_a_refusal(name: str) -> None:
    data, source = FOUND[name]
    with contextlib.suppress(InputError):  # a refusal or articles; never another error
        read_bytes(data, name=source, settings=SETTINGS)


def test_deep_json_ld_in_a_page_is_ignored() -> None:
    ld = '<script type="application/ld+json">' + "[" * 50_000 + "</script>"
    page = f"<html><head><title>A title</title>{ld}</head><body><p>{'Words of a story. ' * 20}</p>"
    [article] = read_bytes(page.encode(), name="x.html", settings=SETTINGS)
    assert article.body.startswith("Words")


def test_json_depth_ignores_brackets_in_strings() -> None:
    assert json_depth('[1, {"a": "[[[\\"[[", "b": [[]]}]') == 4
    assert json_depth('"[[["') == 0
    with pytest.raises(InputError, match="max_json_depth"):
        read_bytes(
            json.dumps({"text": "x", "a": [[[[[1]]]]]}).encode(),
            name="x.json",
            settings=SETTINGS.with_(max_json_depth=4),
        )


# --- the hostile inputs: a counted skip within seconds, memory bounded ---
def _timed_refusal(data: bytes, name: str, settings: Settings, reason: str) -> float:
    start = time.perf_counter()
    with pytest.raises(InputError, match=reason):
        read_bytes(data, name=name, settings=settings)
    return time.perf_counter() - start


def test_page_of_nested_tags_is_skipped_fast() -> None:
    page = (b"<html><body><p>A headline</p>" + b"<div><a href='/x'>word</a>" * 400_000)[:10_000_000]
    assert _timed_refusal(page, "x.html", SETTINGS, "html_max_depth") < 10


def test_slow_page_hits_the_extraction_deadline() -> None:
    page = b"<html><body><p>A headline</p>" + b"<a href='/x'>word word</a> " * 30_000
    settings = SETTINGS.with_(extract_timeout=0.5, extract_isolate_tags=1000)
    assert _timed_refusal(page, "x.html", settings, "extract_timeout") < 5


def test_entity_expansion_in_a_feed_is_refused() -> None:
    feed = (
        f'<?xml version="1.0"?>{fuzzing._LAUGHS}<rss version="2.0"><channel><title>t</title>'
        "<item><title>Laughs</title><description>&a8;</description></item></channel></rss>"
    ).encode()
    assert _timed_refusal(feed, "x.rss", SETTINGS, "amplification") < 10


def test_gzip_bomb_in_a_warc_is_skipped_without_inflating_it() -> None:
    size = 30_000_000
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\n"
        b"WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response"
        b"\r\nContent-Length: %d\r\n\r\n" % (len(http) + size)
    )
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1) as g:
        g.write(head + http + b"a" * size + b"\r\n\r\n")
    settings = SETTINGS.with_(warc_max_record_bytes=1_000_000)
    assert _timed_refusal(buf.getvalue(), "x.warc.gz", settings, "warc_max_record_bytes") < 5


def test_route_client_counts_an_error_out_of_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process client (ASGI transport) turns an exception in a route into a 500
    that run_route counts, not a pass."""
    from samestory.serve.service import Service

    def broken(self: Service, a: object, b: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(Service, "compare", broken)
    stats = fuzzing.Stats("api-compare")
    text = "A long enough article about the flood in Valencia and its victims. " * 5
    body = json.dumps({"a": text, "b": text}).encode()
    with fuzzing_api.RouteClient(Engine(SETTINGS)) as client:
        r = client.post("/api/compare", content=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 500
        fuzzing_api.run_route(
            "api-compare", [("generated", body)] * 40, stats, client, random.Random(1)
        )
    assert stats.http_500 >= 1 and stats.failures


def test_a_resumed_run_makes_new_chunks() -> None:
    # A first run of 30 chunks of 50, stopped and resumed for 30 more: no chunk again.
    first = [fuzzing.chunk_seed(18, done, 50) for done in range(0, 1500, 50)]
    resumed = [fuzzing.chunk_seed(18, done, 50) for done in range(1500, 3000, 50)]
    assert len(set(first + resumed)) == 60
    assert list(fuzzing.inputs("json", 20, first[3], [])) == list(
        fuzzing.inputs("json", 20, first[3], [])
    )
