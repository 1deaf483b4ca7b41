"""Test helper: the command line called as a user does (`run`: a `python -m samestory`
process) or in this process (`call`: `main`, output from capsys), and the one-line
error that every failure of it must be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from samestory.cli.app import main


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """`samestory ARGS` as a process; `env` is added to this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "samestory", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`samestory ARGS` in this process: (exit status, stdout, stderr)."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    """The one line an error prints (no traceback, nothing else)."""
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def one_line_error(out: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert out.returncode != 0
    assert fragment in one_line(out.stderr)
