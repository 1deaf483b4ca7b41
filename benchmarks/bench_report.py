"""Story reports (`samestory report`): fact labels, lineage, speed and the HTML page.

1. Fact labels against the hand-written gold of examples/facts_gold.jsonl: every
   labelled sentence gets the status of the predicted fact holding it; precision and
   recall per status (consensus / unique / conflict), plus pairwise "same fact"
   precision/recall over sentences of different articles.
2. Lineage against examples/lineage.jsonl: each gold link found, with its direction.
3. A 100-article story built from the Valencia example story (copies with dropped
   sentences, attribution lines, new headlines, other outlets and times): analysis
   time and report time on this machine.
4. The HTML report of an example story rendered in headless Chromium (/usr/bin/chromium,
   `make browser`) to docs/report.png, failing on any console error or failed request.

    python benchmarks/bench_report.py [--skip-browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _report import ROOT, write_section

sys.path.insert(0, str(ROOT / "tests"))
from chromium import CHROMIUM, launch, record_problems
from samestory.engine import Engine
from samestory.models import Analysis, Article
from samestory.report import StoryReport, build_report
from samestory.settings import Settings

EXAMPLES = ROOT / "examples"
STATUSES = ("consensus", "unique", "conflict")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_examples(engine: Engine) -> tuple[dict[str, list[Analysis]], dict[str, str]]:
    """Analyses by gold story, and content id -> corpus id (gold files use corpus ids)."""
    url_to_id = {r["url"]: r["id"] for r in _jsonl(EXAMPLES / "corpus.jsonl")}
    story_of = {r["id"]: r["story"] for r in _jsonl(EXAMPLES / "gold.jsonl")}
    articles = engine.read(EXAMPLES / "corpus.jsonl")
    engine.warm_up(articles)
    by_story: dict[str, list[Analysis]] = {}
    corpus_id: dict[str, str] = {}
    for a in engine.analyse_many(articles):
        cid = url_to_id[a.article.url or ""]
        corpus_id[a.article.id] = cid
        by_story.setdefault(story_of[cid], []).append(a)
    return by_story, corpus_id


def score_facts(
    reports: dict[str, StoryReport], corpus_id: dict[str, str], gold: list[dict[str, Any]]
) -> dict[str, Any]:
    confusion: Counter[tuple[str, str]] = Counter()
    pairs: Counter[tuple[bool, bool]] = Counter()
    drift = 0
    for story, report in reports.items():
        texts = {
            (corpus_id[a.id], i): t for a in report.articles for i, t in enumerate(a.sentences)
        }
        predicted: dict[tuple[str, int], tuple[int, str]] = {}
        for k, f in enumerate(report.facts):
            for r in f.refs:
                predicted[(corpus_id[r.article], r.sentence)] = (k, f.status)
        labels: dict[tuple[str, int], tuple[str, str]] = {}
        for g in gold:
            if g["story"] != story:
                continue
            for s in g["sentences"]:
                key = (s["article"], s["sentence"])
                labels[key] = (g["fact"], g["status"])
                if not texts.get(key, "").startswith(s["starts"]):
                    drift += 1  # the sentence splitter moved: gold needs updating
        for key, (_, status) in labels.items():
            confusion[(status, predicted.get(key, (-1, "missing"))[1])] += 1
        for x, y in itertools.combinations(sorted(labels), 2):
            if x[0] != y[0]:
                same_gold = labels[x][0] == labels[y][0]
                same_pred = x in predicted and y in predicted and predicted[x][0] == predicted[y][0]
                pairs[(same_gold, same_pred)] += 1
    out: dict[str, Any] = {"sentences": sum(confusion.values()), "drift": drift}
    for s in STATUSES:
        tp = confusion[(s, s)]
        pred = sum(v for (_, p), v in confusion.items() if p == s)
        true = sum(v for (g, _), v in confusion.items() if g == s)
        out[s] = (tp / pred if pred else 0.0, tp / true if true else 0.0, true)
    tp = pairs[(True, True)]
    out["pairs"] = (
        tp / (tp + pairs[(False, True)]) if tp + pairs[(False, True)] else 0.0,
        tp / (tp + pairs[(True, False)]) if tp + pairs[(True, False)] else 0.0,
    )
    return out


def score_lineage(
    reports: dict[str, StoryReport], corpus_id: dict[str, str]
) -> tuple[list[str], int, int]:
    found: dict[tuple[str, str], str] = {}
    for report in reports.values():
        for link in report.lineage:
            found[(corpus_id[link["from"]], corpus_id[link["to"]])] = link["kind"]
    gold = _jsonl(EXAMPLES / "lineage.jsonl")
    rows, right = [], 0
    for g in gold:
        key, rev = (g["from"], g["to"]), (g["to"], g["from"])
        if key in found:
            verdict = f"found ({found[key]}), right direction"
            right += 1
        elif rev in found:
            verdict = f"found ({found[rev]}), WRONG direction"
        else:
            verdict = "not found"
        rows.append(f"| {g['from']} → {g['to']} | {g['kind']} | {verdict} |")
    gold_keys = {(g["from"], g["to"]) for g in gold} | {(g["to"], g["from"]) for g in gold}
    extra = sum(1 for k in found if k not in gold_keys)
    return rows, right, extra


def big_story(originals: list[Article], n: int, seed: int = 5) -> list[Article]:
    """`n` articles of one story: the originals plus edited copies by other outlets."""
    rng = random.Random(seed)
    out = list(originals)
    credits = ["(With agency material)", "(Con información de agencias)", "(avec AFP-like)", ""]
    while len(out) < n:
        src = rng.choice(originals)
        paragraphs = src.body.split("\n\n")
        if len(paragraphs) > 3 and rng.random() < 0.6:
            del paragraphs[rng.randrange(1, len(paragraphs))]  # trimmed for space
        if rng.random() < 0.5:
            paragraphs = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
        credit = rng.choice(credits)
        body = "\n\n".join(paragraphs) + (f"\n\n{credit}" if credit else "")
        k = len(out)
        title = f"{src.title} ({rng.choice(['update', 'live', 'latest', 'analysis'])} {k})"
        published = (src.published or dt.datetime(2025, 3, 11, tzinfo=dt.UTC)) + dt.timedelta(
            minutes=rng.randrange(20, 60 * 30)
        )
        out.append(
            Article.create(
                title,
                body,
                url=f"https://outlet{k}.example/story/{k}",
                outlet=f"Outlet {k}",
                language=src.language,
                published=published,
            )
        )
    return out


def render_png(html_path: Path, png_path: Path) -> tuple[list[str], dict[str, float]]:
    """Render in headless Chromium; returns console errors/failed requests and timings."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        record_problems(page, problems, requests=True)
        start = time.perf_counter()
        page.goto(html_path.resolve().as_uri())
        page.wait_for_load_state("load")
        load_s = time.perf_counter() - start
        page.screenshot(path=str(png_path), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        phone_overflow = page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth + 1"
        )
        if phone_overflow:
            problems.append("page is wider than a 390 px phone screen")
        browser.close()
    return problems, {"load_s": load_s}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-browser", action="store_true")
    args = ap.parse_args()
    settings = Settings()
    engine = Engine(settings)

    by_story, corpus_id = load_examples(engine)
    reports = {story: build_report(analyses, settings) for story, analyses in by_story.items()}
    gold = _jsonl(EXAMPLES / "facts_gold.jsonl")
    gold_stories = sorted({g["story"] for g in gold})
    facts = score_facts({s: reports[s] for s in gold_stories}, corpus_id, gold)
    lineage_rows, right, extra = score_lineage(reports, corpus_id)

    # 100-article story: analysis and report timed separately (models warm).
    valencia = [a.article for a in by_story["valencia-floods-2025-03"]]
    articles = big_story(valencia, 100)
    start = time.perf_counter()
    analyses = engine.analyse_many(articles)
    analyse_s = time.perf_counter() - start
    start = time.perf_counter()
    big = build_report(analyses, settings)
    report_s = time.perf_counter() - start
    from samestory.serve.report_html import render_html, write_html

    start = time.perf_counter()
    big_html = render_html(big)
    html_s = time.perf_counter() - start

    browser_lines = ["Chromium rendering skipped (--skip-browser)."]
    ok = True
    if not args.skip_browser:
        if not CHROMIUM.is_file():
            browser_lines = ["/usr/bin/chromium is absent (`make browser`); rendering not checked."]
        else:
            docs = ROOT / "docs"
            docs.mkdir(exist_ok=True)
            shown = "danube-geneva-accord"
            with tempfile.TemporaryDirectory() as tmp:
                page = write_html(reports[shown], Path(tmp) / "report.html")
                problems, timing = render_png(page, docs / "report.png")
                big_page = Path(tmp) / "big.html"
                big_page.write_text(big_html, encoding="utf-8")
                big_problems, big_timing = render_png(big_page, Path(tmp) / "big.png")
            ok = not problems and not big_problems
            browser_lines = [
                f"`{shown}` report rendered to `docs/report.png` (1280 px wide, full page) in "
                f"{timing['load_s']:.2f} s; console errors / failed requests / phone-width "
                f"overflow: {problems or 'none'}.",
                f"100-article report page ({len(big_html) / 1e6:.2f} MB) loaded in "
                f"{big_timing['load_s']:.2f} s; problems: {big_problems or 'none'}.",
            ]

    lines = [
        "## Story reports (`samestory report`)",
        "",
        f"Fact labels against `examples/facts_gold.jsonl` ({len(gold_stories)} stories, "
        f"{facts['sentences']} labelled body sentences, {len(gold)} gold facts; "
        f"{facts['drift']} gold sentences no longer match the splitter). A sentence's "
        "predicted label is the status of the fact it was put in.",
        "",
        "| label | precision | recall | gold sentences |",
        "|---|---|---|---|",
        *(f"| {s} | {facts[s][0]:.3f} | {facts[s][1]:.3f} | {facts[s][2]} |" for s in STATUSES),
        f"| same fact (sentence pairs) | {facts['pairs'][0]:.3f} | {facts['pairs'][1]:.3f} | |",
        "",
        f"Lineage against `examples/lineage.jsonl`: {right}/{len(lineage_rows)} found with the "
        f"right direction; {extra} reported links are not in the gold.",
        "",
        "| gold link | kind | result |",
        "|---|---|---|",
        *lineage_rows,
        "",
        f"100-article story (the 5 Valencia articles and 95 edited copies by other outlets, "
        f"{sum(len(a.sentences) for a in analyses)} sentences): analysis {analyse_s:.1f} s "
        f"(models warm), report {report_s:.2f} s ({len(big.facts)} facts, "
        f"{len(big.lineage)} lineage links), HTML {html_s:.2f} s; "
        f"analysis + report {analyse_s + report_s:.1f} s (target < 10 s).",
        "",
        *browser_lines,
    ]
    write_section("report", "\n".join(lines))
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
