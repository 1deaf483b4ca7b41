"""`samestory report` and build_report: seed acceptance, JSON contract, errors, HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from chromium import CHROMIUM, launch, record_problems
from cli_calls import one_line_error, run
from samestory.report import build_report
from samestory.settings import Settings
from test_report_facts import FUND, SIGN, SWISS, make, three_articles, unit

# --- the two seed articles, real default engine -------------------------------------


@pytest.fixture(scope="module")
def seed_report(seed_paths, engine):  # type: ignore[no-untyped-def]
    articles = [a for p in seed_paths for a in engine.read(p)]
    analyses = engine.analyse_many(articles, published=dt.datetime(2022, 10, 4))
    return build_report(analyses, engine.settings), [a.article.id for a in analyses]


def _facts_with(report, status: str, *patterns: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    out = []
    for f in report.facts:
        text = " ".join(r.text for r in f.refs)
        if f.status == status and all(re.search(p, text, re.I) for p in patterns):
            out.append(f)
    return out


@pytest.mark.models
@pytest.mark.parametrize(
    "patterns",
    [
        ("président", "Aliyev", "ministre de la Défense"),  # meetings with president and minister
        ("Guliyev", "siège"),  # border service chief and its headquarters
        ("relations stratégiques",),
        ("accords d.Abraham",),
    ],
)
def test_seed_consensus_facts(seed_report, patterns) -> None:  # type: ignore[no-untyped-def]
    report, ids = seed_report
    facts = _facts_with(report, "consensus", *patterns)
    assert facts, patterns
    assert all({r.article for r in f.refs} == set(ids) for f in facts)


@pytest.mark.models
@pytest.mark.parametrize(
    ("doc", "patterns"),
    [
        (0, ("Stockholm", "importations")),  # SIPRI share of arms imports
        (0, ("Iron Dome",)),
        (0, ("Arrow-3",)),
        (0, ("Liberman", "mai dernier")),
        (0, ("Juifs", "Russie")),
        (1, ("six semaines", "6 000")),
        (1, ("2016", "4,85 milliards")),
    ],
)
def test_seed_unique_facts(seed_report, doc, patterns) -> None:  # type: ignore[no-untyped-def]
    report, ids = seed_report
    facts = _facts_with(report, "unique", *patterns)
    assert facts, patterns
    assert all({r.article for r in f.refs} == {ids[doc]} for f in facts)
    # ... and no fact shared with the other article says it.
    assert not _facts_with(report, "consensus", *patterns)


@pytest.mark.models
def test_seed_timeline_has_cited_2016_2020_and_october_2021(seed_report) -> None:  # type: ignore[no-untyped-def]
    report, _ = seed_report
    dates = {e["date"]: e for e in report.timeline}
    for date, word in (("2016", "2016"), ("2020", "2020"), ("2021-10", "octobre 2021")):
        assert date in dates, sorted(dates)
        entry = dates[date]
        assert entry["sources"] and all(s["text"] for s in entry["sources"])
        cited = [e for e in report.timeline if e["date"] == date]
        assert any(word in s["text"] for e in cited for s in e["sources"])
    starts = [e["start"] for e in report.timeline]
    assert starts == sorted(starts)


@pytest.mark.models
def test_seed_summary_is_cited_consensus(seed_report) -> None:  # type: ignore[no-untyped-def]
    report, ids = seed_report
    assert 1 <= len(report.summary) <= Settings().summary_max_sentences
    for item in report.summary:
        assert item["status"] == "consensus"
        assert {s["article"] for s in item["sources"]} == set(ids)
        assert any(item["text"] == s["text"] for s in item["sources"])


@pytest.mark.models
def test_seed_summary_leads_with_the_visit(seed_report) -> None:  # type: ignore[no-untyped-def]
    report, _ = seed_report
    lead = report.summary[0]
    assert any("a conclu lundi une visite officielle" in s["text"] for s in lead["sources"])


# --- JSON contract and summary rules (no models) -------------------------------------


def test_json_contract() -> None:
    data = build_report(three_articles(), Settings()).to_dict()
    assert {"facts", "summary", "timeline", "lineage"} <= set(data)
    for f in data["facts"]:
        assert {"text", "status", "sources", "values"} <= set(f)
        assert f["status"] in {"consensus", "unique", "conflict"}
    for s in data["summary"]:
        assert {"text", "sources"} <= set(s) and s["sources"]
    for e in data["timeline"]:
        assert {"date", "text", "sources"} <= set(e)
    for link in data["lineage"]:
        assert {"from", "to", "kind", "score"} <= set(link)
        assert link["kind"] in {"copy", "translation", "rewrite"}
    json.dumps(data)  # serialisable as is


def test_summary_respects_max_and_skips_redundant_facts() -> None:
    analyses = three_articles()
    report = build_report(analyses, Settings(), max_summary=1)
    assert len(report.summary) == 1
    full = build_report(analyses, Settings(summary_max_redundancy=-1.0))
    assert len(full.summary) == 1  # every other fact counts as redundant
    assert build_report(analyses, Settings(), max_summary=0).summary == []


def test_summary_leads_with_what_the_articles_lead_with() -> None:
    # Both articles open with the event, then dwell on talks: the talks are closer to the
    # mean of the story's sentences, so centrality alone would put the event last.
    event, talks, defence, trade = (
        unit((0, 1.0)),
        unit((1, 1.0)),
        unit((1, 1.0), (2, 0.5)),
        unit((1, 1.0), (3, 0.5)),
    )
    a = make(
        "Visit ends",
        [
            ("The minister ended an official visit to Baku on Monday.", event),
            ("Security talks filled the visit.", talks),
            ("The talks covered defence.", defence),
            ("The talks covered trade.", trade),
        ],
        outlet="Wire",
    )
    b = make(
        "Visite terminée",
        [
            ("Le ministre a conclu lundi une visite officielle à Bakou.", unit((0, 1.0), (5, 0.2))),
            ("Les discussions ont porté sur la sécurité.", unit((1, 1.0), (5, 0.2))),
            ("Elles ont porté sur la défense.", unit((1, 1.0), (2, 0.5), (5, 0.2))),
        ],
        outlet="Journal",
        language="fr",
    )
    report = build_report([a, b], Settings())
    assert len(report.summary) >= 2  # the event and the talks, both told by both outlets
    lead = report.summary[0]
    assert lead["status"] == "consensus"
    assert {s["text"] for s in lead["sources"]} == {
        "The minister ended an official visit to Baku on Monday.",
        "Le ministre a conclu lundi une visite officielle à Bakou.",
    }


def test_timeline_uses_event_dates_with_disagreement_marked() -> None:
    from samestory.models import DateMention

    a = make("t", [("Launched on 25 March.", SIGN), ("Extra.", SWISS)], outlet="Wire")
    b = make("t", [("Lanzado el 26 de marzo.", SIGN)], outlet="Diario", language="es")
    a.dates.append(
        DateMention("25 March", dt.date(2025, 3, 25), dt.date(2025, 3, 25), "day", False, 0, 1, 1)
    )
    b.dates.append(
        DateMention(
            "26 de marzo", dt.date(2025, 3, 26), dt.date(2025, 3, 26), "day", False, 0, 1, 1
        )
    )
    timeline = build_report([a, b], Settings()).timeline
    assert len(timeline) == 1
    entry = timeline[0]
    assert entry["disputed"] is True
    assert {v["date"] for v in entry["values"]} == {"2025-03-25", "2025-03-26"}


def test_empty_story_is_an_input_error() -> None:
    from samestory.errors import InputError

    with pytest.raises(InputError):
        build_report([], Settings())


# --- CLI ----------------------------------------------------------------------------


def test_cli_unknown_story_id_is_one_line_not_found() -> None:
    out = run("report", "story-that-does-not-exist")
    one_line_error(out, "story 'story-that-does-not-exist' not found")
    assert out.returncode == 1


def test_cli_missing_file_among_several_is_one_line_error(tmp_path: Path) -> None:
    real = tmp_path / "a.txt"
    real.write_text("Title\n\nSome body text that is long enough to read.", encoding="utf-8")
    out = run("report", str(real), str(tmp_path / "missing.txt"))
    one_line_error(out, "missing.txt")


def test_cli_bad_published_date_is_one_line_error(tmp_path: Path) -> None:
    out = run("report", str(tmp_path), "--published", "yesterday")
    one_line_error(out, "--published")


def test_cli_report_help() -> None:
    out = run("report", "--help")
    assert out.returncode == 0
    for option in ("--json", "--html", "--published"):
        assert option in out.stdout


# --- HTML ---------------------------------------------------------------------------

EVIL = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'img\'">'


def _evil_report():  # type: ignore[no-untyped-def]
    a = make("Fund <b>news</b>", [(f"The fund is created {EVIL}.", FUND)], outlet="Wire </script>")
    b = make("Fonds", [("Le fonds est créé.", FUND)], outlet="Journal", language="fr")
    return build_report([a, b], Settings())


def test_html_escapes_article_text() -> None:
    from samestory.serve.report_html import render_html

    html = render_html(_evil_report())
    assert "<script>document.title" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;document.title" in html
    assert "Wire </script>" not in html
    assert html.count("<script") == 2  # the page's own data block and script only
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing fetched from the network


def test_html_is_rendered_by_the_cli(tmp_path: Path) -> None:
    from samestory.serve.report_html import write_html

    out = write_html(build_report(three_articles(), Settings()), tmp_path / "r.html")
    html = out.read_text(encoding="utf-8")
    for section in ('id="summary"', 'id="timeline"', 'id="facts"', 'id="compare"'):
        assert section in html


@pytest.mark.skipif(not CHROMIUM.is_file(), reason="/usr/bin/chromium absent (make browser)")
def test_html_loads_in_chromium_without_errors_and_scripts_in_text_never_run(
    tmp_path: Path,
) -> None:
    from playwright.sync_api import sync_playwright

    from samestory.serve.report_html import write_html

    page_path = write_html(_evil_report(), tmp_path / "evil.html")
    problems: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        record_problems(page, problems)
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        title = page.title()
        text = page.inner_text("#compare")
        # Switching articles recolours the sentences through the page script.
        page.select_option("#pick-right", "0")
        classes = page.eval_on_selector_all(
            '.column[data-side="right"] article:not(.hidden) span.s',
            "els => els.map(e => e.className)",
        )
        browser.close()
    assert problems == []
    assert title.startswith("samestory")  # neither injected script ran
    assert "<script>" in text  # shown as text
    assert classes and all(c in {"s shared", "s unique", "s plain"} for c in classes)
