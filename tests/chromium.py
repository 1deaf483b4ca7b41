"""Test helper: headless Chromium (/usr/bin/chromium, `make browser`) as the report page
tests and benchmarks/bench_report.py open it, and the problems a page reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (Chromium's cannot start as root or without user namespaces, as in CI
# containers), no GPU, and nothing of Chromium's own fetched in the background, so a
# failed request is the page's.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(p: Playwright) -> Browser:
    return p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def record_problems(page: Page, problems: list[str], *, requests: bool = False) -> None:
    """Console errors and uncaught page errors (with `requests`, failed requests too)
    are appended to `problems` as the page reports them."""
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    if requests:
        page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
