"""What the watcher's polls store, over real HTTP on loopback, model-free: crash safety
(poll state committed after its articles), another writer of the store between polls,
and the polls of a round ingested as one batch. Time is a fake clock (watching.py)."""

from __future__ import annotations

from typing import Any

import pytest

from loopback import conditional, rss
from samestory.store import SQLiteStore
from samestory.store.sources import SourceTable
from watching import Clock, add, engine_fixture, feed_item, make_watcher, server_fixture

# pytest finds the fixtures `engine` and `server` (watching.py) in this module's names.
_FIXTURES = (engine_fixture, server_fixture)


def test_poll_state_is_committed_after_its_articles(engine, server, monkeypatch) -> None:
    body = rss("Feed", [feed_item(1), feed_item(2)])
    server.routes["/feed"] = lambda hit: conditional(body, '"v1"', None, hit)
    store, clock = SQLiteStore(), Clock()
    sid = add(store, server.url("/feed"))
    w = make_watcher(engine, store, clock)

    def crash(*args: Any, **kw: Any) -> None:
        raise KeyboardInterrupt  # killed after the articles, before the state

    monkeypatch.setattr(w.table, "save_poll", crash)
    with pytest.raises(KeyboardInterrupt):
        w.run_once()
    assert store.count_articles() == 2
    assert SourceTable(store).poll_state(sid).etag is None  # so the next poll re-reads
    again = make_watcher(engine, store, clock)  # a restart
    (p,) = again.run_once()
    assert p.status == "200" and p.stored == 0 and p.duplicates == 2
    assert store.count_articles() == 2
    assert SourceTable(store).poll_state(sid).etag == '"v1"'


def test_the_watcher_follows_another_writer_of_the_store(engine, server) -> None:
    """An article ingested by someone else (an `ingest`, the API) between two polls: the
    watcher's clusterer replays the log first, so a copy of it joins its story."""
    from samestory.models import Article
    from samestory.stream import StoryIngest

    item = feed_item(5)
    copy = {
        **item,
        "link": "https://copy.example/5",
        "description": "(Copy) " + item["description"],
    }
    items: list[dict[str, str]] = []
    server.routes["/feed"] = lambda hit: (200, {}, rss("Copies", items))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/feed"))
    w = make_watcher(engine, store, clock)
    w.run_once()  # nothing yet: the watcher's clusterer knows an empty store
    original = Article.create(item["title"], item["description"], url=item["link"])
    StoryIngest(engine, store).ingest_articles([original])
    items.append(copy)
    clock.now += 60
    (p,) = w.run_once()
    assert p.stored == 1
    stories = dict(
        store.conn.execute(
            "SELECT a.url, m.story_id FROM articles a JOIN memberships m ON m.article_id = a.id"
        )
    )
    assert stories[copy["link"]] == stories[item["link"]]


def test_the_watcher_catches_up_from_the_log_tail(engine, server, monkeypatch) -> None:
    """Another writer's batches between rounds: the watcher's clusterer replays only the
    events after the version it knew (not the whole log into a new clusterer, which
    re-read everything and dropped every cache each time), and ends in the state a
    full replay of the store gives."""
    from samestory.cluster import OnlineClusterer
    from samestory.models import Article
    from samestory.stream import StoryIngest

    items = [{**feed_item(9), "link": "https://feed.example/first"}]
    server.routes["/feed"] = lambda hit: (200, {}, rss("Feed", items))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/feed"))
    w = make_watcher(engine, store, clock)
    w.run_once()  # the store is not empty: a replay "after 0" would be the whole log
    other = StoryIngest(engine, store)
    clusterer, scorer = w.ingest.clusterer, w.ingest.scorer
    replays: list[int] = []
    full = store.replay_log
    monkeypatch.setattr(
        store, "replay_log", lambda after=0: (replays.append(after), full(after))[1]
    )
    for n in range(3):
        item = feed_item(n, "harbour" if n % 2 else "bridge")
        before = store.version()  # what the watcher's clusterer knows
        other.ingest_articles(
            [Article.create(item["title"], item["description"], url=item["link"])]
        )
        items.append({**feed_item(n + 10), "link": f"https://feed.example/{n}"})
        clock.now += 60
        (p,) = w.run_once()
        assert p.stored == 1
        assert before in replays and 0 not in replays  # the tail, never the whole log
    assert w.ingest.clusterer is clusterer and w.ingest.scorer is scorer
    fresh = OnlineClusterer(scorer, w.settings)
    fresh.replay(full())
    assert w.ingest.clusterer.assignment == fresh.assignment
    assert w.ingest.clusterer.stories() == fresh.stories()


def test_polls_of_a_round_are_ingested_together_and_counted_once(engine, server) -> None:
    """Two feeds carrying the same item in one round: stored once, the other poll counts
    it as a duplicate; each poll's state is saved after the shared batch."""
    shared = feed_item(8)
    server.routes["/a"] = lambda hit: (200, {}, rss("A", [shared, feed_item(9)]))
    server.routes["/b"] = lambda hit: (200, {}, rss("B", [shared]))
    store, clock = SQLiteStore(), Clock()
    add(store, server.url("/a"))
    add(store, server.url("/b"))
    polls = make_watcher(engine, store, clock).run_once()
    assert sorted(p.read for p in polls) == [1, 2]
    assert sum(p.stored for p in polls) == 2 and sum(p.duplicates for p in polls) == 1
    assert store.count_articles() == 2
    assert all(SourceTable(store).poll_state(p.source).polls == 1 for p in polls)
