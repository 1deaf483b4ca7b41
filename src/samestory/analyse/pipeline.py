"""The analysis pipeline: named steps that declare what they need and what they set.

Like a spaCy pipeline, each step names the `Analysis` attributes it reads
(`requires`) and writes (`provides`); `Pipeline` checks the order once when it is
built, so a misordered or missing step fails at construction, not deep inside a
batch job. Steps are plain functions of (analysis, settings), so the same pipeline
runs in a test, behind the SQLite engine and inside a Spark partition.

`pipe` overlaps articles: the model steps (`background`: embedders whose work runs
in native code, outside the GIL) run as a line of stages, one worker thread each,
while the text steps of the next article run on the caller's: article n's scorer
embedding (e5), n+1's embeddings (USE) and n+2's text can all run at once, so two
cores are kept busy by three models' worth of work. Each step still sees one article
at a time and in order, spaCy only ever runs on the caller's thread, and the
embedders keep their thread counts, so every analysis is the one `__call__` gives.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial

from ..errors import ConfigError, SameStoryError
from ..models import Analysis, Article, Quantity
from ..settings import DEFAULT_SETTINGS, Settings
from .aliases import link_entities
from .dates import extract_dates
from .embed import get_embedder
from .entities import extract_mentions
from .language import detect_language
from .quantities import extract_quantities
from .sentences import split_sentences

__all__ = ["DEFAULT_STEPS", "Pipeline", "Step", "head_text", "quantity_context"]

StepFunc = Callable[[Analysis, Settings], None]


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    func: StepFunc
    # Native work that releases the GIL (model inference): may overlap the next
    # article's text steps in `Pipeline.pipe`. Background steps come last.
    background: bool = False
    # A background step that, under these settings, reads nothing the model steps
    # before it write: in `Pipeline.pipe` it starts as soon as the article's text
    # steps are done instead of after the previous model step (e5 beside USE).
    independent: Callable[[Settings], bool] | None = None

    def __call__(self, analysis: Analysis, settings: Settings) -> None:
        self.func(analysis, settings)


def _language(a: Analysis, s: Settings) -> None:
    a.language = detect_language(a.text, a.article.language, s.language_min_confidence)


def _sentences(a: Analysis, s: Settings) -> None:
    a.sentences = split_sentences(a.text, a.language)


def _entities(a: Analysis, s: Settings) -> None:
    # spaCy stops at spacy_max_chars; the gazetteer and rules still read the whole text.
    mentions = extract_mentions(
        a.text, a.language, a.sentences, max_chars=s.spacy_max_chars,
        min_repeats=s.entity_min_repeats, url=a.article.url,
        signature_lines=s.signature_tail_lines,
    )  # fmt: skip
    a.mentions = link_entities([mentions], min_similarity=s.alias_min_similarity)[0]


def _dates(a: Analysis, s: Settings) -> None:
    a.dates = extract_dates(a.text, a.language, a.article.published, a.sentences)


def _quantities(a: Analysis, s: Settings) -> None:
    a.quantities = extract_quantities(a.text, a.language, a.sentences)


def head_text(a: Analysis, n_sentences: int) -> str:
    """Title plus the first sentences of lede/body: what embeds a story best."""
    title_end = len(a.article.title)
    body = [x.text for x in a.sentences if x.start >= title_end][:n_sentences]
    return " ".join([a.article.title, *body]).strip()


_DIGITS = re.compile(r"\d+(?:[.,\s\u202f\u00a0]\d+)*")
_SLOT_WORDS = 5


def quantity_context(a: Analysis, q: Quantity) -> str:
    """A few words either side of `q` inside its sentence, digits masked as '#'."""
    if 0 <= q.sentence < len(a.sentences):
        sent = a.sentences[q.sentence]
        lo, hi = sent.start, sent.end
    else:
        lo, hi = max(0, q.start - 80), min(len(a.text), q.end + 80)
    left = a.text[lo : q.start].split()[-_SLOT_WORDS:]
    right = a.text[q.end : hi].split()[:_SLOT_WORDS]
    return _DIGITS.sub("#", " ".join([*left, q.text, *right]))


def _embeddings(a: Analysis, s: Settings) -> None:
    embedder = get_embedder(
        s.embedder, s.embed_threads, s.e5_precision, s.model_cache_dir, s.use_runtime
    )
    if embedder is None:
        return
    sentences = [x.text for x in a.sentences[: s.max_sentences]] if s.embed_sentences else []
    slots = [quantity_context(a, q) for q in a.quantities] if s.embed_sentences else []
    # One batch for head, sentences and number slots: one call into the model per article.
    vectors = embedder.encode([head_text(a, s.head_sentences), *sentences, *slots])
    a.embedding = vectors[0]
    a.sentence_embeddings = vectors[1 : 1 + len(sentences)] if sentences else None
    a.quantity_embeddings = vectors[1 + len(sentences) :] if slots else None


def _scorer_embedding(a: Analysis, s: Settings) -> None:
    if s.scorer_embedder == s.embedder and a.embedding is not None:
        a.scorer_embedding = a.embedding
        return
    embedder = get_embedder(
        s.scorer_embedder, s.embed_threads, s.e5_precision, s.model_cache_dir, s.use_runtime
    )
    if embedder is not None:
        # The head only: e5 is slower per text than USE, and its head cosine alone
        # carries what it adds (its sentences added < 0.003 r in cross-validation).
        a.scorer_embedding = embedder.encode([head_text(a, s.head_sentences)])[0]


DEFAULT_STEPS: tuple[Step, ...] = (
    Step("language", ("text",), ("language",), _language),
    Step("sentences", ("text", "language"), ("sentences",), _sentences),
    Step("entities", ("text", "language", "sentences"), ("mentions",), _entities),
    Step("dates", ("text", "language", "sentences"), ("dates",), _dates),
    Step("quantities", ("text", "language", "sentences"), ("quantities",), _quantities),
    Step(
        "embeddings",
        ("sentences", "quantities"),
        ("embedding", "sentence_embeddings", "quantity_embeddings"),
        _embeddings,
        background=True,
    ),
    Step(
        "scorer_embedding",
        ("sentences", "embedding"),
        ("scorer_embedding",),
        _scorer_embedding,
        background=True,
        # It reads `embedding` only to reuse it when both embedders are one.
        independent=lambda s: s.scorer_embedder != s.embedder,
    ),
)


class Pipeline:
    """An ordered, validated list of steps."""

    def __init__(
        self, steps: Sequence[Step] = DEFAULT_STEPS, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        available = {"text", "article"}
        for step in steps:
            missing = [r for r in step.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"pipeline step {step.name!r} needs {', '.join(missing)}, "
                    "which no earlier step provides"
                )
            available.update(step.provides)
        first_bg = next((i for i, st in enumerate(steps) if st.background), len(steps))
        if not all(st.background for st in steps[first_bg:]):
            raise ConfigError("pipeline background steps (model inference) must come last")
        self.steps = tuple(steps)
        self._front, self._back = self.steps[:first_bg], self.steps[first_bg:]
        self.settings = settings

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def without(self, *names: str) -> Pipeline:
        """A copy without the named steps (e.g. `without("embeddings")` for a fast pass)."""
        return Pipeline([s for s in self.steps if s.name not in names], self.settings)

    def complete(self, analysis: Analysis) -> Analysis:
        """Fill in the scorer embedding an analysis stored before it existed (schema 4)."""
        if analysis.scorer_embedding is None and "scorer_embedding" in self.names:
            _scorer_embedding(analysis, self.settings)
        return analysis

    def __call__(self, article: Article) -> Analysis:
        analysis = self._start(article)
        for step in self.steps:
            step(analysis, self.settings)
        return analysis

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order; one article's models overlap the next one's text."""
        for _, result in self.attempt(articles):
            if isinstance(result, SameStoryError):
                raise result
            yield result

    def attempt(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, Analysis | SameStoryError]]:
        """Like `pipe`, but an article whose analysis fails with a SameStoryError comes
        back with that error, in its place, and the run goes on."""
        if not self._back or not self._front:
            for article in articles:
                yield article, _outcome(partial(self, article))
            return
        with ExitStack() as stack:
            # One worker per model step: a step runs its articles in order on its own
            # thread, after the step before it has finished that article.
            stages = [
                stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix=f"samestory-{n}"))
                for n in (st.name for st in self._back)
            ]
            pending: deque[tuple[Article, Future[Analysis]]] = deque()
            for article in articles:
                analysis = self._start(article)
                try:
                    for step in self._front:
                        step(analysis, self.settings)
                except SameStoryError as exc:
                    ready: Future[Analysis] = Future()
                    ready.set_exception(exc)
                else:
                    # Submitted before waiting for earlier articles: the workers never
                    # idle while this thread hands over.
                    ready = self._submit(stages, analysis)
                pending.append((article, ready))
                # As many articles in flight as there are stages keeps each one busy.
                if len(pending) > len(stages):
                    done, result = pending.popleft()
                    yield done, _outcome(result.result)
            while pending:
                done, result = pending.popleft()
                yield done, _outcome(result.result)

    def _submit(self, stages: list[ThreadPoolExecutor], analysis: Analysis) -> Future[Analysis]:
        before: Future[Analysis] | None = None
        for stage, step in zip(stages, self._back, strict=True):
            alone = step.independent is not None and step.independent(self.settings)
            # An independent step runs at once and waits for the previous one after,
            # so the last future still stands for the whole article.
            wait, then = (None, before) if alone else (before, None)
            before = stage.submit(self._stage, wait, step, analysis, then)
        assert before is not None
        return before

    def _stage(
        self,
        before: Future[Analysis] | None,
        step: Step,
        analysis: Analysis,
        then: Future[Analysis] | None = None,
    ) -> Analysis:
        if before is not None:
            before.result()  # the previous step's error is this article's error
        step(analysis, self.settings)
        if then is not None:
            then.result()
        return analysis

    @staticmethod
    def _start(article: Article) -> Analysis:
        return Analysis(article=article, language=article.language or "und", text=article.text)


def _outcome(run: Callable[[], Analysis]) -> Analysis | SameStoryError:
    try:
        return run()
    except SameStoryError as exc:
        return exc
