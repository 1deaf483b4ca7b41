"""report: one story, fact by fact -- what all outlets report, what one alone reports,
where they disagree, who copied whom, a cited summary and a timeline.

A pure stage: analyses and settings in, a `StoryReport` out (no store, no server).
"""

from __future__ import annotations

from .build import ReportArticle, StoryReport, build_report
from .facts import Fact, SentenceRef

__all__ = ["Fact", "ReportArticle", "SentenceRef", "StoryReport", "build_report"]
