"""`samestory train scorer` and `samestory eval semeval` end to end on a slice of real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_calls import one_line_error, run
from conftest import SHARED

DATA = SHARED / "data" / "semeval2022-task8" / "train.jsonl"
pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DATA.is_file():
        pytest.skip("../shared/data/semeval2022-task8 is not available")
    lines = DATA.read_text(encoding="utf-8").splitlines()
    out = tmp_path_factory.mktemp("semeval") / "slice.jsonl"
    out.write_text("\n".join(lines[::48]) + "\n", encoding="utf-8")  # ~30 pairs, most languages
    return out


def test_train_then_evaluate_with_the_trained_model(small_data: Path, tmp_path: Path) -> None:
    model = tmp_path / "scorer.bin"
    trained = run("train", "scorer", "--data", str(small_data), "--out", str(model))
    assert trained.returncode == 0, trained.stderr
    assert model.is_file() and model.stat().st_size > 1000

    env = {"SAMESTORY_SCORER": str(model)}
    out = run("eval", "semeval", "--data", str(small_data), "--json", env=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["n"] == len(small_data.read_text().splitlines())
    assert set(report["pearson"]) == {
        "overall",
        "geography",
        "entities",
        "time",
        "narrative",
        "style",
        "tone",
    }
    assert {"n", "overall"} <= set(next(iter(report["by_language"].values())))
    # In-sample on its own training data the forest must fit far better than chance.
    assert report["pearson"]["overall"] > 0.6
    assert report["scorer"] == str(model)


def test_eval_bad_data_is_a_one_line_error(tmp_path: Path) -> None:
    one_line_error(run("eval", "semeval", "--data", str(tmp_path / "none.jsonl")), "no such file")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"lang1": "en"}\n', encoding="utf-8")
    one_line_error(run("eval", "semeval", "--data", str(bad)), "bad.jsonl:1")


def test_unknown_scorer_model_is_a_one_line_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Titre\n\nUn texte assez long pour être un article de presse.", encoding="utf-8")
    env = {"SAMESTORY_SCORER": str(tmp_path / "missing.bin")}
    out = run("compare", str(f), str(f), "--embedder", "none", env=env)
    one_line_error(out, "missing.bin")
