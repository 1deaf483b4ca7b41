"""The main job on the bundled example corpus: read, analyse, compare, check against gold."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..errors import NotFoundError
from ..models import Analysis
from .render import print_comparison

__all__ = ["load_gold", "run_demo"]


def load_gold(folder: Path) -> dict[str, str]:
    """url -> gold story label, from corpus.jsonl (id, url) and gold.jsonl (id, story)."""
    corpus, gold = folder / "corpus.jsonl", folder / "gold.jsonl"
    if not corpus.is_file() or not gold.is_file():
        raise NotFoundError(f"{folder}: needs corpus.jsonl and gold.jsonl (see examples/README.md)")
    url_of = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            url_of[rec["id"]] = rec["url"]
    story_of = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            story_of[url_of[rec["id"]]] = rec["story"]
    return story_of


def run_demo(console: Console, engine: Any, folder: Path) -> None:
    story_of = load_gold(folder)
    articles = engine.read(folder / "corpus.jsonl")
    console.print(f"[bold]Read[/bold] {len(articles)} articles from {folder / 'corpus.jsonl'}")

    engine.warm_up(articles)  # models load once, outside the timing
    start = time.perf_counter()
    analyses: list[Analysis] = [engine.analyse(a) for a in articles]
    elapsed = time.perf_counter() - start
    console.print(
        f"[bold]Analysed[/bold] in {elapsed:.1f}s ({len(analyses) / elapsed:.1f} articles/s, "
        f"models warm, embedder {engine.settings.embedder})"
    )
    table = Table("story (gold)", "lang", "outlet", "title", "ent", "places", "dates", "nums")
    for a in sorted(analyses, key=lambda x: story_of.get(x.article.url or "", "")):
        places = sum(1 for m in a.mentions if m.label == "LOC")
        table.add_row(
            story_of.get(a.article.url or "", "?"),
            a.language,
            a.article.outlet or "",
            a.article.title[:48],
            str(len(a.mentions) - places),
            str(places),
            str(len(a.dates)),
            str(len(a.quantities)),
        )
    console.print(table)

    _show_cross_lingual_pair(console, engine, analyses, story_of)
    _pair_check(console, engine, analyses, story_of)


def _show_cross_lingual_pair(
    console: Console, engine: Any, analyses: list[Analysis], story_of: dict[str, str]
) -> None:
    by_story: dict[str, list[Analysis]] = {}
    for a in analyses:
        by_story.setdefault(story_of.get(a.article.url or "", ""), []).append(a)
    for members in by_story.values():
        fr = [a for a in members if a.language == "fr"]
        en = [a for a in members if a.language == "en"]
        if fr and en:
            console.rule("A French and an English article on the same story")
            print_comparison(console, engine.compare(fr[0], en[0]), _name(fr[0]), _name(en[0]))
            return


def _pair_check(
    console: Console, engine: Any, analyses: list[Analysis], story_of: dict[str, str]
) -> None:
    """Same-story decisions on every pair of the corpus against the gold labels."""
    tp = fp = fn = tn = 0
    threshold = engine.settings.same_story_threshold
    for a, b in itertools.combinations(analyses, 2):
        predicted = engine.compare(a, b).same_story >= threshold
        gold = story_of.get(a.article.url or "") == story_of.get(b.article.url or "")
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not predicted and not gold
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    console.rule("Same-story decisions on all pairs vs. gold")
    console.print(
        f"{tp + fp + fn + tn} pairs: precision {precision:.2f}, recall {recall:.2f} "
        f"(tp {tp}, fp {fp}, fn {fn}, tn {tn})"
    )


def _name(a: Analysis) -> str:
    return f"[{a.language}] {a.article.outlet or '?'}: {a.article.title[:70]}"
