"""What runs inside Spark executors: plain functions over plain Python values.

Nothing here imports pyspark, so each step is testable without Spark and the job
module only wires them together. Models load once per executor Python process
(`engine_for` caches the Engine by its settings) and Spark reuses its Python workers
between tasks, so a partition never pays for loading them again.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from threadpoolctl import threadpool_limits

from ..cluster import doc_from_analysis, story_id_for
from ..cluster.batch import average_linkage
from ..cluster.doc import ClusterDoc
from ..engine import Engine
from ..errors import SameStoryError
from ..ingest import Skips, iter_read
from ..match import same_story_probability
from ..models import Analysis, Article
from ..report import build_report
from ..settings import Settings
from ..store.codec import decode_analysis, encode_analysis
from ..store.sqlite import canonical_url

__all__ = [
    "Analysed",
    "analysis_partitions",
    "article_row",
    "engine_for",
    "form_stories",
    "order_key",
    "read_file",
    "score_groups",
    "story_row",
]

# (article, encoded analysis row): what travels between stages; rows keep the float16
# form the store keeps, so every stage sees the numbers a single-machine run sees.
Analysed = tuple[Article, dict[str, Any]]
SkipFn = Callable[[dict[str, int], dict[str, int]], None]

_ENGINES: dict[Settings, Engine] = {}


def analysis_partitions(n_articles: int, parallelism: int, settings: Settings) -> int:
    """Partitions to analyse `n_articles` in: `scale_partitions` when set, else 4 per
    core, or more where a partition would hold over `scale_partition_articles`."""
    if settings.scale_partitions:
        return settings.scale_partitions
    cap = settings.scale_partition_articles
    by_size = -(-n_articles // cap) if cap > 0 else 0  # 0 or less: no size cap
    return max(1, parallelism * 4, by_size)


def engine_for(settings: Settings) -> Engine:
    """The executor process' Engine for these settings, built on first use."""
    engine = _ENGINES.get(settings)
    if engine is None:
        # Each task owns spark.task.cpus cores (the job passes them as embed_threads):
        # BLAS and OpenMP starting a thread per machine core in every task would
        # oversubscribe the executor many times over.
        threadpool_limits(limits=max(1, settings.embed_threads))
        engine = _ENGINES[settings] = Engine(settings)
    return engine


# --- reading ---
def read_file(
    path: str, settings: Settings, count: SkipFn, data: bytes | None = None
) -> Iterator[tuple[tuple[str, int], Article]]:
    """((source, record number), article) for every article of one input file.

    `data` is the file's content when Spark read it from a non-local file system;
    it is written to a local temporary file so that WARC and JSONL still stream
    through samestory's own reader. Skips are reported once, through `count`.
    """
    skips = Skips()
    tmp: str | None = None
    local = path.removeprefix("file://") if path.startswith("file:") else path
    try:
        if data is not None:
            tmp = tempfile.mkdtemp(prefix="samestory-")
            local = os.path.join(tmp, os.path.basename(path) or "input")
            with open(local, "wb") as fh:
                fh.write(data)
        for number, article in enumerate(iter_read(local, settings, skips=skips), 1):
            if tmp is not None:  # name the file as the user did, not the temporary copy
                source = (article.source or "").replace(local, path)
                article = _with_source(article, source or path)
            yield (path, number), article
    except SameStoryError as e:
        skips.add(path, "unreadable", str(e))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        count(dict(skips.by_reason), dict(skips.ignored))


def _with_source(article: Article, source: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, source=source)


def article_row(article: Article, seq: int) -> dict[str, Any]:
    """The `articles` row, with the SQLite store's columns (ingested_at: the run's time)."""
    return {
        "id": article.id,
        "seq": seq,
        "title": article.title,
        "lede": article.lede,
        "body": article.body,
        "url": article.url,
        "canonical_url": canonical_url(article.url),
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published_text,
        "source": article.source,
        "modified": article.modified.isoformat() if article.modified else None,
    }


# --- analysing ---
def analyse_partition(
    items: Iterable[tuple[int, Article]], settings: Settings, failed: SkipFn
) -> Iterator[tuple[str, tuple[int, Article, dict[str, Any]]]]:
    """(id, (seq, article, encoded analysis)) for every article that analyses."""
    engine = engine_for(settings)
    reasons: Counter[str] = Counter()
    for seq, article in items:
        try:
            row = encode_analysis(engine.analyse(article))
        except SameStoryError:
            reasons["analysis-failed"] += 1
            continue
        yield article.id, (seq, article, row)
    if reasons:
        failed(dict(reasons), {})


def decode(item: Analysed) -> Analysis:
    return decode_analysis(item[1], item[0])


