"""The web UI's rough edges a new user hit (issue #18, item 6), in process, model-free:
one title per story, times with their zone, undated stories by when they were first
seen, compare bars that grow with similarity, and the compare page's errors as a page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.models import Article
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
UNDATED = Article.create(
    "Tornado flattens grain silos near Wichita, farmers count losses",
    "A tornado tore through farmland outside Wichita, Kansas, flattening four grain silos "
    "and a machine shed. Farmers said the harvest stored there was lost. No one was hurt, "
    "the county sheriff said, and power lines were down along two rural roads.",
    outlet="Prairie Wire",
    language="en",
)
DAY_ONLY = Article.create(
    "Glacier monitoring station opens above Zermatt",
    "A new glacier monitoring station opened above Zermatt on Monday. Researchers will "
    "measure the ice loss of the Gorner glacier every hour with radar and cameras.",
    outlet="Alpine Notes",
    language="en",
    published=dt.datetime(2025, 2, 3),
    date_only=True,
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing"))


@pytest.fixture(scope="module")
def store(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    # Two stories of the corpus (fast): the marathon, whose first stored article is not
    # its earliest, and the measles outbreak, last published at 08:00+02:00.
    lines = [
        line
        for line in CORPUS.read_text(encoding="utf-8").splitlines()
        if '"id": "marathon-' in line or '"id": "measles-' in line
    ]
    assert len(lines) == 9
    corpus = tmp_path_factory.mktemp("corpus") / "two-stories.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = SQLiteStore()
    ingest = StoryIngest(engine, store)
    ingest.ingest_sources([corpus])
    ingest.ingest_articles([UNDATED, DAY_ONLY])
    ingest.settle()
    return store


@pytest.fixture(scope="module")
def client(engine: Engine, store: SQLiteStore) -> Iterator[TestClient]:
    app = create_app(engine.settings, store=store, engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _page(client: TestClient, path: str) -> lxml.html.HtmlElement:
    r = client.get(path)
    assert r.status_code == 200, r.text
    return lxml.html.fromstring(r.text)


def _list_rows(client: TestClient) -> list[tuple[str, str, str]]:
    """(story id, its title, its time cell) per row of the story list."""
    rows = []
    for tr in _page(client, "/").xpath("//table[@id='stories']/tbody/tr"):
        link = tr.xpath(".//a[contains(@class, 'story-link')]")[0]
        sid = link.get("href").rsplit("/", 1)[-1]
        rows.append((sid, link.text_content().strip(), tr.xpath("./td")[0].text_content()))
    return rows


def test_one_title_per_story(client: TestClient) -> None:
    rows = _list_rows(client)
    # The corpus holds a story whose first stored article is not its earliest one (the
    # heading used to follow the earliest), so this compares two different rules.
    assert len(rows) == 4
    for sid, title, _ in rows:
        api = client.get(f"/api/stories/{sid}").json()
        heading = (
            _page(client, f"/stories/{sid}").xpath("//div[@class='hero']//h1")[0].text_content()
        )
        assert title == api["title"] == heading.strip(), sid
    listed = client.get("/api/stories", params={"limit": 200}).json()["stories"]
    assert {s["id"]: s["title"] for s in listed} == {sid: t for sid, t, _ in rows}


def test_times_carry_their_zone(client: TestClient, store: SQLiteStore) -> None:
    rows = {sid: when for sid, _, when in _list_rows(client)}
    measles = next(s for s in store.stories() if s["last_seen"] == "2025-04-10T08:00:00+02:00")
    assert rows[measles["id"]].strip() == "2025-04-10 06:00 UTC"
    sid = measles["id"]
    cells = [
        tr.xpath("./td")[0].text_content()
        for tr in _page(client, f"/stories/{sid}").xpath("//section[@id='articles']//tbody/tr")
    ]
    assert cells and all(c.endswith(" UTC") for c in cells), cells


def test_a_day_only_article_shows_a_date(client: TestClient, store: SQLiteStore) -> None:
    kicker = _page(client, f"/articles/{DAY_ONLY.id}").xpath(
        "//div[@class='hero']//div[@class='kicker']"
    )[0]
    text = kicker.text_content()
    assert text.endswith("· 2025-02-03") and "00:00" not in text, text
    sid = store.story_of(DAY_ONLY.id)
    rows = {s: when for s, _, when in _list_rows(client)}
    assert rows[sid].strip() == "2025-02-03"


def test_undated_story_is_placed_by_when_it_was_first_seen(
    client: TestClient, store: SQLiteStore
) -> None:
    rows = _list_rows(client)
    undated = store.story_of(UNDATED.id)
    # Ingested now, after every article of the corpus was published (2025): the most
    # recently active story, not the last one.
    assert rows[0][0] == undated, [r[1] for r in rows]
    assert "(first seen)" in rows[0][2] and "UTC" in rows[0][2]
    api = client.get("/api/stories").json()["stories"]
    assert api[0]["id"] == undated and api[0]["last_seen"] is None and api[0]["active"]


def test_compare_bars_grow_with_similarity(client: TestClient, store: SQLiteStore) -> None:
    sid = max(store.stories(), key=lambda s: s["size"])["id"]
    a, b = (store.article(x["id"]) for x in store.story(sid)["articles"][:2])
    form = {"a_text": f"{a.title}\n\n{a.body}", "b_text": f"{b.title}\n\n{b.body}"}
    r = client.post("/compare", data=form)
    assert r.status_code == 200, r.text
    table = lxml.html.fromstring(r.text).xpath("//section[@id='result']//table")[0]
    assert "Similarity" in table.xpath("./thead")[0].text_content()
    bars = []
    for tr in table.xpath("./tbody/tr"):
        meter = tr.xpath(".//meter")[0]
        low, high, value = (float(meter.get(k)) for k in ("min", "max", "value"))
        score = float(tr.xpath("./td[@class='num']")[0].text_content())
        bars.append((score, (value - low) / (high - low)))
    assert len(bars) == 7
    for score, filled in bars:
        assert filled == pytest.approx((4 - score) / 3, abs=0.01), (score, filled)
    assert any(s != bars[0][0] for s, _ in bars), "all scores alike: the test would prove nothing"


def test_compare_upload_over_the_limit_is_a_page(engine: Engine) -> None:
    settings = engine.settings.with_(max_body_bytes=20_000)
    app = create_app(settings, store=SQLiteStore(), engine=engine)
    big = b"Title\n\n" + b"word " * 10_000
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/compare", files={"a_file": ("a.txt", big, "text/plain")})
        assert r.status_code == 413
        assert r.headers["content-type"].startswith("text/html")
        page = lxml.html.fromstring(r.text)
        assert "20000-byte limit" in page.xpath("//*[@id='compare-error']")[0].text_content()
        assert page.xpath("//form[@id='compare-form']")  # the form again, to try a smaller file
        api = c.post("/api/articles", content=big, headers={"content-type": "text/plain"})
        assert api.status_code == 413 and api.json()["status"] == 413  # the API stays JSON


def test_first_and_last_seen_are_instants_not_text() -> None:
    from samestory.cluster import StoryEvent
    from test_report_facts import SIGN, make

    paris = dt.timezone(dt.timedelta(hours=1))
    # 19:30 in Paris is 18:30 UTC: earlier than 19:05 UTC, though later as text.
    early = make(
        "A",
        [("Signed.", SIGN)],
        outlet="A",
        published=dt.datetime(2025, 3, 11, 19, 30, tzinfo=paris),
    )
    late = make(
        "B",
        [("Signé.", SIGN)],
        outlet="B",
        published=dt.datetime(2025, 3, 11, 19, 5, tzinfo=dt.UTC),
    )
    store = SQLiteStore()
    store.write_batch(
        [early, late],
        [
            StoryEvent("created", "s-1", early.article.id, None, None),
            StoryEvent("added", "s-1", late.article.id, None, 0.9),
        ],
    )
    row = store.stories()[0]
    assert row["first_seen"] == early.article.published_text
    assert row["last_seen"] == late.article.published_text
    # ... and the list puts the story published last (19:05 UTC) first.
    apart = SQLiteStore()
    apart.write_batch(
        [early, late],
        [
            StoryEvent("created", "s-early", early.article.id, None, None),
            StoryEvent("created", "s-late", late.article.id, None, None),
        ],
    )
    assert [s["id"] for s in apart.stories()] == ["s-late", "s-early"]


def test_an_unexpected_error_on_a_page_is_a_page(engine: Engine) -> None:
    app = create_app(engine.settings, store=SQLiteStore(), engine=engine)

    def broken(**_: object) -> list[dict[str, object]]:
        raise RuntimeError("boom")

    app.state.service.stories = broken
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
        assert "internal error: RuntimeError" in r.text and "boom" not in r.text
        assert c.get("/api/stories").json()["error"] == "InternalError"  # the API: JSON


def test_report_html_of_a_stored_story_bears_its_title(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from samestory.cli.app import app

    lines = [ln for ln in CORPUS.read_text(encoding="utf-8").splitlines() if "marathon-" in ln]
    corpus = tmp_path / "marathon.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    ingest = StoryIngest(engine, SQLiteStore(str(db)))
    ingest.ingest_sources([corpus])
    ingest.settle()
    story = SQLiteStore(str(db)).stories()[0]
    assert story["size"] == 4  # stored first: the French article; published first: the English
    monkeypatch.setenv("SAMESTORY_DB", str(db))
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", story["id"], "--html", str(out)])
    assert result.exit_code == 0, result.output
    heading = lxml.html.fromstring(out.read_text(encoding="utf-8")).xpath("//h1")[0]
    assert heading.text_content().strip() == story["title"]
