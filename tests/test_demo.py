"""`make run`'s main job on the bundled corpus: it runs and its decisions match gold."""

from __future__ import annotations

import re

import pytest

from test_cli import run

pytestmark = pytest.mark.models


def test_demo_runs_and_separates_stories() -> None:
    out = run("demo", "examples")
    assert out.returncode == 0, out.stderr
    assert "Read 37 articles" in out.stdout
    m = re.search(r"precision (\d\.\d+), recall (\d\.\d+)", out.stdout)
    assert m, out.stdout[-500:]
    precision, recall = float(m[1]), float(m[2])
    assert precision >= 0.9 and recall >= 0.85, (precision, recall)
