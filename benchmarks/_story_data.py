"""Labelled pair sets for the same-story model, from every labelled source in ../shared/data.

Sources: ECB+ dev (same topic, different event: the hard negatives), French headlines
dev and day-dev (headlines only; day-dev is a real day, singletons included), SemEval-2022
Task 8 train (Overall <= 2 = same story) and the bundled example corpus. Pairs are those
the batch clusterer would score (`cluster.batch.candidate_pairs`, title-frame pairs
included), plus for ECB+ random
pairs inside one topic, for SemEval its own pairs, for the examples every pair.

Analyses are slow (USE over every sentence), so they are read from the lead's cache
(`SAMESTORY_ANALYSIS_CACHE`, written by `cache_analyses.py`) when there,
else made here; pair features are cached per source under `SAMESTORY_STORY_CACHE`
(default ~/.cache/samestory-story). Nothing is copied into the repository.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from samestory.analyse.aliases import link_entities  # noqa: E402
from samestory.cluster import doc_from_analysis  # noqa: E402
from samestory.cluster.batch import candidate_pairs  # noqa: E402
from samestory.match import pair_evidence  # noqa: E402
from samestory.match.dataset import load_semeval  # noqa: E402
from samestory.match.eventyears import YEAR_DOCS, year_features  # noqa: E402
from samestory.match.evidencecase import evidence_level  # noqa: E402
from samestory.match.identity import who_lead  # noqa: E402
from samestory.models import Analysis  # noqa: E402
from samestory.settings import DEFAULT_SETTINGS, Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
from cache_analyses import CACHE as ANALYSIS_CACHE  # noqa: E402

PAIR_CACHE = Path(os.environ.get("SAMESTORY_STORY_CACHE", Path.home() / ".cache/samestory-story"))
CLUSTERED = ("ecbplus-dev", "fr-dev", "fr-day-dev", "examples")
SOURCES = (*CLUSTERED, "semeval")
_FILES = {
    "ecbplus-dev": DATA / "ecbplus" / "dev.jsonl",
    "fr-dev": DATA / "french-headlines" / "dev.jsonl",
    "fr-day-dev": DATA / "french-headlines" / "day-dev.jsonl",
    "semeval": DATA / "semeval2022-task8" / "train.jsonl",
}
_TOPIC_PAIRS = 60  # random same-topic ECB+ pairs per topic, beyond the candidates
VERSION = 3  # bump when the pair selection or the features change


@dataclass
class Labelled:
    """One clustered source: docs in file order with gold stories and analyses."""

    name: str
    ids: list[str]
    golds: list[str]
    analyses: dict[str, Analysis]


@dataclass
class PairSet:
    name: str
    X: np.ndarray
    names: list[str]
    y: np.ndarray  # 1 = same story
    a: np.ndarray  # doc index (into the source's unique docs) of each side
    b: np.ndarray
    docs: list[str]  # unique doc ids in file order
    stories: list[str]  # gold story per unique doc
    extra: dict[str, np.ndarray]


def available(name: str) -> bool:
    return name == "examples" or _FILES[name].is_file()


def _examples_file() -> Path:
    gold = {
        json.loads(x)["id"]: json.loads(x)["story"]
        for x in (ROOT / "examples" / "gold.jsonl").read_text().splitlines()
        if x.strip()
    }
    out = Path(tempfile.mkdtemp()) / "examples.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for line in (ROOT / "examples" / "corpus.jsonl").read_text().splitlines():
            if line.strip():
                d = json.loads(line)
                fh.write(json.dumps({**d, "story": gold[d["id"]]}) + "\n")
    return out


_engine = None


def engine():  # type: ignore[no-untyped-def]
    global _engine
    if _engine is None:
        from samestory.engine import Engine

        _engine = Engine()
    return _engine


_LABELLED: dict[str, Labelled] = {}


def labelled(name: str) -> Labelled:
    if name in _LABELLED:
        return _LABELLED[name]
    PAIR_CACHE.mkdir(parents=True, exist_ok=True)
    for cached in (ANALYSIS_CACHE / f"{name}.pkl", PAIR_CACHE / f"{name}-analyses.pkl"):
        if cached.is_file():
            d = pickle.loads(cached.read_bytes())
            _LABELLED[name] = Labelled(name, d["ids"], d["golds"], d["analyses"])
            return _LABELLED[name]
    from samestory.cli.eval_clusters import analyse_labelled, load_labelled

    path = _examples_file() if name == "examples" else _FILES[name]
    rows = load_labelled(path, None, DEFAULT_SETTINGS)
    ids, golds, analyses = analyse_labelled(engine(), rows)
    (PAIR_CACHE / f"{name}-analyses.pkl").write_bytes(
        pickle.dumps({"ids": ids, "golds": golds, "analyses": analyses})
    )
    _LABELLED[name] = Labelled(name, ids, golds, analyses)
    return _LABELLED[name]


def _unique(lab: Labelled) -> tuple[list[str], list[str]]:
    seen: dict[str, str] = {}
    for i, g in zip(lab.ids, lab.golds, strict=True):
        seen.setdefault(i, g)
    return list(seen), list(seen.values())


def topic(story: str) -> str:
    """ECB+ topic of a story label ("12-ecbplus" -> "12")."""
    return story.split("-ecb")[0]


def _pairs(lab: Labelled, docs: list[str], stories: list[str]) -> list[tuple[int, int]]:
    if lab.name == "examples":
        return [(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))]
    cdocs = [doc_from_analysis(lab.analyses[d]) for d in docs]
    # Candidates as `_story_ecb` makes them: SAMESTORY_* overrides apply, so a candidate
    # setting is screened end to end (its pair sets in a SAMESTORY_STORY_CACHE of its own).
    pairs = set(candidate_pairs(cdocs, Settings.from_env()))
    if lab.name == "ecbplus-dev":
        rng = random.Random(0)
        by_topic: dict[str, list[int]] = {}
        for i, s in enumerate(stories):
            by_topic.setdefault(topic(s), []).append(i)
        for members in by_topic.values():
            every = [(x, y) for k, x in enumerate(members) for y in members[k + 1 :]]
            pairs.update(rng.sample(every, min(_TOPIC_PAIRS, len(every))))
    return sorted(pairs)


def _rows(analyses: list[tuple[Analysis, Analysis]]) -> tuple[np.ndarray, list[str]]:
    scorer = engine_scorer()
    rows = [pair_evidence(a, b, DEFAULT_SETTINGS, scorer) for a, b in analyses]
    names = sorted(rows[0])
    return np.array([[r[n] for n in names] for r in rows], dtype=np.float64), names


_scorer = None


def engine_scorer():  # type: ignore[no-untyped-def]
    """The shipped SemEval scorer (loading it needs no NLP model)."""
    global _scorer
    if _scorer is None:
        from samestory.match.learned import load_scorer

        _scorer = load_scorer("learned")
    return _scorer


def _side_analyses(name: str) -> list[tuple[Analysis, Analysis]] | None:
    """Both analyses of every pair of a cached set, in its row order (None: not at hand)."""
    if name == "semeval":
        cached = ANALYSIS_CACHE / "semeval-train.pkl"
        if not cached.is_file():
            return None
        store = pickle.loads(cached.read_bytes())["analyses"]
        pairs = load_semeval(_FILES["semeval"])
        if not all(p.a.id in store and p.b.id in store for p in pairs):
            return None
        return [(store[p.a.id], store[p.b.id]) for p in pairs]
    return None


def upgrade(X: np.ndarray, names: list[str], sides: list[tuple[Analysis, Analysis]]) -> np.ndarray:
    """Columns computed from the two analyses alone, with the very functions
    `pair_features` calls, so a cache made before they existed or changed need not be
    rebuilt (rebuilding every pair's features takes most of an hour on 2 cores):
    `YEAR_DOCS` and `who_lead` appended to `X` and `names` when missing, and the evidence case
    (`evidence_min`, `evidence_max`: `evidencecase.evidence_level`) always recomputed."""
    missing = [n for n in sorted(YEAR_DOCS) if n not in names]
    if missing:
        rows = [year_features(a, b) for a, b in sides]
        names.extend(missing)
        X = np.column_stack([X, np.array([[r[n] for n in missing] for r in rows])])
    if "who_lead" not in names:  # from the mentions linked across the pair, as `_match`
        names.append("who_lead")
        X = np.column_stack([X, np.array([_who_lead(a, b) for a, b in sides])])
    if "evidence_min" in names:
        X = X.copy()
        levels = np.array([(evidence_level(a), evidence_level(b)) for a, b in sides])
        X[:, names.index("evidence_min")] = levels.min(axis=1)
        X[:, names.index("evidence_max")] = levels.max(axis=1)
    return X


def _who_lead(a: Analysis, b: Analysis) -> float:
    ma, mb = link_entities(
        [a.mentions, b.mentions], min_similarity=DEFAULT_SETTINGS.alias_min_similarity
    )
    return who_lead(ma, mb)


def pair_set(name: str) -> PairSet:
    PAIR_CACHE.mkdir(parents=True, exist_ok=True)
    path = PAIR_CACHE / f"{name}-v{VERSION}.npz"
    if path.is_file():
        z = np.load(path, allow_pickle=False)
        meta = json.loads(str(z["meta"]))
        extra = {k[6:]: z[k] for k in z.files if k.startswith("extra_")}
        X, names = z["X"], list(meta["names"])
        sides = _side_analyses(name)
        if sides is None:
            lab = labelled(name)
            an = [lab.analyses[d] for d in meta["docs"]]
            sides = [(an[i], an[j]) for i, j in zip(z["a"], z["b"], strict=True)]
        X = upgrade(X, names, sides)
        return PairSet(
            name,
            X,
            names,
            z["y"],
            z["a"],
            z["b"],
            meta["docs"],
            meta["stories"],
            extra,
        )
    extra: dict[str, np.ndarray] = {}
    if name == "semeval":
        pairs = load_semeval(_FILES["semeval"])
        cached = ANALYSIS_CACHE / "semeval-train.pkl"
        store: dict[str, Analysis] = (
            pickle.loads(cached.read_bytes())["analyses"] if cached.is_file() else {}
        )

        def get(art):  # type: ignore[no-untyped-def]
            if art.id not in store:
                store[art.id] = engine().analyse(art)
            return store[art.id]

        X, names = _rows([(get(p.a), get(p.b)) for p in pairs])
        from samestory.match.dataset import gold_arrays, group_ids

        gold = gold_arrays(pairs)
        y = (gold["overall"] <= 2.0).astype(np.int8)
        docs = [p.pair_id for p in pairs]
        stories = [str(g) for g in group_ids(pairs)]
        a = b = np.arange(len(pairs))
        extra = {f"gold_{k}": v for k, v in gold.items()}
        extra["lang"] = np.array([p.lang for p in pairs])
    else:
        lab = labelled(name)
        docs, stories = _unique(lab)
        pairs2 = _pairs(lab, docs, stories)
        X, names = _rows([(lab.analyses[docs[i]], lab.analyses[docs[j]]) for i, j in pairs2])
        y = np.array([stories[i] == stories[j] for i, j in pairs2], dtype=np.int8)
        a = np.array([i for i, _ in pairs2])
        b = np.array([j for _, j in pairs2])
    meta = json.dumps({"names": names, "docs": docs, "stories": stories})
    np.savez(
        path, X=X, y=y, a=a, b=b, meta=np.array(meta), **{f"extra_{k}": v for k, v in extra.items()}
    )
    return PairSet(name, X, names, y, a, b, docs, stories, extra)


if __name__ == "__main__":
    import time

    for source in sys.argv[1:] or SOURCES:
        if not available(source):
            print(source, "skipped: data absent", flush=True)
            continue
        t = time.time()
        ps = pair_set(source)
        print(
            source,
            len(ps.y),
            "pairs",
            int(ps.y.sum()),
            "same",
            f"{time.time() - t:.0f}s",
            flush=True,
        )
