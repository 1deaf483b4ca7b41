"""The command line as a user meets it: exit codes, one-line errors, JSON contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_calls import one_line_error, run


def test_help_lists_every_command() -> None:
    out = run("--help")
    assert out.returncode == 0
    for cmd in ("analyse", "compare", "demo", "settings"):
        assert cmd in out.stdout
    for cmd in ("analyse", "compare"):
        sub = run(cmd, "--help")
        assert sub.returncode == 0 and "--json" in sub.stdout and "--published" in sub.stdout


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    nomain = tmp / "nomain.html"
    nomain.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    big = tmp / "big.txt"
    with big.open("wb") as f:
        f.truncate(50_000_000)
    return {
        "empty": (empty, "empty"),
        "binary": (binary, "binary"),
        "no main text": (nomain, "no article text"),
        "50 MB": (big, "limit"),
        "missing": (tmp / "nope.txt", "nope.txt"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "no main text", "50 MB", "missing"])
def test_bad_input_is_one_line_and_non_zero(tmp_path: Path, case: str) -> None:
    path, fragment = _bad_inputs(tmp_path)[case]
    out = run("analyse", str(path), "--embedder", "none")
    one_line_error(out, fragment)


def test_bad_option_value_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Titre\n\nUn texte assez long pour être un article de presse.", encoding="utf-8")
    out = run("analyse", str(f), "--published", "last tuesday", "--embedder", "none")
    one_line_error(out, "--published")


def test_latin1_file_is_read_not_refused(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes(
        "Le ministre à Bakou\n\nLe ministre israélien s'est rendu à Bakou lundi.".encode("latin-1")
    )
    out = run("analyse", str(f), "--json", "--embedder", "none")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["article"]["title"] == "Le ministre à Bakou"
    assert data["language"] == "fr"


def test_analyse_reads_stdin() -> None:
    text = "Flood in Porto\n\nHeavy rain flooded the centre of Porto on Monday, officials said."
    out = run("analyse", "-", "--json", "--embedder", "none", stdin=text.encode())
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["language"] == "en"


@pytest.mark.parametrize("argv", [["stories", "--bogus"], ["report"], ["no-such-command"]])
def test_usage_errors_exit_2_with_a_usage_line(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    from samestory.cli.app import main

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "Usage: samestory" in err and "internal error" not in err and "Traceback" not in err