def cluster_doc(item: Analysed) -> ClusterDoc:
    return doc_from_analysis(decode(item))


def order_key(time: float | None, article_id: str) -> tuple[bool, float, str]:
    """Earliest published first, unknown dates last, then by id: the story's "first"."""
    return (time is None, time or 0.0, article_id)


# --- scoring ---
Row = tuple[int, Article, dict[str, Any]]  # (seq, article, encoded analysis)

# Decoded analyses of the scoring run under way, kept across the tasks this Python
# worker runs: the scorer computes costly per-article features on first use (a few
# ms, more than scoring a pair), and an article meets its partners in many partitions.
_SCORING: tuple[str, OrderedDict[str, Analysis]] = ("", OrderedDict())
_SCORING_SIZE = 4096


def _scoring_cache(run: str) -> OrderedDict[str, Analysis]:
    global _SCORING
    if _SCORING[0] != run:  # another run's rows may carry the same ids
        _SCORING = (run, OrderedDict())
    return _SCORING[1]


def score_groups(
    groups: Iterable[tuple[str, tuple[Iterable[tuple[str, Row]], Iterable[Row]]]],
    settings: Settings,
    run: str,
) -> Iterator[tuple[str, str, float, int, int]]:
    """(a, b, same-story probability, seq a, seq b) for every pair (a, b) of a group.

    A group is one article a < b's row with the rows of its fetched partners b.
    Analyses are decoded once per worker while they stay in its cache (`run` names
    the scoring run, so no other run's rows are reused). Scored as
    `AnalysisPairScorer` scores them: smaller id first.
    """
    engine = engine_for(settings)
    cache = _scoring_cache(run)

    def get(key: str, row: Row) -> Analysis:
        found = cache.get(key)
        if found is None:
            found = cache[key] = decode(row[1:])
            while len(cache) > _SCORING_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(key)
        return found

    for a, (partners, own) in groups:
        pairs = list(partners)
        mine = next(iter(own), None)
        if not pairs or mine is None:
            continue
        x = get(a, mine)
        for b, row in pairs:
            p = same_story_probability(x, get(b, row), settings, engine.scorer)
            yield a, b, p, mine[0], row[0]


# --- stories ---
Member = tuple[tuple[bool, float, str], str]  # (order key, article id)


def form_stories(
    members: Sequence[Member], edges: Iterable[tuple[str, str, float]], threshold: float
) -> list[tuple[str, str, float | None, int]]:
    """(article id, story id, score, story size) for one connected component.

    The same `average_linkage` as single-machine batch clustering, over the articles
    in the same order (earliest first), so it splits a component exactly as the
    single-machine run splits the same articles. Score: the mean probability of the
    article's scored pairs inside its story (None for the story's first article).
    """
    ordered = [m[1] for m in sorted(members)]
    index = {a: i for i, a in enumerate(ordered)}
    weights: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a in index and b in index and a != b:
            i, j = sorted((index[a], index[b]))
            weights[(i, j)] = w
    labels = average_linkage(len(ordered), weights, threshold)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    adjacent: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), w in weights.items():
        adjacent[i].append((j, w))
        adjacent[j].append((i, w))
    out: list[tuple[str, str, float | None, int]] = []
    for group in groups.values():
        story = story_id_for(ordered[group[0]])
        inside = set(group)
        for pos, i in enumerate(group):
            got = [w for j, w in adjacent[i] if j in inside]
            score = None if pos == 0 or not got else round(sum(got) / len(got), 4)
            out.append((ordered[i], story, score, len(group)))
    return out


def story_row(story_id: str, members: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The `stories` row; members are dicts with seq, title, language, outlet, published."""
    by_seq = sorted(members, key=lambda m: m["seq"])
    first = next((m for m in members if story_id_for(m["id"]) == story_id), by_seq[0])
    dates = sorted(m["published"] for m in members if m["published"])
    return {
        "id": story_id,
        "title": first["title"],
        "size": len(members),
        "languages": _ranked(m["language"] for m in by_seq),
        "outlets": _ranked(m["outlet"] for m in by_seq),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "merged_into": None,
    }


def _ranked(values: Iterable[str | None]) -> str:
    counts = Counter(v for v in values if v)
    return json.dumps([v for v, _ in counts.most_common()], ensure_ascii=False)


def story_report(
    items: Sequence[tuple[tuple[bool, float, str], Analysed]], settings: Settings
) -> str:
    """`report.build_report(...).to_dict()` as JSON, articles earliest first."""
    analyses = [decode(item) for _, item in sorted(items, key=lambda kv: kv[0])]
    return json.dumps(build_report(analyses, settings).to_dict(), ensure_ascii=False, default=str)
