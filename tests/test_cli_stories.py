"""`samestory ingest / stories / story / recluster / eval clusters` as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import cli_calls
from cli_calls import one_line_error
from conftest import EXAMPLES


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return cli_calls.run(*args, env=env, timeout=600)  # an ingest with the default models


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.db"
    out = run("ingest", str(EXAMPLES / "corpus.jsonl"), "--db", str(path), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    # 8 gold stories; one article of the two deliberately similar floods may stand alone
    assert result["stored"] == 37 and result["total_stories"] in (8, 9)
    return path


def test_stories_and_story(db: Path) -> None:
    out = run("stories", "--db", str(db), "--json")
    rows = json.loads(out.stdout)
    assert len(rows) in (8, 9) and sum(r["size"] for r in rows) == 37
    for key in ("id", "title", "size", "languages", "outlets", "first_seen", "last_seen"):
        assert key in rows[0]
    fr = json.loads(run("stories", "--db", str(db), "--json", "--language", "it").stdout)
    assert fr and all("it" in r["languages"] for r in fr)
    one = json.loads(run("story", rows[0]["id"], "--db", str(db), "--json").stdout)
    assert len(one["articles"]) == rows[0]["size"] and one["events"][0]["kind"] == "created"
    text = run("stories", "--db", str(db))
    assert text.returncode == 0 and rows[0]["id"][:8] in text.stdout


def test_report_by_story_id(db: Path) -> None:
    rows = json.loads(run("stories", "--db", str(db), "--json").stdout)
    out = run("report", rows[0]["id"], "--json", env={"SAMESTORY_DB": str(db)})
    assert out.returncode == 0, out.stderr
    assert {"facts", "summary", "timeline", "lineage"} <= set(json.loads(out.stdout))


def test_errors_are_one_line(tmp_path: Path, db: Path) -> None:
    one_line_error(run("stories", "--db", str(tmp_path / "none.db")), "no such store")
    one_line_error(run("story", "nope", "--db", str(db)), "not found")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 50)
    one_line_error(run("stories", "--db", str(bad)), "not a samestory database")
    one_line_error(run("ingest", str(tmp_path / "missing.jsonl"), "--db", str(db)), "missing")
    labelled = tmp_path / "l.jsonl"
    labelled.write_text('{"title": "x"}\n')
    one_line_error(run("eval", "clusters", "--data", str(labelled)), "not a labelled document")


def test_ingest_counts_malformed_records_and_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    lines = (EXAMPLES / "corpus.jsonl").read_text().splitlines()[:3]
    src.write_text("\n".join([lines[0], "{not json", lines[1], '{"title": ""}', lines[2]]) + "\n")
    out = run("ingest", str(src), "--db", str(tmp_path / "m.db"), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["stored"] == 3 and result["skipped"]["total"] == 2


def test_eval_clusters_contract(tmp_path: Path) -> None:
    gold = {
        json.loads(x)["id"]: json.loads(x)["story"]
        for x in (EXAMPLES / "gold.jsonl").read_text().splitlines()
    }
    labelled = tmp_path / "labelled.jsonl"
    with labelled.open("w") as fh:
        for line in (EXAMPLES / "corpus.jsonl").read_text().splitlines():
            d = json.loads(line)
            fh.write(json.dumps({**d, "story": gold[d["id"]]}) + "\n")
    out = run("eval", "clusters", "--data", str(labelled), "--json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert (r["n_docs"], r["n_gold"]) == (37, 8)
    assert set(r["bcubed"]) == {"precision", "recall", "f1"} and set(r["pairwise"]) >= {"f1"}
    assert r["bcubed"]["f1"] >= 0.95


def test_ingest_builds_reports_and_reports_command(tmp_path: Path, db: Path) -> None:
    out = run("reports", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    again = json.loads(out.stdout)
    assert again["built"] == 0 and again["fresh"] >= 1  # ingest stored them all already
    bare = tmp_path / "bare.db"
    out = run("ingest", str(EXAMPLES / "corpus.jsonl"), "--db", str(bare), "--json", "--no-reports")
    assert out.returncode == 0 and json.loads(out.stdout)["reports"] is None
    built = json.loads(run("reports", "--db", str(bare), "--all", "--json").stdout)
    stories = json.loads(run("stories", "--db", str(bare), "--json").stdout)
    assert built["built"] == len(stories) and built["small"] == 0


def test_labelled_url_title_gives_way_to_the_headline_line(tmp_path: Path) -> None:
    """ECB+'s ecbplus half: the title is the source URL, the headline the text's first
    line; read as a title, the URL would make two such documents look alike."""
    from samestory.cli.eval_clusters import load_labelled

    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {
            "title": "http: / / www. ndtv. com / article / india / navy - foils - piracy",
            "text": "Navy foils piracy attempt in Gulf of Aden\nNovember 12, 2011\n"
            "Warship INS Sukanya on Thursday foiled a piracy attempt in the Gulf of Aden.",
            "story": "12-ecbplus",
        },
        {
            "title": "The Indian navy has captured 23 Somalian pirates.",
            "text": "The pirates were about to board a vessel in the Gulf of Aden.\nMore.",
            "story": "12-ecb",
        },
    ]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows))
    (url_doc, _), (plain, _) = load_labelled(labelled)
    assert url_doc.title == "Navy foils piracy attempt in Gulf of Aden"
    assert "http" not in url_doc.title and "November 12, 2011" in url_doc.body
    assert plain.title == "The Indian navy has captured 23 Somalian pirates."
