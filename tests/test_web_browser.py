"""The web UI end to end in headless Chromium (Debian's /usr/bin/chromium, `make browser`).

A real uvicorn server on a free loopback port serves a store filled from
examples/corpus.jsonl plus one hostile article; Playwright drives the browser through
the story list, a story, its facts matrix, an article and the compare page, fails on
any console error, page error or failed request, and saves screenshots in a temporary
folder (or $SAMESTORY_SCREENSHOTS). Those of docs/screenshots/ come from a store made
with the real models (benchmarks/make_screenshots.py), not from this test's hashing
embedder, whose stories are not what the product shows.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chromium import CHROMIUM, launch
from samestory.engine import Engine
from samestory.models import Article
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest
from sources_table import make_sources_table

ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("SAMESTORY_SCREENSHOTS") or tempfile.mkdtemp(prefix="samestory-shots-"))
TOKEN = "browser-token"
EVIL_TITLE = "<script>window.__pwned = 1</script> Evil <b>title</b>"
EVIL_BODY = (
    'Paris, mardi. <img src=x onerror="window.__pwned = 2; alert(2)"> Une enquête a été '
    "ouverte à Paris après l'incident de mardi, selon la préfecture. "
    "<script>alert(document.cookie)</script> Au moins 12 personnes ont été entendues. "
    '<svg onload="window.__pwned = 3"></svg> "><iframe src=javascript:alert(4)>'
)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium absent")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, Any]]:
    import uvicorn

    from samestory.serve.api import create_app

    engine = Engine(Settings(embedder="hashing"))
    store = SQLiteStore()
    ingest = StoryIngest(engine, store)
    ingest.ingest_sources([ROOT / "examples" / "corpus.jsonl"])
    evil = Article.create(EVIL_TITLE, EVIL_BODY, outlet="<i>Evil outlet</i>", language="fr")
    ingest.ingest_articles([evil])
    ingest.settle()
    make_sources_table(store)  # a source list, for the story's blind spots
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(engine.settings.with_(api_token=TOKEN), store=store, engine=engine),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield {"url": f"http://127.0.0.1:{port}", "store": store, "evil": evil, "ingest": ingest}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    yield pg
    context.close()


def _no_overflow(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    culprits = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(e => !e.closest('.matrix-wrap'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    assert width <= page.viewport_size["width"] + 1, f"page is {width}px wide: {culprits}"


def test_story_list_story_and_facts_matrix(served: dict[str, Any], page: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(served["url"] + "/")
    rows = page.locator("#stories tbody tr")
    assert rows.count() == len(served["store"].stories())
    page.screenshot(path=str(SHOTS / "stories.png"), full_page=True)
    biggest = max(served["store"].stories(), key=lambda s: s["size"])
    page.locator(f'a.story-link[href="/stories/{biggest["id"]}"]').click()
    page.wait_for_selector("#matrix")
    assert page.locator("h1").inner_text().strip()
    matrix_rows = page.locator("#matrix tbody tr")
    assert matrix_rows.count() > 0
    assert page.locator("#matrix td.cell.consensus").count() > 0
    outlets = {a["outlet"] for a in served["store"].story(biggest["id"])["articles"]}
    assert page.locator("#matrix thead th.outlet").count() == min(30, len(outlets))
    assert page.locator("#summary li").count() > 0
    assert page.locator("#articles tbody tr").count() == biggest["size"]
    # Filtering the matrix to unique facts hides every other row.
    page.click('button[data-filter="unique"]')
    visible = page.locator("#matrix tbody tr:not(.hidden)")
    assert all(
        visible.nth(i).get_attribute("data-status") == "unique" for i in range(visible.count())
    )
    page.click('button[data-filter="all"]')
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "story.png"))
    page.locator("#facts").screenshot(path=str(SHOTS / "story-facts.png"))
    page.locator("#lineage").screenshot(path=str(SHOTS / "story-lineage.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("window.scrollTo(0, 0)")
    _no_overflow(page)
    assert page.evaluate(_BROKEN, "#articles td, #summary li, .hero h1") == []
    page.screenshot(path=str(SHOTS / "story-phone.png"))
    assert page.problems == []


# The words of an element the browser broke across two lines (a break after a hyphen or
# a slash is fine): a word whose text spans two line tops.
_WORDS = """(cell) => {
  const broken = [];
  const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    for (const m of node.data.matchAll(/[^\\s\\-\u2010-\u2014\\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""
# Per row of the story list: each cell's column name (its header when the header row
# shows, else the label the cell itself shows), whether it shows inside the viewport, and
# its broken words.
_STORY_ROWS = """() => {
  const heads = [...document.querySelectorAll('#stories thead th')];
  const headShown = heads.length > 0 && heads[0].getBoundingClientRect().height > 0;
  const words = WORDS;
  return [...document.querySelectorAll('#stories tbody tr')].map(tr =>
    [...tr.children].map((td, i) => {
      const r = td.getBoundingClientRect();
      const label = getComputedStyle(td, '::before').content;
      return {
        column: heads[i].innerText.trim(),
        named: headShown || i === 1 || !['none', 'normal', '""'].includes(label),
        shown: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1,
        width: r.width,
        text: td.innerText.trim(),
        broken: words(td),
      };
    }));
}""".replace("WORDS", _WORDS)
# The words the browser broke across two lines in the elements `sel` selects.
_BROKEN = """(sel) => [...document.querySelectorAll(sel)].flatMap(WORDS)""".replace("WORDS", _WORDS)


def test_story_list_at_phone_width(served: dict[str, Any], page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served["url"] + "/")
    _no_overflow(page)
    rows = page.evaluate(_STORY_ROWS)
    assert len(rows) == len(served["store"].stories())
    for cells in rows:
        assert [c["column"] for c in cells] == [
            "Last seen",
            "Story",
            "Articles",
            "Languages",
            "Outlets",
        ]
        for c in cells:
            assert c["shown"] and c["text"], c  # every column, the outlets too, on screen
            assert c["named"], c  # and said what it is
            assert c["broken"] == [], c  # no word cut in two
        title = cells[1]
        assert title["width"] >= 300, title  # the story's title reads across the card
    page.screenshot(path=str(SHOTS / "stories-phone.png"), full_page=True)
    assert page.problems == []


def test_article_page_highlights(served: dict[str, Any], page: Any) -> None:
    story = max(served["store"].stories(), key=lambda s: s["size"])
    article = served["store"].story(story["id"])["articles"][0]
    page.goto(f"{served['url']}/articles/{article['id']}")
    for kind in ("entity", "place", "date", "number"):
        assert page.locator(f"#article-text mark.{kind}").count() > 0, kind
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    page.uncheck('#marks input[data-kind="place"]')
    assert "off-place" in (page.locator("#article-text").get_attribute("class") or "")
    assert page.problems == []


def test_compare_page(served: dict[str, Any], page: Any) -> None:
    store = served["store"]
    biggest = max(store.stories(), key=lambda s: s["size"])
    ids = [a["id"] for a in store.story(biggest["id"])["articles"][:2]]
    a, b = (store.article(i) for i in ids)
    page.goto(served["url"] + "/compare")
    page.fill("#a_text", f"{a.title}\n\n{a.body}")
    page.fill("#b_text", f"{b.title}\n\n{b.body}")
    page.click("#compare-submit")
    page.wait_for_selector("#result")
    assert "Same story" in page.locator("#result h2").inner_text()
    assert page.locator("#result meter").count() == 7
    assert page.locator("#reasons .tag").count() > 0
    page.screenshot(path=str(SHOTS / "compare.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    _no_overflow(page)
    assert page.problems == []
    page.goto(served["url"] + "/compare")
    page.click("#compare-submit")  # empty form: an error on the page, not a crash
    assert page.locator("#compare-error").count() == 1
    # The browser logs the 400 answer itself; nothing else may go wrong.
    assert [p for p in page.problems if "status of 400" not in p] == []


def test_compare_upload_over_the_limit_shows_the_form_again(
    served: dict[str, Any], page: Any, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * (Settings().max_body_bytes // 5 + 1000))
    page.goto(served["url"] + "/compare")
    page.set_input_files("#a_file", str(big))
    with page.expect_navigation():
        page.click("#compare-submit")
    error = page.locator("#compare-error")
    assert error.count() == 1 and "byte limit" in error.inner_text()  # a page, not JSON
    assert page.locator("#compare-form").count() == 1
    assert [p for p in page.problems if "status of 413" not in p] == []


def test_hostile_article_renders_inert(served: dict[str, Any], page: Any) -> None:
    evil = served["evil"]
    story = served["store"].story_of(evil.id)
    for path in (f"/articles/{evil.id}", f"/stories/{story}", "/", "/search?q=enquete+Paris"):
        page.goto(served["url"] + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("img[src=x], iframe, svg[onload], #article-text script").count() == 0
    page.goto(f"{served['url']}/articles/{evil.id}")
    text = page.locator("body").inner_text()
    assert "<script>window.__pwned = 1</script>" in text  # shown as text
    assert 'onerror="window.__pwned = 2' in text
    assert page.problems == []


def test_watch_from_a_story_page_lists_its_events(served: dict[str, Any], page: Any) -> None:
    """Coverage and blind spots on a story page; a watch made there; its events listed
    once the story grows (issue 19)."""
    store, ingest = served["store"], served["ingest"]
    story = store.stories()[0]  # the latest: inside the clusterer's time window
    page.goto(f"{served['url']}/stories/{story['id']}")
    spread = page.locator("#spread")
    assert spread.locator("h3").count() == 4
    outlets = {a["outlet"] for a in store.story(story["id"])["articles"]}
    blind = page.locator("#blind-spots li")
    assert blind.count() > 0
    assert not {blind.nth(i).inner_text().split(" · ")[0] for i in range(blind.count())} & outlets
    spread.screenshot(path=str(SHOTS / "story-coverage.png"))
    form = page.locator("#watch-form")
    form.locator('input[name="grow_to"]').fill(str(story["size"] + 1))
    form.locator('input[name="token"]').fill(TOKEN)
    form.locator('button[type="submit"]').click()
    page.wait_for_url("**/watches/*")
    assert page.locator("p#events").count() == 1  # nothing yet: the watch starts now
    # The story grows by one article (another outlet's copy of its latest one).
    first = store.article(store.story(story["id"])["articles"][-1]["id"])
    copy = Article.create(
        first.title,
        first.body + " The agency updated its report in the evening.",
        outlet="Copy Wire",
        language=first.language,
        published=first.published,
    )
    ingest.ingest_articles([copy])
    assert store.story_of(copy.id) == story["id"]
    page.reload()
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1
    assert page.locator("#events tr.event.grown").count() == 1
    page.screenshot(path=str(SHOTS / "watch.png"), full_page=True)
    page.goto(served["url"] + "/watches")
    assert page.locator("#watches tbody tr").count() >= 1
    assert page.problems == []


def test_sources_page_shows_a_failing_source(served: dict[str, Any], page: Any) -> None:
    """The Sources page: a source whose last poll failed shows its error at a glance, an
    OK one shows as ok (issue 19, item 3)."""
    from samestory.store.sources import PollState, SourceTable

    table = SourceTable(served["store"])
    now = time.time()
    good = table.add("http://127.0.0.1:9/good.xml", every_s=300, outlet="Good Wire")
    bad = table.add("http://127.0.0.1:9/bad.xml", every_s=300, outlet="Broken Wire")
    table.save_poll(good.id, PollState(last_poll=now, last_success=now, last_status="200", polls=1))
    table.save_poll(
        bad.id,
        PollState(last_poll=now, last_error="HTTP 500", last_status="error", failures=3, polls=3),
    )
    page.goto(served["url"] + "/sources")
    bad_row = page.locator(f'#sources tr[data-source="{bad.id}"]')
    good_row = page.locator(f'#sources tr[data-source="{good.id}"]')
    assert bad_row.get_attribute("class") == "source-error"
    assert good_row.get_attribute("class") == "source-ok"
    error = bad_row.locator(".source-error-text")
    assert error.is_visible()
    assert error.inner_text() == "HTTP 500 (3 in a row)"
    assert good_row.locator(".source-error-text").inner_text() == ""
    assert bad_row.locator("td").first.inner_text() == "✗"
    assert good_row.locator("td").first.inner_text() == "✓"
    header = page.locator(".source-failing")
    assert header.is_visible() and header.inner_text() == "1 failing"
    # Marked apart from the OK rows, not only by a class: a different background or colour.
    style = "e => getComputedStyle(e).backgroundColor + getComputedStyle(e).color"
    assert bad_row.evaluate(style) != good_row.evaluate(style)
    page.screenshot(path=str(SHOTS / "sources.png"), full_page=True)
    assert page.problems == []
