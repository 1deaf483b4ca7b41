"""The report stage's result for one story: facts, summary, timeline and lineage.

`build_report` is pure: analyses and settings in, a `StoryReport` out; `to_dict()` is
the JSON contract of `samestory report --json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..match.identity import article_identity
from ..models import Analysis
from ..settings import Settings
from .conflicts import apply_conflicts, conflict_pairs
from .facts import Fact, Story, cluster_facts, label
from .lineage import Link, copy_groups, find_lineage, first_reported
from .summary import summarise
from .timeline import build_timeline

__all__ = ["ReportArticle", "StoryReport", "build_report"]


@dataclass(slots=True)
class ReportArticle:
    """An article as the report shows it: its sentences and the fact each belongs to."""

    id: str
    outlet: str
    title: str
    language: str
    published: str | None
    url: str | None
    sentences: list[str]
    fact_of: dict[int, int]  # sentence index -> fact index (titles have none)
    # When and where the article says the event happened, and how much text it had
    # (`match.identity.article_identity`): what told this story from its look-alikes.
    identity: dict[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "language": self.language,
            "published": self.published,
            "url": self.url,
            "identity": self.identity,
        }


@dataclass(slots=True)
class StoryReport:
    facts: list[Fact]
    summary: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    lineage: list[dict[str, Any]]
    articles: list[ReportArticle]
    first_reported: dict[str, Any] | None = None
    stats: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "facts": [f.to_dict() for f in self.facts],
            "summary": self.summary,
            "timeline": self.timeline,
            "lineage": self.lineage,
            "first_reported": self.first_reported,
            "articles": [a.to_dict() for a in self.articles],
        }


def _lineage_dict(story: Story, link: Link) -> dict[str, Any]:
    src, dst = story.analyses[link.source].article, story.analyses[link.target].article
    return {
        "from": src.id,
        "to": dst.id,
        "kind": link.kind,
        "score": round(link.score, 3),
        "from_outlet": story.outlets[link.source],
        "to_outlet": story.outlets[link.target],
        "directed": link.directed,
    }


def _order(facts: list[Fact]) -> list[Fact]:
    """Facts in reading order: by where their earliest sentence sits in its article."""
    return sorted(facts, key=lambda f: min((r.doc, r.sentence) for r in f.refs))


def build_report(
    analyses: Sequence[Analysis], settings: Settings, *, max_summary: int | None = None
) -> StoryReport:
    if not analyses:
        raise InputError("a story report needs at least one article")
    story = Story(analyses, settings)
    links = find_lineage(story)
    reps = copy_groups(story, links)
    row_groups = cluster_facts(story)
    facts = apply_conflicts(story, row_groups, conflict_pairs(story, reps))
    for f in facts:
        f.refs.sort(key=lambda r: (r.doc, r.sentence))
        f.status = label(f)
    facts = _order(facts)
    summary = summarise(
        story, facts, settings.summary_max_sentences if max_summary is None else max_summary
    )
    timeline = build_timeline(story, facts)
    articles = []
    for d, a in enumerate(story.analyses):
        fact_of = {r.sentence: k for k, f in enumerate(facts) for r in f.refs if r.doc == d}
        art = a.article
        articles.append(
            ReportArticle(
                id=art.id,
                outlet=story.outlets[d],
                title=art.title,
                language=a.language,
                published=art.published_text,
                url=art.url,
                sentences=[s.text for s in a.sentences],
                fact_of=fact_of,
                identity=article_identity(a, story.mentions[d]),
            )
        )
    return StoryReport(
        facts=facts,
        summary=summary,
        timeline=timeline,
        lineage=[_lineage_dict(story, link) for link in links],
        articles=articles,
        first_reported=first_reported(story),
    )
