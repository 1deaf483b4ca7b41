"""The watcher over real HTTP on loopback (a server each test starts), model-free.

Each behaviour of issue 19's point 2 is shown by a test that fails without it:
feeds that change between polls, conditional GET (ETag and Last-Modified), the
per-host rate limit and the concurrency cap, timeouts, retries with exponential
backoff (within a poll and across polls), robots.txt, the size cap, malformed feeds,
the refusal of private targets (and redirects to them) for API-added sources, news
sitemaps and folders. What a poll stores (crash safety, other writers of the store,
one batch a round) is test_watch_ingest.py's. Time is a fake clock (watching.py).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from loopback import Hit, conditional, http_date, rss
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.sources import SourceTable
from samestory.watch import Fetcher, add_source
from watching import T0, Clock, add, engine_fixture, feed_item, make_watcher, server_fixture

# pytest finds the fixtures `engine` and `server` (watching.py) in this module's names.
_FIXTURES = (engine_fixture, server_fixture)


def test_a_feed_that_changes_between_polls_is_ingested_once(engine, server) -> None:
    items = [feed_item(1), feed_item(2)]
    server.routes["/feed"] = lambda hit: (
        200,
        {"Content-Type": "application/rss+xml"},
        rss("Lisbon Daily", items),
    )
    store, clock = SQLiteStore(), Clock()
    sid = add(store, server.url("/feed"), outlet="Lisbon Daily", country="pt")
    w = make_watcher(engine, store, clock)
    empty, items[:] = items[:], []
    assert [(p.status, p.error) for p in w.run_once()] == [("200", None)]  # nothing yet
    items[:] = empty
    clock.now += 60
    first = w.run_once()
    assert [(p.status, p.stored) for p in first] == [("200", 2)]
    assert w.run_once() == []  # not due again before its interval
    items.append(feed_item(3))
    clock.now += 60
    again = w.run_once()
    assert [(p.stored, p.duplicates) for p in again] == [(1, 2)]
    rows = store.conn.execute("SELECT outlet, source FROM articles").fetchall()
    assert len(rows) == 3 and {r[0] for r in rows} == {"Lisbon Daily"}
    assert {r[1] for r in rows} == {server.url("/feed")}
    (status,) = SourceTable(store).status()
    assert status["id"] == sid and status["kind"] == "feed" and status["country"] == "PT"
    assert status["articles_total"] == 3 and status["ok"] and status["polls"] == 3
    assert status["next_poll"] is not None


def test_conditional_get_with_etag_costs_nothing(engine, server) -> None:
    body = rss("Feed", [feed_item(1)])
    server.routes["/feed"] = lambda hit: conditional(body, '"v1"', None, hit)
    store, clock = SQLiteStore(), Clock()
    sid = add(store, server.url("/feed"))
    w = make_watcher(engine, store, clock)
    w.run_once()
    clock.now += 60
    (second,) = w.run_once()
    assert second.status == "304" and second.fetched == 0 and second.read == 0
    assert server.hits[-1].headers.get("if-none-match") == '"v1"'
    state = SourceTable(store).poll_state(sid)
    assert state.not_modified == 1 and state.saved == len(body) and state.bytes == len(body)


def test_conditional_get_with_last_modified(engine, server) -> None:
    stamp = http_date(T0 - 3600)
    body = rss("Feed", [feed_item(1)])
    server.routes["/feed"] = lambda hit: conditional(body, None, stamp, hit)
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/feed"))
    w = make_watcher(engine, store, clock)
    w.run_once()
    clock.now += 60
    (second,) = w.run_once()
    assert second.status == "304"
    assert server.hits[-1].headers.get("if-modified-since") == stamp


def test_requests_to_one_host_are_rate_limited(engine, server) -> None:
    clock = Clock()
    s = engine.settings.with_(watch_host_interval_s=2.0)
    fetcher = Fetcher(s, clock=clock, sleep=clock.sleep)
    server.routes["/a"] = lambda hit: (200, {}, b"a")
    for _ in range(3):
        fetcher.get(server.url("/a"))
    assert clock.slept == [2.0, 2.0]  # the 2nd and 3rd request waited their turn
    other = Fetcher(s.with_(watch_host_interval_s=0.0), clock=clock, sleep=clock.sleep)
    for _ in range(3):
        other.get(server.url("/a"))
    assert clock.slept == [2.0, 2.0]


def test_concurrency_is_capped(engine, server) -> None:
    def slow(hit: Hit) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.15)
        return 200, {}, rss("Slow", [feed_item(int(hit.path.strip("/s")), "slow")])

    store, clock = SQLiteStore(), Clock()
    for i in range(6):
        server.routes[f"/s{i}"] = slow
        add(store, server.url(f"/s{i}"))
    w = make_watcher(engine, store, clock, watch_concurrency=2)
    polls = w.run_once()
    assert len(polls) == 6 and all(p.status == "200" for p in polls)
    assert server.max_in_flight == 2


def test_a_slow_server_times_out_and_the_others_go_on(engine, server) -> None:
    # The slow server answers only when the test lets it (or after 30 s): a round that
    # waited for it would get its feed, not a time-out, so no wall-clock bound is needed.
    release = threading.Event()

    def hang(hit: Hit) -> tuple[int, dict[str, str], bytes]:
        release.wait(30)
        return 200, {}, rss("Late", [feed_item(1)])

    server.routes["/slow"] = hang
    server.routes["/fast"] = lambda hit: (200, {}, rss("Fast", [feed_item(2)]))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/slow"))
    add(store, server.url("/fast"))
    polls = {p.url: p for p in make_watcher(engine, store, clock, watch_timeout_s=0.3).run_once()}
    release.set()
    assert polls[server.url("/slow")].status == "error"
    assert "timed out" in (polls[server.url("/slow")].error or "")
    assert polls[server.url("/fast")].stored == 1


def test_transient_errors_are_retried_with_exponential_backoff(engine, server) -> None:
    answers = [500, 503]

    def flaky(hit: Hit) -> tuple[int, dict[str, str], bytes]:
        if answers:
            return answers.pop(0), {}, b"oops"
        return 200, {}, rss("Flaky", [feed_item(1)])

    server.routes["/flaky"] = flaky
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/flaky"))
    w = make_watcher(engine, store, clock, watch_retries=2, watch_retry_base_s=1.5)
    (p,) = w.run_once()
    assert p.status == "200" and p.stored == 1
    assert clock.slept == [1.5, 3.0] and server.count("/flaky") == 3


def test_a_failing_source_backs_off_and_shows_its_error(engine, server) -> None:
    server.routes["/down"] = lambda hit: (500, {}, b"down")
    store, clock = SQLiteStore(), Clock()
    sid = add(store, server.url("/down"), every="60s")
    w = make_watcher(engine, store, clock)
    waits = []
    for _ in range(4):
        (p,) = w.run_once()
        waits.append(p.next_poll - p.at)
        clock.now = p.next_poll
    assert waits == [60, 120, 240, 480]
    state = SourceTable(store).poll_state(sid)
    assert state.failures == 4 and "HTTP 500" in (state.last_error or "")
    server.routes["/down"] = lambda hit: (200, {}, rss("Back", [feed_item(1)]))
    (p,) = w.run_once()
    assert p.status == "200" and p.next_poll - p.at == 60
    assert SourceTable(store).poll_state(sid).last_error is None


def test_a_malformed_feed_is_an_error_not_a_crash(engine, server) -> None:
    server.routes["/bad"] = lambda hit: (
        200,
        {"Content-Type": "application/rss+xml"},
        b"<rss><channel><item><title>x</ti",
    )
    server.routes["/good"] = lambda hit: (200, {}, rss("Good", [feed_item(1)]))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/bad"), kind="feed")
    add(store, server.url("/good"))
    polls = {p.url: p for p in make_watcher(engine, store, clock).run_once()}
    assert polls[server.url("/bad")].status == "error"
    assert "feed" in (polls[server.url("/bad")].error or "")
    assert polls[server.url("/good")].stored == 1


def test_responses_over_the_size_cap_are_refused(engine, server) -> None:
    server.routes["/big"] = lambda hit: (200, {}, rss("Big", [feed_item(i) for i in range(40)]))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/big"))
    (p,) = make_watcher(engine, store, clock, watch_max_bytes=2000).run_once()
    assert p.status == "error" and "watch_max_bytes" in (p.error or "")
    assert store.count_articles() == 0


def _page(i: int) -> bytes:
    t = feed_item(i, "tram")
    return (
        f"<html><head><title>{t['title']}</title></head><body><article><h1>{t['title']}</h1>"
        f"<p>{t['description']}</p><p>The works start in May and last two years, the "
        f"transport authority of Lisbon said on Wednesday in a long statement.</p>"
        f"</article></body></html>"
    ).encode()


def test_news_sitemap_pages_are_fetched_and_robots_txt_obeyed(engine, server) -> None:
    urls = [server.url(f"/news/{i}") for i in range(3)] + [server.url("/private/9")]
    entries = "".join(
        f"<url><loc>{u}</loc><news:news><news:publication><news:name>Tram Times</news:name>"
        f"<news:language>pt</news:language></news:publication>"
        f"<news:publication_date>2026-12-04T10:0{i}:00Z</news:publication_date>"
        f"<news:title>Tram {i}</news:title></news:news></url>"
        for i, u in enumerate(urls)
    )
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
    ).encode()
    server.routes["/sitemap.xml"] = lambda hit: (200, {"Content-Type": "application/xml"}, sitemap)
    server.routes["/robots.txt"] = lambda hit: (200, {}, b"User-agent: *\nDisallow: /private/\n")
    for i in (0, 1, 2, 9):
        path = f"/news/{i}" if i < 9 else "/private/9"
        server.routes[path] = lambda hit, i=i: (200, {"Content-Type": "text/html"}, _page(i))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/sitemap.xml"))
    w = make_watcher(engine, store, clock)
    (p,) = w.run_once()
    assert p.status == "200" and p.stored == 3 and p.skipped == 1
    assert server.count("/private/9") == 0  # robots.txt said no
    rows = store.conn.execute("SELECT title, outlet, published FROM articles").fetchall()
    assert {r[0] for r in rows} == {"Tram 0", "Tram 1", "Tram 2"}
    assert {r[1] for r in rows} == {"Tram Times"}
    assert SourceTable(store).get(1).kind == "sitemap"
    clock.now += 60
    w.run_once()
    assert server.count("/news/1") == 1  # a stored page is not fetched again


def test_a_folder_source_reads_only_new_files(engine, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text(
        "Tram works start in Lisbon\n\n" + feed_item(1, "tram")["description"]
    )
    store, clock = SQLiteStore(), Clock()
    add(store, str(drop))
    w = make_watcher(engine, store, clock)
    assert w.run_once()[0].stored == 1
    (drop / "b.txt").write_text("Harbour works approved\n\n" + feed_item(2)["description"])
    clock.now += 60
    (p,) = w.run_once()
    assert p.read == 1 and p.stored == 1  # a.txt was not read again
    assert SourceTable(store).status()[0]["articles_total"] == 2


def test_api_sources_refuse_private_targets_and_redirects_to_them(
    engine, server, monkeypatch
) -> None:
    from samestory.errors import SameStoryError
    from samestory.serve import service

    real = service.check_public_url

    def public_localhost(url: str) -> None:  # "localhost" plays a public host here
        if "//localhost:" not in url:
            real(url)

    monkeypatch.setattr(service, "check_public_url", public_localhost)
    server.routes["/feed"] = lambda hit: (200, {}, rss("Feed", [feed_item(1)]))
    server.routes["/hop"] = lambda hit: (302, {"Location": server.url("/feed")}, b"")
    store, clock = SQLiteStore(), Clock()
    with pytest.raises(SameStoryError, match="non-public"):
        add_source(store, server.url("/feed"), Settings(), origin="api")
    hop = server.url("/hop", host="localhost")
    api = add_source(store, hop, Settings(), origin="api", every="60s")
    (p,) = make_watcher(engine, store, clock).run_once()
    assert p.status == "error" and "refused" in (p.error or "")
    assert server.count("/feed") == 0  # the redirect target was never requested
    # The operator's own source (CLI) may follow it; so may the API's when allowed.
    SourceTable(store).remove(api.id)
    add_source(store, hop, Settings(), every="60s")
    assert make_watcher(engine, store, clock).run_once()[0].stored == 1
    other = SQLiteStore()
    add_source(other, hop, Settings(), origin="api")
    (p,) = make_watcher(engine, other, clock, watch_allow_private=True).run_once()
    assert p.status == "200" and p.duplicates + p.stored == 1
