"""The real-page gold's files and halves (A-F): which page is on which side.

Shared by bench_realpages.py and realpages_draw.py's readers; the rule for the halves
is in bench_realpages.py's docstring.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

__all__ = [
    "GOLD",
    "GOLD_C",
    "GOLD_D",
    "GOLD_E",
    "GOLD_F",
    "half_c_files",
    "half_d_files",
    "half_e_files",
    "half_f_files",
    "halves",
    "load_gold",
    "site",
]

GOLD = Path(__file__).with_name("realpages_gold.jsonl")
# Half C: pages drawn and labelled later (realpages_draw.py --half-c); in-sample since
# session 14, when rules began to be chosen on its errors.
GOLD_C = Path(__file__).with_name("realpages_gold_c.jsonl")
# Half D: drawn (realpages_draw.py --half-d) and labelled before samestory ran on its
# pages; out-of-sample in session 14, in-sample since session 15 (rules chosen on it).
GOLD_D = Path(__file__).with_name("realpages_gold_d.jsonl")
# Half E: drawn (realpages_draw.py --half-e) and labelled before samestory ran on its
# pages; out-of-sample in session 15, in-sample since session 16.
GOLD_E = Path(__file__).with_name("realpages_gold_e.jsonl")
# Half F: drawn (realpages_draw.py --half-f) and labelled before samestory ran on its
# pages; the out-of-sample half.
GOLD_F = Path(__file__).with_name("realpages_gold_f.jsonl")


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_gold(
    path: Path = GOLD,
    later: Path = GOLD_C,
    last: Path = GOLD_D,
    newest: Path = GOLD_E,
    final: Path = GOLD_F,
) -> list[dict[str, Any]]:
    """Halves A and B (`path`), then half C (`later`), D (`last`), E (`newest`), F (`final`)."""
    return _read(path) + _read(later) + _read(last) + _read(newest) + _read(final)


def half_c_files(later: Path = GOLD_C) -> set[str]:
    return {g["file"] for g in _read(later)}


def half_d_files(last: Path = GOLD_D) -> set[str]:
    return {g["file"] for g in _read(last)}


def half_e_files(newest: Path = GOLD_E) -> set[str]:
    return {g["file"] for g in _read(newest)}


def half_f_files(final: Path = GOLD_F) -> set[str]:
    return {g["file"] for g in _read(final)}


# Second-level labels under which a country's domains are registered ("co.uk", "com.ar").
_SECOND_LEVEL = frozenset({"co", "com", "or", "ne", "net", "org", "gov", "ac", "edu"})


def site(gold: dict[str, Any]) -> str:
    """The page's site: the registrable part of its URL's host (archive.org unwrapped).

    Pages without a URL ("hard::name.html") take their file name up to the first
    "-" or ".html", which the collection names after the site.
    """
    url = gold["url"]
    if not url.startswith("http"):
        return re.split(r"-|\.html$", gold["file"])[0]
    host = url.split("://", 1)[1].split("/", 1)[0].lower()
    if host == "web.archive.org":  # .../web/<stamp>/http://host/...
        inner = url.split("/web/", 1)[1].split("/", 1)[1]
        host = inner.split("://", 1)[-1].split("/", 1)[0].lower()
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def halves(gold: list[dict[str, Any]]) -> dict[str, str]:
    """Site -> "A", "B", "C", "D", "E" or "F".

    Pages of the first draw: per language, sites by SHA-256 of the name, dealt
    alternately to A and B. Pages of half C (`GOLD_C`): "C", of half D (`GOLD_D`): "D",
    of half E (`GOLD_E`): "E", of half F (`GOLD_F`): "F" (a site already in an earlier
    half would keep it, so that one site is never on two sides; there is none: the
    draws of D, E and F leave out the earlier halves' sites).
    """
    out: dict[str, str] = {}
    by_lang: dict[str, list[str]] = defaultdict(list)
    final = half_f_files()
    later = half_c_files() | half_d_files() | half_e_files() | final
    first = [g for g in gold if g["file"] not in later]
    for g in first:
        s = site(g)
        if s not in by_lang[g["language"]] and s not in out:
            by_lang[g["language"]].append(s)
            out[s] = ""
    k = 0  # one count across languages, so languages with one site alternate too
    for lang in sorted(by_lang):
        ranked = sorted(by_lang[lang], key=lambda s: hashlib.sha256(s.encode()).hexdigest())
        for s in ranked:
            out[s] = "AB"[k % 2]
            k += 1
    last, newest = half_d_files(), half_e_files()
    for g in gold:
        if g["file"] not in last | newest | final:
            out.setdefault(site(g), "C")
    for g in gold:
        if g["file"] not in newest | final:
            out.setdefault(site(g), "D")
    for g in gold:
        if g["file"] not in final:
            out.setdefault(site(g), "E")
    for g in gold:
        out.setdefault(site(g), "F")
    return out
