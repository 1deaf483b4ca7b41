"""Shared fixtures. Real data lives outside the repo; tests that need it skip cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(paths) < 2:
        pytest.skip("../shared/seeds is not available")
    return paths


@pytest.fixture(scope="session")
def engine():  # type: ignore[no-untyped-def]
    from samestory.engine import Engine
    from samestory.settings import Settings

    return Engine(Settings())
