"""Write a benchmark's figures into its own section of BENCHMARKS.md.

Each benchmark owns the text between `<!-- bench:NAME -->` markers, so benchmarks
can be rerun one at a time without losing the others' figures.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "BENCHMARKS.md"
HEADER = "# Benchmarks\n\nEvery figure here was written by the benchmark named beside it.\n"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()}"


def write_section(name: str, body: str) -> None:
    stamp = (
        f"_Measured {dt.date.today().isoformat()} on {machine()}._  \n"
        f"_Command: `{' '.join(['python', *sys.argv])}`_\n\n"
    )
    heading, _, rest = body.strip().partition("\n")
    section = f"<!-- bench:{name} -->\n{heading}\n\n{stamp}{rest.strip()}\n<!-- /bench:{name} -->"
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else HEADER
    pattern = re.compile(rf"<!-- bench:{name} -->.*?<!-- /bench:{name} -->", re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else f"{text}\n{section}\n"
    REPORT.write_text(text, encoding="utf-8")
