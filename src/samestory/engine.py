"""The Engine: one object that wires reading, analysis and comparison with one Settings.

The module-level functions `samestory.read/analyse/compare` use a process-wide
default Engine; programs that need other settings build their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .analyse.pipeline import Pipeline
from .errors import InputError, SameStoryError
from .ingest import read as _read
from .match import Scorer, compare_analyses
from .models import Analysis, Article, PairScore
from .settings import Settings

__all__ = ["Engine"]

Source = str | Path
Comparable = Article | Analysis | Source


class Engine:
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        pipeline: Pipeline | None = None,
        scorer: Scorer | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.pipeline = pipeline or Pipeline(settings=self.settings)
        self.scorer = scorer or _load_scorer(self.settings.scorer)

    # --- ingest ---
    def read(self, source: Source, *, stdin: BinaryIO | None = None) -> list[Article]:
        return _read(source, self.settings, stdin=stdin)

    def read_one(self, source: Source, *, stdin: BinaryIO | None = None) -> Article:
        articles = self.read(source, stdin=stdin)
        if len(articles) != 1:
            raise InputError(f"{source}: holds {len(articles)} articles where one was expected")
        return articles[0]

    # --- analyse ---
    def analyse(self, article: Article, *, published: dt.datetime | None = None) -> Analysis:
        return self.pipeline(with_default_published(article, published))

    def warm_up(self, articles: Iterable[Article]) -> None:
        """Load every model these articles need (one article per declared language)."""
        seen: set[str | None] = set()
        for article in articles:
            if article.language not in seen:
                seen.add(article.language)
                self.analyse(article)

    def analyse_many(
        self, articles: Iterable[Article], *, published: dt.datetime | None = None
    ) -> list[Analysis]:
        return list(self.pipeline.pipe(with_default_published(a, published) for a in articles))

    def analyse_each(
        self, articles: Iterable[Article], *, published: dt.datetime | None = None
    ) -> Iterator[tuple[Article, Analysis | SameStoryError]]:
        """(article, its analysis or the SameStoryError that stopped it), in order."""
        return self.pipeline.attempt(with_default_published(a, published) for a in articles)

    # --- match ---
    def compare(
        self, a: Comparable, b: Comparable, *, published: dt.datetime | None = None
    ) -> PairScore:
        sides = [x if isinstance(x, Analysis | Article) else self.read_one(x) for x in (a, b)]
        new = [x for x in sides if isinstance(x, Article)]
        # Two new articles are analysed together: one's models overlap the other's text.
        fresh = iter(self.analyse_many(new, published=published))
        pair = [x if isinstance(x, Analysis) else next(fresh) for x in sides]
        return compare_analyses(pair[0], pair[1], self.settings, self.scorer)


def _load_scorer(spec: str) -> Scorer | None:
    """None means the hand-set formula; "learned" the model shipped in the package."""
    if spec == "hand-set":
        return None
    from .match.learned import load_scorer  # scikit-learn loads only when used

    return load_scorer(spec)


def with_default_published(article: Article, published: dt.datetime | None) -> Article:
    """The article with `published` filled in where the source gave no date."""
    if published is None or article.published is not None:
        return article
    return dataclasses.replace(article, published=published)
