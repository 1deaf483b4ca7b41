"""Real pages of trafilatura's evaluation in ../shared/data; tests skip without them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from samestory.ingest import read

PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "trafilatura-eval" / "pages"


def real_page(name: str):  # type: ignore[no-untyped-def]
    """The first article read from page `name`; skips the test when the page is absent."""
    path = PAGES / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    logging.disable(logging.WARNING)  # the reader's notes on odd markup are not the test's business
    try:
        return read(path)[0]
    finally:
        logging.disable(logging.NOTSET)
