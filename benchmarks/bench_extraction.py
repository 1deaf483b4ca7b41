"""Main-text extraction on real web pages: samestory's reader against trafilatura.

On ../shared/data/trafilatura-eval/ (half of trafilatura's evaluation collection:
pages/ + evaldata.json, snippets a good extraction must and must not contain), every
variant runs in the same process on the same pages and is scored as trafilatura's
tests/eval_common.py scores: whitespace-normalised substring counts per snippet
(TP/FN for "with", FP/TN for "without"), a crash or an empty result a full miss,
then precision, recall and F1 over the set.

Variants: trafilatura 2.3.1 at its defaults (include_comments=False,
include_tables=True), with favor_precision, with favor_recall; samestory
(`samestory.ingest.read` on the page file: title + lede + body).

The pages are split into two seeded halves by site (sha256 of seed:site); the
reader's lists and thresholds were chosen looking at the errors of half A only, so
half B and the held-out half of the collection are out of sample. Also checked: no
page's samestory body is a consent/login screen (`ingest.screens.is_screen`); the
same check on trafilatura's default output shows the detector firing.

Acceptance: samestory F1 >= trafilatura default F1 + 0.01 on the whole set, recall
not lower, no screen page. Exits 1 when missed.

    python benchmarks/bench_extraction.py [--seed 16] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import trafilatura

from _report import ROOT, write_section
from samestory.errors import SameStoryError
from samestory.ingest import read
from samestory.ingest.screens import is_screen
from samestory.settings import DEFAULT_SETTINGS

DATA = ROOT.parent / "shared" / "data" / "trafilatura-eval"
MARGIN = 0.01
# Pages the issue names by their boilerplate (issue 16's table): their phrases were added
# because the issue lists them, whichever half they fall in.
NAMED = frozenset(
    {
        "zdf.de.corona.html",
        "fr.de.nordkorea.html",
        "correiobraziliense.com.br-poderes.html",
        "sportowefakty.wp.pl.falubaz.html",
        "infobae.com-ucrania.html",
        "yle.fi.3-11212601.html",
        "tdg.ch.chlorothalonil.html",
        "timesofisrael.com.washington.html",
        "elpais.com.ciencia.html",
        "cbsnews.com.carolina.html",
        "zeit.de.zugverkehr.html",
        "0a12df42d1764095989ab078ee0f940b.html",
    }
)
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/\d+/(.*)")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: tuple[int, int, int, int]) -> None:
        self.tp += other[0]
        self.fp += other[1]
        self.fn += other[2]
        self.tn += other[3]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def count(item: dict[str, Any], result: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page, as trafilatura's eval_common counts them."""
    if isinstance(result, str):
        text = norm(result)
        tp = sum(1 for w in item["with"] if norm(w) in text)
        fp = sum(1 for w in item["without"] if norm(w) in text)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def site_of(url: str) -> str:
    """The site a page belongs to (archived pages: the original's; "hard::" ones: the file's)."""
    if url.startswith("hard::"):
        return re.split(r"[-_]", url[len("hard::") :])[0].lower().removeprefix("www.")
    m = _ARCHIVED.match(url)
    host = (urlsplit(m.group(1) if m else url).hostname or "").lower()
    return host.removeprefix("www.")


def half_of(url: str, seed: int) -> str:
    digest = hashlib.sha256(f"{seed}:{site_of(url)}".encode()).digest()
    return "A" if digest[0] % 2 == 0 else "B"


def samestory_read(path: Path) -> tuple[str | None, str]:
    """(title + lede + body, body) of the page as samestory reads it; (None, "") on refusal."""
    try:
        article = read(path)[0]
    except SameStoryError:
        return None, ""
    parts = (article.title, article.lede, article.body)
    return "\n\n".join(part for part in parts if part), article.body


