"""`samestory train scorer` and `samestory eval semeval`: the learned scorer's commands."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer
from rich.console import Console
from rich.table import Table

from ..models import DIMENSIONS
from ..settings import Settings

__all__ = ["eval_app", "train_app"]

train_app = typer.Typer(help="Train models from labelled data.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure quality on labelled data.", no_args_is_help=True)
_out = Console(highlight=False)

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data",
        metavar="FILE",
        help="SemEval-2022 Task 8 pairs as JSON Lines (lang1, lang2, title1, text1, title2, "
        "text2, scores{Overall, Geography, ...}).",
    ),
]


def _engine(settings: Settings) -> Any:
    from ..engine import Engine

    return Engine(settings)


def _features(data: Path, engine: Any) -> tuple[Any, np.ndarray, list[str], float]:
    from ..match.dataset import load_semeval, pair_feature_matrix

    pairs = load_semeval(data)
    start = time.perf_counter()
    X, names = pair_feature_matrix(pairs, engine)
    return pairs, X, names, time.perf_counter() - start


@train_app.command("scorer")
def train_scorer(
    data: DataOpt,
    out: Annotated[Path, typer.Option("--out", metavar="PATH", help="Where to write the model.")],
    seed: Annotated[int, typer.Option(help="Random seed (training is deterministic).")] = 0,
) -> None:
    """Fit the learned pair scorer on labelled pairs; use it with SAMESTORY_SCORER=PATH.

    Deterministic: the same data and seed give the same trees, byte for byte. The model
    shipped in the package was made by this command on SemEval-2022 Task 8 train.
    """
    from ..match.dataset import gold_arrays
    from ..match.learned import LearnedScorer

    pairs, X, names, seconds = _features(data, _engine(Settings.from_env(scorer="hand-set")))
    model = LearnedScorer.fit(X, names, gold_arrays(pairs), seed=seed)
    model.save(out)
    _out.print(f"trained on {len(pairs)} pairs (features {seconds:.0f}s); wrote {out}")


@eval_app.command("semeval")
def eval_semeval(
    data: DataOpt,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    cv: Annotated[
        bool,
        typer.Option(
            "--cv",
            help="Instead of scoring with the configured scorer, cross-validate the learned "
            "scorer on this file: grouped 5-fold (no article in train and test) and "
            "leave-one-language-pair-out.",
        ),
    ] = False,
) -> None:
    """Pearson of predicted vs. gold scores, per dimension and per language pair.

    Without --cv the configured scorer (SAMESTORY_SCORER; by default the learned model
    shipped in the package, which was trained on SemEval-2022 Task 8 train: scoring that
    file is in-sample) scores the file as it is, with no fitting on it.
    """
    from ..match.dataset import gold_arrays, group_ids
    from ..match.evaluate import cross_validate, leave_one_language_out, pearson_report

    settings = Settings.from_env()
    engine = _engine(settings)  # one engine: the pipeline and any trained model load once
    pairs, X, names, _ = _features(data, engine)
    gold = gold_arrays(pairs)
    langs = np.array([p.lang for p in pairs])
    if cv:
        groups = group_ids(pairs)
        report = cross_validate(X, names, gold, langs, groups)
        report["leave_one_language_out"] = leave_one_language_out(X, names, gold, langs, groups)
    else:
        report = pearson_report(_score_rows(X, names, engine.scorer), gold, langs)
    report["scorer"] = "learned (cross-validated)" if cv else settings.scorer
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        _print_report(report)


def _score_rows(X: np.ndarray, names: list[str], configured: Any) -> dict[str, np.ndarray]:
    from ..match import HandSetScorer

    scorer = configured or HandSetScorer()
    pred = {d: np.zeros(len(X)) for d in DIMENSIONS}
    for i, row in enumerate(X):
        scores, _ = scorer.score(dict(zip(names, row.tolist(), strict=True)))
        for d in DIMENSIONS:
            pred[d][i] = scores[d]
    return pred


def _fmt(r: float | None) -> str:
    return "-" if r is None else f"{r:.3f}"


def _print_report(report: dict[str, Any]) -> None:
    _out.print(f"{report['n']} pairs, scorer: {report['scorer']}")
    table = Table(*DIMENSIONS, title="Pearson, predicted vs. gold")
    table.add_row(*[_fmt(report["pearson"][d]) for d in DIMENSIONS])
    _out.print(table)
    by_lang = Table("language pair", "n", "Overall r")
    for lang, row in sorted(report["by_language"].items()):
        by_lang.add_row(lang, str(row["n"]), _fmt(row["overall"]))
    _out.print(by_lang)
    if "same_story" in report:
        _out.print(f"same story: {report['same_story']}")
