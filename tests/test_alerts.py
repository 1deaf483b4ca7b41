"""Alerts end to end: a stream through the ingest path the watcher uses (StoryIngest,
whose after-batch hook evaluates the watches), three watches' exact events, in the
Atom feed and at a loopback webhook (500 first, then accepted), once each -- also
after a crash between a batch's commit and its evaluation, and a restart."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest
from fastapi.testclient import TestClient

from samestory.alerts import Watch
from samestory.alerts.evaluate import after_batch, evaluate
from samestory.engine import Engine
from samestory.errors import InvalidValueError
from samestory.ingest import read_bytes
from samestory.models import Article
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.watches import WatchTable
from samestory.stream import StoryIngest
from sources_table import make_sources_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
SECRET = "shared-secret"
# Two stories arriving interleaved, two articles a batch.
ORDER = [
    "measles-fr-echo",
    "marathon-fr-sprint",
    "measles-fr-horizon",
    "marathon-en-cp",
    "measles-en-cp",
    "marathon-es-deportes",
    "measles-de-abendpost",
    "marathon-de-sportecho",
    "measles-es-diarioglobal",
]


def _articles(settings: Settings) -> list[Article]:
    lines = {json.loads(x)["id"]: x for x in CORPUS.read_text(encoding="utf-8").splitlines()}
    data = "\n".join(lines[i] for i in ORDER).encode()
    return read_bytes(data, name="stream.jsonl", settings=settings)


class Hook(BaseHTTPRequestHandler):
    received: list[dict[str, Any]]
    answers: list[int]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status = self.answers.pop(0) if self.answers else 200
        self.received.append({"status": status, "body": body, "headers": dict(self.headers)})
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def webhook() -> Iterator[dict[str, Any]]:
    handler = type("H", (Hook,), {"received": [], "answers": [500]})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/hook", "handler": handler}
    server.shutdown()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing", webhook_backoff=0.01, webhook_attempts=3))


def _watches(store: SQLiteStore, hook: str) -> dict[str, int]:
    table = WatchTable(store)
    return {
        "new": table.add(Watch("French stories", language="fr")),
        "grown": table.add(
            Watch(
                "Continental Press at 4", outlet="Continental Press", events=("grown",), grow_to=4
            ),
            webhook=hook,
            secret=SECRET,
        ),
        "conflict": table.add(
            Watch("Lyon conflicts", words="lyon", events=("conflict",)), webhook=hook, secret=SECRET
        ),
        "reach": table.add(Watch("Lyon reach", entity="Lyon", events=("language", "country"))),
    }


def _keys(store: SQLiteStore, wid: int) -> list[str]:
    return [e["key"] for e in reversed(WatchTable(store).events(wid, limit=500))]


def _story_of(store: SQLiteStore, article_id: str) -> str:
    sid = store.story_of(article_id)
    assert sid is not None
    return sid


def _expected(store: SQLiteStore, articles: list[Article]) -> dict[str, list[str]]:
    ids = dict(zip(ORDER, (a.id for a in articles), strict=True))
    measles, marathon = (
        _story_of(store, ids["measles-fr-echo"]),
        _story_of(store, ids["marathon-fr-sprint"]),
    )
    return {
        "new": [f"new:{measles}", f"new:{marathon}"],
        # Both reach 4 in the same batch (articles 7 and 8): in story id order.
        "grown": sorted([f"grown:{marathon}:4", f"grown:{measles}:4"]),
        "conflict": [f"conflict:{measles}:number:cas:47|52"],
        "reach": [
            f"language:{measles}:en",
            f"country:{measles}:GB",
            f"language:{measles}:de",
            f"country:{measles}:DE",
            f"language:{measles}:es",
            f"country:{measles}:ES",
        ],
    }


def _run(path: Path, engine: Engine, hook: str, *, crash_after: int | None = None) -> SQLiteStore:
    store = SQLiteStore(path)
    make_sources_table(store)
    _watches(store, hook)
    articles = _articles(engine.settings)
    runner = StoryIngest(engine, store, batch_size=2)
    if crash_after is not None:
        calls = {"n": 0}

        def crashing(s: SQLiteStore, settings: Settings) -> None:
            calls["n"] += 1
            if calls["n"] == crash_after:  # the batch is committed, its evaluation is not
                raise KeyboardInterrupt
            after_batch(s, settings)

        runner.after_batch = [crashing]
        with pytest.raises(KeyboardInterrupt):
            runner.ingest_articles(articles)
        store.close()
        store = SQLiteStore(path)  # a restart: a new process, the same file
        runner = StoryIngest(engine, store, batch_size=2)
    runner.ingest_articles(articles)
    runner.settle()
    return store


@pytest.fixture(scope="module")
def clean(
    tmp_path_factory: pytest.TempPathFactory, engine: Engine, webhook: dict[str, Any]
) -> Iterator[SQLiteStore]:
    store = _run(tmp_path_factory.mktemp("clean") / "clean.db", engine, webhook["url"])
    yield store
    store.close()


def test_three_watches_fire_their_exact_events_once(
    clean: SQLiteStore, engine: Engine, webhook: dict[str, Any]
) -> None:
    store = clean
    watches = {w["name"]: w["id"] for w in WatchTable(store).all()}
    ids = dict(zip(["new", "grown", "conflict", "reach"], sorted(watches.values()), strict=True))
    expected = _expected(store, _articles(engine.settings))
    for name, wid in ids.items():
        assert _keys(store, wid) == expected[name], name
    # Nothing new on a second evaluation of the same state.
    assert evaluate(store, engine.settings) == 0

    # Atom: a valid feed per watch, one entry per event, stable ids.
    client = TestClient(create_app(engine.settings, store=store, engine=engine))
    for name, wid in ids.items():
        r = client.get(f"/watches/{wid}.atom")
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(r.content)
        assert not feed.bozo, feed.get("bozo_exception")
        got = sorted(e.id for e in feed.entries)
        assert got == sorted(f"urn:samestory:watch:{wid}:{k}" for k in expected[name])
        assert all(e.link.startswith("http://testserver/stories/s") for e in feed.entries)

    # Webhook: the first POST got a 500 and was retried; every event arrived once, signed.
    received = webhook["handler"].received
    assert received[0]["status"] == 500
    accepted = [r for r in received if r["status"] == 200]
    bodies = [json.loads(r["body"]) for r in accepted]
    sent = sorted(b["id"] for b in bodies)
    want = sorted(f"{ids[n]}:{k}" for n in ("grown", "conflict") for k in expected[n])
    assert sent == want
    assert received[0]["body"] == accepted[0]["body"]  # the retry is the same event
    for r in accepted:
        mac = hmac.new(SECRET.encode(), r["body"], hashlib.sha256).hexdigest()
        assert r["headers"]["X-Samestory-Signature"] == f"sha256={mac}"
    hooked = [e for n in ("grown", "conflict") for e in WatchTable(store).events(ids[n])]
    assert all(e["delivered"] for e in hooked)
    assert sum(e["attempts"] for e in hooked) == len(hooked) + 1  # one retry, after the 500


def test_a_crash_between_commit_and_evaluation_loses_and_doubles_nothing(
    tmp_path: Path, clean: SQLiteStore, engine: Engine, webhook: dict[str, Any]
) -> None:
    want = {w["name"]: _keys(clean, w["id"]) for w in WatchTable(clean).all()}
    crashed = _run(tmp_path / "crashed.db", engine, webhook["url"], crash_after=5)
    got = {w["name"]: _keys(crashed, w["id"]) for w in WatchTable(crashed).all()}
    assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in want.items()}
    assert sum(map(len, got.values())) == 11
    # A restart that re-reads everything (all duplicates) fires nothing.
    again = StoryIngest(engine, crashed, batch_size=2)
    report = again.ingest_articles(_articles(engine.settings))
    assert report.duplicates == len(ORDER) and evaluate(crashed, engine.settings) == 0
    assert {w["name"]: _keys(crashed, w["id"]) for w in WatchTable(crashed).all()} == got


def test_a_new_watch_reports_only_what_happens_after_it(tmp_path: Path, engine: Engine) -> None:
    store = SQLiteStore()
    articles = _articles(engine.settings)
    runner = StoryIngest(engine, store, batch_size=4)
    runner.ingest_articles(articles[:4])
    wid = WatchTable(store).add(Watch("all", events=("new", "grown"), grow_to=3))
    assert evaluate(store, engine.settings) == 0 and _keys(store, wid) == []
    runner.ingest_articles(articles[4:])
    keys = _keys(store, wid)
    assert keys and all(k.startswith("grown:") for k in keys)  # both stories existed


def test_watch_validation() -> None:
    with pytest.raises(InvalidValueError):
        Watch("x", events=("bogus",))
    with pytest.raises(InvalidValueError):
        Watch("x", events=("grown",))
    with pytest.raises(InvalidValueError):
        Watch.from_dict({"name": "x", "colour": "red"})
    with pytest.raises(InvalidValueError):
        Watch.from_dict({"name": "x", "entity": 3})
    with pytest.raises(InvalidValueError):
        Watch.from_dict({"name": "x", "min_size": "many"})
    with pytest.raises(InvalidValueError):
        Watch.from_dict({"entity": "x"})  # no name
    w = Watch.from_dict({"name": "x", "events": "new,grown", "grow_to": "5", "words": ""})
    assert w.events == ("new", "grown") and w.grow_to == 5 and w.words is None


def test_detect_and_the_feed_are_pure_and_escape_titles() -> None:
    from samestory.alerts import Snapshot, detect, matches
    from samestory.alerts.feed import atom_feed, sign

    snap = Snapshot(
        id="s1",
        title="<script>x</script> Crue à Valence",
        size=3,
        languages=["es", "en"],
        countries=["ES"],
        outlets=frozenset({"diario"}),
        entities=frozenset({"geo:city:2509954", "valencia"}),
        words=frozenset({"crue", "a", "valence"}),
        conflicts=[("number:muertos:7|8", "muertos: 7 vs 8")],
    )
    assert matches(Watch("w", words="Crue À VALENCE", entity="Valencia"), snap)
    assert not matches(Watch("w", country="fr"), snap)
    assert not matches(Watch("w", min_size=4), snap)
    w = Watch("w", events=("new", "grown", "language", "country", "conflict"), grow_to=3)
    keys = [e.key for e in detect(w, snap)]
    assert keys == [
        "new:s1",
        "grown:s1:3",
        "language:s1:en",  # es was the first article's language: no event
        "conflict:s1:number:muertos:7|8",
    ]
    rows = [
        {
            "key": e.key,
            "kind": e.kind,
            "story": e.story,
            "detail": e.detail,
            "data": e.data,
            "at": "2025-03-11T10:00:00+00:00",
        }
        for e in detect(w, snap)
    ]
    body = atom_feed(
        {"id": 1, "name": "<b>w</b>", "created": "2025-01-01T00:00:00+00:00"}, rows, "http://h/"
    )
    assert b"<script>" not in body
    feed = feedparser.parse(body)
    assert not feed.bozo and len(feed.entries) == 4
    assert feed.entries[0].title.startswith("New story: <script>x</script>")  # text, not markup
    assert sign("k", b"{}") == "sha256=" + hmac.new(b"k", b"{}", hashlib.sha256).hexdigest()


def test_a_down_receiver_is_retried_with_backoff_then_left_until_due() -> None:
    from samestory.alerts import Event
    from samestory.alerts.deliver import deliver

    handler = type("Down", (Hook,), {"received": [], "answers": [500] * 100})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        store = SQLiteStore()
        table = WatchTable(store)
        url = f"http://127.0.0.1:{server.server_port}/"
        wid = table.add(Watch("w"), webhook=url, secret="k")
        with store.conn:
            table.record(wid, [Event(f"new:s{i}", "new", f"s{i}", "t") for i in range(3)])
        waits: list[float] = []
        settings = Settings(webhook_attempts=3, webhook_backoff=0.5)
        assert deliver(store, settings, sleep=waits.append) == {"sent": 0, "failed": 1}
        assert waits == [0.5, 1.0]  # exponential backoff between the three tries
        assert len(handler.received) == 3  # one event tried; the others wait
        assert deliver(store, settings, sleep=waits.append) == {"sent": 0, "failed": 0}
        events = table.events(wid)
        assert all(e["delivered"] is None for e in events)
        assert [e["attempts"] for e in events] == [0, 0, 3]
        assert events[-1]["last_error"] == "HTTP 500"
    finally:
        server.shutdown()


def _landed(store: SQLiteStore) -> set[tuple[str, str, frozenset[str]]]:
    """(watch, kind, the final article set of the story the event's story ended in),
    for events whose condition still holds on that story."""
    conn = store.conn
    merged = dict(conn.execute("SELECT id, merged_into FROM stories").fetchall())
    members: dict[str, frozenset[str]] = {}
    for aid, sid in conn.execute("SELECT article_id, story_id FROM memberships"):
        members[sid] = members.get(sid, frozenset()) | {aid}
    out = set()
    rows = conn.execute(
        "SELECT w.name, e.kind, e.story_id FROM watch_events e"
        " JOIN watches w ON w.id = e.watch_id WHERE e.baseline = 0"
    ).fetchall()
    for name, kind, sid in rows:
        while merged.get(sid):
            sid = merged[sid]
        if sid in members and (kind != "grown" or len(members[sid]) >= 3):
            out.add((name, kind, members[sid]))
    return out


def test_final_stories_get_the_same_events_whatever_the_batch_boundaries(
    engine: Engine,
) -> None:
    # A kill and restart re-cuts the stream into other batches; the stories a run ends
    # with must then get the same alerts (bench_watch compares its runs this way).
    rows = CORPUS.read_text(encoding="utf-8").splitlines()
    lines = "\n".join(rows[:20]).encode()  # a few stories, several articles each
    got = []
    for size in (2, 7):
        store = SQLiteStore()
        table = WatchTable(store)
        table.add(Watch("all new", events=("new",)))
        table.add(Watch("at 3", events=("grown",), grow_to=3))
        runner = StoryIngest(engine, store, batch_size=size)
        runner.ingest_articles(read_bytes(lines, name="corpus.jsonl", settings=engine.settings))
        runner.settle()
        landed = _landed(store)
        finals = {s for _, _, s in landed}
        stories = set(store.memberships().values())
        assert len(finals) == len(stories)  # every final story has its "new" event
        assert {s for n, k, s in landed if k == "grown"} == {s for s in finals if len(s) >= 3}
        got.append(landed)
        store.close()
    assert got[0] == got[1]
