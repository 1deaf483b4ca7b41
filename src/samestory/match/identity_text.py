"""`PairScore.identity` as lines a reader scans (the CLI's compare, the web pair page)."""

from __future__ import annotations

from typing import Any

__all__ = ["identity_lines"]


def identity_lines(identity: dict[str, Any]) -> list[str]:
    """`PairScore.identity` as lines a reader scans: the evidence that decided."""
    out: list[str] = []
    ev = identity.get("evidence")
    if ev:
        out.append(f"evidence: A {ev['a']}, B {ev['b']}")
    dates = identity.get("event_dates") or {}
    if dates.get("a") or dates.get("b"):
        tag = " (different)" if "different_dates" in identity else ""
        out.append(f"when: A {dates.get('a') or '-'}, B {dates.get('b') or '-'}{tag}")
    if "different_places" in identity:
        out.append("where: different places: " + " vs ".join(identity["different_places"]))
    elif "nested_places" in identity:
        out.append("where: one inside the other: " + " / ".join(identity["nested_places"]))
    elif "same_place" in identity:
        out.append(f"where: both {identity['same_place']}")
    if identity.get("shared_people"):
        out.append("who: both name " + ", ".join(identity["shared_people"]))
    if "different_people" in identity:
        a, b = identity["different_people"]
        out.append(f"who: no one in common ({', '.join(a)} vs {', '.join(b)})")
    years = identity.get("event_years")
    if years:
        tag = " (different)" if "different_years" in identity else ""
        out.append(f"years: A {years.get('a') or '-'}, B {years.get('b') or '-'}{tag}")
    for f in identity.get("different_figures", []):
        out.append(f"how many: {f['slot']}: A {f['a']}, B {f['b']}")
    return out
