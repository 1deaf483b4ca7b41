"""The public surface is deliberate: `__all__` lists exactly what users may import."""

from __future__ import annotations

import importlib

import pytest

import samestory

PUBLIC = {
    "samestory": {
        "Analysis",
        "Article",
        "Engine",
        "PairScore",
        "SameStoryError",
        "Settings",
        "__version__",
        "analyse",
        "compare",
        "default_engine",
        "read",
    },
    "samestory.errors": {
        "BinaryInputError",
        "ConfigError",
        "EmptyInputError",
        "FileTooLargeError",
        "InputError",
        "InvalidValueError",
        "ModelUnavailableError",
        "NoMainTextError",
        "NotFoundError",
        "SameStoryError",
        "StoreError",
        "UnsupportedFormatError",
    },
    "samestory.cluster": {
        "AnalysisPairScorer",
        "ClusterDoc",
        "OnlineClusterer",
        "PairScoreFn",
        "StoryEvent",
        "bcubed",
        "cluster_report",
        "doc_from_analysis",
        "pairwise",
        "story_id_for",
        "timestamp",
    },
    "samestory.store": {
        "SCHEMA_VERSION",
        "SQLiteStore",
        "canonical_url",
        "decode_analysis",
        "encode_analysis",
        "roundtrip",
    },
}


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_all_is_deliberate(module: str) -> None:
    mod = importlib.import_module(module)
    assert set(mod.__all__) == PUBLIC[module]
    for name in mod.__all__:
        assert getattr(mod, name) is not None


def test_every_error_is_a_samestory_error_with_an_http_status() -> None:
    import samestory.errors as e

    for name in e.__all__:
        cls = getattr(e, name)
        assert issubclass(cls, e.SameStoryError)
        assert 400 <= cls.status <= 599
    assert e.NotFoundError.status == 404
    assert e.FileTooLargeError.status == 413
    assert issubclass(e.BinaryInputError, e.InputError)


def test_error_messages_are_one_line() -> None:
    err = samestory.errors.InputError("bad\n  input\n")
    assert str(err) == "bad input"
    assert err.to_dict() == {"error": "InputError", "message": "bad input", "status": 400}


def test_pure_stages_never_import_store_scale_or_serve() -> None:
    from pathlib import Path

    src = Path(samestory.__file__).parent
    for stage in ("analyse", "match", "cluster", "report"):
        for path in (src / stage).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for forbidden in ("store", "scale", "serve"):
                assert f"from ..{forbidden}" not in text, f"{path} imports {forbidden}"
                assert f"samestory.{forbidden}" not in text, f"{path} imports {forbidden}"


def test_analyse_function_survives_subpackage_imports() -> None:
    import samestory.analyse.pipeline
    import samestory.engine

    assert callable(samestory.analyse)
    assert samestory.analyse.__module__ == "samestory"


def test_compare_is_the_pairwise_function_beside_the_report_package() -> None:
    import samestory.report
    import samestory.serve.web  # imports the report package too

    assert callable(samestory.compare)
    assert samestory.compare.__module__ == "samestory"
    assert samestory.report.build_report is not None
