"""Human-readable terminal output (rich); JSON output lives with the models."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..match.identity import identity_lines
from ..models import DIMENSIONS, Analysis, PairScore

__all__ = ["print_analysis", "print_comparison"]

_SCALE = "1 = very similar … 4 = very dissimilar"


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def print_analysis(console: Console, a: Analysis) -> None:
    art = a.article
    console.print(f"[bold]{_short(art.title, 100)}[/bold]")
    meta = [f"id {art.id}", f"language {a.language}", f"{len(a.sentences)} sentences"]
    if art.outlet:
        meta.append(f"outlet {art.outlet}")
    if art.published:
        meta.append(f"published {art.published.date().isoformat()}")
    console.print(" · ".join(meta), style="dim")
    table = Table("kind", "text", "canonical / value", "sentence", box=None, pad_edge=False)
    for m in a.mentions:
        table.add_row(m.label, m.text, m.canonical, str(m.sentence))
    for d in a.dates:
        kind = "DATE (relative)" if d.relative else "DATE"
        table.add_row(kind, d.text, d.canonical, str(d.sentence))
    for q in a.quantities:
        value = q.display
        table.add_row("NUMBER", q.text, value, str(q.sentence))
    console.print(table)


def print_comparison(console: Console, s: PairScore, name_a: str, name_b: str) -> None:
    console.print(f"[bold]A[/bold] {name_a}\n[bold]B[/bold] {name_b}")
    table = Table("dimension", "score", title=f"SemEval-2022 Task 8 scale ({_SCALE})")
    for d in DIMENSIONS:
        table.add_row(d, f"{s.scores[d]:.2f}")
    console.print(table)
    verdict = "same story" if s.same_story >= 0.5 else "different stories"
    console.print(f"same-story probability: [bold]{s.same_story:.2f}[/bold] ({verdict})")
    facts = Table("", "shared", "only A", "only B", show_lines=True)
    for kind in ("entities", "places", "dates", "numbers"):
        facts.add_row(
            kind,
            ", ".join(s.shared[kind]) or "-",
            ", ".join(s.only_a[kind]) or "-",
            ", ".join(s.only_b[kind]) or "-",
        )
    console.print(facts)
    identity = identity_lines(s.identity)
    if identity:
        console.print("[bold]Event identity[/bold]")
        for line in identity:
            console.print(f"  {line}")
    if s.conflicts:
        console.print("[bold]Conflicts[/bold]")
        for c in s.conflicts:
            console.print(
                f"  {c.kind} · {c.slot}: "
                f"A says [red]{c.display_a or c.value_a}[/red], "
                f"B says [red]{c.display_b or c.value_b}[/red]"
            )
            console.print(f"    A: {_short(c.sentence_a)}", style="dim")
            console.print(f"    B: {_short(c.sentence_b)}", style="dim")
    if s.aligned:
        console.print("[bold]Best aligned sentences[/bold]")
        for p in s.aligned:
            console.print(f"  {p.similarity:.2f}  A#{p.index_a}: {_short(p.text_a, 80)}")
            console.print(f"        B#{p.index_b}: {_short(p.text_b, 80)}", style="dim")