def _safe(fn: Callable[[bytes], str | None], data: bytes) -> str | None:
    try:
        return fn(data)
    except Exception:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--no-write", action="store_true", help="print, do not write BENCHMARKS.md")
    args = ap.parse_args()
    if not (DATA / "evaldata.json").exists():
        print(f"skipping: {DATA} is not available")
        return 0
    logging.disable(logging.WARNING)  # thousands of "skipped" / "ignoring date" lines
    evaldata: dict[str, dict[str, Any]] = json.loads((DATA / "evaldata.json").read_text("utf-8"))
    opts = {"include_comments": False, "include_tables": True}
    library: dict[str, Callable[[bytes], str | None]] = {
        "trafilatura default": partial(trafilatura.extract, **opts),
        "trafilatura favor_precision": partial(trafilatura.extract, favor_precision=True, **opts),
        "trafilatura favor_recall": partial(trafilatura.extract, favor_recall=True, **opts),
    }
    names = [*library, "samestory.read"]
    groups = ("A", "B", "B-", "all")
    scores = {(n, h): Counts() for n in names for h in groups}
    screens: dict[str, list[str]] = {"trafilatura default": [], "samestory.read": []}
    pages = 0
    for url, item in evaldata.items():
        path = DATA / "pages" / item["file"]
        if not path.exists():
            continue
        pages += 1
        data = path.read_bytes()
        half = half_of(url, args.seed)
        outputs = {n: _safe(fn, data) for n, fn in library.items()}
        outputs["samestory.read"], body = samestory_read(path)
        for name, text in outputs.items():
            counts = count(item, text)
            scores[(name, half)].add(counts)
            scores[(name, "all")].add(counts)
            if half == "B" and item["file"] not in NAMED:
                scores[(name, "B-")].add(counts)
        if is_screen(outputs["trafilatura default"] or "", DEFAULT_SETTINGS):
            screens["trafilatura default"].append(item["file"])
        if is_screen(body, DEFAULT_SETTINGS):
            screens["samestory.read"].append(item["file"])
    halves = {h: sum(1 for u in evaldata if half_of(u, args.seed) == h) for h in ("A", "B")}
    named_b = sum(
        1 for u, i in evaldata.items() if half_of(u, args.seed) == "B" and i["file"] in NAMED
    )
    rows = []
    for name in names:
        cells = []
        for h in groups:
            c = scores[(name, h)]
            cells.append(f"{c.precision:.3f} / {c.recall:.3f} / **{c.f1:.3f}**")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    base, ours = scores[("trafilatura default", "all")], scores[("samestory.read", "all")]
    gain = ours.f1 - base.f1
    ok = gain >= MARGIN and ours.recall >= base.recall and not screens["samestory.read"]
    share = DEFAULT_SETTINGS.screen_page_share
    ours_screens, lib_screens = screens["samestory.read"], screens["trafilatura default"]
    body = f"""## Main-text extraction on real pages (trafilatura's evaluation, dev half)

{pages} pages of half of trafilatura's evaluation collection (`../shared/data/trafilatura-eval`),
scored as trafilatura's `tests/eval_common.py` (whitespace-normalised snippet counts over the set),
every variant in this one run. Cells: precision / recall / **F1**. The pages are split by site into
two seeded halves (seed {args.seed}): A ({halves["A"]} pages) and B ({halves["B"]} pages).
**The reader's boilerplate lists, patterns and thresholds were chosen looking at half A's errors**,
so half A is in-sample for samestory. Half B is out of sample with two caveats: the phrases of the
pages the issue names were added whichever half they are in ({named_b} of them are in B; column
"B−" leaves them out), and one listing of trafilatura-default false positives over all pages was
read before the split was made. The held-out half of the collection was never read here.
trafilatura's variants are untuned.

| variant | half A (in-sample for samestory) | half B | B− (B without named pages) | all |
|---|---|---|---|---|
{chr(10).join(rows)}

- samestory F1 − trafilatura default F1 (all): **{gain:+.3f}** (target ≥ +{MARGIN}); recall
  {ours.recall:.3f} vs {base.recall:.3f} (target: not lower): **{"met" if ok else "missed"}**.
- Consent/login screens (`ingest.screens.is_screen`, >= {share:.0%} of the body's characters in
  consent/login paragraphs): samestory bodies {len(ours_screens)}
  ({", ".join(ours_screens) or "none"});
  trafilatura default output {len(lib_screens)} ({", ".join(lib_screens) or "none"}).
"""
    print(body)
    if not args.no_write:
        write_section("extraction", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
