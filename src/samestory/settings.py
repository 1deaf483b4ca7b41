"""Every tunable number in one typed object, each with a default and help text.

Stages receive a `Settings` instead of reading globals, so a test, a server and a
Spark job can run the same code with different settings side by side. Values can be
overridden from the environment (`SAMESTORY_<FIELD>`), e.g. `SAMESTORY_EMBEDDER=e5`.
"""

from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    # --- ingest ---
    max_input_bytes: int = _opt(
        20_000_000,
        "Largest file read as one article; bigger inputs are refused (news articles are KBs).",
    )
    min_text_chars: int = _opt(
        20, "An article whose cleaned title+body is shorter than this is refused as empty."
    )
    lede_max_chars: int = _opt(
        400, "In .txt input, a second paragraph up to this length is taken as the lede."
    )
    # --- analyse ---
    language_min_confidence: float = _opt(
        0.3, "Below this language-detection score the declared language (if any) wins."
    )
    spacy_max_chars: int = _opt(
        100_000,
        "Text beyond this many characters is not run through spaCy (keeps latency bounded).",
    )
    alias_min_similarity: float = _opt(
        0.85,
        "Token similarity (0..1, accent- and transliteration-insensitive) above which two "
        "name tokens count as the same when linking aliases.",
    )
    embedder: str = _opt(
        "use",
        "Embedding backend: 'use' (multilingual USE, default), 'e5' (multilingual-e5-small), "
        "'st:/path/to/model' (a local sentence-transformers model; needs the [st] extra), "
        "or 'none'.",
    )
    embed_threads: int = _opt(
        2, "Threads for the embedding backend (USE is 10x slower at 4 on 2 cores)."
    )
    head_sentences: int = _opt(
        3, "Sentences after the title that make the 'head' embedding (embeds better than all text)."
    )
    embed_sentences: bool = _opt(
        True, "Also embed every sentence (needed for cross-lingual sentence alignment)."
    )
    max_sentences: int = _opt(
        80, "Sentences per article that are embedded and aligned; the rest are only analysed."
    )
    # --- match ---
    align_min_similarity: float = _opt(
        0.6, "Cosine above which two sentences (any languages) are reported as aligned."
    )
    align_max_pairs: int = _opt(5, "How many best aligned sentence pairs a comparison reports.")
    same_story_threshold: float = _opt(
        0.5,
        "same_story probability at or above which two articles are called the same story "
        "(and conflicting facts between them are reported).",
    )
    scorer: str = _opt(
        "hand-set",
        "Pair scorer: 'hand-set' (default, transparent) or the path of a model written by "
        "`samestory train scorer`.",
    )
    number_conflict_tolerance: float = _opt(
        0.05, "Relative difference under which two numbers of the same slot are considered equal."
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SAMESTORY_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.name, raw, f.default)
        values.update(overrides)
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting, for docs and `--help` output."""
        return [
            (f.name, None if f.default is MISSING else f.default, f.metadata["help"])
            for f in fields(cls)
        ]


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return type(default)(raw)
    except ValueError:
        raise ConfigError(
            f"SAMESTORY_{name.upper()}={raw!r} is not a valid {type(default).__name__}"
        ) from None


DEFAULT_SETTINGS = Settings()
