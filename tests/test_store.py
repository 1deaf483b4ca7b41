"""The SQLite store: schema, codec, batches, queries, bad files."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from samestory.cluster import StoryEvent
from samestory.errors import NotFoundError, StoreError
from samestory.models import Analysis, Article, DateMention, Mention, Quantity, Sentence
from samestory.store import SCHEMA_VERSION, SQLiteStore, canonical_url, roundtrip


def _analysis(title: str, url: str | None = None, lang: str = "en", day: int = 1) -> Analysis:
    art = Article.create(
        title,
        f"{title} body text that is long enough.",
        url=url,
        outlet="Paper",
        published=dt.datetime(2025, 3, day, 12, tzinfo=dt.UTC),
    )
    rng = np.random.default_rng(len(title))
    emb = rng.normal(size=(3, 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return Analysis(
        article=art,
        language=lang,
        text=art.text,
        sentences=[Sentence(0, title, 0, len(title))],
        mentions=[Mention("Ljubljana", "LOC", "Ljubljana", "geo:city:1", 0, 9, 0)],
        dates=[
            DateMention("in May", dt.date(2025, 5, 1), dt.date(2025, 5, 31), "month", True, 0, 6, 0)
        ],
        quantities=[Quantity("7 dead", 7.0, None, "dead", 0, 6, True, 0)],
        embedding=emb[0],
        sentence_embeddings=emb,
        quantity_embeddings=emb[:1],
    )


def test_codec_roundtrip_keeps_everything_but_precision():
    a = _analysis("Floods in Slovenia")
    b = roundtrip(a)
    assert (b.sentences, b.mentions, b.dates, b.quantities) == (
        a.sentences,
        a.mentions,
        a.dates,
        a.quantities,
    )
    assert b.sentence_embeddings is not None and a.sentence_embeddings is not None
    assert np.allclose(b.sentence_embeddings, a.sentence_embeddings, atol=1e-3)
    assert roundtrip(b).embedding.tobytes() == b.embedding.tobytes()  # stable after one trip


def test_batches_stories_and_merge_redirect():
    store = SQLiteStore()
    a1, a2, a3 = _analysis("One", day=1), _analysis("Two", lang="fr", day=2), _analysis("Three")
    s1, s3 = f"s{a1.article.id}", f"s{a3.article.id}"
    store.write_batch(
        [a1, a2],
        [
            StoryEvent("created", s1, a1.article.id),
            StoryEvent("added", s1, a2.article.id, score=0.9),
        ],
    )
    store.write_batch([a3], [StoryEvent("created", s3, a3.article.id)])
    rows = store.stories()
    assert {r["id"]: r["size"] for r in rows} == {s1: 2, s3: 1}
    assert set(store.stories(language="fr")[0]["languages"]) == {"en", "fr"}
    assert [r["id"] for r in store.stories(entity="ljubljana")] != []
    assert store.stories(entity="Paris") == []
    store.write_batch([], [StoryEvent("merged", s1, other=s3, score=0.8)])
    assert store.story(s3)["id"] == s1  # a merged id leads to the survivor
    assert store.story(s1)["size"] == 3
    assert [e["kind"] for e in store.story(s1)["events"]] == ["created", "added", "merged"]
    assert store.counts() == {"articles": 3, "stories": 1, "events": 4}
    got = store.analysis(a2.article.id)
    assert got.article == a2.article and got.language == "fr"
    with pytest.raises(NotFoundError):
        store.story("nope")


def test_known_by_hash_or_canonical_url():
    store = SQLiteStore()
    a = _analysis("Story", url="https://www.example.org/news/1/?utm_source=x#top")
    store.write_batch([a], [StoryEvent("created", "s1", a.article.id)])
    assert store.is_known(a.article)
    other = Article.create("Different text", "but the same page", url="http://example.org/news/1")
    assert store.is_known(other)
    assert not store.is_known(Article.create("New", "page", url="https://example.org/news/2"))


def test_a_batch_is_all_or_nothing():
    store = SQLiteStore()
    a = _analysis("Alpha")
    store.write_batch([a], [StoryEvent("created", "s1", a.article.id)])
    b = _analysis("Beta")
    with pytest.raises(sqlite3.IntegrityError):  # the same article twice in one batch
        store.write_batch([b, b], [])
    assert store.count_articles() == 1
    assert not store.is_known(b.article)


def test_migrations_run_once(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        SQLiteStore(bad)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("url", "canon"),
    [
        ("https://www.Example.org/a/?utm_medium=x&b=2#f", "https://example.org/a?b=2"),
        ("http://example.org/a", "https://example.org/a"),
        ("not a url", None),
    ],
)
def test_canonical_url(url, canon):
    assert canonical_url(url) == canon
