"""Two writers taking turns on one store file: each catches its clusterer up from the
tail of the event log the other appended (StoryIngest._catch_up), never by replaying
the whole log again, and ends in the stories a full replay on every turn gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from samestory.engine import Engine
from samestory.ingest import iter_read
from samestory.models import Article
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SETTINGS = Settings(embedder="hashing", scorer_embedder="hashing")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(SETTINGS)


def _turns(
    engine: Engine, db: Path, articles: list[Article]
) -> tuple[dict[str, str], list[int], list[int]]:
    """Writers A and B alternate, 5 articles a turn; returns the memberships, the
    `after` of every log read once both had started, and the versions at which a
    writer rebuilt its clusterer from the whole log."""
    writers = [StoryIngest(engine, SQLiteStore(db), batch_size=3) for _ in range(2)]
    reads: list[int] = []
    rebuilds: list[int] = []
    for ingest in writers:
        log, resume = ingest.store.replay_log, ingest._resume

        def tail(after: int = 0, log=log):  # type: ignore[no-untyped-def]
            reads.append(after)
            return log(after)

        def rebuild(ingest=ingest, resume=resume):  # type: ignore[no-untyped-def]
            rebuilds.append(ingest.store.version())
            return resume()

        ingest.store.replay_log = tail  # type: ignore[method-assign]
        ingest._resume = rebuild  # type: ignore[method-assign]
    for turn, start in enumerate(range(0, len(articles), 5)):
        ingest = writers[turn % 2]
        ingest.ingest_articles(articles[start : start + 5])
        ingest.settle()
    final = SQLiteStore(db)
    resumed = StoryIngest(engine, final).clusterer.assignment
    for ingest in writers:  # both caught up: the state a fresh replay of the log gives
        ingest.settle()
        assert ingest.clusterer.assignment == resumed
    return final.memberships(), reads, rebuilds


def test_turns_replay_only_the_tail_and_match_full_replays(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = list(iter_read(EXAMPLES / "corpus.jsonl"))
    incremental, reads, rebuilds = _turns(engine, tmp_path / "a.db", articles)
    # No writer re-read the whole log on its turn: each read only the tail the other
    # appended after its own last version (B's first turn: everything A wrote).
    assert rebuilds == [] and len(reads) >= 7
    assert reads[0] == 0 and all(after > 0 for after in reads[1:])

    def full(self: StoryIngest) -> None:  # how a writer caught up before: the whole log
        if self.store.version() != self._version:
            self.clusterer = self._resume()

    monkeypatch.setattr(StoryIngest, "_catch_up", full)
    replayed, _, rebuilt = _turns(engine, tmp_path / "b.db", articles)
    assert len(rebuilt) >= 7  # the old way: the whole log on every turn
    assert incremental == replayed
    assert len(set(incremental.values())) < len(incremental)  # some stories were joined


def test_a_log_that_shrank_is_replayed_whole(engine: Engine, tmp_path: Path) -> None:
    """A store swapped for an older copy (a restored backup): its version is behind the
    clusterer's, so the tail makes no sense and the whole log is replayed."""
    articles = list(iter_read(EXAMPLES / "corpus.jsonl"))[:8]
    db = tmp_path / "s.db"
    ingest = StoryIngest(engine, SQLiteStore(db), batch_size=4)
    ingest.ingest_articles(articles[:4])
    ingest.settle()
    version = ingest.store.version()
    ingest._version = version + 100  # as if the log behind it had been cut back
    ingest.ingest_articles(articles[4:])
    ingest.settle()
    assert ingest.clusterer.assignment == StoryIngest(engine, SQLiteStore(db)).clusterer.assignment
