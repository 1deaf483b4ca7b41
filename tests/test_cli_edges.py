"""Rough edges a new user hits on the command line (issue #18, item 6): serve's bad
port and missing store, and `report STORY_ID --db FILE`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cli_calls import call, one_line, run
from conftest import ROOT
from samestory.engine import Engine
from samestory.ingest import read_bytes
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run(*args, cwd=cwd, env={"SAMESTORY_EMBEDDER": "hashing"}, timeout=60)


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_serve_bad_port_is_one_line(tmp_path: Path, port: str) -> None:
    SQLiteStore(tmp_path / "s.db").close()
    done = _run("serve", "--db", str(tmp_path / "s.db"), "--port", port)
    assert done.returncode == 1
    assert "port" in one_line(done.stderr)


def test_serve_does_not_create_a_store_from_a_typo(tmp_path: Path) -> None:
    done = _run("serve", "--db", "typo.db", cwd=tmp_path)
    assert done.returncode == 1
    assert "no such store" in one_line(done.stderr)
    assert not (tmp_path / "typo.db").exists()
    same = _run("stories", "--db", "typo.db", cwd=tmp_path)
    assert "no such store" in one_line(same.stderr)


def test_report_of_a_stored_story_with_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    engine = Engine(Settings(embedder="hashing"))
    text = (
        "Ferry to Lindholm sails again\n\nThe ferry between Portmere and the Lindholm "
        "islands sailed again on Monday after a two-week strike, the operator said."
    )
    articles = read_bytes(text.encode(), name="ferry.txt")
    StoryIngest(engine, SQLiteStore(db)).ingest_articles(articles)
    story = SQLiteStore(db).stories(limit=1)[0]["id"]
    monkeypatch.setenv("SAMESTORY_EMBEDDER", "hashing")
    monkeypatch.setenv("SAMESTORY_DB", str(tmp_path / "elsewhere.db"))  # --db wins

    code, out, err = call(capsys, "report", story, "--db", str(db), "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    assert [a["title"] for a in data["articles"]] == ["Ferry to Lindholm sails again"]
    code, _, err = call(capsys, "report", "s-no-such-story", "--db", str(db))
    assert code == 1 and "not found" in one_line(err)
