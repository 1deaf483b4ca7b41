"""samestory: which news articles report the same story, and how their accounts differ.

>>> import samestory
>>> a, b = samestory.read("a.txt")[0], samestory.read("b.html")[0]
>>> score = samestory.compare(a, b)
>>> score.scores["overall"], score.shared["entities"]
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

# The subpackage `samestory.analyse` and the function `samestory.analyse()` share a
# name. Importing the (empty) subpackage first and defining the function after it
# leaves the function as the attribute; later submodule imports (analyse.pipeline,
# ...) find the package in sys.modules and no longer rebind the name.
from . import analyse as _analyse_package  # noqa: F401
from .errors import SameStoryError
from .models import Analysis, Article, PairScore
from .settings import Settings

if TYPE_CHECKING:
    from .engine import Comparable, Engine

__version__ = "0.1.0"

__all__ = [
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
]

_default: Engine | None = None


def default_engine() -> Engine:
    """The process-wide Engine behind the module-level functions (built on first use)."""
    global _default
    if _default is None:
        from .engine import Engine

        _default = Engine()
    return _default


def read(path: str | Path) -> list[Article]:
    """Articles from a file, a folder (recursive) or "-" (stdin)."""
    return default_engine().read(path)


def analyse(article: Article, *, published: dt.datetime | None = None) -> Analysis:
    """Language, sentences, entities, places, dates, numbers and embeddings of one article."""
    return default_engine().analyse(article, published=published)


def compare(a: Comparable, b: Comparable, *, published: dt.datetime | None = None) -> PairScore:
    """How far `a` and `b` report the same story (articles, analyses or paths)."""
    return default_engine().compare(a, b, published=published)


def __getattr__(name: str) -> object:
    # Engine pulls in the models' code; importing samestory alone stays cheap.
    if name == "Engine":
        from .engine import Engine

        return Engine
    raise AttributeError(name)
