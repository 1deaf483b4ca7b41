from __future__ import annotations

import pytest

from samestory.errors import ConfigError
from samestory.settings import Settings


def test_every_setting_has_a_default_and_help() -> None:
    rows = Settings.describe()
    assert len(rows) >= 10
    for name, default, help_text in rows:
        assert default is not None, name
        assert len(help_text) > 20, name


def test_environment_overrides_are_typed() -> None:
    s = Settings.from_env(
        {
            "SAMESTORY_EMBEDDER": "e5",
            "SAMESTORY_HEAD_SENTENCES": "5",
            "SAMESTORY_EMBED_SENTENCES": "no",
            "SAMESTORY_ALIGN_MIN_SIMILARITY": "0.7",
        }
    )
    assert (s.embedder, s.head_sentences, s.embed_sentences) == ("e5", 5, False)
    assert s.align_min_similarity == pytest.approx(0.7)


def test_bad_environment_value_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="SAMESTORY_HEAD_SENTENCES"):
        Settings.from_env({"SAMESTORY_HEAD_SENTENCES": "three"})
